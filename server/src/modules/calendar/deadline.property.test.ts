import chineseDays from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from './dates.ts';
import { buildCalendar, computeDeadline, computeDue, dueMayChange, isWorkingDay, prepareClock, workingDaysBetween, type PauseInput } from './rules.ts';

const cal = buildCalendar();
const FIRST = parseIsoDate('2004-01-01') as number;
const LAST = parseIsoDate('2028-06-30') as number;

const startDay = fc.integer({ min: FIRST, max: LAST });
const limit = fc.integer({ min: 0, max: 120 });
const dueDay = (from: number, days: number, pauses: PauseInput[] = []): number =>
  parseIsoDate(computeDeadline(cal, { from: formatIsoDate(from), limit: days, pauses }).dueDate) as number;

// The reference: walk day by day asking chinese-days itself, with no table.
function walk(from: number, days: number): number {
  let d = from;
  if (days === 0) {
    while (!chineseDays.isWorkday(formatIsoDate(d))) d++;
    return d;
  }
  for (let counted = 0; counted < days; ) {
    d++;
    if (chineseDays.isWorkday(formatIsoDate(d))) counted++;
  }
  return d;
}

describe('deadline properties', () => {
  it('agrees with a day-by-day walk over chinese-days', () => {
    fc.assert(fc.property(startDay, limit, (s, n) => dueDay(s, n) === walk(s, n)), { numRuns: 300 });
  });

  it('a deadline is a working day', () => {
    fc.assert(fc.property(startDay, limit, (s, n) => isWorkingDay(cal, dueDay(s, n))), { numRuns: 500 });
  });

  it('more days never give an earlier date', () => {
    fc.assert(
      fc.property(startDay, limit, limit, (s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return dueDay(s, lo) <= dueDay(s, hi);
      }),
      { numRuns: 500 },
    );
  });

  it('a later start never gives an earlier date', () => {
    fc.assert(
      fc.property(startDay, fc.integer({ min: 0, max: 30 }), limit, (s, gap, n) => dueDay(s, n) <= dueDay(s + gap, n)),
      { numRuns: 300 },
    );
  });

  it('a pause of k working days moves the deadline by k working days', () => {
    fc.assert(
      fc.property(startDay, fc.integer({ min: 1, max: 60 }), fc.nat(), fc.integer({ min: 0, max: 20 }), (s, n, offsetSeed, length) => {
        const plain = dueDay(s, n);
        // Any pause that starts after the start day and no later than the plain deadline.
        const from = s + 1 + (offsetSeed % (plain - s));
        const to = from + length;
        const k = workingDaysBetween(cal, from, to);
        const paused = dueDay(s, n, [{ type: 'supplement', from: formatIsoDate(from), to: formatIsoDate(to) }]);
        expect(workingDaysBetween(cal, plain + 1, paused)).toBe(k);
        expect(isWorkingDay(cal, paused)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('computing in one step equals computing in parts', () => {
    fc.assert(
      fc.property(startDay, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (s, a, b) => {
        const middle = dueDay(s, a);
        return dueDay(s, a + b) === dueDay(middle, b);
      }),
      { numRuns: 500 },
    );
  });

  it('is provisional exactly when the due day lies past the data', () => {
    fc.assert(
      fc.property(startDay, limit, (s, n) => {
        const r = computeDeadline(cal, { from: formatIsoDate(s), limit: n });
        return r.provisional === r.dueDate > '2026-12-31';
      }),
      { numRuns: 500 },
    );
  });
});

describe('properties of the other units and of calendar changes', () => {
  const hours = { open: 9 * 60, close: 17 * 60 + 30 };

  it('natural days end on the first working day on or after start + n', () => {
    fc.assert(
      fc.property(startDay, limit, (s, n) => {
        const due = parseIsoDate(computeDeadline(cal, { from: formatIsoDate(s), limit: n, unit: 'day' }).dueDate) as number;
        let expected = s + n;
        while (!chineseDays.isWorkday(formatIsoDate(expected))) expected++;
        return due === expected;
      }),
      { numRuns: 300 },
    );
  });

  it('whole office days of hours end where the same number of working days does', () => {
    // 09:00–17:30 is 8.5 hours: 17 hours are two working days.
    fc.assert(
      fc.property(startDay, fc.integer({ min: 1, max: 20 }), (s, twoDays) => {
        const byHours = computeDeadline(cal, { from: formatIsoDate(s), limit: 17 * twoDays, unit: 'hour' });
        const byDays = computeDeadline(cal, { from: formatIsoDate(s), limit: 2 * twoDays });
        return byHours.due === byDays.due;
      }),
      { numRuns: 300 },
    );
  });

  it('a change the deadline cannot see leaves it where it was', () => {
    fc.assert(
      fc.property(
        startDay,
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: -40, max: 120 }), { minLength: 1, maxLength: 4 }),
        (s, n, offsets) => {
          const clock = prepareClock({ from: formatIsoDate(s), limit: n });
          const before = computeDue(cal, clock, hours);
          const days = offsets.map((o) => s + o).filter((d) => d >= FIRST);
          const changed = buildCalendar({
            overrides: days.map((d) => ({ date: formatIsoDate(d), kind: isWorkingDay(cal, d) ? 'holiday' : 'workday', name: '变更' })),
          });
          const after = computeDue(changed, clock, hours);
          if (!dueMayChange(clock, before, days)) expect(after.day).toBe(before.day);
          else if (after.day !== before.day) expect(days.some((d) => d >= s && d <= Math.max(before.day, after.day))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

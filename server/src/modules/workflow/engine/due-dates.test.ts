import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../calendar/index.ts';
import { addDuration, calendarDayCalculator, legalClockCalculator } from './due-dates.ts';

describe('step limits in working days', () => {
  it('skip weekends and holidays through the legal clock', () => {
    const calculator = legalClockCalculator(buildCalendar());
    // Thursday 2026-04-30, then the Labour Day holiday (1–5 May): two working days end on Thursday 7 May.
    const due = calculator.addWorkingDays(new Date('2026-04-30T02:00:00Z'), 2);
    expect(due.toISOString().slice(0, 10)).toBe('2026-05-07');
  });

  it('count calendar days when no calendar is wired', () => {
    const due = calendarDayCalculator.addWorkingDays(new Date('2026-04-30T02:00:00Z'), 2);
    expect(due.toISOString()).toBe('2026-05-02T02:00:00.000Z');
  });

  it('a P2WD timer goes through the same calculator; PT90M does not', () => {
    const calculator = legalClockCalculator(buildCalendar());
    const from = new Date('2026-04-30T02:00:00Z');
    expect(addDuration(calculator, from, { unit: 'workingDays', workingDays: 2 }).toISOString().slice(0, 10)).toBe('2026-05-07');
    expect(addDuration(calculator, from, { unit: 'calendar', years: 0, months: 0, weeks: 0, days: 0, hours: 1, minutes: 30, seconds: 0 }).toISOString()).toBe('2026-04-30T03:30:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { column, dayKind, monthWeeks } from './calendarDays';

describe('calendar console days', () => {
  it('tells working days, rest days, holidays and make-up working days apart', () => {
    expect(dayKind({ date: '2026-10-09', work: true, name: null })).toBe('workday');
    expect(dayKind({ date: '2026-10-17', work: false, name: null })).toBe('rest');
    expect(dayKind({ date: '2026-10-01', work: false, name: '国庆节' })).toBe('holiday');
    expect(dayKind({ date: '2026-10-10', work: true, name: '国庆节' })).toBe('makeup');
    // A weekday made a working day by hand stays a working day.
    expect(dayKind({ date: '2026-04-20', work: true, name: '取消放假' })).toBe('workday');
  });

  it('lays a month out Monday first', () => {
    expect(column('2026-10-01')).toBe(3); // a Thursday
    const days = Array.from({ length: 31 }, (_, i) => ({ date: `2026-10-${String(i + 1).padStart(2, '0')}` }));
    const weeks = monthWeeks(days);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0]![3]!.date).toBe('2026-10-01');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[4]![5]!.date).toBe('2026-10-31');
  });
});

import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { buildCalendar, calendarYear, computeDeadline, pausesFrom } from './rules.ts';

const cal = buildCalendar();

describe('a year of the calendar, for the editing screen', () => {
  it('shows holidays, make-up days and ordinary days of 2026', () => {
    const days = calendarYear(cal, 2026);
    expect(days).toHaveLength(365);
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get('2026-10-03')).toMatchObject({ weekday: '周六', work: false, name: '国庆节', source: 'national' });
    expect(byDate.get('2026-10-10')).toMatchObject({ weekday: '周六', work: true, name: '国庆节' });
    expect(byDate.get('2026-10-12')).toMatchObject({ work: true, name: null, source: 'week' });
    expect(byDate.get('2026-10-18')).toMatchObject({ work: false, name: null });
    const worked = days.filter((d) => d.work).map((d) => d.date);
    expect(worked).toEqual(days.map((d) => d.date).filter((d) => chineseDays.isWorkday(d)));
    expect(days.every((d) => !d.provisional)).toBe(true);
  });

  it('marks a year past the data provisional and refuses one before it', () => {
    expect(calendarYear(cal, 2027).every((d) => d.provisional && d.name === null)).toBe(true);
    expect(() => calendarYear(cal, 2003)).toThrow(AppError);
  });
});

describe('pauses of a case for one of its steps', () => {
  const casePauses = [
    { type: 'supplement' as const, from: '2026-03-02', to: '2026-03-04' },
    { type: 'inspection' as const, from: '2026-03-09', to: '2026-03-12' },
    { type: 'hearing' as const, from: '2026-03-20', to: '2026-03-20' },
  ];

  it('drops pauses over before the step and cuts the one running into it', () => {
    expect(pausesFrom(casePauses, '2026-03-10')).toEqual([
      { type: 'inspection', from: '2026-03-10', to: '2026-03-12' },
      { type: 'hearing', from: '2026-03-20', to: '2026-03-20' },
    ]);
  });

  it('gives a step clock pauses it accepts', () => {
    const step = computeDeadline(cal, { from: '2026-03-10', limit: 6, pauses: pausesFrom(casePauses, '2026-03-10') });
    // 6 working days end 3/18; 3/11–3/12 paused → 3/20; the hearing on 3/20 → 3/23.
    expect(step.due).toBe('2026-03-23T17:30:00+08:00');
  });
});

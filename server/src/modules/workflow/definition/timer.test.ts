import { describe, expect, it } from 'vitest';
import { parseDateTime, parseDuration, parseTimer } from './timer.ts';

describe('timer expressions', () => {
  it('reads ISO 8601 durations field by field', () => {
    expect(parseDuration('PT1H')).toEqual({ unit: 'calendar', years: 0, months: 0, weeks: 0, days: 0, hours: 1, minutes: 0, seconds: 0 });
    expect(parseDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({ unit: 'calendar', years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 });
    expect(parseDuration(' P3D ')).toMatchObject({ unit: 'calendar', days: 3 });
  });

  it('reads working days as P<n>WD', () => {
    expect(parseDuration('P5WD')).toEqual({ unit: 'workingDays', workingDays: 5 });
    expect(parseDuration('P0WD')).toBeUndefined();
  });

  it.each(['', 'P', 'PT', '1H', 'PT1', 'P1H', 'P-1D', 'P1.5D', 'PT1H30', 'five days', '${delay}'])('refuses %j', (source) => {
    expect(parseDuration(source)).toBeUndefined();
  });

  it('reads date-times, local to the center when no offset is given', () => {
    expect(parseDateTime('2026-03-01T09:00:00Z')).toBe('2026-03-01T09:00:00.000Z');
    expect(parseDateTime('2026-03-01T09:00')).toBe('2026-03-01T01:00:00.000Z');
    expect(parseDateTime('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    expect(parseDateTime('2026-13-01')).toBeUndefined();
    expect(parseDateTime('tomorrow')).toBeUndefined();
  });

  it('reads cycles with and without a repeat count', () => {
    expect(parseTimer('cycle', 'R3/PT10M')).toMatchObject({ kind: 'cycle', repeat: 3, duration: { minutes: 10 } });
    expect(parseTimer('cycle', 'R/P1WD')).toEqual({ kind: 'cycle', source: 'R/P1WD', duration: { unit: 'workingDays', workingDays: 1 } });
    expect(parseTimer('cycle', 'R3/2026-01-01T00:00Z/PT1H')).toBeUndefined();
    expect(parseTimer('cycle', 'PT1H')).toBeUndefined();
  });
});

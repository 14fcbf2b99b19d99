import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { buildCalendar, computeDeadline, officeHours, parsePauseArg, type ClockInput } from './rules.ts';

const cal = buildCalendar();

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return undefined;
}

const supplement = (from: string, to: string) => ({ type: 'supplement' as const, from, to });

const refused: { name: string; input: ClockInput; code: ErrorCode }[] = [
  { name: 'a malformed date', input: { from: '2026-13-01', limit: 5 }, code: 'CALENDAR_DATE_INVALID' },
  { name: 'a date that is not a date', input: { from: 'tomorrow', limit: 5 }, code: 'CALENDAR_DATE_INVALID' },
  { name: 'a year before the data (2003)', input: { from: '2003-12-31', limit: 5 }, code: 'CALENDAR_YEAR_UNKNOWN' },
  { name: 'a date past the table', input: { from: '2100-01-01', limit: 1 }, code: 'CALENDAR_DATE_OUT_OF_RANGE' },
  { name: 'a deadline past the table', input: { from: '2099-12-01', limit: 400 }, code: 'CALENDAR_DATE_OUT_OF_RANGE' },
  { name: 'a negative limit', input: { from: '2026-03-02', limit: -1 }, code: 'CALENDAR_LIMIT_INVALID' },
  { name: 'a fractional limit', input: { from: '2026-03-02', limit: 1.5 }, code: 'CALENDAR_LIMIT_INVALID' },
  { name: 'an unknown unit', input: { from: '2026-03-02', limit: 1, unit: 'week' as never }, code: 'CALENDAR_UNIT_UNKNOWN' },
  { name: 'a pause ending before it starts', input: { from: '2026-03-02', limit: 20, pauses: [supplement('2026-03-10', '2026-03-09')] }, code: 'CALENDAR_PAUSE_INVERTED' },
  {
    name: 'overlapping pauses',
    input: { from: '2026-03-02', limit: 20, pauses: [supplement('2026-03-05', '2026-03-10'), { type: 'hearing', from: '2026-03-10', to: '2026-03-12' }] },
    code: 'CALENDAR_PAUSE_OVERLAP',
  },
  { name: 'a pause before the start', input: { from: '2026-03-02', limit: 20, pauses: [supplement('2026-03-01', '2026-03-03')] }, code: 'CALENDAR_PAUSE_BEFORE_START' },
  { name: 'a pause after the deadline', input: { from: '2026-03-02', limit: 1, pauses: [supplement('2026-03-04', '2026-03-05')] }, code: 'CALENDAR_PAUSE_AFTER_DUE' },
  { name: 'an unknown pause type', input: { from: '2026-03-02', limit: 1, pauses: [{ type: 'lunch' as never, from: '2026-03-03', to: '2026-03-03' }] }, code: 'CALENDAR_PAUSE_TYPE_UNKNOWN' },
  {
    name: 'an extension beyond 10 working days',
    input: { from: '2026-03-02', limit: 20, extensions: [{ workdays: 11, approverRole: 'agency_head', reason: '复杂' }] },
    code: 'CALENDAR_EXTENSION_TOO_LONG',
  },
  {
    name: 'a second extension',
    input: {
      from: '2026-03-02',
      limit: 20,
      extensions: [
        { workdays: 5, approverRole: 'agency_head', reason: '复杂' },
        { workdays: 5, approverRole: 'agency_head', reason: '仍需时间' },
      ],
    },
    code: 'CALENDAR_EXTENSION_REPEATED',
  },
  {
    name: 'an extension by the wrong role',
    input: { from: '2026-03-02', limit: 20, extensions: [{ workdays: 10, approverRole: 'clerk', reason: '复杂' }] },
    code: 'CALENDAR_EXTENSION_WRONG_ROLE',
  },
  {
    name: 'an extension of a natural-day limit',
    input: { from: '2026-03-02', limit: 20, unit: 'day', extensions: [{ workdays: 10, approverRole: 'agency_head', reason: '复杂' }] },
    code: 'CALENDAR_EXTENSION_UNIT',
  },
];

describe('refusing bad input', () => {
  it.each(refused)('$name → $code', ({ input, code }) => {
    expect(codeOf(() => computeDeadline(cal, input))).toBe(code);
  });

  it('refuses office hours that close before they open', () => {
    expect(codeOf(() => officeHours('17:30', '09:00'))).toBe('CALENDAR_OFFICE_HOURS_INVALID');
    expect(codeOf(() => officeHours('9:00', '17:30'))).toBe('CALENDAR_OFFICE_HOURS_INVALID');
  });

  it('refuses an override outside the table', () => {
    expect(codeOf(() => buildCalendar({ overrides: [{ date: '1999-01-01', kind: 'holiday', name: 'x' }] }))).toBe('CALENDAR_OVERRIDE_INVALID');
  });

  it('reads command-line pauses and refuses malformed ones', () => {
    expect(parsePauseArg('2026-10-12:2026-10-14')).toEqual(supplement('2026-10-12', '2026-10-14'));
    expect(parsePauseArg('hearing@2026-10-12:2026-10-14').type).toBe('hearing');
    expect(codeOf(() => parsePauseArg('2026-10-12'))).toBe('CALENDAR_ARGUMENT_INVALID');
    expect(codeOf(() => parsePauseArg('nap@2026-10-12:2026-10-14'))).toBe('CALENDAR_PAUSE_TYPE_UNKNOWN');
  });

  it('every calendar code has both messages', async () => {
    const { calendarErrors } = await import('./errors.ts');
    for (const entry of Object.values(calendarErrors)) {
      expect(entry.zh.length).toBeGreaterThan(0);
      expect(entry.en.length).toBeGreaterThan(0);
    }
  });
});

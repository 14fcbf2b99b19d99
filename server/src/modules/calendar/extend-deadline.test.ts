import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { buildCalendar, checkExtension, computeDeadline, EXTENSION_RULES } from './rules.ts';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'NOT_APP_ERROR';
  }
  return undefined;
};

describe('extending a deadline (行政许可法 第四十二条)', () => {
  it('allows one extension up to 10 working days by the agency head', () => {
    expect(checkExtension('single', [], { workdays: 10, approverRole: 'agency_head', reason: '需专家论证' })).toBe(EXTENSION_RULES.single);
  });

  it('allows joint handling one extension up to 15 working days by the government head', () => {
    expect(codeOf(() => checkExtension('joint', [], { workdays: 15, approverRole: 'government_head', reason: '多部门会商' }))).toBeUndefined();
    expect(codeOf(() => checkExtension('joint', [], { workdays: 16, approverRole: 'government_head', reason: '多部门会商' }))).toBe('CALENDAR_EXTENSION_TOO_LONG');
    expect(codeOf(() => checkExtension('joint', [], { workdays: 15, approverRole: 'agency_head', reason: '多部门会商' }))).toBe('CALENDAR_EXTENSION_WRONG_ROLE');
  });

  it('refuses the government head for a single department and the agency head for joint handling', () => {
    expect(codeOf(() => checkExtension('single', [], { workdays: 10, approverRole: 'government_head', reason: 'x' }))).toBe('CALENDAR_EXTENSION_WRONG_ROLE');
  });

  it('refuses a second extension, a missing reason and a zero extension', () => {
    const first = { workdays: 3, approverRole: 'agency_head', reason: '现场核查' };
    expect(codeOf(() => checkExtension('single', [first], first))).toBe('CALENDAR_EXTENSION_REPEATED');
    expect(codeOf(() => checkExtension('single', [], { ...first, reason: '  ' }))).toBe('CALENDAR_EXTENSION_REASON_REQUIRED');
    expect(codeOf(() => checkExtension('single', [], { ...first, workdays: 0 }))).toBe('CALENDAR_LIMIT_INVALID');
  });

  it('45 + 15 working days of joint handling land where 60 working days do, and say so', () => {
    const cal = buildCalendar();
    const extended = computeDeadline(cal, {
      from: '2026-09-24',
      limit: 45,
      handling: 'joint',
      extensions: [{ workdays: 15, approverRole: 'government_head', reason: '联合踏勘' }],
    }, { limitKind: 'legal' });
    expect(extended.due).toBe(computeDeadline(cal, { from: '2026-09-24', limit: 60 }).due);
    expect(extended.ledger.text).toContain('法定 45 个工作日；经批准延长 15 个工作日');
  });
});

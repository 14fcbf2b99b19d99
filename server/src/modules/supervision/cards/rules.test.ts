import { describe, expect, it } from 'vitest';
import { buildCalendar, clockState } from '../../calendar/index.ts';
import {
  checkRuleSet, DEFAULT_RULE_SET, nextThreshold, standingThresholds, thresholdInstant, thresholdsOf, turningBetween, violationsFor,
  type ThresholdRule,
} from './rules.ts';

const cal = buildCalendar();
const rule = (code: string) => DEFAULT_RULE_SET.rules.find((r) => r.code === code) as ThresholdRule;
const warning = rule('time.warning');
const yellow = rule('time.yellow');
const overdue = rule('time.overdue');

// A step started Monday 2026-09-21 10:00 Shanghai, due across National Day on
// Thursday 2026-10-15 17:30: 13 working days (9/22–9/30, then 10/9 to 10/15
// with the 调休 Saturday 10/10).
const step = { startedAt: new Date('2026-09-21T02:00:00Z'), dueAt: new Date('2026-10-15T09:30:00Z') };

describe('time thresholds of a deadline', () => {
  it('turns yellow at the very moment the legal clock turns yellow, across the holiday', () => {
    const at = thresholdInstant(cal, yellow, step)!;
    expect(clockState(cal, step.dueAt, new Date(at.getTime() - 1)).colour).toBe('green');
    expect(clockState(cal, step.dueAt, at).colour).toBe('yellow');
    expect(at.toISOString()).toBe('2026-10-13T16:00:00.000Z'); // 00:00 Wednesday 10/14 Shanghai
  });

  it('turns red one instant past the due moment', () => {
    const at = thresholdInstant(cal, overdue, step)!;
    expect(at.getTime()).toBe(step.dueAt.getTime() + 1);
    expect(clockState(cal, step.dueAt, at).colour).toBe('red');
  });

  it('warns when two thirds of the working days are used, before the yellow card', () => {
    const at = thresholdInstant(cal, warning, step)!;
    // 13 working days: two thirds used is 4 or fewer left after today (13 − 8.67).
    expect(clockState(cal, step.dueAt, at).workdaysLeft).toBe(4);
    expect(clockState(cal, step.dueAt, new Date(at.getTime() - 1)).workdaysLeft).toBe(5);
    expect(at.getTime()).toBeLessThan(thresholdInstant(cal, yellow, step)!.getTime());
  });

  it('warns at two thirds of the wall-clock time on a same-day limit, and gives no yellow card to a step born inside it', () => {
    const short = { startedAt: new Date('2026-09-21T01:00:00Z'), dueAt: new Date('2026-09-21T04:00:00Z') };
    expect(thresholdInstant(cal, warning, short)!.toISOString()).toBe('2026-09-21T03:00:00.000Z');
    expect(thresholdInstant(cal, yellow, short)).toBeNull();
    expect(thresholdInstant(cal, overdue, short)!.toISOString()).toBe('2026-09-21T04:00:00.001Z');
  });

  it('passes nothing after the step is completed', () => {
    const done = { ...step, completedAt: new Date('2026-10-14T02:00:00Z') };
    expect(thresholdsOf(cal, DEFAULT_RULE_SET.rules, done).map((t) => t.rule.code)).toEqual(['time.warning', 'time.yellow']);
  });

  it('gives the standing thresholds at an instant and the next one still to pass', () => {
    const at = new Date('2026-10-14T01:00:00Z');
    expect(standingThresholds(cal, DEFAULT_RULE_SET.rules, step, at).map((t) => t.rule.level)).toEqual(['warning', 'yellow']);
    expect(nextThreshold(cal, DEFAULT_RULE_SET.rules, step, new Set(['time.warning', 'time.yellow']))?.rule.code).toBe('time.overdue');
    expect(nextThreshold(cal, DEFAULT_RULE_SET.rules, step, new Set(['time.warning', 'time.yellow', 'time.overdue']))).toBeNull();
  });

  it('follows a changed rule: two working days for the yellow card', () => {
    const two = { ...yellow, value: 2 };
    expect(clockState(cal, step.dueAt, thresholdInstant(cal, two, step)!).workdaysLeft).toBe(2);
  });

  it('lists the yellow and red cards passing between two instants, not warnings', () => {
    const cards = thresholdsOf(cal, DEFAULT_RULE_SET.rules, step).map((t) => ({ level: t.rule.level, passesAt: t.at }));
    const tomorrow = turningBetween(cards, new Date('2026-10-13T08:00:00Z'), new Date('2026-10-14T16:00:00Z'));
    expect(tomorrow.map((c) => c.level)).toEqual(['yellow']);
  });
});

describe('violations and rule sets', () => {
  it('maps an event type to its violation rules, enabled only', () => {
    expect(violationsFor(DEFAULT_RULE_SET.rules, 'case.refusal_reversed').map((r) => r.code)).toEqual(['violation.refusal']);
    const off = DEFAULT_RULE_SET.rules.map((r) => (r.code === 'violation.refusal' ? { ...r, enabled: false } : r));
    expect(violationsFor(off, 'case.refusal_reversed')).toEqual([]);
    expect(violationsFor(DEFAULT_RULE_SET.rules, 'case.accepted')).toEqual([]);
  });

  it('raises the procedure card for a refusal without reason or legal basis, also under the name rule sets stored before', () => {
    expect(violationsFor(DEFAULT_RULE_SET.rules, 'anomaly.refusal_without_basis').map((r) => r.code)).toEqual(['violation.procedure']);
    const stored = DEFAULT_RULE_SET.rules.map((r) => (r.code === 'violation.procedure' && r.kind === 'violation'
      ? { ...r, eventTypes: ['anomaly.out_of_order', 'anomaly.refusal_without_reason', 'anomaly.refusal_without_basis'] } : r));
    expect(violationsFor(stored, 'anomaly.refusal_without_basis').map((r) => r.code)).toEqual(['violation.procedure']);
  });

  it('accepts the defaults and refuses impossible thresholds with one code', () => {
    expect(checkRuleSet(DEFAULT_RULE_SET)).toBe(DEFAULT_RULE_SET);
    const bad = (over: object) => () => checkRuleSet({ ...DEFAULT_RULE_SET, rules: DEFAULT_RULE_SET.rules.map((r) => (r.code === 'time.warning' ? { ...r, ...over } : r)) });
    expect(bad({ value: 1.5 })).toThrowError(expect.objectContaining({ code: 'SUPERVISION_RULES_INVALID' }));
    expect(bad({ code: 'time.yellow' })).toThrowError(expect.objectContaining({ code: 'SUPERVISION_RULES_INVALID' }));
    expect(() => checkRuleSet({ ...DEFAULT_RULE_SET, lifecycle: { ...DEFAULT_RULE_SET.lifecycle, appealWorkdays: 0 } }))
      .toThrowError(expect.objectContaining({ code: 'SUPERVISION_RULES_INVALID' }));
  });
});

import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../calendar/index.ts';
import { applyMove, movesFrom, stepClocks, type CardFacts, type MoveActor, type MoveInput } from './lifecycle.ts';
import { DEFAULT_RULE_SET } from './rules.ts';

const cal = buildCalendar();
const limits = DEFAULT_RULE_SET.lifecycle;
const DEPT = '00000000-0000-4000-8000-000000000001';
const supervisor: MoveActor = { id: 'sup-1', kind: 'supervisor', departmentId: null };
const other: MoveActor = { id: 'sup-2', kind: 'supervisor', departmentId: null };
const head: MoveActor = { id: 'head-1', kind: 'department_head', departmentId: DEPT };
const now = new Date('2026-09-24T02:00:00Z');
const today = '2026-09-24';

const card = (over: Partial<CardFacts> = {}): CardFacts => ({
  level: 'red', status: 'raised', departmentId: DEPT, raisedAt: new Date('2026-09-23T02:00:00Z'),
  acceptedAt: null, decidedAt: null, decidedBy: null, outcome: null, appealedAt: null, reviewedAt: null, ...over,
});
const move = (c: CardFacts, actor: MoveActor, input: MoveInput, at = now) => applyMove(cal, limits, c, actor, input, at, today);
const code = (fn: () => unknown) => {
  try { fn(); } catch (e) { return (e as { code: string }).code; }
  return 'none';
};

describe('the card lifecycle', () => {
  it('goes 受理 → 立案 → 调查 → 处理 → 申诉 → 复核', () => {
    expect(move(card(), supervisor, { move: 'accept' })).toBe('accepted');
    expect(move(card({ status: 'accepted' }), supervisor, { move: 'file', reason: '多次超时' })).toBe('filed');
    expect(move(card({ status: 'filed' }), supervisor, { move: 'investigate', note: '调阅记录' })).toBe('investigating');
    expect(move(card({ status: 'investigating' }), supervisor, { move: 'investigate', note: '约谈' })).toBe('investigating');
    expect(move(card({ status: 'investigating' }), supervisor, { move: 'decide', outcome: 'rectification', opinion: '限期整改', rectifyBy: '2026-10-09' })).toBe('decided');
    const decided = card({ status: 'decided', outcome: 'criticism', decidedBy: 'sup-1', decidedAt: now });
    expect(move(decided, head, { move: 'appeal', reason: '申请人材料迟交' })).toBe('appealed');
    const appealed = { ...decided, status: 'appealed' as const, appealedAt: now };
    expect(move(appealed, other, { move: 'review', verdict: 'revoke', opinion: '理由成立' })).toBe('revoked');
    expect(move(appealed, other, { move: 'review', verdict: 'uphold', opinion: '维持' })).toBe('upheld');
  });

  it('decides straight after 受理 when no case is warranted', () => {
    expect(move(card({ status: 'accepted' }), supervisor, { move: 'decide', outcome: 'no_fault', opinion: '系申请人原因' })).toBe('decided');
  });

  it('refuses wrong moves with stable codes', () => {
    expect(code(() => move(card(), supervisor, { move: 'decide', outcome: 'criticism', opinion: 'x' }))).toBe('SUPERVISION_CARD_MOVE_INVALID');
    expect(code(() => move(card({ status: 'accepted' }), supervisor, { move: 'file', reason: ' ' }))).toBe('REASON_REQUIRED');
    expect(code(() => move(card({ status: 'accepted' }), supervisor, { move: 'decide', outcome: 'rectification', opinion: 'x', rectifyBy: today }))).toBe('SUPERVISION_RECTIFY_DEADLINE_REQUIRED');
    expect(code(() => move(card({ level: 'warning', status: 'accepted' }), supervisor, { move: 'file', reason: 'x' }))).toBe('SUPERVISION_CARD_WARNING_ONLY');
    expect(code(() => move(card(), head, { move: 'accept' }))).toBe('FORBIDDEN');
    const decided = card({ status: 'decided', outcome: 'criticism', decidedBy: 'sup-1', decidedAt: now });
    expect(code(() => move(decided, { ...head, departmentId: 'another' }, { move: 'appeal', reason: 'x' }))).toBe('SUPERVISION_APPEAL_NOT_ALLOWED');
    expect(code(() => move({ ...decided, outcome: 'no_fault' }, head, { move: 'appeal', reason: 'x' }))).toBe('SUPERVISION_APPEAL_NOT_ALLOWED');
    // Five working days after Thursday 9/24: close of office Friday 10/9, after National Day.
    expect(move(decided, head, { move: 'appeal', reason: 'x' }, new Date('2026-10-09T09:00:00Z'))).toBe('appealed');
    expect(code(() => move(decided, head, { move: 'appeal', reason: 'x' }, new Date('2026-10-09T09:31:00Z')))).toBe('SUPERVISION_APPEAL_WINDOW_CLOSED');
    const appealed = { ...decided, status: 'appealed' as const, appealedAt: now };
    expect(code(() => move(appealed, supervisor, { move: 'review', verdict: 'uphold', opinion: 'x' }))).toBe('SUPERVISION_REVIEWER_CONFLICT');
  });

  it('offers only the moves the state allows; a warning is only acknowledged', () => {
    expect(movesFrom({ level: 'red', status: 'accepted' })).toEqual(['file', 'decide']);
    expect(movesFrom({ level: 'warning', status: 'raised' })).toEqual(['accept']);
    expect(movesFrom({ level: 'warning', status: 'accepted' })).toEqual([]);
    expect(movesFrom({ level: 'yellow', status: 'upheld' })).toEqual([]);
  });

  it('gives each step its working-day limit and colour', () => {
    const c = card({ status: 'accepted', acceptedAt: new Date('2026-09-25T02:00:00Z') });
    const clocks = stepClocks(cal, limits, c, new Date('2026-10-12T02:00:00Z'));
    expect(clocks.map((s) => [s.step, s.colour])).toEqual([['accept', 'red'], ['decide', 'green']]);
    // Raised Wednesday 9/23: 受理 due close of office Thursday 9/24.
    expect(clocks[0]!.dueAt).toBe('2026-09-24T09:30:00.000Z');
    const late = stepClocks(cal, limits, c, new Date('2026-10-20T02:00:00Z'));
    expect(late[1]!.colour).toBe('red');
  });
});

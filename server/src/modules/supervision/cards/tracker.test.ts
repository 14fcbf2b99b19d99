import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../../../cli/supervision.ts';
import { forecastCards } from './forecast.ts';
import { ManualClock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { createTestDb } from '../../../../test/db.ts';
import { addCase, addEvent, addSource, addStep } from './fixtures.ts';
import { verifyCardLog } from './log.ts';
import { currentRuleSet, saveRuleSet } from './rule-store.ts';
import { trackCards } from './tracker.ts';

let testDb: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
// Monday 2026-09-21 10:00 Shanghai; the step is due Thursday 10/15 17:30 (13 working days).
const clock = new ManualClock('2026-09-21T02:00:00Z');
const ctx = () => ({ db, clock });
const DEPT = randomUUID();
const HOLDER = randomUUID();
const caseId = randomUUID();
const stepId = randomUUID();

const cards = async () => (await db.query<{ rule_code: string; level: string; rule_version: number; trigger_seqs: number[]; step_key: string }>(
  'SELECT rule_code, level, rule_version, trigger_seqs, step_key FROM supervision.sv_cards WHERE case_id = $1 ORDER BY raised_at, rule_code', [caseId],
)).rows;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  const now = clock.now();
  await addSource(db, 'center', now);
  const seq = await addEvent(db, 'center', 'case.accepted', caseId, now);
  await addCase(db, 'center', { caseId, caseNo: 'SC2026-0001', departmentId: DEPT, departmentName: '市场监督管理局', acceptedAt: now, dueAt: new Date('2026-10-22T09:30:00Z'), seq });
  const taskSeq = await addEvent(db, 'center', 'task.created', caseId, now);
  await addStep(db, 'center', { stepId, caseId, caseNo: 'SC2026-0001', name: '审查', stage: 'review', departmentId: DEPT, assigneeId: HOLDER, startedAt: now, dueAt: new Date('2026-10-15T09:30:00Z'), seq: taskSeq });
});
afterAll(async () => testDb.drop());

describe('the card tracker', () => {
  it('indexes the open deadlines of the cases new events touch, with their next threshold', async () => {
    await trackCards(ctx());
    const rows = (await db.query('SELECT step_key, next_rule, next_threshold_at FROM supervision.sv_deadlines ORDER BY step_key')).rows;
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.next_rule)).toEqual(['time.warning', 'time.warning']);
    expect(await cards()).toEqual([]);
  });

  it('forecasts what would stand at an instant, writing nothing, from the command line too', async () => {
    const at = '2026-10-14T01:00:00.000Z';
    const forecast = await forecastCards(db, new Date(at));
    expect(forecast.cards.map((c) => [c.caseNo, c.level, c.rule, c.stage])).toEqual([
      ['SC2026-0001', 'warning', 'time.warning', 'handle'],
      ['SC2026-0001', 'warning', 'time.warning', 'review'],
      ['SC2026-0001', 'yellow', 'time.yellow', 'review'],
    ]);
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    process.env.DATABASE_URL = testDb.url;
    try {
      expect(await runCli(['scan', '--at', at, '--json'])).toBe(0);
    } finally {
      log.mockRestore();
      delete process.env.DATABASE_URL;
    }
    const printed = JSON.parse(lines[0]!);
    expect(printed.at).toBe(at);
    expect(printed.cards[2]).toEqual({ caseNo: 'SC2026-0001', level: 'yellow', rule: 'time.yellow', ruleVersion: 1, stage: 'review', department: '市场监督管理局', dueAt: '2026-10-15T09:30:00.000Z' });
    expect(await cards()).toEqual([]);
  });

  it('raises the warning and the yellow card once their instants pass, with no event arriving, once only', async () => {
    clock.set('2026-10-14T01:00:00Z'); // Wednesday 9:00: 4 working days used of 13 … 1 left on the step
    await trackCards(ctx());
    await trackCards(ctx());
    const raised = await cards();
    const step = raised.filter((c) => c.step_key === stepId);
    expect(step.map((c) => c.level)).toEqual(['warning', 'yellow']);
    expect(step[0]!.rule_version).toBe(1);
    // The card cites the event that set the deadline.
    expect(step[0]!.trigger_seqs.map(Number)).toEqual([2]);
    // The whole case (due a week later) has only its warning.
    expect(raised.filter((c) => c.step_key === '').map((c) => c.level)).toEqual(['warning']);
  });

  it('writes a message to the holder and the department head, by SMS and in-app, for each card', async () => {
    const { rows } = await db.query<{ recipient_kind: string; channel: string; body: string }>(
      `SELECT o.recipient_kind, o.channel, o.body FROM supervision.sv_outbox o JOIN supervision.sv_cards c ON c.id = o.card_id
        WHERE c.step_key = $1 AND c.level = 'yellow' ORDER BY 1, 2`, [stepId],
    );
    expect(rows.map((r) => `${r.recipient_kind}/${r.channel}`)).toEqual(['department_head/in_app', 'department_head/sms', 'user/in_app', 'user/sms']);
    expect(rows[0]!.body).toContain('SC2026-0001');
    expect(rows[0]!.body).toContain('黄牌');
  });

  it('keeps the version a card was raised under when the rules change', async () => {
    const rules = await currentRuleSet(db, clock.now());
    await saveRuleSet(db, { id: randomUUID(), role: 'supervisor' }, 1,
      { ...rules, rules: rules.rules.map((r) => (r.code === 'time.overdue' ? { ...r, nameZh: '超过办理时限' } : r)) }, '改名', clock.now());
    clock.set('2026-10-15T09:31:00Z');
    await trackCards(ctx());
    const step = (await cards()).filter((c) => c.step_key === stepId);
    expect(step.map((c) => [c.level, c.rule_version])).toEqual([['warning', 1], ['yellow', 1], ['red', 2]]);
  });

  it('raises a red card at once for a violation event, and drops a closed step from the index', async () => {
    await addEvent(db, 'center', 'case.refusal_reversed', caseId, clock.now());
    await db.query(`UPDATE supervision.sv_steps SET status = 'done', completed_at = $2 WHERE step_id = $1`, [stepId, clock.now()]);
    await addEvent(db, 'center', 'task.completed', caseId, clock.now());
    await trackCards(ctx());
    expect((await cards()).filter((c) => c.rule_code === 'violation.refusal').map((c) => c.level)).toEqual(['red']);
    const keys = (await db.query('SELECT step_key FROM supervision.sv_deadlines')).rows.map((r) => r.step_key);
    expect(keys).toEqual(['']);
  });

  it('chains every raised card in its own log', async () => {
    const report = await verifyCardLog(db);
    expect(report.ok).toBe(true);
    expect(report.checked).toBe((await db.query('SELECT count(*)::int AS n FROM supervision.sv_cards')).rows[0].n + 1);
    await db.query(`UPDATE supervision.sv_card_log SET payload = '{"edited":true}' WHERE seq = 2`);
    expect((await verifyCardLog(db)).firstBroken).toEqual({ seq: 2, reason: 'content_hash_mismatch' });
  });
});

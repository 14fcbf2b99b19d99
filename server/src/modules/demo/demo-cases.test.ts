import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer } from '../../platform/events/consumer.ts';
import { ownPublisherKey, supervisionPublisher } from '../../platform/events/publisher.ts';
import { verifyChain } from '../../platform/events/stream.ts';
import { ensureOwnSource, OWN_SOURCE_ID } from '../supervision/index.ts';
import { loadDemoCases } from './cases.ts';

/**
 * The sample cases `tongban start` adds to a freshly loaded demo center: made
 * by the real commands on a clock set back over the last working days, their
 * events sent to the supervision platform in the same process over its ingest
 * door, as the server does.
 */
let t: TestApp;
let created: number;
// Thursday 24 September 2026, 10:00 Beijing: the story runs on 8–23 September (12 working days).
const NOW = '2026-09-24T02:00:00Z';

beforeAll(async () => {
  t = await createTestApp(NOW);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const own = await ownPublisherKey(t.ctx.db, OWN_SOURCE_ID, t.clock.now());
  await ensureOwnSource(t.ctx.db, own.sourceId, '本中心审批系统', own.key, t.clock.now());
  const target = { url, sourceId: own.sourceId, key: own.key };
  const publisher = supervisionPublisher(() => target);
  created = await loadDemoCases(t.ctx, { publisher, sourceId: own.sourceId });
  // What the server's publisher does next: the events after the story's last catch-up (the day's sign-out, today's sign-in).
  await chainPending(t.ctx.db);
  await drainConsumer(t.ctx.db, publisher, () => t.clock.now());
}, 300_000);
afterAll(() => t.close());

interface Row {
  id: string;
  case_no: string;
  status: string;
  channel: string;
  submitted_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  due_at: Date | null;
  legal_due_at: Date | null;
  notice_due_at: Date | null;
  kinds: string[];
}
const cases = async () => (await t.ctx.db.query<Row>(
  `SELECT c.id, c.case_no, c.status, c.channel, c.submitted_at, c.accepted_at, c.concluded_at, c.due_at, c.legal_due_at, c.notice_due_at,
          coalesce(array_agg(d.kind ORDER BY d.issued_at) FILTER (WHERE d.id IS NOT NULL), '{}') AS kinds
     FROM cases c LEFT JOIN documents d ON d.case_id = c.id GROUP BY c.id ORDER BY c.submitted_at`,
)).rows;

describe('demo cases', () => {
  it('creates cases in every state, online and at the window', async () => {
    const rows = await cases();
    expect(created).toBe(13);
    expect(rows).toHaveLength(13);
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect({
      submitted: count('submitted'), supplement: count('supplement_requested'), accepted: count('accepted'),
      approved: count('approved'), denied: count('denied'), refused: count('refused'),
    }).toEqual({ submitted: 2, supplement: 1, accepted: 4, approved: 4, denied: 1, refused: 1 });
    expect(rows.filter((r) => r.channel === 'window')).toHaveLength(3);
  });

  it('dates everything on past working days, with deadlines on the legal clock', async () => {
    const now = new Date(NOW);
    for (const r of await cases()) {
      expect(r.submitted_at.getTime()).toBeLessThan(now.getTime());
      // 8–23 September 2026, Beijing working hours.
      expect(r.submitted_at.toISOString() >= '2026-09-08T01:00:00Z' && r.submitted_at.toISOString() <= '2026-09-23T09:00:00Z').toBe(true);
      if (r.status === 'submitted') expect(r.notice_due_at!.getTime()).toBeGreaterThan(now.getTime());
      if (r.status === 'accepted') {
        expect(r.due_at).not.toBeNull();
        expect(r.legal_due_at!.getTime()).toBeGreaterThanOrEqual(r.due_at!.getTime());
      }
      if (r.concluded_at) expect(r.concluded_at.getTime()).toBeGreaterThanOrEqual(r.submitted_at.getTime());
    }
    // The events of the cases follow each other in time, as they were made.
    const { rows } = await t.ctx.db.query<{ occurred_at: Date }>('SELECT occurred_at FROM events WHERE case_id IS NOT NULL ORDER BY pos');
    const times = rows.map((r) => r.occurred_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(now.getTime());
  });

  it('gives every case the notices of its outcome', async () => {
    const expected: Record<string, string[][]> = {
      submitted: [[]],
      supplement_requested: [['supplement']],
      accepted: [['acceptance']],
      refused: [['refusal']],
      denied: [['acceptance', 'conclusion']],
      // Concluded after approval, or 当场办结 at the window (the conclusion notice only).
      approved: [['acceptance', 'conclusion'], ['conclusion']],
    };
    for (const r of await cases()) expect(expected[r.status]).toContainEqual(r.kinds);
  });

  it('leaves open steps for the approvers, one case mid-way through the parallel review', async () => {
    const open = await t.ctx.db.query<{ case_no: string; node_id: string; candidate_values: string[] }>(
      `SELECT c.case_no, t.node_id, t.candidate_values FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id JOIN cases c ON c.id = i.case_id
        WHERE t.status = 'open' ORDER BY c.case_no, t.node_id`,
    );
    const depts = open.rows.flatMap((r) => r.candidate_values).sort();
    expect(depts).toEqual(['FGJ', 'SCJG', 'STHJ', 'ZRZY', 'ZRZY']);
    const split = open.rows.filter((r) => r.node_id === 'zrzy' || r.node_id === 'sthj');
    expect(split.map((r) => r.node_id).sort()).toEqual(['sthj', 'zrzy']);
    expect(new Set(split.map((r) => r.case_no)).size).toBe(1);
    // The people see them on their lists, as the API shows them.
    const approver = await login(t.app, 'approver');
    const tasks = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json();
    expect(tasks.items).toHaveLength(1);
    const clerk = await login(t.app, 'clerk');
    const intake = (await t.app.inject({ url: '/api/cases?scope=intake', headers: { cookie: clerk } })).json();
    expect(intake.items.filter((c: { status: string }) => c.status === 'submitted')).toHaveLength(2);
  });

  it('keeps the event chain intact', async () => {
    await chainPending(t.ctx.db);
    expect(await verifyChain(t.ctx.db)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('runs once: a second start adds nothing', async () => {
    expect(await loadDemoCases(t.ctx)).toBe(0);
    expect(await cases()).toHaveLength(13);
  });
});

describe('demo supervision', () => {
  interface Card { case_no: string; rule_code: string; level: string; status: string; advice_no: string | null; step_key: string }
  const cards = async () => (await t.ctx.db.query<Card>(
    'SELECT case_no, rule_code, level, status, advice_no, step_key FROM supervision.sv_cards ORDER BY raised_at, number',
  )).rows;

  it('sends every event of the story over the ingest door, projected in the five stages', async () => {
    const last = Number((await t.ctx.db.query('SELECT max(seq) AS seq FROM events WHERE case_id IS NOT NULL')).rows[0].seq);
    const source = (await t.ctx.db.query("SELECT last_seq FROM supervision.sources WHERE id = 'center'")).rows[0];
    expect(Number(source.last_seq)).toBeGreaterThanOrEqual(last);
    const projected = (await t.ctx.db.query('SELECT count(*)::int AS n FROM supervision.sv_cases')).rows[0].n;
    expect(projected).toBe(13);
  });

  it('has a warning and a yellow card standing, raised by the platform itself', async () => {
    const raised = (await cards()).filter((c) => c.status === 'raised');
    expect(raised.some((c) => c.level === 'warning')).toBe(true);
    expect(raised.some((c) => c.level === 'yellow')).toBe(true);
  });

  it('has a red card at each step of its handling: under investigation, decided with a 监察建议书, appealed', async () => {
    const red = (await cards()).filter((c) => c.level === 'red');
    expect(red.find((c) => c.rule_code === 'violation.procedure')).toMatchObject({ status: 'investigating' });
    const overdue = red.filter((c) => c.rule_code === 'time.overdue' && c.step_key === '');
    expect(overdue.map((c) => c.status).sort()).toEqual(['appealed', 'decided']);
    for (const c of overdue) expect(c.advice_no).toMatch(/^监建〔2026〕\d+号$/);
    const supervisor = await login(t.app, 'supervisor');
    const list = (await t.app.inject({ url: '/api/supervision/cards?status=decided', headers: { cookie: supervisor } })).json();
    const advice = await t.app.inject({ url: `/api/supervision/cards/${list.items[0].id}/advice`, headers: { cookie: supervisor } });
    expect(advice.statusCode).toBe(200);
    expect(advice.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Every move is in the platform's own chained card log.
    const log = (await t.ctx.db.query<{ type: string }>('SELECT type FROM supervision.sv_card_log ORDER BY seq')).rows.map((r) => r.type);
    for (const move of ['card.raised', 'card.accepted', 'card.filed', 'card.investigated', 'card.decided', 'card.appealed']) expect(log).toContain(move);
  });

  it('tells the department head of the cards, and flags the refusal that cites no legal basis', async () => {
    const head = await login(t.app, 'head_scjg');
    const inbox = (await t.app.inject({ url: '/api/notify/inbox', headers: { cookie: head } })).json();
    expect(JSON.stringify(inbox)).toContain('红牌');
    const anomalies = (await t.ctx.db.query<{ kind: string }>('SELECT kind FROM supervision.sv_anomalies')).rows.map((r) => r.kind);
    expect(anomalies).toContain('refusal_without_basis');
  });

  it('has the window clerk\'s sign-ins and sign-outs of every story day, one late and one early', async () => {
    const supervisor = await login(t.app, 'supervisor');
    const days = (await t.ctx.db.query<{ day: string }>(
      `SELECT DISTINCT to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM supervision.sv_attendance ORDER BY 1`,
    )).rows.map((r) => r.day);
    // 12 story days, and today (Thursday 10:00, after the hall opened).
    expect(days).toHaveLength(13);
    const seen = await Promise.all(days.map(async (day) => (await t.app.inject({ url: `/api/supervision/attendance?day=${day}`, headers: { cookie: supervisor } })).json().items[0]));
    expect(seen.filter((r) => r.late)).toHaveLength(1);
    expect(seen.filter((r) => r.leftEarly)).toHaveLength(1);
    expect(seen.at(-1)).toMatchObject({ signedOutAt: null });
  });
});

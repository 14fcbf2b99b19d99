import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { verifyChain } from '../../platform/events/stream.ts';
import { loadDemoCases } from './cases.ts';

/**
 * The sample cases `tongban start` adds to a freshly loaded demo center: made
 * by the real commands on a clock set back over the last working days.
 */
let t: TestApp;
let created: number;
// Thursday 24 September 2026, 10:00 Beijing: the story runs on 17–23 September.
const NOW = '2026-09-24T02:00:00Z';

beforeAll(async () => {
  t = await createTestApp(NOW);
  created = await loadDemoCases(t.ctx);
}, 120_000);
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
    expect(created).toBe(11);
    expect(rows).toHaveLength(11);
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect({
      submitted: count('submitted'), supplement: count('supplement_requested'), accepted: count('accepted'),
      approved: count('approved'), denied: count('denied'), refused: count('refused'),
    }).toEqual({ submitted: 2, supplement: 1, accepted: 4, approved: 2, denied: 1, refused: 1 });
    expect(rows.filter((r) => r.channel === 'window')).toHaveLength(3);
  });

  it('dates everything on past working days, with deadlines on the legal clock', async () => {
    const now = new Date(NOW);
    for (const r of await cases()) {
      expect(r.submitted_at.getTime()).toBeLessThan(now.getTime());
      // 17–23 September 2026, Beijing working hours.
      expect(r.submitted_at.toISOString() >= '2026-09-17T01:00:00Z' && r.submitted_at.toISOString() <= '2026-09-23T09:00:00Z').toBe(true);
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
    expect(await cases()).toHaveLength(11);
  });
});

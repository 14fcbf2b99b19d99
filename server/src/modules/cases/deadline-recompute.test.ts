import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { cloneAcceptedCases } from '../../../test/bulk-cases.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer } from '../../platform/events/consumer.ts';
import { clearCalendarDay, parseIsoDate, setCalendarDay, toShanghai } from '../calendar/index.ts';
import { calendarDeadlineConsumer } from './clock-commands.ts';
import { deadlines, loadClock, loadClockInputs } from './clock.ts';
import { drainRecomputeJobs, listRecomputeJobs, runRecomputeStep, startRecomputeWorker } from './deadline-recompute.ts';

// Thursday 2026-09-24, 10:00 in Beijing; 9/25–9/27 中秋, 10/1–10/7 国庆.
const START = '2026-09-24T02:00:00Z';
const CHANGED = '2026-09-29';

let t: TestApp;
const f = factories(() => t);
let admin: { id: string; role: string };
let template: string;
let clones: string[];

beforeAll(async () => {
  t = await createTestApp(START);
  // Five promised and ten legal working days: of cases accepted a day apart, some clocks run over the changed day and some do not.
  const c = await f.caseIn(await f.item({ legalDays: 10, promisedDays: 5 }), 'accepted');
  template = c.id;
  // The template itself is closed, so the open cases are exactly the copies.
  await t.ctx.db.query(`UPDATE cases SET status = 'approved', concluded_at = accepted_at WHERE id = $1`, [template]);
  admin = (await t.ctx.db.query(`SELECT id, role FROM users WHERE username = 'admin'`)).rows[0];
});
afterAll(() => t.close());

/** 40 open cases accepted one a day from 2026-08-21 on: some clocks run over the changed day, some end before it or start after. */
beforeEach(async () => {
  await t.ctx.db.query(`DELETE FROM cases WHERE case_no LIKE 'BULK-%'`);
  const days = Array.from({ length: 40 }, (_, i) => new Date(Date.parse('2026-08-21T02:00:00Z') + i * 86_400_000));
  clones = await cloneAcceptedCases(t.ctx.db, template, days);
});

/** Records the recompute jobs of the edits so far (what the calendar consumer does on a node). */
async function recordJobs(): Promise<void> {
  await chainPending(t.ctx.db);
  const run = await drainConsumer(t.ctx.db, calendarDeadlineConsumer(), () => t.clock.now());
  expect(run.error).toBeUndefined();
}

const edit = (kind: 'holiday' | 'workday', date = CHANGED) =>
  setCalendarDay(t.ctx, admin, { region: 'CN', date, kind, name: kind === 'holiday' ? '临时停工' : '调休上班', reason: '测试' });
const restore = (date = CHANGED) => clearCalendarDay(t.ctx, admin, { region: 'CN', date, reason: '恢复' });

/** Each case's stored promised and legal due moments. */
async function stored(): Promise<Map<string, string>> {
  const { rows } = await t.ctx.db.query<{ id: string; due_at: Date; legal_due_at: Date }>(
    'SELECT id, due_at, legal_due_at FROM cases WHERE id = ANY($1::uuid[])', [clones],
  );
  return new Map(rows.map((r) => [r.id, `${r.due_at.getTime()}|${r.legal_due_at.getTime()}`]));
}

/** The same computed afresh on today's calendar. */
async function computed(): Promise<Map<string, string>> {
  const cc = await loadClock(t.ctx.db);
  const out = new Map<string, string>();
  for (const id of clones) {
    const inputs = (await loadClockInputs(t.ctx.db, id))!;
    const d = deadlines(cc, inputs, inputs.acceptedAt!);
    out.set(id, `${Date.parse(d.promised.due)}|${Date.parse(d.legal.due)}`);
  }
  return out;
}

/** The cases whose clock runs over the changed day (accepted on or before it, legally due on or after it). */
async function reachable(): Promise<string[]> {
  const { rows } = await t.ctx.db.query<{ id: string; accepted_at: Date; legal_due_at: Date }>(
    'SELECT id, accepted_at, legal_due_at FROM cases WHERE id = ANY($1::uuid[])', [clones],
  );
  const day = parseIsoDate(CHANGED)!;
  return rows.filter((r) => toShanghai(r.accepted_at).day <= day && toShanghai(r.legal_due_at).day >= day).map((r) => r.id);
}

async function deadlineEvents(): Promise<Map<string, { reason: string; ledger: string }[]>> {
  await chainPending(t.ctx.db);
  const { rows } = await t.ctx.db.query<{ case_id: string; payload: { reason: string; ledger: string } }>(
    `SELECT case_id, payload FROM events WHERE type = 'case.deadline_changed' AND case_id = ANY($1::uuid[]) ORDER BY seq`, [clones],
  );
  const byCase = new Map<string, { reason: string; ledger: string }[]>();
  for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.payload]);
  return byCase;
}

describe('the deadline recompute job after a calendar edit', () => {
  it('lists only the cases the change can reach and recomputes them in batches, each move one event with the ledger', async () => {
    const before = await stored();
    await edit('holiday');
    await recordJobs();
    const after = await computed();
    const moves = clones.filter((id) => after.get(id) !== before.get(id));
    expect(moves.length).toBeGreaterThan(0);

    expect((await runRecomputeStep(t.ctx, 4)).kind).toBe('started');
    const [job] = await listRecomputeJobs(t.ctx.db);
    // Clocks that end before the changed day or start after it are not listed; every move is among the listed.
    const listed = (await t.ctx.db.query<{ case_id: string }>('SELECT case_id FROM deadline_recompute_cases WHERE job_id = $1', [job!.id])).rows
      .map((r) => r.case_id).sort();
    expect(listed).toEqual((await reachable()).sort());
    expect(listed.length).toBeLessThan(clones.length);
    expect(moves.every((id) => listed.includes(id))).toBe(true);
    expect(job).toMatchObject({ state: 'running', done: 0, total: listed.length, eventType: 'calendar.changed', days: [CHANGED], requestedBy: { id: admin.id } });

    let batches = 0;
    for (;;) {
      const step = await runRecomputeStep(t.ctx, 4);
      if (step.kind === 'idle') break;
      expect(step.kind === 'batch' || step.kind === 'finished').toBe(true);
      if (step.kind === 'batch' || step.kind === 'finished') expect(step.cases).toBeLessThanOrEqual(4);
      batches++;
    }
    expect(batches).toBe(Math.ceil(job!.total / 4));
    const [finished] = await listRecomputeJobs(t.ctx.db);
    expect(finished).toMatchObject({ id: job!.id, state: 'done', total: job!.total, done: job!.total, moved: moves.length });

    expect(await stored()).toEqual(after);
    const events = await deadlineEvents();
    for (const id of moves) {
      expect(events.get(id)).toHaveLength(1);
      const promisedMoved = before.get(id)!.split('|')[0] !== after.get(id)!.split('|')[0];
      expect(events.get(id)![0]).toMatchObject({ reason: 'calendar_changed', ledger: expect.stringContaining(promisedMoved ? '临时停工' : '到期') });
    }
    expect([...events.keys()].every((id) => moves.includes(id))).toBe(true);
    await restore();
    await recordJobs();
    await drainRecomputeJobs(t.ctx);
    expect(await stored()).toEqual(before);
  });

  it('keeps several batches of a node in flight, each case moved once and the job reported once with every loop\'s moves', async () => {
    const before = await stored();
    await edit('holiday');
    await recordJobs();
    const after = await computed();
    const moves = clones.filter((id) => after.get(id) !== before.get(id));
    const reports: { jobId: number; moved: number }[] = [];
    const errors: Error[] = [];
    const stop = startRecomputeWorker(t.ctx, { loops: 3, batchSize: 2, intervalMs: 20, onError: (e) => errors.push(e), onFinished: (jobId, moved) => reports.push({ jobId, moved }) });
    try {
      for (let i = 0; i < 500 && reports.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await stop();
    }
    expect(errors).toEqual([]);
    const [job] = await listRecomputeJobs(t.ctx.db);
    expect(job).toMatchObject({ state: 'done', done: job!.total, moved: moves.length });
    expect(reports).toEqual([{ jobId: job!.id, moved: moves.length }]);
    expect(await stored()).toEqual(after);
    const events = await deadlineEvents();
    for (const id of moves) expect(events.get(id)?.filter((e) => e.reason === 'calendar_changed')).toHaveLength(1);
    await restore();
    await recordJobs();
    await drainRecomputeJobs(t.ctx);
  });

  it('redoes the batch of a node killed mid-batch on another node, each deadline moved once', async () => {
    await edit('holiday');
    await recordJobs();
    expect((await runRecomputeStep(t.ctx, 5)).kind).toBe('started');
    const [job] = await listRecomputeJobs(t.ctx.db);

    // Node A's batch will block on the job row after writing its moves; then its connection dies.
    const nodeA = new pg.Pool({ ...t.ctx.db.options, max: 2 });
    nodeA.on('error', () => undefined);
    // Its connection is the one killed: the error reaches the batch's promise, not the process.
    nodeA.on('connect', (client) => client.on('error', () => undefined));
    const ctxA: AppContext = { ...t.ctx, db: nodeA };
    const holder = await t.ctx.db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM deadline_recompute_jobs WHERE id = $1 FOR UPDATE', [job!.id]);
      const dying = runRecomputeStep(ctxA, 5).then(() => 'committed', () => 'killed');
      let pid: number | undefined;
      for (let i = 0; i < 100 && !pid; i++) {
        const { rows } = await t.ctx.db.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE deadline_recompute_jobs SET done%'`,
        );
        pid = rows[0]?.pid;
        if (!pid) await new Promise((r) => setTimeout(r, 50));
      }
      expect(pid).toBeDefined();
      // Meanwhile its five cases are held: a batch elsewhere skips them and takes others.
      const { rows: free } = await t.ctx.db.query(
        `SELECT w.case_id FROM deadline_recompute_cases w JOIN cases c ON c.id = w.case_id WHERE w.job_id = $1 FOR UPDATE OF w, c SKIP LOCKED`, [job!.id],
      );
      expect(free.length).toBe(job!.total - 5);
      await t.ctx.db.query('SELECT pg_terminate_backend($1)', [pid]);
      expect(await dying).toBe('killed');
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
      await nodeA.end();
    }

    const [afterKill] = await listRecomputeJobs(t.ctx.db);
    expect(afterKill).toMatchObject({ state: 'running', done: 0 });
    await drainRecomputeJobs(t.ctx, 5);
    const [done] = await listRecomputeJobs(t.ctx.db);
    expect(done).toMatchObject({ state: 'done', done: job!.total });
    expect(await stored()).toEqual(await computed());
    for (const list of (await deadlineEvents()).values()) expect(list).toHaveLength(1);
    await restore();
    await recordJobs();
    await drainRecomputeJobs(t.ctx);
  });

  it('leaves a case a command holds for a later batch and moves it once the command has committed', async () => {
    const before = await stored();
    await edit('holiday');
    await recordJobs();
    const after = await computed();
    expect((await runRecomputeStep(t.ctx, 5)).kind).toBe('started');
    const [job] = await listRecomputeJobs(t.ctx.db);
    // A command (a pause, a decision) holds the first case the next batch would take.
    const { rows: [first] } = await t.ctx.db.query<{ case_id: string }>(
      'SELECT case_id FROM deadline_recompute_cases WHERE job_id = $1 ORDER BY case_id LIMIT 1', [job!.id],
    );
    const held = first!.case_id;
    const command = await t.ctx.db.connect();
    try {
      await command.query('BEGIN');
      await command.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [held]);
      // The batch does not wait for it: it moves the other four of its five.
      expect(await runRecomputeStep(t.ctx, 5)).toMatchObject({ kind: 'batch', cases: 4 });
      // The rest of the job goes on around it, and it stays listed, unmoved, while held.
      expect(await drainRecomputeJobs(t.ctx, 5)).toMatchObject({ busy: true });
      const left = await t.ctx.db.query<{ case_id: string }>('SELECT case_id FROM deadline_recompute_cases WHERE job_id = $1', [job!.id]);
      expect(left.rows.map((r) => r.case_id)).toEqual([held]);
      expect((await stored()).get(held)).toBe(before.get(held));
      expect((await listRecomputeJobs(t.ctx.db))[0]).toMatchObject({ id: job!.id, state: 'running', done: job!.total - 1 });
    } finally {
      await command.query('COMMIT');
      command.release();
    }
    // Once the command has committed, the next batch takes it and closes the job.
    expect(await runRecomputeStep(t.ctx, 5)).toMatchObject({ kind: 'finished', cases: 1 });
    expect((await listRecomputeJobs(t.ctx.db))[0]).toMatchObject({ id: job!.id, state: 'done', done: job!.total });
    expect(await stored()).toEqual(after);
    for (const list of (await deadlineEvents()).values()) expect(list).toHaveLength(1);
    await restore();
    await recordJobs();
    await drainRecomputeJobs(t.ctx);
  });

  it('queues a second edit made while the first runs; both apply in order and the later state wins', async () => {
    const before = await stored();
    await edit('holiday');
    await recordJobs();
    expect((await runRecomputeStep(t.ctx, 3)).kind).toBe('started');
    const firstBatch = await runRecomputeStep(t.ctx, 3);
    expect(firstBatch).toMatchObject({ kind: 'batch', cases: 3 });
    // The admin takes the holiday back while the first recompute is half-way.
    await restore();
    await recordJobs();
    const [second, first] = await listRecomputeJobs(t.ctx.db);
    expect(first).toMatchObject({ state: 'running', done: 3 });
    expect(second).toMatchObject({ state: 'queued', done: 0, total: 0 });
    expect(second!.id).toBeGreaterThan(first!.id);

    await drainRecomputeJobs(t.ctx, 3);
    const jobs = (await listRecomputeJobs(t.ctx.db)).sort((a, b) => a.id - b.id).slice(-2);
    expect(jobs.map((j) => j.state)).toEqual(['done', 'done']);
    expect(Date.parse(jobs[1]!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(jobs[0]!.finishedAt!));
    // The later edit's calendar (no holiday) is what the deadlines show.
    expect(await stored()).toEqual(before);
    // The cases moved by the first batch moved back with the second job: two events each, there and back.
    // (The rest of the first job ran against the restored calendar and moved nothing.)
    const events = await deadlineEvents();
    expect(firstBatch.kind === 'batch' && firstBatch.moved).toBeGreaterThan(0);
    expect(events.size).toBe(firstBatch.kind === 'batch' ? firstBatch.moved : -1);
    for (const list of events.values()) expect(list).toHaveLength(2);
  });

  it('answers the edit at once and shows the job to the admin over HTTP', async () => {
    const put = await f.as('admin').put(`/api/calendar/CN/days/${CHANGED}`, { kind: 'holiday', name: '防台风停工', reason: '县政府通知' });
    expect(put.statusCode).toBe(200);
    // Nothing moved yet: the route only stored the edit and its event.
    expect((await deadlineEvents()).size).toBe(0);
    await recordJobs();
    const list = await f.as('admin').get('/api/calendar/recomputes');
    expect(list.json().items[0]).toMatchObject({ state: 'queued', reason: '县政府通知', requestedBy: { id: admin.id } });
    await drainRecomputeJobs(t.ctx);
    expect((await f.as('admin').get('/api/calendar/recomputes')).json().items[0]).toMatchObject({ state: 'done' });
    expect((await f.as('clerk').get('/api/calendar/recomputes')).json().code).toBe('FORBIDDEN');
    await restore();
    await recordJobs();
    await drainRecomputeJobs(t.ctx);
  });
});

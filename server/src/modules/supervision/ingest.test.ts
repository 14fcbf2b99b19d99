import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { task as step } from '../workflow/index.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { readEvents, type StoredEvent } from '../../platform/events/stream.ts';
import { registerSource } from './sources.ts';
import { signBatch } from './ingest.ts';

/** The ingest door, fed with this center's own chained events as a source would send them. */
describe('POST /api/supervision/ingest', () => {
  let t: TestApp;
  let key: string;
  let events: StoredEvent[];
  let caseNo: string;
  const f = factories(() => t);
  /** A one-step item (审核决定) of a department of its own. */
  let item: Item;

  const post = (body: string, headers: Record<string, string> = {}) => t.app.inject({
    method: 'POST', url: '/api/supervision/ingest', payload: body,
    headers: { 'content-type': 'application/json', 'x-tongban-source': 'county', 'x-tongban-signature': signBatch(key, body), ...headers },
  });
  const batch = (list: StoredEvent[]) => JSON.stringify({ events: list });
  const count = async (table: string) => Number((await t.ctx.db.query(`SELECT count(*) AS n FROM supervision.${table}`)).rows[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    item = await f.item({ steps: (dept) => [step('decide', '审核决定', dept)] });
    const clerk = await login(t.app, 'clerk');
    const approver = await login(t.app, item.department.approver);
    const c = await f.submit(item);
    caseNo = c.caseNo;
    t.clock.advance(60 * 60_000);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: clerk }, payload: {} })).statusCode).toBe(200);
    t.clock.advance(2 * 60 * 60_000);
    const tasks = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json();
    const task = tasks.items.find((x: { caseNo: string }) => x.caseNo === caseNo);
    const done = await t.app.inject({
      method: 'POST', url: `/api/tasks/${task.id}/complete`, headers: { cookie: approver }, payload: { outcome: 'approved', opinion: '符合条件，准予许可' },
    });
    expect(done.statusCode).toBe(200);
    await chainPending(t.ctx.db);
    events = await readEvents(t.ctx.db, { limit: 1000 });
    key = (await registerSource(t.ctx.db, { id: 'county', name: '某县审批系统' }, null, t.clock.now())).key;
  });
  afterAll(async () => { await t.close(); });

  it('refuses an unknown source and a bad signature, stores nothing and records each refusal', async () => {
    const body = batch(events.slice(0, 3));
    const unknown = await post(body, { 'x-tongban-source': 'nobody' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INGEST_SOURCE_UNKNOWN');
    const forged = await post(body, { 'x-tongban-signature': signBatch('0'.repeat(64), body) });
    expect(forged.json().code).toBe('INGEST_SIGNATURE_INVALID');
    const unsigned = await post(body, { 'x-tongban-signature': '' });
    expect(unsigned.json().code).toBe('INGEST_SIGNATURE_INVALID');
    expect(await count('events')).toBe(0);
    const codes = (await t.ctx.db.query<{ code: string }>('SELECT code FROM supervision.findings ORDER BY recorded_at, code')).rows.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['INGEST_SOURCE_UNKNOWN', 'INGEST_SIGNATURE_INVALID']));
  });

  it('refuses a batch that does not start where the source left off (a gap): nothing of it stored', async () => {
    const res = await post(batch(events.slice(1, 4)));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INGEST_SEQUENCE_GAP');
    expect(await count('events')).toBe(0);
  });

  it('refuses an edited event (its hash no longer matches its content), storing none of the batch', async () => {
    const edited = events.slice(0, 5).map((e) => ({ ...e }));
    edited[3] = { ...edited[3]!, occurredAt: new Date(Date.parse(edited[3]!.occurredAt) + 1000).toISOString() };
    const res = await post(batch(edited));
    expect(res.json().code).toBe('INGEST_CHAIN_BROKEN');
    expect(res.json().details?.seq ?? events[3]!.seq).toBe(events[3]!.seq);
    expect(await count('events')).toBe(0);
    const finding = await t.ctx.db.query("SELECT seq FROM supervision.findings WHERE code = 'INGEST_CHAIN_BROKEN'");
    expect(Number(finding.rows[0].seq)).toBe(events[3]!.seq);
  });

  it('refuses a NUL or a lone surrogate in an event instead of storing it changed (the hashes cover it as sent)', async () => {
    for (const bad of ['食品\u0000经营', '食品\ud800经营']) {
      const tainted = [{ ...events[0]!, payload: { ...(events[0]!.payload as object), itemName: bad } }, ...events.slice(1, 3)];
      const res = await post(batch(tainted));
      expect(res.json().code).toBe('INGEST_BATCH_INVALID');
    }
    expect(await count('events')).toBe(0);
  });

  it('stores and projects a good batch; the same batch again is stored once', async () => {
    const body = batch(events);
    const first = await post(body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ accepted: events.length, duplicates: 0, lastSeq: events.at(-1)!.seq });
    const again = await post(body);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: events.length });
    expect(await count('events')).toBe(events.length);
    const c = (await t.ctx.db.query('SELECT * FROM supervision.sv_cases WHERE case_no = $1', [caseNo])).rows[0];
    expect(c).toMatchObject({ status: 'approved', stage: 'conclude', item_code: item.code, department_name: item.department.name, outcome: 'approved' });
    expect(c.due_at).not.toBeNull();
    const steps = (await t.ctx.db.query('SELECT stage, status, name, department_name, completed_by_name FROM supervision.sv_steps WHERE case_id = $1 ORDER BY started_at', [c.case_id])).rows;
    expect(steps[0]).toMatchObject({ stage: 'accept', status: 'done', name: '受理' });
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.slice(1).every((s) => s.status === 'done' && s.department_name === item.department.name && s.completed_by_name)).toBe(true);
  });

  it('refuses a repeated sequence number whose event differs from the one received', async () => {
    const changed = { ...events[0]!, payload: { ...(events[0]!.payload as object), itemName: '改过的名称' } };
    const res = await post(batch([changed]));
    expect(res.json().code).toBe('INGEST_CHAIN_BROKEN');
  });

  it('answers a supervisor with the case in five stages, and refuses the center\'s manager and admin', async () => {
    const supervisor = await login(t.app, 'supervisor');
    const res = await t.app.inject({ url: `/api/supervision/cases/${caseNo}`, headers: { cookie: supervisor } });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.stages.map((s: { stage: string }) => s.stage)).toEqual(['accept', 'handle', 'review', 'approve', 'conclude']);
    expect(view.stages[0].completedAt).not.toBeNull();
    expect(view.stages[4].completedAt).not.toBeNull();
    expect(view.cards).toEqual([]);
    for (const who of ['manager', 'admin']) {
      const other = await t.app.inject({ url: `/api/supervision/cases/${caseNo}`, headers: { cookie: await login(t.app, who) } });
      expect(other.json().code).toBe('FORBIDDEN');
    }
    const missing = await t.app.inject({ url: '/api/supervision/cases/NOPE-1', headers: { cookie: supervisor } });
    expect(missing.json().code).toBe('SV_CASE_UNKNOWN');
  });

  it('counts the case in 综合监察 for its department, today', async () => {
    const supervisor = await login(t.app, 'supervisor');
    const res = await t.app.inject({ url: '/api/supervision/overview?by=department', headers: { cookie: supervisor } });
    const row = res.json().rows.find((r: { name: string }) => r.name === item.department.name);
    expect(row).toMatchObject({ total: 1, concluded: 1, onTime: 1, overdue: 0 });
  });
});

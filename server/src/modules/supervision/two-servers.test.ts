import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { login } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { freePort } from '../../../test/free-port.ts';
import { loadConfig, type Config } from '../../platform/config.ts';
import { seedDemo } from '../demo/index.ts';
import { startServer, type RunningServer } from '../../server.ts';
import { ShiftedClock } from '../../platform/clock.ts';
import { task } from '../workflow/index.ts';

/**
 * Two servers, as a county's approval system and the city's supervision
 * platform would run: each with its own database, the approval side
 * publishing over HTTP to the supervision side's ingest door and fetching
 * the notices of its cards back. Both run on one clock that follows real
 * time and that the last test moves ahead, past a step's limit.
 */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('approval server and a --role supervision server with its own database', () => {
  let approvalDb: Awaited<ReturnType<typeof createTestDb>>;
  let supervisionDb: Awaited<ReturnType<typeof createTestDb>>;
  let approval: RunningServer;
  let supervision: RunningServer | undefined;
  let svConfig: Config;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-two-'));
  const clock = new ShiftedClock();
  const f = factories(() => approval);
  /** A one-step item, and one whose one step (牵头预审) has two working days. */
  let item: Item;
  let lead: Item;

  const cookies = new Map<RunningServer, string>();
  const caseOnSupervision = async (caseNo: string, status: string) => {
    if (!cookies.has(supervision!)) cookies.set(supervision!, await login(supervision!.app, 'supervisor'));
    const cookie = cookies.get(supervision!)!;
    const res = await supervision!.app.inject({ url: `/api/supervision/cases/${caseNo}`, headers: { cookie } });
    return res.statusCode === 200 && res.json().status === status ? res.json() : undefined;
  };

  beforeAll(async () => {
    [approvalDb, supervisionDb] = await Promise.all([createTestDb(), createTestDb()]);
    const base = { ...loadConfig({}), host: '127.0.0.1', dataDir, logLevel: 'silent' };
    svConfig = { ...base, databaseUrl: supervisionDb.url, port: await freePort(), role: 'supervision', seedDemo: true };
    supervision = await startServer(svConfig, { clock });
    const leader = await login(supervision.app, 'sv_leader');
    const source = await supervision.app.inject({ method: 'POST', url: '/api/supervision/sources', headers: { cookie: leader }, payload: { id: 'county-a', name: '甲县审批系统' } });
    expect(source.statusCode).toBe(201);
    await seedDemo(approvalDb.db);
    approval = await startServer({
      ...base, databaseUrl: approvalDb.url, port: 0, role: 'approval', seedDemo: false,
      supervision: { url: supervision.url, sourceId: 'county-a', key: source.json().key },
    }, { clock });
    item = await f.item();
    lead = await f.item({ steps: (d) => [task('lead', '牵头预审', d, 2)] });
  }, 120_000);

  afterAll(async () => {
    await approval?.stop();
    await supervision?.stop();
    await approvalDb?.drop();
    await supervisionDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves only accounts and supervision on the supervision server', async () => {
    expect((await supervision!.app.inject({ url: '/api/items' })).statusCode).toBe(404);
    expect((await approval.app.inject({ url: '/api/supervision/overview' })).statusCode).toBe(404);
  });

  it('shows a case accepted on the approval server on the supervision server within 2 s', async () => {
    const c = await f.caseIn(item, 'accepted');
    const seen = await waitFor('accepted case on supervision', () => caseOnSupervision(c.caseNo, 'accepted'), 2000);
    expect(seen.value.stages[0].completedAt).not.toBeNull();
  });

  it('loses nothing while the supervision server is down: the events wait and arrive in order', async () => {
    await supervision!.stop();
    supervision = undefined;
    // Submitted, accepted and approved (the factory checks each command's answer).
    const c = await f.caseIn(item, 'approved');
    // The approval side worked on; its publisher's cursor waits behind the head.
    await waitFor('publisher failure recorded', async () => {
      const r = await approvalDb.db.query('SELECT failures FROM event_cursors WHERE consumer = $1', ['supervision.publisher']);
      return Number(r.rows[0]?.failures ?? 0) > 0 ? true : undefined;
    }, 5000);

    supervision = await startServer(svConfig, { clock });
    await waitFor('concluded case after restart', () => caseOnSupervision(c.caseNo, 'approved'), 20_000);
    const head = Number((await approvalDb.db.query('SELECT last_seq FROM event_chain_head WHERE id')).rows[0].last_seq);
    await waitFor('every event received', async () => {
      const r = await supervisionDb.db.query("SELECT last_seq FROM supervision.sources WHERE id = 'county-a'");
      return Number(r.rows[0].last_seq) >= head ? true : undefined;
    }, 10_000);
    const received = await supervisionDb.db.query<{ seq: string; hash: string }>("SELECT seq, hash FROM supervision.events WHERE source_id = 'county-a' AND seq <= $1 ORDER BY seq", [head]);
    expect(received.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    const sent = await approvalDb.db.query<{ hash: string }>('SELECT hash FROM events WHERE seq BETWEEN 1 AND $1 ORDER BY seq', [head]);
    expect(received.rows.map((r) => r.hash)).toEqual(sent.rows.map((r) => r.hash));
  }, 60_000);

  it('raises a red card on the supervision server when a step accepted on the approval server runs over, and tells its holder there', async () => {
    // The item's one step, 牵头预审, has two working days.
    const c = await f.caseIn(lead, 'accepted');
    expect((await f.as(lead.department.approver).post(`/api/tasks/${c.taskId}/claim`)).statusCode).toBe(200);
    const holder = (await approvalDb.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [lead.department.approver])).rows[0]!.id;
    await waitFor('claimed step on supervision', async () => {
      const r = await supervisionDb.db.query(`SELECT 1 FROM supervision.sv_steps WHERE case_no = $1 AND assignee_id = $2 AND due_at IS NOT NULL`, [c.caseNo, holder]);
      return r.rowCount ? true : undefined;
    }, 10_000);
    expect((await supervisionDb.db.query(`SELECT 1 FROM supervision.sv_cards WHERE case_no = $1 AND level = 'red'`, [c.caseNo])).rowCount).toBe(0);

    // A month on (more than two working days whatever the holidays): no event arrives, the platform's own scan sees the limit pass.
    clock.advance(30 * 24 * 60 * 60_000);
    const red = await waitFor('red card on supervision', async () => {
      const r = await supervisionDb.db.query<{ id: string; step_name: string; assignee_id: string; department_name: string }>(
        `SELECT id, step_name, assignee_id, department_name FROM supervision.sv_cards WHERE case_no = $1 AND rule_code = 'time.overdue' AND step_key <> ''`, [c.caseNo],
      );
      return r.rows[0];
    }, 15_000);
    expect(red.value).toMatchObject({ step_name: '牵头预审', assignee_id: holder, department_name: lead.department.name });
    // The approval side fetched the card's notice, told the holder (in-app and SMS) and acknowledged it.
    await waitFor('red card notice on the approval side', async () => {
      const r = await approvalDb.db.query(`SELECT 1 FROM notify_inbox WHERE user_id = $1 AND kind = 'supervision.red_card' AND case_no = $2`, [holder, c.caseNo]);
      return r.rowCount ? true : undefined;
    }, 15_000);
    expect((await approvalDb.db.query(`SELECT 1 FROM notify_outbox WHERE recipient_id = $1 AND kind = 'supervision.red_card' AND channel = 'sms' AND case_no = $2`, [holder, c.caseNo])).rowCount).toBe(1);
    await waitFor('card acknowledged', async () => {
      const r = await supervisionDb.db.query(`SELECT delivered_at FROM supervision.sv_outbox WHERE card_id = $1`, [red.value.id]);
      return r.rows.every((x) => x.delivered_at) ? true : undefined;
    }, 10_000);
  }, 90_000);
});

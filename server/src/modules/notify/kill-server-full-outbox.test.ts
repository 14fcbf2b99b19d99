import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createPool, withTx, type Db } from '../../platform/db/pool.ts';
import { freePort, KillableServer } from '../../../test/kill-harness.ts';
import { writeNotifications } from './outbox.ts';
import { TestSmsc } from './testing.ts';

/**
 * The server process (`tongban start`, its own channel workers as configured
 * from the environment) killed with SIGKILL while its outbox is full and a
 * slow SMPP gateway is taking messages: after the restart every message
 * arrives and is recorded sent exactly once. A message may arrive twice only
 * if the gateway took it in the killed server's last, uncommitted batch (SMPP
 * cannot tell; counted and printed). Bounded: one kill, 300 messages.
 */
const TOTAL = 300;
const WINDOW = 2;
/** The server's SMS batch for this window (runtime.ts: 4 × window, at least 50): the most a kill can repeat. */
const BATCH = Math.max(WINDOW * 4, 50);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-kill-outbox-'));
fs.chmodSync(root, 0o755);
const smsc = new TestSmsc({ respondDelayMs: 25, receipts: false });
let server: KillableServer | undefined;
let db: Db | undefined;
afterAll(async () => {
  await db?.end();
  await server?.stop();
  await smsc.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const count = async (sql: string) => (await db!.query<{ n: number }>(sql)).rows[0]!.n;

it('loses no message of a full outbox when the server is killed with SIGKILL mid-delivery', async () => {
  await smsc.start();
  server = new KillableServer(root, await freePort(), await freePort(), {
    TONGBAN_SMPP_URL: smsc.url, TONGBAN_SMPP_WINDOW: String(WINDOW), TONGBAN_SMS_QUIET_HOURS: 'off', TONGBAN_NO_DEMO: '1',
  });
  await server.start();
  db = createPool(server.databaseUrl(), 2);

  // The outbox filled in one commit, as a burst of decided notifications would: the running server's worker wakes and sends.
  const recipients = Array.from({ length: TOTAL }, (_, i) => ({ phone: `1370000${String(i).padStart(4, '0')}` }));
  await withTx(db, (tx) => writeNotifications(tx, [{
    kind: 'task.urged', key: 'server-kill', recipients, caseNo: 'KILL-0001',
    vars: { caseNo: 'KILL-0001', itemName: '食品经营许可', stepName: '审查', actorName: '周主任', dueDate: '2026-10-08' },
  }], { now: new Date(), quietHours: null }));

  await smsc.waitFor(60, 120_000);
  await server.kill9();
  const atKill = smsc.received.length;
  const sentAtKill = await count(`SELECT count(*)::int AS n FROM notify_outbox WHERE status = 'sent'`);
  expect(sentAtKill).toBeLessThan(TOTAL);

  await server.start();
  // The killed server's row locks go when PostgreSQL notices its connections are gone; the restarted workers then finish.
  const until = Date.now() + 240_000;
  while ((await count(`SELECT count(*)::int AS n FROM notify_outbox WHERE status <> 'sent'`)) > 0) {
    if (Date.now() > until) throw new Error(`outbox not drained after the restart:\n${server.output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  const statuses = await db.query(`SELECT status, count(*)::int AS n FROM notify_outbox GROUP BY status`);
  expect(statuses.rows).toEqual([{ status: 'sent', n: TOTAL }]);
  expect(await count('SELECT count(*)::int AS n FROM notify_sent_log')).toBe(TOTAL);
  // Every number got its message; the texts differ only by number, so arrival is counted per destination.
  expect(new Set(smsc.received.map((m) => m.to)).size).toBe(TOTAL);
  const twice = smsc.duplicates();
  expect(twice).toBeLessThanOrEqual(BATCH);
  console.log(`[notify] server killed with SIGKILL, outbox of ${TOTAL}: ${atKill} at the gateway and ${sentAtKill} recorded sent at the kill; after the restart all ${TOTAL} arrived, ${twice} twice`);
}, 600_000);

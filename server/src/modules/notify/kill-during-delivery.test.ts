import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { withTx, type Db } from '../../platform/db/pool.ts';
import { deliverOnce } from './delivery.ts';
import { enqueueNotification } from './index.ts';
import { SmppTransport } from './smpp.ts';
import { TestSmsc } from './testing.ts';

let testDb: { db: Db; url: string; drop(): Promise<void> };
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.drop());

/** A server's SMS worker in a process of its own, on the real SMPP transport. */
function worker(dbUrl: string, smppUrl: string): string {
  const delivery = JSON.stringify(path.resolve('server/src/modules/notify/delivery.ts'));
  const smpp = JSON.stringify(path.resolve('server/src/modules/notify/smpp.ts'));
  const pool = JSON.stringify(path.resolve('server/src/platform/db/pool.ts'));
  return `import { startDelivery } from ${delivery}; import { SmppTransport } from ${smpp}; import { createPool } from ${pool};
    const db = createPool(${JSON.stringify(dbUrl)}, 4);
    const transport = new SmppTransport(${JSON.stringify(smppUrl)}, { sender: '10690001', window: 10 });
    startDelivery(db, [{ channel: 'sms', transport, batchSize: 40, maxAttempts: 5, retryBaseMs: 1000, quietHours: null }],
      { now: () => new Date(), onError: (c, e) => console.error(c, e.message), intervalMs: 50 });
    console.log('started');`;
}

describe('kill -9 with a full outbox', () => {
  // Two worker processes start (one killed mid-delivery): on a busy two-core machine more than the default 30 s.
  it('loses no message: the restarted worker sends what the dead one had not committed; repeats are only what the gateway took unrecorded', async () => {
    const total = 400;
    // Queued at noon in Beijing: SMS queued in quiet hours (22:00-07:00 by default) would wait for the
    // morning, and the test must not depend on the hour it runs at. The workers run on the real clock, later.
    const queuedAt = new Date('2026-06-01T04:00:00Z');
    await withTx(testDb.db, async (tx) => {
      for (let i = 0; i < total; i++) {
        await enqueueNotification(tx, {
          kind: 'supervision.warning', key: `kill:${i}`, recipients: [{ phone: `1360000${String(i).padStart(4, '0')}` }],
          vars: { caseNo: `KILL-${i}`, stepName: '审核', reason: '临近期限' }, now: queuedAt,
        });
      }
    });
    const smsc = new TestSmsc({ respondDelayMs: 2, receipts: false });
    await smsc.start();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', worker(testDb.url, smsc.url)], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((r) => child.once('exit', r));
      await Promise.race([
        smsc.waitFor(120, 60_000),
        exited.then(() => { throw new Error('worker exited before it was killed'); }),
      ]);
      child.kill('SIGKILL');
      await exited;
      const atKill = smsc.received.length;
      const committed = await testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notify_outbox WHERE status = 'sent'`);
      expect(committed.rows[0]!.n).toBeLessThan(total);

      // The restarted server: its worker finishes the outbox.
      const transport = new SmppTransport(smsc.url, { sender: '10690001', window: 10 });
      const w = { channel: 'sms' as const, transport, batchSize: 100, maxAttempts: 5, retryBaseMs: 1000, quietHours: null };
      for (let i = 0; i < 50; i++) {
        // The killed backend's locks go when PostgreSQL notices the lost client; until then its rows are skipped.
        const left = await testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notify_outbox WHERE status <> 'sent'`);
        if (left.rows[0]!.n === 0) break;
        const run = await deliverOnce(testDb.db, w, new Date());
        if (run.claimed === 0) await new Promise((r) => setTimeout(r, 100));
      }
      await transport.close();
      const statuses = await testDb.db.query(`SELECT status, count(*)::int AS n FROM notify_outbox GROUP BY status`);
      expect(statuses.rows).toEqual([{ status: 'sent', n: total }]);
      const distinct = new Set(smsc.received.map((m) => m.text));
      expect(distinct.size).toBe(total);
      const twice = smsc.duplicates();
      // A repeat is a message the gateway took in the killed worker's last, uncommitted batch.
      expect(twice).toBeLessThanOrEqual(40);
      const audit = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notify_sent_log');
      expect(audit.rows[0]!.n).toBe(total);
      console.log(`[notify] kill -9 mid-delivery: ${total} queued, ${atKill} at the gateway when killed, ${committed.rows[0]!.n} recorded sent; after restart all ${total} arrived, ${twice} twice`);
    } finally {
      await smsc.stop();
    }
  }, 120_000);
});

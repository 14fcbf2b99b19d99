/**
 * `npm run bench -- notify [N]`: SMS throughput and latency against a local
 * SMPP server (the `smpp` package's own, server/src/modules/notify/testing.ts),
 * on an embedded PostgreSQL of its own.
 * - The server answers each submit_sm after 5 ms, as a gateway across a
 *   network does (a zero-latency local server would hide what windows buy).
 * - N SMS (default 3,000) queued in the outbox, then delivered by the channel
 *   worker with windowed submission (50 submit_sm in flight); in the same run
 *   N / 6 with one submit_sm at a time (window 1), the alternative.
 * - Latency: events committed at a steady pace (20/s, not backlogged) go
 *   through the whole path — chainer, the notify.decide consumer, the outbox,
 *   the woken worker — and the time from each event's commit to its SMS
 *   arriving at the SMPP server is measured.
 * Prints the figures and ends with one JSON line of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startEmbeddedPg } from '../server/src/platform/db/embedded.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { createPool, withTx, type Db } from '../server/src/platform/db/pool.ts';
import { appendEvent } from '../server/src/platform/events/stream.ts';
import { startChainer } from '../server/src/platform/events/chain.ts';
import { startConsumers } from '../server/src/platform/events/consumer.ts';
import { enqueueNotification, notifyConsumer } from '../server/src/modules/notify/index.ts';
import { deliverOnce, startDelivery, type ChannelWorker } from '../server/src/modules/notify/delivery.ts';
import { SmppTransport } from '../server/src/modules/notify/smpp.ts';
import { TestSmsc } from '../server/src/modules/notify/testing.ts';
import { freePort } from '../server/test/free-port.ts';

const WINDOW = 50;
const GATEWAY_MS = 5;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Queues n SMS to distinct numbers, 500 per transaction. */
async function queue(db: Db, prefix: string, n: number): Promise<void> {
  for (let start = 0; start < n; start += 500) {
    await withTx(db, async (tx) => {
      for (let i = start; i < Math.min(n, start + 500); i++) {
        await enqueueNotification(tx, {
          kind: 'supervision.warning', key: `${prefix}:${i}`, recipients: [{ phone: `135${String(i).padStart(8, '0')}` }],
          vars: { caseNo: `${prefix}-${i}`, stepName: '审核', reason: '已用时限三分之二', dueDate: '2026-10-09' }, now: new Date(),
        });
      }
    });
  }
}

/** Delivers everything queued with the given window; SMS per second from the first batch to the last. */
async function throughput(db: Db, smsc: TestSmsc, prefix: string, n: number, window: number) {
  await queue(db, prefix, n);
  const transport = new SmppTransport(smsc.url, { sender: '106900001234', window });
  const w: ChannelWorker = { channel: 'sms', transport, batchSize: Math.max(window * 4, 50), maxAttempts: 5, retryBaseMs: 1000, quietHours: null };
  const before = smsc.received.length;
  const t0 = performance.now();
  let sent = 0;
  for (;;) {
    const run = await deliverOnce(db, w, new Date());
    sent += run.sent;
    if (run.claimed === 0) break;
  }
  const seconds = (performance.now() - t0) / 1000;
  await transport.close();
  const arrived = smsc.received.length - before;
  const figures = { window, messages: n, sent, arrived, seconds: round(seconds, 2), smsPerSecond: round(sent / seconds) };
  console.log(`window ${String(window).padStart(2)}: ${sent} SMS in ${figures.seconds} s = ${figures.smsPerSecond} SMS/s (${arrived} arrived at the SMPP server)`);
  return figures;
}

/** Events at a steady pace through the whole path; commit → SMS at the gateway. */
async function latency(db: Db, smsc: TestSmsc, events: number, perSecond: number) {
  const user = await db.query<{ id: string }>(
    `INSERT INTO users (username, password_hash, display_name, role, phone) VALUES ('bench_holder', 'x', '基准审批人', 'clerk', '13912345678') RETURNING id`,
  );
  const holder = user.rows[0]!.id;
  const stopChainer = startChainer(db, (err) => console.error(`chainer: ${err.message}`));
  const consumers = startConsumers(db, [notifyConsumer(() => ({ quietHours: null }), () => new Date())], {
    now: () => new Date(), onError: (name, err) => console.error(`${name}: ${err.message}`),
  });
  const transport = new SmppTransport(smsc.url, { sender: '106900001234', window: WINDOW });
  const delivery = startDelivery(db, [{ channel: 'sms', transport, batchSize: WINDOW * 4, maxAttempts: 5, retryBaseMs: 1000, quietHours: null }], {
    now: () => new Date(), onError: (c, err) => console.error(`${c}: ${err.message}`),
  });
  const committed = new Map<string, number>();
  const before = smsc.received.length;
  const gap = 1000 / perSecond;
  const t0 = Date.now();
  for (let i = 0; i < events; i++) {
    const wait = t0 + i * gap - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const caseNo = `LAT-${i}`;
    await withTx(db, (tx) => appendEvent(tx, {
      type: 'task.created', occurredAt: new Date(),
      // A whole task.created as the engine writes it (the event contract checks it outside production).
      payload: {
        instanceId: randomUUID(), businessKey: caseNo, taskId: randomUUID(), nodeId: 'review', name: '审核', assignee: holder,
        candidateKind: 'user', candidates: [holder], dueAt: null, stage: 'review',
      },
    }));
    committed.set(caseNo, Date.now());
  }
  await smsc.waitFor(before + events, 30_000);
  const lat = smsc.received.slice(before).map((m) => {
    const caseNo = /LAT-\d+/.exec(m.text)?.[0] ?? '';
    return m.at - (committed.get(caseNo) ?? m.at);
  }).sort((a, b) => a - b);
  await consumers.stop();
  await delivery.stop();
  await stopChainer();
  const figures = { events, perSecond, p50Ms: percentile(lat, 50), p95Ms: percentile(lat, 95), p99Ms: percentile(lat, 99), maxMs: lat.at(-1) ?? 0 };
  console.log(`event commit → SMS at the gateway, ${events} events at ${perSecond}/s: p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`);
  return figures;
}

export async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 3000);
  if (!Number.isInteger(n) || n < 60) {
    console.error('用法：npm run bench -- notify [N 短信条数，至少 60]');
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-notify-'));
  fs.chmodSync(tmp, 0o755);
  const pgServer = await startEmbeddedPg({ dataDir: path.join(tmp, 'pg'), port: await freePort() });
  const db = createPool(pgServer.url('postgres'), 12);
  // A gateway answers over the network: 5 ms per submit_sm_resp (a LAN round trip; carriers' are longer).
  const smsc = new TestSmsc({ receipts: true, respondDelayMs: GATEWAY_MS });
  await smsc.start();
  try {
    await migrate(db);
    console.log(`machine: ${os.cpus().length} CPU, ${round(os.totalmem() / 2 ** 30)} GB; PostgreSQL embedded, fsync on; SMPP server in the same process answering after ${GATEWAY_MS} ms`);
    await throughput(db, smsc, 'warm', 200, WINDOW);
    const windowed = await throughput(db, smsc, 'win', n, WINDOW);
    const single = await throughput(db, smsc, 'one', Math.max(60, Math.floor(n / 6)), 1);
    const lat = await latency(db, smsc, 200, 20);
    const ratio = windowed.smsPerSecond / single.smsPerSecond;
    console.log(`windowed submission: ${round(ratio, 2)}× one at a time; duplicates at the gateway: ${smsc.duplicates()}`);
    console.log(JSON.stringify({
      bench: 'notify', gatewayResponseMs: GATEWAY_MS, windowed, oneAtATime: single, ratio: round(ratio, 2), latency: lat, duplicates: smsc.duplicates(),
      targets: { smsPerSecond: 500, p99Ms: 1000 }, met: { throughput: windowed.smsPerSecond >= 500, latency: lat.p99Ms <= 1000 },
    }));
  } finally {
    await smsc.stop();
    await db.end();
    await pgServer.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

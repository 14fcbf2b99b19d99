import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { withTx } from '../../platform/db/pool.ts';
import { deliverOnce, type ChannelWorker } from './delivery.ts';
import { enqueueNotification } from './index.ts';
import { receiptWriter } from './receipts.ts';
import { SmppTransport } from './smpp.ts';
import { smtpTransport } from './smtp.ts';
import { TestSmsc } from './testing.ts';
import type { Transport } from './transport.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const sms = (transport: Transport, over: Partial<ChannelWorker> = {}): ChannelWorker => ({
  channel: 'sms', transport, batchSize: 200, maxAttempts: 5, retryBaseMs: 1000, quietHours: null, ...over,
});

/** Queues `n` warnings to distinct walk-in numbers, each text unique by its case number. */
async function queue(prefix: string, n: number, phone = (i: number) => `1370000${String(i).padStart(4, '0')}`) {
  await withTx(t.ctx.db, async (tx) => {
    for (let i = 0; i < n; i++) {
      await enqueueNotification(tx, {
        kind: 'supervision.warning', key: `${prefix}:${i}`, recipients: [{ phone: phone(i) }],
        vars: { caseNo: `${prefix}-${i}`, stepName: '审核', reason: '已用时限三分之二', dueDate: '2026-10-09' }, now: t.clock.now(),
      });
    }
  });
}

/** Runs the worker until nothing is due, moving the clock past each back-off. */
async function drain(w: ChannelWorker, rounds = 20) {
  for (let i = 0; i < rounds; i++) {
    const run = await deliverOnce(t.ctx.db, w, t.clock.now());
    if (run.claimed === 0) {
      const due = await t.ctx.db.query(`SELECT 1 FROM notify_outbox WHERE status = 'pending' AND channel = $1`, [w.channel]);
      if (!due.rowCount) return;
      t.clock.advance(60_000);
    }
  }
}

describe('SMS over SMPP 3.4', () => {
  it('sends Chinese text as UCS-2, a long one in concatenated parts, and records the delivery receipts', async () => {
    const smsc = new TestSmsc();
    await smsc.start();
    const receipts = receiptWriter(t.ctx.db, () => t.clock.now(), (err) => { throw err; }, 20);
    const transport = new SmppTransport(smsc.url, { sender: '106900001234', window: 10, onReceipt: receipts.add });
    try {
      const long = '因材料不全需要补正：'.repeat(8); // with the template's words about 130 characters: two parts
      await withTx(t.ctx.db, (tx) => enqueueNotification(tx, {
        kind: 'supervision.yellow_card', key: 'long:1', recipients: [{ phone: '13900001111' }],
        vars: { caseNo: '20260924-SCJG-0100', stepName: '审核', reason: long }, now: t.clock.now(),
      }));
      await drain(sms(transport));
      expect(smsc.received).toHaveLength(1);
      const m = smsc.received[0]!;
      expect(m).toMatchObject({ to: '13900001111', from: '106900001234', dataCoding: 8, parts: 2 });
      expect(m.text).toContain('20260924-SCJG-0100');
      expect(m.text).toContain(long);
      await new Promise((r) => setTimeout(r, 200));
      await receipts.stop();
      const sent = (await t.app.inject({ url: '/api/admin/notify/outbox?status=sent&channel=sms', headers: { cookie: admin } })).json();
      expect(sent.items[0]).toMatchObject({ address: '139****1111', parts: 2, delivered: true, receipt: 'DELIVRD', transport: 'smpp' });
    } finally {
      await transport.close();
      await smsc.stop();
    }
  });

  it('retries a number the gateway refuses, then dead-letters it with the gateway\'s status', async () => {
    const smsc = new TestSmsc({ refuse: (to) => (to === '13900002222' ? 0x0b : undefined) }); // ESME_RINVDSTADR
    await smsc.start();
    const transport = new SmppTransport(smsc.url, { sender: '10690001', window: 10 });
    try {
      await queue('refused', 1, () => '13900002222');
      await drain(sms(transport, { maxAttempts: 3 }));
      const dead = await t.ctx.db.query<{ status: string; attempts: number; last_error: string }>(
        `SELECT status, attempts, last_error FROM notify_outbox WHERE dedup_key LIKE 'refused:%'`,
      );
      expect(dead.rows[0]).toEqual({ status: 'dead', attempts: 3, last_error: 'SMPP submit_sm refused: command_status 0x0000000b' });
      expect(smsc.received).toHaveLength(0);
    } finally {
      await transport.close();
      await smsc.stop();
    }
  });

  it('keeps messages while the gateway is down and sends each exactly once after it restarts', async () => {
    const smsc = new TestSmsc();
    await smsc.start();
    const port = smsc.port;
    await smsc.stop();
    const transport = new SmppTransport(smsc.url, { sender: '10690001', window: 20, connectTimeoutMs: 1000 });
    try {
      await queue('restart', 60);
      const down = await deliverOnce(t.ctx.db, sms(transport), t.clock.now());
      expect(down).toMatchObject({ claimed: 60, sent: 0, retried: 60 });
      await smsc.start(port);
      t.clock.advance(60_000);
      await drain(sms(transport));
      expect(smsc.received.filter((m) => m.text.includes('restart-'))).toHaveLength(60);
      expect(smsc.duplicates()).toBe(0);
    } finally {
      await transport.close();
      await smsc.stop();
    }
  });

  it('when the connection drops after the gateway took messages, every message still arrives; only unanswered ones can come twice', async () => {
    const smsc = new TestSmsc({ respondDelayMs: 5 });
    await smsc.start();
    const window = 10;
    const transport = new SmppTransport(smsc.url, { sender: '10690001', window });
    try {
      await queue('lost', 80);
      smsc.loseAnswersAfter(35);
      await drain(sms(transport));
      const texts = new Set(smsc.received.map((m) => m.text));
      expect([...texts].filter((x) => x.includes('lost-'))).toHaveLength(80);
      const twice = smsc.duplicates();
      // Only submits in flight when the line dropped (at most one window) can repeat.
      expect(twice).toBeGreaterThanOrEqual(1);
      expect(twice).toBeLessThanOrEqual(window);
      console.log(`[notify] connection dropped mid-send: 80 messages, ${twice} arrived twice (window ${window})`);
      const status = await t.ctx.db.query(`SELECT DISTINCT status FROM notify_outbox WHERE dedup_key LIKE 'lost:%'`);
      expect(status.rows).toEqual([{ status: 'sent' }]);
    } finally {
      await transport.close();
      await smsc.stop();
    }
  });
});

describe('e-mail over SMTP', () => {
  it('sends through nodemailer to an SMTP server, and retries when the server refuses', async () => {
    const mails: { to: string; data: string }[] = [];
    let refuse = true;
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'],
      onRcptTo: (address, _s, cb) => (refuse ? cb(Object.assign(new Error('mailbox busy'), { responseCode: 451 })) : cb()),
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'no-reply@tongban.local');
    const approver = (await t.ctx.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'approver'`)).rows[0]!.id;
    try {
      await withTx(t.ctx.db, (tx) => enqueueNotification(tx, {
        kind: 'supervision.yellow_card', key: 'mail:1', recipients: [approver], vars: { caseNo: '20260924-SCJG-0200', stepName: '审核', reason: '临近期限' }, now: t.clock.now(),
      }));
      const w: ChannelWorker = { channel: 'email', transport, batchSize: 10, maxAttempts: 5, retryBaseMs: 1000, quietHours: null };
      const first = await deliverOnce(t.ctx.db, w, t.clock.now());
      expect(first).toMatchObject({ claimed: 1, retried: 1 });
      const err = await t.ctx.db.query<{ last_error: string }>(`SELECT last_error FROM notify_outbox WHERE dedup_key LIKE 'mail:1:%:email'`);
      expect(err.rows[0]!.last_error).toMatch(/^451 /);
      refuse = false;
      t.clock.advance(5000);
      expect((await deliverOnce(t.ctx.db, w, t.clock.now())).sent).toBe(1);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toBe('approver@demo.tongban.local');
      expect(mails[0]!.data).toContain('Subject: =?UTF-8?');
    } finally {
      await transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

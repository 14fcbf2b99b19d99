import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer } from '../../platform/events/consumer.ts';
import { withTx } from '../../platform/db/pool.ts';
import { notifyConsumer } from './decide.ts';
import { deliverOnce, type ChannelWorker } from './delivery.ts';
import { localSink, type Transport } from './transport.ts';
import { enqueueNotification, outboxDepth } from './index.ts';
import { parseQuietHours } from './rules.ts';

let t: TestApp;
const f = factories(() => t);
/** An item of a department of its own (its approver handles the steps). */
let item: Item;
let citizen: string;
let clerk: string;
let admin: string;
const quiet = { quietHours: parseQuietHours('22:00-07:00') };
const consumer = () => notifyConsumer(() => quiet, () => t.clock.now());

/** What an event leads to: chain it, let the consumer decide. */
async function decide() {
  await chainPending(t.ctx.db);
  const run = await drainConsumer(t.ctx.db, consumer(), () => t.clock.now());
  expect(run.error).toBeUndefined();
}

const worker = (transport: Transport, over: Partial<ChannelWorker> = {}): ChannelWorker => ({
  channel: 'sms', transport, batchSize: 100, maxAttempts: 3, retryBaseMs: 1000, quietHours: quiet.quietHours, ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  [citizen, clerk, admin] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, 'admin')]);
});
afterAll(() => t.close());

const userId = async (username: string) =>
  (await t.ctx.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0]!.id;

describe('deciding notifications from events', () => {
  it('tells the applicant of receipt and acceptance by SMS naming the case number, e-mail and in-app; the next approver of the new step', async () => {
    const c = await f.submit(item);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: clerk }, payload: {} })).statusCode).toBe(200);
    await decide();
    const sms = await t.ctx.db.query<{ kind: string; address: string; body: string; recipient_id: string }>(
      `SELECT kind, address, body, recipient_id FROM notify_outbox WHERE case_id = $1 AND channel = 'sms' ORDER BY created_at, kind`, [c.id],
    );
    const citizenId = await userId('citizen');
    const approverId = await userId(item.department.approver);
    const forCitizen = sms.rows.filter((r) => r.recipient_id === citizenId);
    expect(forCitizen.map((r) => r.kind).sort()).toEqual(['case.accepted', 'case.received']);
    expect(forCitizen.every((r) => r.address === '13800138000' && r.body.includes(c.caseNo))).toBe(true);
    const step = sms.rows.find((r) => r.kind === 'task.assigned');
    expect(step?.recipient_id).toBe(approverId);
    expect(step?.body).toContain(c.caseNo);
    const mail = await t.ctx.db.query(`SELECT 1 FROM notify_outbox WHERE case_id = $1 AND channel = 'email' AND recipient_id = $2`, [c.id, citizenId]);
    expect(mail.rowCount).toBe(2);
    const inbox = await t.app.inject({ url: '/api/notify/inbox', headers: { cookie: citizen } });
    expect(inbox.json().items.filter((m: { caseNo: string }) => m.caseNo === c.caseNo).map((m: { kind: string }) => m.kind).sort())
      .toEqual(['case.accepted', 'case.received']);
    expect(inbox.json().unread).toBeGreaterThanOrEqual(2);
  });

  it('adds nothing when the stream is replayed from the start', async () => {
    const before = await t.ctx.db.query<{ o: number; i: number }>('SELECT (SELECT count(*) FROM notify_outbox)::int AS o, (SELECT count(*) FROM notify_inbox)::int AS i');
    await t.ctx.db.query(`UPDATE event_cursors SET last_seq = 0 WHERE consumer = 'notify.decide'`);
    await decide();
    const after = await t.ctx.db.query<{ o: number; i: number }>('SELECT (SELECT count(*) FROM notify_outbox)::int AS o, (SELECT count(*) FROM notify_inbox)::int AS i');
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('follows a person\'s channel choice, but staff cannot turn off cards', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/notify/preferences/case.received', headers: { cookie: citizen }, payload: { channels: ['inapp'] } });
    expect(res.statusCode).toBe(200);
    const c = await f.submit(item);
    await decide();
    const rows = await t.ctx.db.query(`SELECT channel FROM notify_outbox WHERE case_id = $1`, [c.id]);
    expect(rows.rowCount).toBe(0);
    const approver = await login(t.app, item.department.approver);
    const card = await t.app.inject({ method: 'PUT', url: '/api/notify/preferences/supervision.red_card', headers: { cookie: approver }, payload: { channels: ['inapp'] } });
    expect(card.json().code).toBe('NOTIFY_CHANNEL_MANDATORY');
  });
});

describe('the reader\'s language', () => {
  it('is Chinese by default; a person sets their own, English or Chinese only, and the me answer carries it', async () => {
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: citizen } });
    expect(me.json().user.language).toBe('zh');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/auth/language', headers: { cookie: citizen }, payload: { language: 'fr' } });
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect((await t.app.inject({ method: 'PUT', url: '/api/auth/language', payload: { language: 'en' } })).statusCode).toBe(401);
    const set = await t.app.inject({ method: 'PUT', url: '/api/auth/language', headers: { cookie: citizen }, payload: { language: 'en' } });
    expect(set.json().user.language).toBe('en');
    // Choosing it again changes nothing and records nothing.
    await t.app.inject({ method: 'PUT', url: '/api/auth/language', headers: { cookie: citizen }, payload: { language: 'en' } });
    const events = await t.ctx.db.query(`SELECT payload FROM events WHERE type = 'user.language_changed' AND payload->>'userId' = $1`, [await userId('citizen')]);
    expect(events.rows.map((r) => r.payload.language)).toEqual(['en']);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: citizen } })).json().user.language).toBe('en');
  });

  it('chooses the English template for SMS, e-mail and in-app of a person who prefers English, the Chinese one for the others', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/notify/preferences/case.received', headers: { cookie: citizen }, payload: { channels: ['inapp', 'sms', 'email'] } });
    const c = await f.submit(item);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: clerk }, payload: {} })).statusCode).toBe(200);
    await decide();
    const citizenId = await userId('citizen');
    const out = await t.ctx.db.query<{ kind: string; channel: string; subject: string; body: string; recipient_id: string }>(
      `SELECT kind, channel, subject, body, recipient_id FROM notify_outbox WHERE case_id = $1 ORDER BY kind, channel`, [c.id],
    );
    const mine = out.rows.filter((r) => r.recipient_id === citizenId);
    expect(mine.map((r) => `${r.kind}/${r.channel}`)).toEqual(['case.accepted/email', 'case.accepted/sms', 'case.received/email', 'case.received/sms']);
    expect(mine.find((r) => r.kind === 'case.accepted' && r.channel === 'email')).toMatchObject({ subject: 'Application accepted' });
    for (const r of mine) {
      expect(r.body).toMatch(/^\[.+\] Your application for .+ (has been received|was accepted), case /);
      expect(r.body).toContain(c.caseNo);
    }
    const inbox = (await t.app.inject({ url: '/api/notify/inbox', headers: { cookie: citizen } })).json();
    expect(inbox.items.filter((m: { caseNo: string }) => m.caseNo === c.caseNo).map((m: { title: string }) => m.title).sort())
      .toEqual(['Application accepted', 'Application received']);
    // The approver has not chosen: the new step comes in Chinese.
    const step = out.rows.find((r) => r.kind === 'task.assigned' && r.channel === 'sms');
    expect(step?.body).toContain('您有新的待办');
    await t.app.inject({ method: 'PUT', url: '/api/auth/language', headers: { cookie: citizen }, payload: { language: 'zh' } });
  });
});

describe('delivering', () => {
  it('sends through the local sink when no gateway is configured: sent, audited with the content hash, listed for admins with the number masked', async () => {
    const run = await deliverOnce(t.ctx.db, worker(localSink), t.clock.now());
    expect(run.sent).toBeGreaterThan(0);
    const list = await t.app.inject({ url: '/api/admin/notify/outbox?status=sent&channel=sms', headers: { cookie: admin } });
    const item = list.json().items.find((i: { address: string }) => i.address === '138****8000');
    expect(item).toBeTruthy();
    const audit = await t.app.inject({ url: `/api/admin/notify/outbox/${item.id}/audit`, headers: { cookie: admin } });
    expect(audit.json().items[0]).toMatchObject({ address: '138****8000', transport: 'local', attempt: 1 });
    expect(audit.json().items[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.app.inject({ url: '/api/admin/notify/outbox', headers: { cookie: clerk } })).json().code).toBe('FORBIDDEN');
    await expect(t.ctx.db.query('DELETE FROM notify_sent_log')).rejects.toThrow(/append-only/);
  });

  it('retries a refusal with back-off, then dead-letters it with the gateway\'s error; an admin re-sends it', async () => {
    const refusing: Transport = { name: 'smpp', send: async (ms) => ms.map(() => ({ ok: false, error: 'SMPP submit_sm refused: command_status 0x00000045' })), close: async () => undefined };
    const approver = await userId(item.department.approver);
    await withTx(t.ctx.db, (tx) => enqueueNotification(tx, {
      kind: 'supervision.red_card', key: 'card:test-1', recipients: [approver], vars: { caseNo: '20260924-SCJG-9999', stepName: '审核', reason: '超期' }, now: t.clock.now(),
    }));
    const w = worker(refusing, { maxAttempts: 3 });
    expect((await deliverOnce(t.ctx.db, w, t.clock.now())).retried).toBe(1);
    expect((await deliverOnce(t.ctx.db, w, t.clock.now())).claimed).toBe(0); // backing off
    t.clock.advance(1000);
    expect((await deliverOnce(t.ctx.db, w, t.clock.now())).retried).toBe(1);
    t.clock.advance(2000);
    expect((await deliverOnce(t.ctx.db, w, t.clock.now())).dead).toBe(1);
    const dead = (await t.app.inject({ url: '/api/admin/notify/outbox?status=dead', headers: { cookie: admin } })).json();
    expect(dead.items[0]).toMatchObject({ kind: 'supervision.red_card', attempts: 3, lastError: 'SMPP submit_sm refused: command_status 0x00000045' });
    const resend = await t.app.inject({ method: 'POST', url: `/api/admin/notify/outbox/${dead.items[0].id}/resend`, headers: { cookie: admin } });
    expect(resend.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'POST', url: `/api/admin/notify/outbox/${dead.items[0].id}/resend`, headers: { cookie: admin } });
    expect(again.json().code).toBe('NOTIFY_NOT_DEAD_LETTER');
    expect((await deliverOnce(t.ctx.db, worker(localSink), t.clock.now())).sent).toBe(1);
  });

  it('holds non-urgent SMS in quiet hours; a red card goes at once', async () => {
    const approver = await userId(item.department.approver);
    t.clock.set('2026-09-24T15:30:00Z'); // 23:30 China time
    await withTx(t.ctx.db, async (tx) => {
      await enqueueNotification(tx, { kind: 'supervision.yellow_card', key: 'card:q-yellow', recipients: [approver], vars: { caseNo: 'X-1' }, now: t.clock.now() });
      await enqueueNotification(tx, { kind: 'supervision.red_card', key: 'card:q-red', recipients: [approver], vars: { caseNo: 'X-2' }, now: t.clock.now() });
      // The same key again: nothing more.
      const again = await enqueueNotification(tx, { kind: 'supervision.red_card', key: 'card:q-red', recipients: [approver], vars: { caseNo: 'X-2' }, now: t.clock.now() });
      expect(again).toEqual({ inbox: 0, outbox: 0 });
    });
    const run = await deliverOnce(t.ctx.db, worker(localSink), t.clock.now());
    expect(run.sent).toBe(1);
    const yellow = await t.ctx.db.query<{ status: string; next_attempt_at: Date }>(`SELECT status, next_attempt_at FROM notify_outbox WHERE dedup_key LIKE 'card:q-yellow:%:sms'`);
    expect(yellow.rows[0]).toEqual({ status: 'pending', next_attempt_at: new Date('2026-09-24T23:00:00Z') });
    const depth = await outboxDepth(t.ctx.db, t.clock.now());
    expect(depth.find((d) => d.channel === 'sms')).toMatchObject({ pending: expect.any(Number), due: 0 });
  });
});

describe('templates', () => {
  it('refuses an unknown variable and an SMS about a case without its number; previews with sample values; saves with a version', async () => {
    const list = (await t.app.inject({ url: '/api/admin/notify/templates', headers: { cookie: admin } })).json();
    const accepted = list.items.find((i: { kind: string }) => i.kind === 'case.accepted');
    const put = (body: object) => t.app.inject({ method: 'PUT', url: '/api/admin/notify/templates/case.accepted', headers: { cookie: admin }, payload: body });
    const text = { titleZh: accepted.titleZh, bodyZh: accepted.bodyZh, titleEn: accepted.titleEn, bodyEn: accepted.bodyEn };
    expect((await put({ ...text, bodyZh: '您的{caseNo}已受理，{amount}', version: 0 })).json()).toMatchObject({ code: 'NOTIFY_TEMPLATE_UNKNOWN_VARIABLE' });
    expect((await put({ ...text, bodyZh: '您的申请已受理', version: 0 })).json().code).toBe('NOTIFY_TEMPLATE_CASE_NO_REQUIRED');
    const preview = await t.app.inject({ method: 'POST', url: '/api/admin/notify/templates/case.accepted/preview', headers: { cookie: admin }, payload: { ...text, bodyZh: '办件{caseNo}已受理' } });
    expect(preview.json().bodyZh).toBe('办件20260924-SCJG-0007已受理');
    expect((await put({ ...text, bodyZh: '【{center}】办件{caseNo}已受理。', version: 0 })).json().version).toBe(1);
    expect((await put({ ...text, version: 0 })).json().code).toBe('NOTIFY_TEMPLATE_STALE');
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/notify/templates/no.such', headers: { cookie: admin }, payload: { ...text, version: 0 } })).json().code).toBe('NOTIFY_KIND_UNKNOWN');
    expect((await t.app.inject({ url: '/api/admin/notify/templates', headers: { cookie: clerk } })).json().code).toBe('FORBIDDEN');
  });

  it('validates a person\'s own mobile number and shows it masked', async () => {
    const bad = await t.app.inject({ method: 'PUT', url: '/api/notify/contact', headers: { cookie: clerk }, payload: { phone: '12345678901' } });
    expect(bad.json().code).toBe('NOTIFY_PHONE_INVALID');
    const ok = await t.app.inject({ method: 'PUT', url: '/api/notify/contact', headers: { cookie: clerk }, payload: { phone: '+86 139-0571-8000' } });
    expect(ok.json().phone).toBe('139****8000');
  });
});

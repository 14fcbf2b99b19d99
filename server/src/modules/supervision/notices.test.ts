import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { signBatch } from '../../platform/events/publish-signature.ts';
import { pullCardNotices } from '../notify/index.ts';
import { addCase, addEvent, addSource, addStep } from './cards/fixtures.ts';
import { trackCards } from './cards/tracker.ts';

/**
 * The notices door: a source fetches the notices of the cards raised on its
 * cases, signed with its key, and acknowledges what it delivered; the
 * approval side's puller does so over HTTP and tells its people once.
 */
let t: TestApp;
// The fixtures register sources with this key.
const KEY = '0'.repeat(64);
let approverId = '';
let departmentId = '';

const notices = (body: object, source = 'county', key = KEY) => {
  const payload = JSON.stringify(body);
  return t.app.inject({
    method: 'POST', url: '/api/supervision/notices', payload,
    headers: { 'content-type': 'application/json', 'x-tongban-source': source, 'x-tongban-signature': signBatch(key, payload) },
  });
};
const pending = async (source: string) => Number((await t.ctx.db.query(
  `SELECT count(*) AS n FROM supervision.sv_outbox o JOIN supervision.sv_cards c ON c.id = o.card_id WHERE c.source_id = $1 AND o.delivered_at IS NULL`, [source],
)).rows[0].n);

/** A case of `source` with an open step held by the demo approver, due two days after it opened. */
async function overdueStep(source: string, caseNo: string): Promise<void> {
  const now = t.clock.now();
  const caseId = randomUUID();
  await addSource(t.ctx.db, source, now);
  const seq = await addEvent(t.ctx.db, source, 'case.accepted', caseId, now);
  await addCase(t.ctx.db, source, { caseId, caseNo, departmentId, departmentName: '市场监督管理局', acceptedAt: now, dueAt: new Date('2026-10-22T09:30:00Z'), seq });
  const s2 = await addEvent(t.ctx.db, source, 'task.created', caseId, now);
  await addStep(t.ctx.db, source, {
    stepId: randomUUID(), caseId, caseNo, name: '审查', stage: 'review', departmentId, assigneeId: approverId, startedAt: now, dueAt: new Date('2026-09-23T09:30:00Z'), seq: s2,
  });
}

beforeAll(async () => {
  t = await createTestApp('2026-09-21T02:00:00Z');
  const me = (await t.ctx.db.query<{ id: string; department_id: string }>(`SELECT id, department_id FROM users WHERE username = 'approver'`)).rows[0]!;
  approverId = me.id;
  departmentId = me.department_id;
  await overdueStep('county', 'XA2026-0001');
  await overdueStep('other', 'XB2026-0001');
  await trackCards(t.ctx);
  t.clock.set('2026-09-24T02:00:00Z');
  // No hand-over here: both sources are elsewhere, their cards wait for them.
  await trackCards(t.ctx);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

describe('POST /api/supervision/notices', () => {
  it('refuses an unknown source and a bad signature, recording each refusal', async () => {
    expect((await notices({}, 'nobody')).json().code).toBe('INGEST_SOURCE_UNKNOWN');
    const forged = await notices({}, 'county', 'f'.repeat(64));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('INGEST_SIGNATURE_INVALID');
    const found = await t.ctx.db.query(`SELECT code FROM supervision.findings WHERE code IN ('INGEST_SOURCE_UNKNOWN', 'INGEST_SIGNATURE_INVALID')`);
    expect(found.rowCount).toBe(2);
    expect((await notices({ limit: 0 })).json().code).toBe('VALIDATION_FAILED');
  });

  it('answers a source with its own cards only, the holder and the department each once, and leaves another source\'s alone', async () => {
    const res = await notices({});
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.notices.length).toBeGreaterThan(0);
    expect(new Set(body.notices.map((n: { caseNo: string }) => n.caseNo))).toEqual(new Set(['XA2026-0001']));
    const red = body.notices.find((n: { level: string }) => n.level === 'red');
    expect(red.recipients).toEqual([{ kind: 'user', id: approverId }, { kind: 'department_head', id: departmentId }]);
    const others = (await t.ctx.db.query(`SELECT id FROM supervision.sv_cards WHERE source_id = 'other'`)).rows.map((r) => r.id);
    expect((await notices({ ack: others })).json().acknowledged).toBe(0);
    expect(await pending('other')).toBeGreaterThan(0);
  });

  it('is fetched, delivered once and acknowledged by the approval side\'s puller', async () => {
    const address = t.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const cards = Number((await t.ctx.db.query(`SELECT count(*) AS n FROM supervision.sv_cards WHERE source_id = 'county'`)).rows[0].n);
    expect(await pullCardNotices(t.ctx, { url, sourceId: 'county', key: KEY })).toBe(cards);
    expect(await pending('county')).toBe(0);
    const inbox = await t.ctx.db.query<{ kind: string; case_no: string }>(
      `SELECT kind, case_no FROM notify_inbox WHERE user_id = $1 AND kind LIKE 'supervision.%' ORDER BY kind`, [approverId],
    );
    expect(inbox.rows.map((r) => r.case_no)).toEqual(Array(cards).fill('XA2026-0001'));
    expect(inbox.rows.map((r) => r.kind)).toContain('supervision.red_card');
    // Delivered notices come back no more; a repeat of an acknowledged card changes nothing.
    expect(await pullCardNotices(t.ctx, { url, sourceId: 'county', key: KEY })).toBe(0);
    expect((await notices({ ack: (await t.ctx.db.query(`SELECT id FROM supervision.sv_cards WHERE source_id = 'county'`)).rows.map((r) => r.id) })).json())
      .toEqual({ acknowledged: 0, notices: [] });
    expect(await pending('other')).toBeGreaterThan(0);
  });

  it('shows on /metrics how many cards of each source wait to be taken, and since when', async () => {
    // The cards were raised by the scan at 2026-09-24 02:00; read an hour later.
    t.clock.set('2026-09-24T03:00:00Z');
    const body = (await t.app.inject({ url: '/metrics' })).body;
    const figure = (source: string, what: string) =>
      Number(new RegExp(`tongban_supervision_card_notices_waiting\\{source="${source}",what="${what}"\\} ([0-9.e+-]+)`).exec(body)?.[1] ?? NaN);
    const otherCards = Number((await t.ctx.db.query(`SELECT count(*) AS n FROM supervision.sv_cards WHERE source_id = 'other'`)).rows[0].n);
    expect(figure('other', 'cards')).toBe(otherCards);
    expect(figure('other', 'oldest_seconds')).toBe(3600);
    // The county took and acknowledged all of its own: it is not listed.
    expect(Number.isNaN(figure('county', 'cards'))).toBe(true);
  });
});

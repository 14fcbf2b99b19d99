import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { verifyChain } from './stream.ts';
import { canonicalJson } from './canonical.ts';

let t: TestApp;
const f = factories(() => t);
/** An item of a department of its own (its approver handles the steps). */
let item: Item;
let supervisor: string;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  const clerk = await login(t.app, 'clerk');
  supervisor = await login(t.app, 'supervisor');
  for (let i = 0; i < 3; i++) {
    const c = await f.submit(item);
    await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: clerk }, payload: {} });
  }
});
afterAll(() => t.close());

describe('the hash-chained event stream', () => {
  it('writes one event per state change with type, version, case, department, actor, time and payload', async () => {
    const res = (await t.app.inject({ url: '/api/supervision/events?limit=200', headers: { cookie: supervisor } })).json();
    const accepted = res.items.find((e: { type: string }) => e.type === 'case.accepted');
    expect(accepted).toMatchObject({ schemaVersion: 2, actorRole: 'clerk', occurredAt: '2026-09-24T02:00:00.000Z' });
    expect(accepted.caseId).toBeTruthy();
    expect(accepted.departmentId).toBeTruthy();
    expect(accepted.prevHash).toBe(res.items[res.items.indexOf(accepted) - 1].hash);
  });

  it('filters the stream by case number and reads on after a sequence number', async () => {
    const all = (await t.app.inject({ url: '/api/supervision/events?limit=200', headers: { cookie: supervisor } })).json().items;
    const caseNo = all.find((e: { caseNo: string | null }) => e.caseNo).caseNo;
    const one = (await t.app.inject({ url: `/api/supervision/events?caseNo=${caseNo}`, headers: { cookie: supervisor } })).json().items;
    // The case's own events and those of its process (the engine's carry the case id only).
    expect(one.map((e: { type: string }) => e.type).slice(0, 4)).toEqual(['case.submitted', 'case.accepted', 'process.started', 'task.created']);
    const after = (await t.app.inject({ url: `/api/supervision/events?afterSeq=${all.at(-2).seq}`, headers: { cookie: supervisor } })).json().items;
    expect(after.map((e: { seq: number }) => e.seq)).toEqual([all.at(-1).seq]);
  });

  it('is for supervision roles only', async () => {
    const citizen = await login(t.app, 'citizen');
    expect((await t.app.inject({ url: '/api/supervision/events', headers: { cookie: citizen } })).json().code).toBe('FORBIDDEN');
  });

  it('verifies intact, then reports the first edited row', async () => {
    expect(await verifyChain(t.ctx.db)).toMatchObject({ ok: true, firstBroken: null });
    await t.ctx.db.query(`UPDATE events SET payload = payload || '{"reason":"改写"}' WHERE seq = 3`);
    expect(await verifyChain(t.ctx.db)).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, reason: 'content_hash_mismatch' } });
  });

  it('reports a deleted row as a gap', async () => {
    const { rows } = await t.ctx.db.query('SELECT payload FROM events WHERE seq = 3');
    // Restore row 3 to its original content first, then delete row 5.
    const original = { ...rows[0].payload };
    delete original.reason;
    await t.ctx.db.query('UPDATE events SET payload = $1 WHERE seq = 3', [JSON.stringify(original)]);
    expect((await verifyChain(t.ctx.db)).ok).toBe(true);
    await t.ctx.db.query('DELETE FROM events WHERE seq = 5');
    expect((await verifyChain(t.ctx.db)).firstBroken).toEqual({ seq: 5, reason: 'sequence_gap' });
  });

  it('serialises objects canonically', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[2,{"y":"x","z":null}]},"b":1}');
  });
});

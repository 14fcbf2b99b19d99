import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { IDEMPOTENCY_RETENTION_MS, removeExpiredIdempotencyKeys } from './idempotency.ts';

let t: TestApp;
const f = factories(() => t);
/** An item of a department of its own (its approver handles the steps). */
let item: Item;
let clerk: string;
let approver: string;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  [clerk, approver] = await Promise.all([login(t.app, 'clerk'), login(t.app, item.department.approver)]);
});
afterAll(() => t.close());

const post = (url: string, cookie: string, key: string | undefined, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload });

const count = async (sql: string, params: unknown[]) => (await t.ctx.db.query(sql, params)).rows[0].n as number;
const events = (caseId: string, type: string) => count('SELECT count(*)::int AS n FROM events WHERE case_id = $1 AND type = $2', [caseId, type]);
const notices = (caseId: string, kind: string) => count('SELECT count(*)::int AS n FROM documents WHERE case_id = $1 AND kind = $2', [caseId, kind]);

it('answers a retried acceptance with the first answer, and accepts (and issues the notice) once', async () => {
  const c = await f.submit(item);
  const first = await post(`/api/cases/${c.id}/accept`, clerk, 'accept-key-0001');
  expect(first.statusCode).toBe(200);
  const again = await post(`/api/cases/${c.id}/accept`, clerk, 'accept-key-0001');
  expect(again.statusCode, again.body).toBe(200);
  expect(again.json()).toEqual(first.json());
  expect(await events(c.id, 'case.accepted')).toBe(1);
  expect(await notices(c.id, 'acceptance')).toBe(1);
  // Without the key a retry is a new request, refused by the case's state.
  expect((await post(`/api/cases/${c.id}/accept`, clerk, undefined)).json().code).toBe('CASE_STATE_CONFLICT');
  // The key names one request: used for another case it is refused, and nothing happens there.
  const other = await f.submit(item);
  const reused = await post(`/api/cases/${other.id}/accept`, clerk, 'accept-key-0001');
  expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await events(other.id, 'case.accepted')).toBe(0);
});

it('answers a retried step decision with the first answer, also when the process died before the answer was stored', async () => {
  const c = await f.submit(item);
  await post(`/api/cases/${c.id}/accept`, clerk, 'accept-key-0002');
  const todo = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json();
  const task = todo.items.find((i: { caseId: string }) => i.caseId === c.id);
  const decide = () => post(`/api/tasks/${task.id}/complete`, approver, 'complete-key-0001', { outcome: 'approved', opinion: '符合条件' });
  const first = await decide();
  expect(first.statusCode).toBe(200);
  expect(first.json().status).toBe('approved');
  // As after a crash between the commit and storing the body: the answer is read again from the case.
  await t.ctx.db.query(`UPDATE idempotent_requests SET response = NULL WHERE key = 'complete-key-0001'`);
  const again = await decide();
  expect(again.statusCode).toBe(200);
  expect(again.json().status).toBe('approved');
  expect(again.json().id).toBe(c.id);
  // The answer given on that retry is kept: every later retry gives the same.
  expect(await count(`SELECT count(*)::int AS n FROM idempotent_requests WHERE key = 'complete-key-0001' AND response IS NOT NULL`, [])).toBe(1);
  expect((await decide()).json()).toEqual(again.json());
  expect(await events(c.id, 'case.concluded')).toBe(1);
  expect(await notices(c.id, 'conclusion')).toBe(1);
  // The same key with the other outcome is another request.
  expect((await post(`/api/tasks/${task.id}/complete`, approver, 'complete-key-0001', { outcome: 'denied', opinion: '不符合' })).json().code)
    .toBe('IDEMPOTENCY_KEY_REUSED');
});

it('refuses a malformed key', async () => {
  const c = await f.submit(item);
  expect((await post(`/api/cases/${c.id}/accept`, clerk, 'short')).json().code).toBe('VALIDATION_FAILED');
  expect((await post(`/api/cases/${c.id}/accept`, clerk, 'has space in it')).json().code).toBe('VALIDATION_FAILED');
  expect(await events(c.id, 'case.accepted')).toBe(0);
});

it('forgets keys older than the retention (the sweep), keeps younger ones, and a late retry cannot act twice', async () => {
  const old = await f.submit(item);
  expect((await post(`/api/cases/${old.id}/accept`, clerk, 'accept-key-old1')).statusCode).toBe(200);
  t.clock.advance(IDEMPOTENCY_RETENTION_MS - 60_000);
  const young = await f.submit(item);
  expect((await post(`/api/cases/${young.id}/accept`, clerk, 'accept-key-young')).statusCode).toBe(200);
  const kept = async (key: string) => count('SELECT count(*)::int AS n FROM idempotent_requests WHERE key = $1', [key]);

  // Just inside the retention nothing goes.
  await removeExpiredIdempotencyKeys(t.ctx.db, t.clock.now());
  expect(await kept('accept-key-old1')).toBe(1);
  t.clock.advance(2 * 60_000);
  expect(await removeExpiredIdempotencyKeys(t.ctx.db, t.clock.now())).toBeGreaterThanOrEqual(1);
  expect(await kept('accept-key-old1')).toBe(0);
  expect(await kept('accept-key-young')).toBe(1);
  // The young key still answers a retry alike.
  expect((await post(`/api/cases/${young.id}/accept`, clerk, 'accept-key-young')).statusCode).toBe(200);
  // A retry after its key is gone runs the command again, which the case's state refuses: accepted once.
  expect((await post(`/api/cases/${old.id}/accept`, clerk, 'accept-key-old1')).json().code).toBe('CASE_STATE_CONFLICT');
  expect(await events(old.id, 'case.accepted')).toBe(1);
});

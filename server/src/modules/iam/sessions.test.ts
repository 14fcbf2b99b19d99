import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { removeEndedSessions } from './index.ts';
import { hashToken } from '../../platform/http/auth.ts';

// Sessions end when idle, can be listed by their owner, ended one by one or all at once.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(undefined, { sessionIdleMinutes: 30 });
});
afterAll(() => t.close());

const hash = (cookie: string) => hashToken(cookie.slice('tb_session='.length));
const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
const sessions = async (cookie: string) => (await t.app.inject({ url: '/api/auth/sessions', headers: { cookie } })).json().items as
  { id: string; current: boolean; userAgent: string | null; address: string | null }[];
const loginWith = async (username: string, userAgent: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'user-agent': userAgent }, payload: { username, password: 'Tongban@2026' } });
  return `tb_session=${res.cookies.find((c) => c.name === 'tb_session')!.value}`;
};

describe('session idle timeout', () => {
  it('ends a session unused for the configured time, and keeps one in use alive', async () => {
    const idle = await login(t.app, 'citizen');
    const busy = await login(t.app, 'citizen');
    t.clock.advance(29 * 60_000);
    expect((await me(busy)).statusCode).toBe(200);
    t.clock.advance(2 * 60_000);
    expect((await me(idle)).json().code).toBe('UNAUTHENTICATED');
    expect((await me(busy)).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await me(busy)).statusCode).toBe(200);
    // The sweep removes the ended row and keeps the live one.
    const rows = async () => Number((await t.ctx.db.query(`SELECT count(*) FROM sessions WHERE token_hash = ANY($1)`, [[idle, busy].map(hash)])).rows[0].count);
    expect(await rows()).toBe(2);
    expect(await removeEndedSessions(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await rows()).toBe(1);
  });
});

describe('own sessions', () => {
  it('lists the caller’s live sessions with the current one marked, and nobody else’s', async () => {
    const phone = await loginWith('approver', 'Mobile Safari');
    const desk = await loginWith('approver', 'Chrome on Windows');
    await login(t.app, 'clerk');
    const list = await sessions(desk);
    expect(list.map((s) => s.userAgent).sort()).toEqual(['Chrome on Windows', 'Mobile Safari']);
    expect(list.find((s) => s.current)!.userAgent).toBe('Chrome on Windows');
    expect(list[0]!.address).toBe('127.0.0.1');
    expect((await sessions(phone)).find((s) => s.current)!.userAgent).toBe('Mobile Safari');
    expect((await t.app.inject({ url: '/api/auth/sessions' })).json().code).toBe('UNAUTHENTICATED');
  });

  it('ends one of one’s own sessions, never another person’s', async () => {
    const lost = await loginWith('head_scjg', 'old laptop');
    const here = await loginWith('head_scjg', 'this browser');
    const other = (await sessions(here)).find((s) => !s.current)!;
    const stranger = await login(t.app, 'citizen');
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: { cookie: stranger } });
    expect(refused.json().code).toBe('SESSION_NOT_FOUND');
    expect((await me(lost)).statusCode).toBe(200);
    const ended = await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: { cookie: here } });
    expect(ended.statusCode).toBe(204);
    expect((await me(lost)).json().code).toBe('UNAUTHENTICATED');
    expect((await me(here)).statusCode).toBe(200);
    const events = await t.ctx.db.query(`SELECT payload FROM events WHERE type = 'session.revoked'`);
    expect(events.rows.map((r) => r.payload.sessionId)).toContain(other.id);
  });

  it('signs out everywhere: every session of the caller ends, other people stay in', async () => {
    const a = await login(t.app, 'manager');
    const b = await login(t.app, 'manager');
    const someoneElse = await login(t.app, 'supervisor');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: { cookie: a } });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'tb_session')!.value).toBe('');
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(someoneElse)).statusCode).toBe(200);
    const event = await t.ctx.db.query(`SELECT payload FROM events WHERE type = 'session.revoked_all'`);
    expect(event.rows[0].payload.sessions).toBeGreaterThanOrEqual(2);
  });
});

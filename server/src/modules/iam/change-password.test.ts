import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

// Changing one's own password: current password required, the role's policy, other sessions end, guessing locks.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const change = (cookie: string | undefined, currentPassword: string, newPassword: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/password', remoteAddress, headers: cookie ? { cookie } : {}, payload: { currentPassword, newPassword } });
const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
const loginAnswer = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const hashOf = async (username: string) => (await t.ctx.db.query('SELECT password_hash FROM users WHERE username = $1', [username])).rows[0].password_hash as string;

describe('password change', () => {
  it('changes a citizen’s password: the other sessions end, this one stays, only the new password signs in', async () => {
    const phone = await login(t.app, 'citizen');
    const laptop = await login(t.app, 'citizen');
    const here = await login(t.app, 'citizen');
    const bystander = await login(t.app, 'clerk');
    const res = await change(here, DEMO_PASSWORD, 'qing-shan-2027');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await me(phone)).json().code).toBe('UNAUTHENTICATED');
    expect((await me(laptop)).json().code).toBe('UNAUTHENTICATED');
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(bystander)).statusCode).toBe(200);
    expect((await loginAnswer('citizen', DEMO_PASSWORD)).json().code).toBe('INVALID_CREDENTIALS');
    expect((await loginAnswer('citizen', 'qing-shan-2027')).statusCode).toBe(200);
    const event = await t.ctx.db.query(`SELECT payload FROM events WHERE type = 'user.password_changed'`);
    expect(event.rows).toHaveLength(1);
    expect(event.rows[0].payload.sessionsEnded).toBe(res.json().sessionsEnded);
    // Never the password or its hash in the stream.
    expect(JSON.stringify(event.rows[0].payload)).not.toContain('qing-shan');
  });

  it('applies the role’s policy: 12 characters for staff, 8 for citizens, no common password, never the name; nothing changes on a refusal', async () => {
    const approver = await login(t.app, 'approver');
    const before = await hashOf('approver');
    const refusals: [string, string][] = [
      ['k7#Qm2xZ!pw', 'PASSWORD_TOO_SHORT'], // 11 characters: enough for a citizen, not for staff
      ['123qweasdzxc', 'PASSWORD_TOO_COMMON'],
      ['Approver2026', 'PASSWORD_LIKE_USERNAME'],
      [DEMO_PASSWORD, 'PASSWORD_UNCHANGED'],
    ];
    for (const [password, code] of refusals) {
      const res = await change(approver, DEMO_PASSWORD, password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().code, password).toBe(code);
    }
    expect(await hashOf('approver')).toBe(before);
    expect((await change(approver, DEMO_PASSWORD, 'k7#Qm2xZ!pw.')).statusCode).toBe(200);
    // A citizen's 8 characters are enough.
    const citizen = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'li_si', password: 'lv-shui-9', displayName: '李四' } });
    const cookie = `tb_session=${citizen.cookies.find((c) => c.name === 'tb_session')!.value}`;
    expect((await change(cookie, 'lv-shui-9', 'k7#Qm2xZ')).statusCode).toBe(200);
  });

  it('requires the current password, counts wrong ones like failed logins (429 with Retry-After), and refuses anonymous callers', async () => {
    const cookie = await login(t.app, 'manager');
    const before = await hashOf('manager');
    const address = '192.0.2.77';
    for (let i = 0; i < 5; i++) expect((await change(cookie, `wrong-guess-${i}`, 'zhou-zhu-ren-2027', address)).json().code).toBe('CURRENT_PASSWORD_INVALID');
    const locked = await change(cookie, DEMO_PASSWORD, 'zhou-zhu-ren-2027', address);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The lock is the account's: logging in is refused too until it passes.
    expect((await loginAnswer('manager', DEMO_PASSWORD)).json().code).toBe('LOGIN_THROTTLED');
    expect(await hashOf('manager')).toBe(before);
    t.clock.advance(61_000);
    expect((await change(cookie, DEMO_PASSWORD, 'zhou-zhu-ren-2027', address)).statusCode).toBe(200);
    expect((await change(undefined, DEMO_PASSWORD, 'zhou-zhu-ren-2028')).json().code).toBe('UNAUTHENTICATED');
  });
});

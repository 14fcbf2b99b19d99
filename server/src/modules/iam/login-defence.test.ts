import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import argon2 from 'argon2';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { weakness } from './password-policy.ts';

// Password guessing over HTTP: the policy at registration, lockout with Retry-After, no hash for unknown names.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const loginFrom = (remoteAddress: string, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });
const registerFrom = (remoteAddress: string, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress, payload: { username, password, displayName: '测试' } });
const userCount = async () => Number((await t.ctx.db.query('SELECT count(*) FROM users')).rows[0].count);

describe('password policy', () => {
  it('refuses common passwords, short ones and the username, and stores nothing', async () => {
    const before = await userCount();
    const cases: [string, string, string][] = [
      ['wangfang1', '12345678', 'PASSWORD_TOO_COMMON'],
      ['wangfang2', 'password', 'PASSWORD_TOO_COMMON'],
      ['wangfang3', 'Woaini1314', 'PASSWORD_TOO_COMMON'],
      ['wangfang4', 'Admin@123456', 'PASSWORD_TOO_COMMON'],
      ['wangfang5', 'k7#Qm2', 'PASSWORD_TOO_SHORT'],
      ['wangfang66', 'wangfang66', 'PASSWORD_LIKE_USERNAME'],
      ['wangfang77', 'WangFang77!', 'PASSWORD_LIKE_USERNAME'],
    ];
    for (const [username, password, code] of cases) {
      const res = await registerFrom('192.0.2.50', username, password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().code, password).toBe(code);
    }
    expect(await userCount()).toBe(before);
    expect((await registerFrom('192.0.2.50', 'wangfang8', 'qing-shan-lv-shui')).statusCode).toBe(201);
  });

  it('asks 12 characters of staff and 8 of citizens', () => {
    expect(weakness('lan-tian-9x', 'clerk2', 'clerk')).toBe('PASSWORD_TOO_SHORT');
    expect(weakness('lan-tian-9x', 'wang', 'applicant')).toBeNull();
    expect(weakness('lan-tian-bai-yun', 'clerk2', 'approver')).toBeNull();
    // Counted in characters: eight Chinese characters are eight.
    expect(weakness('青山绿水白云蓝天', 'wang', 'applicant')).toBeNull();
  });
});

describe('login lockout', () => {
  it('locks a name after five failures with 429 and Retry-After, even for the right password, then lets it in', async () => {
    for (let i = 0; i < 5; i++) expect((await loginFrom(`198.51.100.${i}`, 'citizen', `wrong-${i}`)).json().code).toBe('INVALID_CREDENTIALS');
    const locked = await loginFrom('198.51.100.77', 'citizen', 'Tongban@2026');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_THROTTLED');
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.cookies.find((c) => c.name === 'tb_session')).toBeUndefined();
    t.clock.advance(60_000);
    expect((await loginFrom('198.51.100.77', 'citizen', 'Tongban@2026')).statusCode).toBe(200);
  });

  it('locks an address that guesses across many names, and names that do not exist like real ones', async () => {
    for (let i = 0; i < 20; i++) await loginFrom('203.0.113.66', `nobody${i}`, 'guess-1234');
    const res = await loginFrom('203.0.113.66', 'clerk', 'Tongban@2026');
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await loginFrom('203.0.113.67', 'clerk', 'Tongban@2026')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await loginFrom(`198.51.100.${100 + i}`, 'no-such-person', 'guess-1234');
    expect((await loginFrom('198.51.100.200', 'no-such-person', 'guess-1234')).json().code).toBe('LOGIN_THROTTLED');
  });

  it('spends no password hash on names that do not exist', async () => {
    // One real login first: the stand-in wait learns how long a verification takes from it.
    expect((await loginFrom('192.0.2.60', 'approver', 'Tongban@2026')).statusCode).toBe(200);
    const verify = vi.spyOn(argon2, 'verify');
    try {
      for (let i = 0; i < 8; i++) expect((await loginFrom(`192.0.2.${70 + i}`, `ghost-${i}`, 'guess-1234')).json().code).toBe('INVALID_CREDENTIALS');
      expect(verify).not.toHaveBeenCalled();
      await loginFrom('192.0.2.80', 'approver', 'wrong-password');
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });
});

describe('registration', () => {
  it('answers a taken name with USERNAME_UNAVAILABLE and throttles each address to ten an hour', async () => {
    const taken = await registerFrom('192.0.2.90', 'Clerk', 'qing-shan-lv-shui');
    expect(taken.json().code).toBe('USERNAME_UNAVAILABLE');
    for (let i = 0; i < 9; i++) expect((await registerFrom('192.0.2.90', `lixia${i}`, 'qing-shan-lv-shui')).statusCode).toBe(201);
    const limited = await registerFrom('192.0.2.90', 'lixia9', 'qing-shan-lv-shui');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await registerFrom('192.0.2.91', 'lixia9', 'qing-shan-lv-shui')).statusCode).toBe(201);
    t.clock.advance(3_600_000);
    expect((await registerFrom('192.0.2.90', 'lixia10', 'qing-shan-lv-shui')).statusCode).toBe(201);
  });
});

import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { SoftwareAuthenticator } from '../../../test/software-authenticator.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { relyingParty } from './webauthn.ts';

// 安全密钥: a staff member adds a security key, signs in with it instead of a
// code; the key's answer must be for this challenge, this site and a counter
// that grows; a person required to have a second factor keeps one.
let t: TestApp;
const f = factories(() => t);
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SITE = { host: 'localhost:3000', origin: 'http://localhost:3000' };
const RP = { rpId: 'localhost', origin: SITE.origin };

/** A request as the browser sends it from the site (its Origin decides the relying party). */
const send = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string, payload?: object, site = SITE) =>
  t.app.inject({ method, url, headers: { ...site, ...(cookie ? { cookie } : {}) }, ...(payload || method === 'POST' ? { payload: payload ?? {} } : {}) });
const signIn = (username: string, extra: object = {}) => send('POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD, ...extra });
const loginOptions = async (username: string) => {
  const res = await send('POST', '/api/auth/webauthn/login-options', undefined, { username, password: DEMO_PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { challenge: string; rpId: string; allowCredentials: { id: string }[] };
};

/** Adds a software key to the signed-in person's account; answers the created key. */
async function addKey(cookie: string, name = '办公电脑指纹', key = new SoftwareAuthenticator()) {
  const options = await send('POST', '/api/auth/webauthn/registration-options', cookie);
  expect(options.statusCode, options.body).toBe(200);
  const added = await send('POST', '/api/auth/webauthn/keys', cookie, { name, response: key.register({ ...RP, challenge: options.json().challenge }) });
  expect(added.statusCode, added.body).toBe(201);
  return { key, id: added.json().id as string };
}

/** The administrator requires a second factor of `username` (人员管理 → 要求两步验证); answers the staff record and the admin's cookie. */
async function requireSecondFactorOf(username: string) {
  const admin = await login(t.app, 'admin');
  const person = (await send('GET', '/api/admin/staff', admin)).json().items.find((s: { username: string }) => s.username === username);
  const { id: _id, username: _u, status: _s, secondFactorEnrolled: _e, openSteps: _o, ...fields } = person;
  const required = await t.app.inject({ method: 'PUT', url: `/api/admin/staff/${person.id}`, headers: { cookie: admin }, payload: { ...fields, secondFactorRequired: true } });
  expect(required.statusCode, required.body).toBe(200);
  return { person: person as { id: string; secondFactorEnrolled: boolean }, admin };
}

describe('security keys', () => {
  it('registers a named key, then signs in with it; a replayed answer or another challenge is refused', async () => {
    const dept = await f.department();
    const cookie = await login(t.app, dept.approver);
    const key = new SoftwareAuthenticator();

    const options = await send('POST', '/api/auth/webauthn/registration-options', cookie);
    expect(options.statusCode, options.body).toBe(200);
    const { challenge, rp, user } = options.json();
    expect(rp.id).toBe('localhost');
    expect(user.name).toBe(dept.approver);
    // The name is the person's own label: required, at most 40 characters (refused before the challenge is used).
    for (const name of ['', ' ', 'k'.repeat(41)]) {
      const res = await send('POST', '/api/auth/webauthn/keys', cookie, { name, response: key.register({ ...RP, challenge }) });
      expect(res.json().code, name).toBe('VALIDATION_FAILED');
    }
    const registration = key.register({ ...RP, challenge });
    const added = await send('POST', '/api/auth/webauthn/keys', cookie, { name: ' 办公电脑指纹 ', response: registration });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ name: '办公电脑指纹', lastUsedAt: null });
    // The challenge was good once.
    expect((await send('POST', '/api/auth/webauthn/keys', cookie, { name: '再来一次', response: registration })).json().code).toBe('WEBAUTHN_CHALLENGE_INVALID');

    const state = (await send('GET', '/api/auth/second-factor', cookie)).json();
    expect(state).toMatchObject({ enrolled: false, required: false, securityKeys: [{ id: added.json().id, name: '办公电脑指纹', lastUsedAt: null }] });

    // The password alone is not enough now: the answer names the way the account can prove it.
    const noKey = await signIn(dept.approver);
    expect(noKey.statusCode).toBe(401);
    expect(noKey.json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', details: { methods: ['webauthn'] } });
    expect(noKey.cookies.find((c) => c.name === 'tb_session')).toBeUndefined();
    // The options need the password, like the login, and answer the same way for a wrong one as for a name that does not exist.
    for (const username of [dept.approver, 'nobody-here']) {
      const wrong = await send('POST', '/api/auth/webauthn/login-options', undefined, { username, password: 'not-the-password-1' });
      expect(wrong.json().code, username).toBe('INVALID_CREDENTIALS');
    }
    const signOptions = await loginOptions(dept.approver);
    expect(signOptions.rpId).toBe('localhost');
    expect(signOptions.allowCredentials.map((c) => c.id)).toEqual([key.id]);

    const assertion = key.assert({ ...RP, challenge: signOptions.challenge });
    const signedIn = await signIn(dept.approver, { webauthn: assertion });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.cookies.find((c) => c.name === 'tb_session')).toBeDefined();
    const used = await t.ctx.db.query('SELECT sign_count, last_used_at FROM webauthn_credentials WHERE credential_id = $1', [key.id]);
    expect(used.rows).toEqual([{ sign_count: 1, last_used_at: t.clock.now() }]);

    // The same answer again (a replay from a log or a proxy) is refused; so is an answer to a challenge the server never gave.
    expect((await signIn(dept.approver, { webauthn: assertion })).json().code).toBe('WEBAUTHN_CHALLENGE_INVALID');
    await loginOptions(dept.approver);
    const forged = key.assert({ ...RP, challenge: randomBytes(32).toString('base64url') });
    expect((await signIn(dept.approver, { webauthn: forged })).json().code).toBe('WEBAUTHN_CHALLENGE_INVALID');
    // An expired challenge too.
    const late = await loginOptions(dept.approver);
    t.clock.advance(6 * 60_000);
    expect((await signIn(dept.approver, { webauthn: key.assert({ ...RP, challenge: late.challenge }) })).json().code).toBe('WEBAUTHN_CHALLENGE_INVALID');

    const again = await loginOptions(dept.approver);
    expect((await signIn(dept.approver, { webauthn: key.assert({ ...RP, challenge: again.challenge }) })).statusCode).toBe(200);
  });

  it('refuses an answer for another site, a counter that went back and a signature of another key, each counted as a failed sign-in', async () => {
    const dept = await f.department();
    const { key } = await addKey(await login(t.app, dept.approver));
    const stranger = new SoftwareAuthenticator();

    let o = await loginOptions(dept.approver);
    expect((await signIn(dept.approver, { webauthn: key.assert({ ...RP, challenge: o.challenge, counter: 5 }) })).statusCode).toBe(200);
    // A phishing page relaying the prompt reports its own origin.
    o = await loginOptions(dept.approver);
    const phished = key.assert({ rpId: 'localhost', origin: 'http://tongban.example.com', challenge: o.challenge, counter: 6 });
    expect((await signIn(dept.approver, { webauthn: phished })).json().code).toBe('WEBAUTHN_ORIGIN_INVALID');
    // A copy of the key answers with a count the server has already seen.
    o = await loginOptions(dept.approver);
    expect((await signIn(dept.approver, { webauthn: key.assert({ ...RP, challenge: o.challenge, counter: 5 }) })).json().code).toBe('WEBAUTHN_COUNTER_INVALID');
    o = await loginOptions(dept.approver);
    expect((await signIn(dept.approver, { webauthn: key.assert({ ...RP, challenge: o.challenge, counter: 3 }) })).json().code).toBe('WEBAUTHN_COUNTER_INVALID');
    o = await loginOptions(dept.approver);
    expect((await signIn(dept.approver, { webauthn: key.assert({ ...RP, challenge: o.challenge, counter: 10, signWith: stranger }) })).json().code).toBe('WEBAUTHN_RESPONSE_INVALID');
    o = await loginOptions(dept.approver);
    expect((await signIn(dept.approver, { webauthn: stranger.assert({ ...RP, challenge: o.challenge }) })).json().code).toBe('WEBAUTHN_CREDENTIAL_UNKNOWN');
    // Five failures: the account is locked like after five wrong passwords, before any key is looked at.
    expect((await send('POST', '/api/auth/webauthn/login-options', undefined, { username: dept.approver, password: DEMO_PASSWORD })).json().code).toBe('LOGIN_THROTTLED');
    expect((await signIn(dept.approver, { webauthn: key.assert({ ...RP, challenge: o.challenge }) })).json().code).toBe('LOGIN_THROTTLED');
  });

  it('removes only one\'s own keys, and keeps the last second factor of a person required to have one', async () => {
    const dept = await f.department();
    const cookie = await login(t.app, dept.head);
    const first = await addKey(cookie, '钥匙扣上的密钥');
    const other = await login(t.app, dept.approver);
    expect((await send('DELETE', `/api/auth/webauthn/keys/${first.id}`, other)).json().code).toBe('WEBAUTHN_KEY_NOT_FOUND');

    const { person, admin } = await requireSecondFactorOf(dept.head);
    // A key counts as a second factor in the administrator's list.
    expect(person.secondFactorEnrolled).toBe(true);

    // Required, with a key and no app: the key is the second factor (no enrolment of the app).
    const o = await loginOptions(dept.head);
    expect((await signIn(dept.head)).json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', details: { methods: ['webauthn'] } });
    expect((await signIn(dept.head, { webauthn: first.key.assert({ ...RP, challenge: o.challenge }) })).statusCode).toBe(200);

    expect((await send('DELETE', `/api/auth/webauthn/keys/${first.id}`, cookie)).json().code).toBe('WEBAUTHN_LAST_SECOND_FACTOR');
    const second = await addKey(cookie, '备用密钥');
    const removed = await send('DELETE', `/api/auth/webauthn/keys/${first.id}`, cookie);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().securityKeys.map((k: { name: string }) => k.name)).toEqual(['备用密钥']);
    expect((await send('DELETE', `/api/auth/webauthn/keys/${second.id}`, cookie)).json().code).toBe('WEBAUTHN_LAST_SECOND_FACTOR');

    // A lost key: the administrator's reset removes it, and the next sign-in enrols the app.
    const reset = await send('POST', `/api/admin/staff/${person.id}/second-factor/reset`, admin);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ secondFactorRequired: true, secondFactorEnrolled: false });
    expect((await signIn(dept.head)).json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');

    // Every step is in the audit log (compared as a set: the log's order is the chain's business, not this test's).
    const audit = await t.ctx.db.query(`SELECT action, result FROM audit_log WHERE action LIKE 'account.security_key%' AND actor_id = $1`, [person.id]);
    expect(audit.rows.map((r) => `${r.action}:${r.result}`).sort()).toEqual([
      'account.security_key_setup:ok', 'account.security_key_added:ok', 'account.security_key_removed:WEBAUTHN_LAST_SECOND_FACTOR',
      'account.security_key_setup:ok', 'account.security_key_added:ok', 'account.security_key_removed:ok', 'account.security_key_removed:WEBAUTHN_LAST_SECOND_FACTOR',
    ].sort());
  });

  it('takes the app or a key, either one; a person required to have a second factor may drop one while the other stays', async () => {
    const dept = await f.department();
    const cookie = await login(t.app, dept.approver);
    const { secret } = (await send('POST', '/api/auth/second-factor/setup', cookie)).json();
    const codeNow = () => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    expect((await send('POST', '/api/auth/second-factor/confirm', cookie, { code: await codeNow() })).statusCode).toBe(200);
    const { key, id } = await addKey(cookie);

    expect((await signIn(dept.approver)).json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', details: { methods: ['totp', 'webauthn'] } });
    t.clock.advance(30_000);
    expect((await signIn(dept.approver, { code: await codeNow() })).statusCode).toBe(200);
    const o = await loginOptions(dept.approver);
    expect((await signIn(dept.approver, { webauthn: key.assert({ ...RP, challenge: o.challenge }) })).statusCode).toBe(200);

    await requireSecondFactorOf(dept.approver);

    // The app stays: the key may go; then the app is the last and stays on.
    expect((await send('DELETE', `/api/auth/webauthn/keys/${id}`, cookie)).statusCode).toBe(200);
    t.clock.advance(30_000);
    expect((await send('POST', '/api/auth/second-factor/disable', cookie, { code: await codeNow() })).json().code).toBe('SECOND_FACTOR_REQUIRED_BY_ADMIN');
    // A key again: now the app may go, and the key is the last.
    const again = await addKey(cookie, '备用密钥');
    t.clock.advance(30_000);
    const off = await send('POST', '/api/auth/second-factor/disable', cookie, { code: await codeNow() });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enrolled: false, required: true, securityKeys: [{ name: '备用密钥' }] });
    expect((await send('DELETE', `/api/auth/webauthn/keys/${again.id}`, cookie)).json().code).toBe('WEBAUTHN_LAST_SECOND_FACTOR');
  });

  it('needs a domain name: an address by IP answers WEBAUTHN_NEEDS_DOMAIN, and codes still sign in there', async () => {
    const dept = await f.department();
    const byIp = { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' };
    const cookie = await login(t.app, dept.approver);
    expect((await send('POST', '/api/auth/webauthn/registration-options', cookie, undefined, byIp)).json().code).toBe('WEBAUTHN_NEEDS_DOMAIN');
    await addKey(cookie);
    const options = await send('POST', '/api/auth/webauthn/login-options', undefined, { username: dept.approver, password: DEMO_PASSWORD }, byIp);
    expect(options.json().code).toBe('WEBAUTHN_NEEDS_DOMAIN');
    // A person without a key is not concerned at all.
    const withoutKey = await send('POST', '/api/auth/login', undefined, { username: dept.head, password: DEMO_PASSWORD }, byIp);
    expect(withoutKey.statusCode, withoutKey.body).toBe(200);

    // TONGBAN_PUBLIC_URL decides when set (behind a proxy the request's own address is not the site's).
    expect(relyingParty('https://zwfw.example.gov.cn/', 'http://127.0.0.1:3000')).toEqual({ id: 'zwfw.example.gov.cn', origin: 'https://zwfw.example.gov.cn' });
    expect(relyingParty(undefined, 'http://localhost:5173')).toEqual({ id: 'localhost', origin: 'http://localhost:5173' });
    for (const address of ['http://[::1]:3000', 'https://10.0.0.5']) expect(() => relyingParty(undefined, address), address).toThrow();
    expect(() => relyingParty('http://192.168.1.10', 'http://localhost:3000')).toThrow();
  });

  it('is for staff: a citizen cannot add a key, and their password gets no key options', async () => {
    const citizen = await login(t.app, 'citizen');
    expect((await send('POST', '/api/auth/webauthn/registration-options', citizen)).json().code).toBe('FORBIDDEN');
    const options = await send('POST', '/api/auth/webauthn/login-options', undefined, { username: 'citizen', password: DEMO_PASSWORD });
    expect(options.json().code).toBe('WEBAUTHN_NOT_REGISTERED');
  });
});

import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestsTo, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

// 两步验证: a staff member turns on an authenticator, signs in with its codes and
// recovery codes; an administrator requires it of another, who enrols at sign-in.
let t: TestApp;
const f = factories(() => t);
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signIn = (username: string, code?: string, password = DEMO_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(code ? { code } : {}) } });
const { post, get } = requestsTo(() => t.app);
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `tb_session=${res.cookies.find((c) => c.name === 'tb_session')!.value}`;

describe('second factor', () => {
  it('turns on with the first code, then asks every sign-in for a code; a code is good once, a recovery code once, a wrong one counts', async () => {
    const dept = await f.department();
    const cookie = await login(t.app, dept.approver);
    const state0 = await get('/api/auth/second-factor', cookie);
    expect(state0.json()).toEqual({ enrolled: false, required: false, recoveryCodesLeft: 0, securityKeys: [] });

    const setup = await post('/api/auth/second-factor/setup', cookie);
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, otpauthUri, qrSvg } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain('<svg');
    // Setting up again before confirming shows the same secret (a reload keeps the scanned QR code good).
    expect((await post('/api/auth/second-factor/setup', cookie)).json().secret).toBe(secret);
    // Until confirmed, sign-in needs no code.
    expect((await signIn(dept.approver)).statusCode).toBe(200);

    expect((await post('/api/auth/second-factor/confirm', cookie, { code: '000000' })).json().code).toBe('SECOND_FACTOR_CODE_INVALID');
    const confirmed = await post('/api/auth/second-factor/confirm', cookie, { code: await codeAt(secret, t.clock.now()) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const recovery: string[] = confirmed.json().recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect((await post('/api/auth/second-factor/setup', cookie)).json().code).toBe('SECOND_FACTOR_ALREADY_ENABLED');

    // The password alone is not enough now; nothing is given until the code.
    const noCode = await signIn(dept.approver);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('SECOND_FACTOR_REQUIRED');
    expect(noCode.cookies.find((c) => c.name === 'tb_session')).toBeUndefined();
    // A wrong password with a code is still a wrong password.
    expect((await signIn(dept.approver, '123456', 'not-the-password-1')).json().code).toBe('INVALID_CREDENTIALS');

    // The confirming code's step is used: the same code is refused; the next step's code signs in once.
    expect((await signIn(dept.approver, await codeAt(secret, t.clock.now()))).json().code).toBe('SECOND_FACTOR_INVALID');
    t.clock.advance(30_000);
    const code = await codeAt(secret, t.clock.now());
    const withCode = await signIn(dept.approver, code);
    expect(withCode.statusCode, withCode.body).toBe(200);
    expect((await signIn(dept.approver, code)).json().code).toBe('SECOND_FACTOR_INVALID');
    // A code from an hour ago is refused; one step of drift is allowed.
    expect((await signIn(dept.approver, await codeAt(secret, new Date(t.clock.now().getTime() - 3_600_000)))).json().code).toBe('SECOND_FACTOR_INVALID');
    t.clock.advance(60_000);
    expect((await signIn(dept.approver, await codeAt(secret, new Date(t.clock.now().getTime() - 30_000)))).statusCode).toBe(200);

    // A recovery code, typed in upper case with a space, signs in once.
    const typed = recovery[0]!.toUpperCase().replace('-', ' ');
    expect((await signIn(dept.approver, typed)).statusCode).toBe(200);
    expect((await signIn(dept.approver, typed)).json().code).toBe('SECOND_FACTOR_INVALID');
    const state1 = await get('/api/auth/second-factor', cookie);
    expect(state1.json()).toEqual({ enrolled: true, required: false, recoveryCodesLeft: 9, securityKeys: [] });

    // New recovery codes need a current code; the old ones stop working.
    t.clock.advance(30_000);
    const replaced = await post('/api/auth/second-factor/recovery-codes', cookie, { code: await codeAt(secret, t.clock.now()) });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await signIn(dept.approver, recovery[1]!)).json().code).toBe('SECOND_FACTOR_INVALID');
    expect((await signIn(dept.approver, replaced.json().recoveryCodes[0])).statusCode).toBe(200);

    // Turning it off takes a current code; after that the password alone signs in again.
    expect((await post('/api/auth/second-factor/disable', cookie, { code: '111111' })).json().code).toBe('SECOND_FACTOR_CODE_INVALID');
    t.clock.advance(30_000);
    const off = await post('/api/auth/second-factor/disable', cookie, { code: await codeAt(secret, t.clock.now()) });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ enrolled: false, required: false, recoveryCodesLeft: 0, securityKeys: [] });
    expect((await signIn(dept.approver)).statusCode).toBe(200);

    // Every change is in the audit log, and no secret or code is in it.
    const audit = await t.ctx.db.query(`SELECT action, result, detail FROM audit_log WHERE action LIKE 'account.%' ORDER BY pos`);
    expect(audit.rows.map((r) => `${r.action}:${r.result}`)).toEqual([
      'account.second_factor_setup:ok', 'account.second_factor_setup:ok', 'account.second_factor_enabled:SECOND_FACTOR_CODE_INVALID',
      'account.second_factor_enabled:ok', 'account.second_factor_setup:SECOND_FACTOR_ALREADY_ENABLED', 'account.recovery_codes_replaced:ok',
      'account.second_factor_disabled:SECOND_FACTOR_CODE_INVALID', 'account.second_factor_disabled:ok',
    ]);
    expect(JSON.stringify(audit.rows)).not.toContain(secret);
  });

  it('locks the account after repeated wrong codes, as after wrong passwords', async () => {
    const dept = await f.department();
    const cookie = await login(t.app, dept.approver);
    const { secret } = (await post('/api/auth/second-factor/setup', cookie)).json();
    await post('/api/auth/second-factor/confirm', cookie, { code: await codeAt(secret, t.clock.now()) });
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await signIn(dept.approver, String(100000 + i))).json().code);
    expect(codes).toContain('SECOND_FACTOR_INVALID');
    expect(codes.at(-1)).toBe('LOGIN_THROTTLED');
    t.clock.advance(30_000);
    // Even the right code waits out the lock.
    expect((await signIn(dept.approver, await codeAt(secret, t.clock.now()))).json().code).toBe('LOGIN_THROTTLED');
  });

  it('makes a person the administrator requires it of enrol at sign-in, before any session; a reset sends them back to enrolment', async () => {
    const dept = await f.department();
    const admin = await login(t.app, 'admin');
    const staff = (await get('/api/admin/staff', admin)).json().items as { id: string; username: string }[];
    const person = staff.find((s) => s.username === dept.head)!;
    const current = (await get('/api/admin/staff', admin)).json().items.find((s: { id: string }) => s.id === person.id);
    const { id: _id, username: _u, status: _s, secondFactorEnrolled: _e, openSteps: _o, ...fields } = current;
    const required = await t.app.inject({ method: 'PUT', url: `/api/admin/staff/${person.id}`, headers: { cookie: admin }, payload: { ...fields, secondFactorRequired: true } });
    expect(required.statusCode, required.body).toBe(200);
    expect(required.json()).toMatchObject({ secondFactorRequired: true, secondFactorEnrolled: false });

    const first = await signIn(dept.head);
    expect(first.statusCode).toBe(401);
    expect(first.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect(first.cookies.find((c) => c.name === 'tb_session')).toBeUndefined();
    const { secret, qrSvg } = first.json().details;
    expect(qrSvg).toContain('<svg');
    expect((await signIn(dept.head, '000000')).json().code).toBe('SECOND_FACTOR_INVALID');
    const enrolled = await signIn(dept.head, await codeAt(secret, t.clock.now()));
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    expect(enrolled.json().recoveryCodes).toHaveLength(10);
    const cookie = cookieOf(enrolled);

    // Required: the person cannot turn it off.
    t.clock.advance(30_000);
    expect((await post('/api/auth/second-factor/disable', cookie, { code: await codeAt(secret, t.clock.now()) })).json().code).toBe('SECOND_FACTOR_REQUIRED_BY_ADMIN');

    // A lost phone: the administrator resets; the person's sessions end and the next sign-in enrols anew.
    const reset = await post(`/api/admin/staff/${person.id}/second-factor/reset`, admin);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ secondFactorRequired: true, secondFactorEnrolled: false });
    expect((await get('/api/auth/me', cookie)).json().code).toBe('UNAUTHENTICATED');
    const again = await signIn(dept.head);
    expect(again.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect(again.json().details.secret).not.toBe(secret);
    const event = await t.ctx.db.query(`SELECT payload FROM events WHERE type = 'staff.second_factor_reset'`);
    expect(event.rows).toEqual([{ payload: { userId: person.id, sessionsEnded: 1 } }]);
  });

  it('is for staff: a citizen is refused, nobody but the administrator resets, and there must be something to reset', async () => {
    const citizen = await login(t.app, 'citizen');
    expect((await post('/api/auth/second-factor/setup', citizen)).json().code).toBe('FORBIDDEN');
    const admin = await login(t.app, 'admin');
    const staff = (await get('/api/admin/staff', admin)).json().items as { id: string; username: string }[];
    const clerk = staff.find((s) => s.username === 'clerk')!;
    expect((await post(`/api/admin/staff/${clerk.id}/second-factor/reset`, await login(t.app, 'clerk'))).json().code).toBe('FORBIDDEN');
    expect((await post(`/api/admin/staff/${clerk.id}/second-factor/reset`, admin)).json().code).toBe('SECOND_FACTOR_NOT_ENABLED');
  });
});

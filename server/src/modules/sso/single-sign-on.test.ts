import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer } from '../../platform/events/consumer.ts';
import { deliverLogouts, endExpiredSessions, ssoLogoutConsumer, SsoProviders } from './index.ts';
import { removeEndedSessions } from '../iam/index.ts';
import { factories } from '../../../test/factories.ts';
import { testBrowser } from './testing.ts';

// 单点登录: a second application (openid-client, as a real system would use it) signs a staff member in
// through Tongban with the code flow and PKCE, reads userinfo, and is told by a back-channel logout token
// when the person signs out of Tongban, or signs out from the application itself (RP-initiated logout).

let t: TestApp;
const f = factories(() => t);
let base: string;
let rp: { url: string; tokens: string[]; close(): Promise<void> };
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  rp = await logoutReceiver();
});
afterAll(async () => {
  await rp.close();
  await t.close();
});

/** The second application's back-channel logout endpoint: keeps every logout_token it is sent. */
async function logoutReceiver() {
  const tokens: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      const token = new URLSearchParams(body).get('logout_token');
      if (req.method === 'POST' && req.url === '/backchannel-logout' && token) {
        tokens.push(token);
        res.writeHead(200).end();
      } else res.writeHead(400).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, tokens, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

const browser = () => testBrowser(base);

const admin = () => login(t.app, 'admin');

async function registerClient(overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/admin/sso/clients', headers: { cookie: await admin() },
    payload: {
      name: '档案管理系统', redirectUris: [`${rp.url}/callback`], postLogoutRedirectUris: [`${rp.url}/signed-out`],
      backchannelLogoutUri: `${rp.url}/backchannel-logout`, enabled: true, ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string };
}

/** The second application's half of the code flow: discovery, the authorization URL with PKCE, then the callback. */
async function signInThroughTongban(client: { id: string; secret: string }, b: ReturnType<typeof browser>) {
  const config = await oidc.discovery(new URL(base), client.id, undefined, oidc.ClientSecretBasic(client.secret), { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${rp.url}/callback`, scope: 'openid profile', state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  const landed = await b.follow(url.href);
  return {
    config, landed,
    finish: (at = landed.url) => oidc.authorizationCodeGrant(config, new URL(at), { pkceCodeVerifier: verifier, expectedState: state }),
  };
}

const signInToTongban = (b: ReturnType<typeof browser>, username: string) => b.signIn(username);

/** What the background work does after a sign-out: chain the events, run the consumer, send the queued tokens. */
async function afterSignOut() {
  await chainPending(t.ctx.db);
  await drainConsumer(t.ctx.db, ssoLogoutConsumer(() => t.clock.now()), () => t.clock.now());
  const providers = new SsoProviders(t.ctx);
  return deliverLogouts(t.ctx.db, (issuer) => providers.forIssuer(issuer), new Date());
}

async function verifyLogoutToken(token: string, clientId: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${base}/oidc/jwks`)), { issuer: base, audience: clientId });
  expect(payload.events).toEqual({ 'http://schemas.openid.net/event/backchannel-logout': {} });
  expect(payload.nonce).toBeUndefined();
  return payload;
}

describe('single sign-on', () => {
  it('publishes discovery at the issuer root with the endpoints and keys', async () => {
    const res = await fetch(`${base}/.well-known/openid-configuration`);
    const doc = await res.json() as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: base, authorization_endpoint: `${base}/oidc/auth`, token_endpoint: `${base}/oidc/token`, userinfo_endpoint: `${base}/oidc/me`,
      jwks_uri: `${base}/oidc/jwks`, end_session_endpoint: `${base}/oidc/session/end`, backchannel_logout_supported: true,
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = await (await fetch(`${base}/oidc/jwks`)).json() as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('signs a staff member in to a second application, which reads their claims; signing out of Tongban tells it', async () => {
    const client = await registerClient();
    const b = browser();
    const first = await signInThroughTongban(client, b);
    // Not signed in to Tongban: the sign-in page, which will bring the person back.
    expect(first.landed.url).toMatch(new RegExp(`^${base}/login\\?next=%2Foidc%2Finteraction%2F`));
    await signInToTongban(b, 'approver');
    const back = await b.follow(new URL(decodeURIComponent(first.landed.url.split('next=')[1]!), base).href);
    expect(back.url.startsWith(`${rp.url}/callback?code=`)).toBe(true);
    // The code is good once, with the PKCE verifier of the request that asked for it.
    await first.finish(back.url);
    await expect(first.finish(back.url)).rejects.toThrow();

    // Already signed in to Tongban: the second sign-in goes straight back with a code.
    const again = await signInThroughTongban(client, b);
    expect(again.landed.url.startsWith(`${rp.url}/callback?code=`)).toBe(true);
    const granted = await again.finish();
    const claims = granted.claims()!;
    expect(claims).toMatchObject({ name: '王审批（市场监管）', preferred_username: 'approver', role: 'approver', department: '市场监督管理局' });
    const info = await oidc.fetchUserInfo(again.config, granted.access_token, claims.sub);
    expect(info).toMatchObject({ sub: claims.sub, name: '王审批（市场监管）', role: 'approver' });

    // Signing out of Tongban: the provider session ends and the application gets a logout token for it.
    const out = await b.send(`${base}/api/auth/logout`, { method: 'POST' });
    expect(out.status).toBe(204);
    expect(await afterSignOut()).toEqual({ delivered: 1, failed: 0 });
    const logout = await verifyLogoutToken(rp.tokens.at(-1)!, client.id);
    expect(logout).toMatchObject({ sub: claims.sub, sid: claims.sid });
    // The access token died with the session, and a new sign-in needs Tongban's sign-in again.
    await expect(oidc.fetchUserInfo(again.config, granted.access_token, claims.sub)).rejects.toThrow();
    const third = await signInThroughTongban(client, b);
    expect(third.landed.url).toMatch(new RegExp(`^${base}/login\\?next=`));
  });

  it('ends the Tongban session when the person signs out from the application (RP-initiated logout), and tells the other systems', async () => {
    const client = await registerClient();
    const other = await registerClient({ name: '电子档案', backchannelLogoutUri: `${rp.url}/backchannel-logout` });
    const b = browser();
    await signInToTongban(b, 'approver_wjw');
    const one = await (await signInThroughTongban(client, b)).finish();
    await (await signInThroughTongban(other, b)).finish();
    const before = rp.tokens.length;

    const end = new URL(`${base}/oidc/session/end`);
    end.search = new URLSearchParams({ id_token_hint: one.id_token!, post_logout_redirect_uri: `${rp.url}/signed-out`, state: 's1' }).toString();
    const page = await b.send(end.href);
    expect(page.status).toBe(200);
    // The confirmation may redirect to the application: its origin is added to form-action for this page.
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${rp.url}`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const confirm = await b.send(`${base}/oidc/session/end/confirm`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(`${rp.url}/signed-out?state=s1`);
    expect(b.jar.has('tb_session')).toBe(false);
    expect((await b.send(`${base}/api/auth/me`)).status).toBe(401);

    await afterSignOut();
    const told = rp.tokens.slice(before);
    const audiences = await Promise.all(told.map(async (tok) => {
      const aud = JSON.parse(Buffer.from(tok.split('.')[1]!, 'base64url').toString()).aud as string;
      await verifyLogoutToken(tok, aud);
      return aud;
    }));
    expect(audiences.sort()).toEqual([client.id, other.id].sort());
  });

  it('refuses an unregistered redirect, a citizen, and a disabled client', async () => {
    const client = await registerClient();
    const config = await oidc.discovery(new URL(base), client.id, undefined, oidc.ClientSecretBasic(client.secret), { execute: [oidc.allowInsecureRequests] });
    const wrong = oidc.buildAuthorizationUrl(config, {
      redirect_uri: 'http://127.0.0.1:1/elsewhere', scope: 'openid', code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()), code_challenge_method: 'S256',
    });
    const refused = await fetch(wrong, { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();

    const citizen = browser();
    await signInToTongban(citizen, 'citizen');
    const { landed } = await signInThroughTongban(client, citizen);
    expect(new URL(landed.url).searchParams.get('error')).toBe('access_denied');

    const cookie = await admin();
    const off = await t.app.inject({
      method: 'PUT', url: `/api/admin/sso/clients/${client.id}`, headers: { cookie },
      payload: { name: '档案管理系统', redirectUris: [`${rp.url}/callback`], postLogoutRedirectUris: [], backchannelLogoutUri: null, enabled: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const disabled = await fetch(oidc.buildAuthorizationUrl(config, { redirect_uri: `${rp.url}/callback`, scope: 'openid' }), { redirect: 'manual' });
    expect(disabled.status).toBe(400);
  });

  it('keeps the register for the administrator: the secret shown once, renewed, deleted; every change audited and evented', async () => {
    const cookie = await admin();
    const client = await registerClient();
    const list = await t.app.inject({ url: '/api/admin/sso/clients', headers: { cookie } });
    expect(list.json().items.find((c: { id: string }) => c.id === client.id)).not.toHaveProperty('secret');
    const renewed = await t.app.inject({ method: 'POST', url: `/api/admin/sso/clients/${client.id}/secret`, headers: { cookie }, payload: {} });
    expect(renewed.json().secret).not.toBe(client.secret);
    expect((await t.app.inject({ url: '/api/admin/sso/clients', headers: { cookie: await login(t.app, 'manager') } })).statusCode).toBe(403);
    const gone = await t.app.inject({ method: 'DELETE', url: `/api/admin/sso/clients/${client.id}`, headers: { cookie } });
    expect(gone.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/sso/clients/${client.id}`, headers: { cookie } })).json().code).toBe('SSO_CLIENT_NOT_FOUND');

    const audit = await t.ctx.db.query<{ action: string; result: string }>(
      "SELECT action, result FROM audit_log WHERE target_id = $1 ORDER BY pos", [client.id],
    );
    expect(audit.rows.map((r) => `${r.action}:${r.result}`)).toEqual([
      'sso.client_registered:ok', 'sso.client_secret_renewed:ok', 'sso.client_deleted:ok', 'sso.client_deleted:SSO_CLIENT_NOT_FOUND',
    ]);
    const events = await t.ctx.db.query<{ type: string }>("SELECT type FROM events WHERE payload->>'clientId' = $1 ORDER BY pos", [client.id]);
    expect(events.rows.map((e) => e.type)).toEqual(['sso.client_registered', 'sso.client_secret_renewed', 'sso.client_deleted']);
  });
  it('tells the application when an administrator deactivates the person, and when their Tongban session runs out', async () => {
    const client = await registerClient();
    const dept = await f.department();
    const staff = browser();
    await staff.signIn(dept.approver);
    const granted = await (await signInThroughTongban(client, staff)).finish();
    const before = rp.tokens.length;
    const deactivated = await t.app.inject({ method: 'POST', url: `/api/admin/staff/${granted.claims()!.sub}/deactivate`, headers: { cookie: await admin() }, payload: {} });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(await afterSignOut()).toEqual({ delivered: 1, failed: 0 });
    expect((await verifyLogoutToken(rp.tokens[before]!, client.id)).sub).toBe(granted.claims()!.sub);

    // The session runs out: the sweep deletes it without an event; the worker's round ends the provider session.
    const head = browser();
    await head.signIn(dept.head);
    const headGrant = await (await signInThroughTongban(client, head)).finish();
    t.clock.advance(8 * 24 * 3_600_000);
    await removeEndedSessions(t.ctx);
    expect(await endExpiredSessions(t.ctx.db, t.clock.now())).toBe(1);
    expect(await afterSignOut()).toEqual({ delivered: 1, failed: 0 });
    expect((await verifyLogoutToken(rp.tokens.at(-1)!, client.id)).sid).toBe(headGrant.claims()!.sid);
  });
  it('keeps a logout token for a system that is down and delivers it when it answers again', async () => {
    const client = await registerClient({ backchannelLogoutUri: 'http://127.0.0.1:9/backchannel-logout' });
    const b = browser();
    await b.signIn('approver_zjj');
    await (await signInThroughTongban(client, b)).finish();
    await b.send(`${base}/api/auth/logout`, { method: 'POST' });
    expect(await afterSignOut()).toEqual({ delivered: 0, failed: 1 });
    const waiting = await t.ctx.db.query<{ attempts: number; next_at: Date; last_error: string }>('SELECT attempts, next_at, last_error FROM sso_logout_deliveries WHERE client_id = $1', [client.id]);
    expect(waiting.rows).toHaveLength(1);
    expect(waiting.rows[0]!.attempts).toBe(1);
    expect(waiting.rows[0]!.next_at.getTime()).toBeGreaterThan(Date.now());
    const listed = await t.app.inject({ url: '/api/admin/sso/clients', headers: { cookie: await admin() } });
    expect(listed.json().items.find((c: { id: string }) => c.id === client.id).logouts).toEqual({ pending: 1, failed: 0 });
    expect((await t.app.inject({ url: '/metrics' })).body).toMatch(/tongban_sso_logout_tokens\{state="pending"\} [1-9]/);

    // The system is back (at its address as corrected by the administrator); the retry's time comes.
    const fixed = await t.app.inject({
      method: 'PUT', url: `/api/admin/sso/clients/${client.id}`, headers: { cookie: await admin() },
      payload: { name: '档案管理系统', redirectUris: [`${rp.url}/callback`], postLogoutRedirectUris: [], backchannelLogoutUri: `${rp.url}/backchannel-logout`, enabled: true },
    });
    expect(fixed.statusCode).toBe(200);
    await t.ctx.db.query('UPDATE sso_logout_deliveries SET next_at = now() WHERE client_id = $1', [client.id]);
    expect(await afterSignOut()).toEqual({ delivered: 1, failed: 0 });
    await verifyLogoutToken(rp.tokens.at(-1)!, client.id);
  });
});

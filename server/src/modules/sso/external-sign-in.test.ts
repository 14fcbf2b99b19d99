import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { testBrowser } from './testing.ts';

// Staff sign-in with an external OpenID Connect provider: a real oidc-provider runs here as the province's
// identity service; Tongban signs in through it with openid-client. A subject signs nobody in until it is
// linked — by the staff member, signed in to Tongban, or by the user-name claim when configured.

let t: TestApp;
let base: string;
let idpUrl: string;
let idpServer: http.Server;
/** Who is signed in at the external provider when Tongban sends the browser there. */
let atIdp = 'ext-1';
const USERNAMES: Record<string, string> = { 'ext-2': 'approver_wjw', 'ext-3': 'citizen' };

beforeAll(async () => {
  let idp: Provider | null = null;
  idpServer = http.createServer((req, res) => {
    const uid = /^\/login\/([^/?]+)/.exec(req.url ?? '')?.[1];
    // The provider's own sign-in page, reduced to "this person has signed in".
    if (uid) void idp!.interactionFinished(req, res, { login: { accountId: atIdp } }, { mergeWithLastSubmission: false });
    else idp!.callback()(req, res);
  });
  await new Promise<void>((ok) => idpServer.listen(0, '127.0.0.1', ok));
  idpUrl = `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;

  t = await createTestApp(undefined, { externalIdp: { issuer: idpUrl, clientId: 'tongban', clientSecret: 'a-long-shared-secret-of-the-test-idp', name: '省统一身份认证', usernameClaim: undefined } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

  idp = new Provider(idpUrl, {
    clients: [{
      client_id: 'tongban', client_secret: 'a-long-shared-secret-of-the-test-idp', redirect_uris: [`${base}/sso/external/callback`],
      grant_types: ['authorization_code'], response_types: ['code'],
    }],
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...(USERNAMES[sub] ? { preferred_username: USERNAMES[sub] } : {}) }) }),
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true, methods: ['S256'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, i) => `/login/${i.uid}` },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.account!.accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
  });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((ok) => idpServer.close(() => ok()));
});

/** From Tongban's 通过统一身份认证登录 to wherever Tongban sends the browser back. */
async function signInAtIdp(b: ReturnType<typeof testBrowser>, query = '') {
  const end = await b.follow(`${base}/sso/external/start${query}`, [base, idpUrl]);
  return new URL(end.url);
}

const me = async (b: ReturnType<typeof testBrowser>) => {
  const res = await b.send(`${base}/api/auth/me`);
  return res.status === 200 ? ((await res.json()) as { user: { username: string } }).user.username : res.status;
};

describe('sign-in with an external identity provider', () => {
  it('tells the sign-in page it is there', async () => {
    const res = await fetch(`${base}/api/auth/external`);
    expect(await res.json()).toEqual({ enabled: true, name: '省统一身份认证', linked: null });
  });

  it('signs nobody in with a subject not linked; the staff member links it once, then signs in with it alone', async () => {
    atIdp = 'ext-1';
    const stranger = testBrowser(base);
    const refused = await signInAtIdp(stranger);
    expect(refused.pathname + refused.search).toBe('/login?external=unlinked');
    expect(await me(stranger)).toBe(401);

    // Signed in to Tongban (password), the staff member signs in at the provider to link the two.
    const desk = testBrowser(base);
    await desk.signIn('approver');
    const linked = await signInAtIdp(desk, '?link=1&next=%2Fworkbench%2Ftasks');
    expect(linked.pathname).toBe('/workbench/tasks');
    expect(await (await desk.send(`${base}/api/auth/external`)).json()).toMatchObject({ linked: true });

    const phone = testBrowser(base);
    const landed = await signInAtIdp(phone, '?next=https%3A%2F%2Fevil.example%2F');
    // Never to another site: a foreign `next` is dropped.
    expect(landed.pathname).toBe('/workbench');
    expect(await me(phone)).toBe('approver');
    const events = await t.ctx.db.query<{ payload: { by: string } }>("SELECT payload FROM events WHERE type = 'sso.external_linked'");
    expect(events.rows.map((e) => e.payload.by)).toEqual(['self']);
  });

  it('links by the user-name claim when configured, never to a citizen', async () => {
    t.ctx.config.externalIdp!.usernameClaim = 'preferred_username';
    try {
      atIdp = 'ext-2';
      const b = testBrowser(base);
      await signInAtIdp(b);
      expect(await me(b)).toBe('approver_wjw');
      atIdp = 'ext-3';
      const citizen = testBrowser(base);
      expect((await signInAtIdp(citizen)).search).toBe('?external=unlinked');
    } finally {
      t.ctx.config.externalIdp!.usernameClaim = undefined;
    }
  });

  it('refuses a callback carried to another browser (no flow cookie)', async () => {
    atIdp = 'ext-1';
    const victim = testBrowser(base);
    const attacker = testBrowser(base);
    const start = await attacker.send(`${base}/sso/external/start`);
    // The attacker signs in at the provider and stops before the callback, then hands its address to the victim.
    const atProvider = await attacker.follow(new URL(start.headers.get('location')!, base).href, [idpUrl]);
    expect(atProvider.url.startsWith(`${base}/sso/external/callback?`)).toBe(true);
    const carried = await victim.send(atProvider.url);
    expect(carried.headers.get('location')).toBe('/login?external=failed');
    expect(await me(victim)).toBe(401);
  });
  it('unlinks: the staff member their own account, the administrator anyone\'s; the subject then signs nobody in', async () => {
    atIdp = 'ext-1';
    const own = testBrowser(base);
    await own.signIn('approver');
    expect((await own.send(`${base}/api/auth/external`, { method: 'DELETE' })).status).toBe(204);
    expect((await signInAtIdp(testBrowser(base))).search).toBe('?external=unlinked');

    atIdp = 'ext-2';
    const linked = await t.ctx.db.query<{ user_id: string }>("SELECT user_id FROM sso_external_identities WHERE subject = 'ext-2'");
    const admin = testBrowser(base);
    await admin.signIn('admin');
    expect((await admin.send(`${base}/api/admin/sso/external-identities/${linked.rows[0]!.user_id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await signInAtIdp(testBrowser(base))).search).toBe('?external=unlinked');
    const events = await t.ctx.db.query<{ payload: { by: string } }>("SELECT payload FROM events WHERE type = 'sso.external_unlinked' ORDER BY pos");
    expect(events.rows.map((e) => e.payload.by)).toEqual(['self', 'admin']);
    const citizen = testBrowser(base);
    await citizen.signIn('citizen');
    expect((await citizen.send(`${base}/api/auth/external`, { method: 'DELETE' })).status).toBe(403);
  });
});

import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { assert, expect } from './expect.ts';

/**
 * A tiny second application of the center, as a real one connects to
 * Tongban's single sign-on: openid-client with the code flow and PKCE, its own
 * session cookie, and a back-channel logout endpoint that verifies the
 * logout_token (signature from the JWKS, issuer, audience, the logout event)
 * and ends the session of its `sid`. Its page names who is signed in and
 * refreshes itself every second, so a sign-out elsewhere shows. Bound to
 * 127.0.0.1 on a free port.
 */
export interface SecondApp {
  url: string;
  /** Given once Tongban's administrator registered the app: its issuer, client id and secret. */
  configure(issuer: string, clientId: string, secret: string): Promise<void>;
  /** Logout tokens it accepted. */
  logouts: number;
  close(): Promise<void>;
}

interface Signed { name: string; sid: string | undefined; sub: string; idToken: string }

export async function startSecondApp(): Promise<SecondApp> {
  let config: oidc.Configuration | null = null;
  let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;
  const sessions = new Map<string, Signed>();
  const pending = new Map<string, { verifier: string; state: string }>();
  const app = { logouts: 0 } as SecondApp;
  let url = '';

  const cookieOf = (req: http.IncomingMessage, name: string) =>
    (req.headers.cookie ?? '').split(/;\s*/).map((c) => c.split('=')).find(([k]) => k === name)?.[1];
  const page = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>档案管理系统</title></head><body><main><h1>档案管理系统</h1>${body}</main></body></html>`;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const at = new URL(req.url ?? '/', url);
    if (req.method === 'GET' && at.pathname === '/') {
      const who = sessions.get(cookieOf(req, 'rp_session') ?? '');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(who
        ? `<p id="who">已登录：${who.name.replace(/[<>&]/g, '')}</p><p><a href="/logout">退出</a></p>`
        : '<p id="who">未登录</p><p><a href="/login">通过通办登录</a></p>'));
      return;
    }
    if (req.method === 'GET' && at.pathname === '/login' && config) {
      const key = randomBytes(16).toString('hex');
      const flow = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState() };
      pending.set(key, flow);
      const to = oidc.buildAuthorizationUrl(config, {
        redirect_uri: `${url}/callback`, scope: 'openid profile', state: flow.state,
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier), code_challenge_method: 'S256',
      });
      res.writeHead(303, { location: to.href, 'set-cookie': `rp_flow=${key}; Path=/; HttpOnly; SameSite=Lax` }).end();
      return;
    }
    if (req.method === 'GET' && at.pathname === '/callback' && config) {
      const flow = pending.get(cookieOf(req, 'rp_flow') ?? '');
      if (!flow) throw new Error('no sign-in under way');
      const tokens = await oidc.authorizationCodeGrant(config, at, { pkceCodeVerifier: flow.verifier, expectedState: flow.state });
      const claims = tokens.claims()!;
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      const id = randomBytes(16).toString('hex');
      sessions.set(id, { name: String(info.name), sid: claims.sid as string | undefined, sub: claims.sub, idToken: tokens.id_token! });
      res.writeHead(303, { location: '/', 'set-cookie': `rp_session=${id}; Path=/; HttpOnly; SameSite=Lax` }).end();
      return;
    }
    // Signing out here signs out of Tongban and every other system too (RP-initiated logout).
    if (req.method === 'GET' && at.pathname === '/logout' && config) {
      const id = cookieOf(req, 'rp_session') ?? '';
      const who = sessions.get(id);
      sessions.delete(id);
      const to = who
        ? oidc.buildEndSessionUrl(config, { id_token_hint: who.idToken, post_logout_redirect_uri: `${url}/` }).href
        : '/';
      res.writeHead(303, { location: to }).end();
      return;
    }
    if (req.method === 'POST' && at.pathname === '/backchannel-logout' && config && jwks) {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const token = new URLSearchParams(body).get('logout_token') ?? '';
      const { payload } = await jwtVerify(token, jwks, { issuer: config.serverMetadata().issuer, audience: config.clientMetadata().client_id });
      if (!(payload.events as Record<string, unknown> | undefined)?.['http://schemas.openid.net/event/backchannel-logout'] || payload.nonce !== undefined) {
        throw new Error('not a logout token');
      }
      for (const [id, s] of sessions) if (s.sid === payload.sid && s.sub === payload.sub) sessions.delete(id);
      app.logouts += 1;
      res.writeHead(200).end();
      return;
    }
    res.writeHead(404).end();
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(err.message));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(app, {
    url,
    configure: async (issuer: string, clientId: string, secret: string) => {
      config = await oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(secret), { execute: [oidc.allowInsecureRequests] });
      jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  });
}

/**
 * The administrator registers the app on the 单点登录 page (`admin` is on it),
 * reads the client id and the secret shown that once, and hands them to the app.
 */
export async function registerSecondApp(admin: Page, rp: SecondApp, issuer: string): Promise<void> {
  await admin.getByRole('button', { name: '登记接入系统' }).click();
  const dialog = admin.getByRole('dialog', { name: '登记接入系统' });
  await dialog.getByLabel('系统名称').fill('档案管理系统');
  await dialog.getByLabel('登录回调地址（redirect_uri）').fill(`${rp.url}/callback`);
  await dialog.getByLabel('退出后返回地址（post_logout_redirect_uri）').fill(`${rp.url}/`);
  await dialog.getByLabel('后台通道退出地址（backchannel_logout_uri）').fill(`${rp.url}/backchannel-logout`);
  await dialog.getByRole('button', { name: '保存' }).click();
  // The secret is shown this once: the application's administrator copies it with the client id.
  const shown = admin.getByRole('dialog', { name: '客户端密钥' });
  await expect(shown.getByText('密钥只显示这一次', { exact: false })).toBeVisible();
  const codes = await shown.locator('code').allInnerTexts();
  const clientId = codes.find((c) => c.startsWith('tb_'));
  const secret = await shown.getByTestId('sso-secret').locator('code').innerText();
  assert(clientId && secret.length > 20, `client id and secret shown, saw ${codes.join(' | ')}`);
  await shown.getByRole('button', { name: '我已保存' }).click();
  await expect(admin.locator('main table')).toContainText('档案管理系统');
  await rp.configure(issuer, clientId, secret);
}

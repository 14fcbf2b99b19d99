import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';

// Proxy trust, security headers, cross-site writes and hostile characters: the HTTP layer's own defences.
let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp(undefined, { trustProxy: ['10.0.0.5'], publicUrl: 'https://zwfw.example.gov.cn' });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

const progress = (app: TestApp, headers: Record<string, string>, remoteAddress = '192.0.2.10') =>
  app.app.inject({ url: '/api/progress?caseNo=20260101-XXXX-0001&queryCode=AAAAAA', headers, remoteAddress });

describe('client address and protocol behind proxies', () => {
  it('does not let X-Forwarded-For escape a per-address limit when no proxy is configured', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await progress(t, { 'x-forwarded-for': `198.51.100.${i}` })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    const limited = await progress(t, { 'x-forwarded-for': '198.51.100.99' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('believes X-Forwarded-For and -Proto only from a listed proxy', async () => {
    // Through the proxy, each client has its own count; from elsewhere the header is ignored.
    for (let i = 0; i < 21; i++) expect((await progress(proxied, { 'x-forwarded-for': `203.0.113.${i}` }, '10.0.0.5')).statusCode).toBe(404);
    const viaProxy = await proxied.app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' }, payload: { username: 'citizen', password: 'Tongban@2026' },
    });
    expect(viaProxy.cookies.find((c) => c.name === 'tb_session')!.secure).toBe(true);
    const direct = await proxied.app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: '192.0.2.20',
      headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'citizen', password: 'Tongban@2026' },
    });
    expect(direct.cookies.find((c) => c.name === 'tb_session')!.secure).toBeFalsy();
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy that forbids framing, with the other helmet headers', async () => {
    const res = await t.app.inject({ url: '/api/items' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    // Errors carry them too.
    expect(String((await t.app.inject({ url: '/api/nothing' })).headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});

describe('cross-site writes', () => {
  it('refuses a cookie-carrying write from another site with CROSS_SITE_REQUEST and changes nothing', async () => {
    const cookie = await login(t.app, 'citizen');
    const foreign = await t.app.inject({
      method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('CROSS_SITE_REQUEST');
    // Origin alone (older browsers), and the opaque `null` origin of a sandboxed frame or a file.
    for (const origin of ['https://evil.example', 'null', 'http://localhost:80.evil.example']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin, host: 'localhost:80' } });
      expect(res.json().code, origin).toBe('CROSS_SITE_REQUEST');
    }
    // A form posted from a sibling subdomain is another application, not this one.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'sec-fetch-site': 'same-site' } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('lets same-origin pages, the configured public address and non-browser clients write', async () => {
    const sameOrigin = await t.app.inject({
      method: 'POST', url: '/api/auth/logout',
      headers: { cookie: await login(t.app, 'citizen'), host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.statusCode).toBe(204);
    const cookie = await login(t.app, 'citizen');
    const c = await login(proxied.app, 'citizen');
    const viaPublic = await proxied.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c, host: '10.1.2.3:3000', origin: 'https://zwfw.example.gov.cn' } });
    expect(viaPublic.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
  });
});

describe('characters no text may hold', () => {
  const hostile = ['a\u0000b', 'x\uD800', '\uDC00y'];

  it('answers INVALID_CHARACTERS (400) for NUL or a lone surrogate in a body, a query or a path', async () => {
    for (const s of hostile) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: JSON.stringify({ username: s, password: 'whatever-1234' }), headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, JSON.stringify(s)).toBe(400);
      expect(res.json().code).toBe('INVALID_CHARACTERS');
    }
    // Deep in a body, and in a key.
    const deep = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"a","password":"b","x":[{"y":["\\u0000"]}]}' });
    expect(deep.json().code).toBe('INVALID_CHARACTERS');
    const key = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"a","password":"b","\\ud800":1}' });
    expect(key.json().code).toBe('INVALID_CHARACTERS');
    const query = await t.app.inject({ url: '/api/progress?caseNo=A%00B&queryCode=X' });
    expect(query.json().code).toBe('INVALID_CHARACTERS');
    const cookie = await login(t.app, 'clerk');
    const param = await t.app.inject({ url: '/api/cases/%00', headers: { cookie } });
    expect(param.json().code).toBe('INVALID_CHARACTERS');
  });

  it('still takes ordinary Chinese text, emoji and astral characters', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '张三𠀀😀', password: 'whatever-1234' } });
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request, setApiLanguage, toApiError } from './client';
import { newIdempotencyKey } from '../ui/idempotency';

function respond(status: number, body: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLanguage('zh-CN');
});

describe('request', () => {
  it('sends JSON with the chosen Accept-Language and same-origin credentials', async () => {
    const fetchMock = respond(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    setApiLanguage('en');
    await expect(request('POST', '/api/x', { body: { a: 1 }, query: { scope: 'all', empty: '' } })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/x?scope=all');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('en');
    expect(init.body).toBe('{"a":1}');
  });

  it('throws an ApiError carrying the catalogue code, message and correlation id', async () => {
    vi.stubGlobal('fetch', respond(409, { code: 'CASE_STATE_CONFLICT', message: '办件状态已变化', correlationId: 'c-1' }));
    const error = await request('POST', '/api/cases/1/accept').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CASE_STATE_CONFLICT', status: 409, message: '办件状态已变化', correlationId: 'c-1' });
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', respond(204, undefined));
    await expect(request('POST', '/api/auth/logout')).resolves.toBeUndefined();
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('failed to fetch'))));
    await expect(request('GET', '/api/items')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('reports a non-JSON error page as BAD_RESPONSE', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })));
    await expect(request('GET', '/api/items')).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
  });
});

describe('toApiError', () => {
  it('falls back to a generic error for bodies without a code', () => {
    expect(toApiError(500, 'oops', 'fallback')).toMatchObject({ code: 'BAD_RESPONSE', message: 'fallback', status: 500 });
  });
});

describe('newIdempotencyKey', () => {
  it('returns distinct v4 UUIDs', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('still works where crypto.randomUUID is missing (plain HTTP on a LAN)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('repeated query parameters', () => {
  it('sends each value of a repeated parameter (the deadline calculator pauses)', async () => {
    const fetchMock = respond(200, {});
    vi.stubGlobal('fetch', fetchMock);
    await request('GET', '/api/calendar/deadline', { query: { from: '2026-09-24', days: 20 }, repeat: { pause: ['2026-10-12:2026-10-14', '', '2026-10-20:2026-10-21'] } });
    const [url] = fetchMock.mock.calls[0] as unknown as [string];
    expect(url).toBe('/api/calendar/deadline?from=2026-09-24&days=20&pause=2026-10-12%3A2026-10-14&pause=2026-10-20%3A2026-10-21');
  });
});

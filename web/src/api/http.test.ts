import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setApiLanguage } from './client';
import { ok, typedClient } from './http';

const answer = (status: number, body: string | null) => vi.fn(async (_req: Request) => new Response(body, { status, headers: { 'content-type': 'application/json' } }));

afterEach(() => setApiLanguage('zh-CN'));

describe('the typed client', () => {
  it('fills the path from its parameters and sends the chosen language and JSON', async () => {
    const fetchFn = answer(200, JSON.stringify({ id: 'c-1', status: 'approved' }));
    setApiLanguage('en');
    const client = typedClient('http://center.test', fetchFn as unknown as typeof fetch);
    const data = await ok(client.POST('/api/tasks/{id}/complete', { params: { path: { id: 't 1' } }, body: { outcome: 'approved', opinion: '同意' } }));
    expect(data).toMatchObject({ id: 'c-1', status: 'approved' });
    const req = fetchFn.mock.calls[0]![0];
    expect(req.url).toBe('http://center.test/api/tasks/t%201/complete');
    expect(req.credentials).toBe('same-origin');
    expect(req.headers.get('Accept-Language')).toBe('en');
    expect(await req.text()).toBe('{"outcome":"approved","opinion":"同意"}');
  });

  it("throws the server's catalogue error as ApiError with its code", async () => {
    const client = typedClient('http://center.test', answer(409, JSON.stringify({ code: 'TASK_STATE_CONFLICT', message: '已办理', correlationId: 'x-1' })) as unknown as typeof fetch);
    const error = await ok(client.GET('/api/center')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'TASK_STATE_CONFLICT', status: 409, message: '已办理', correlationId: 'x-1' });
  });

  it('reports an HTML error page as BAD_RESPONSE and no answer as NETWORK_ERROR', async () => {
    const html = typedClient('http://center.test', vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })) as unknown as typeof fetch);
    await expect(ok(html.GET('/api/center'))).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
    const down = typedClient('http://center.test', vi.fn(async () => Promise.reject(new TypeError('failed to fetch'))) as unknown as typeof fetch);
    await expect(ok(down.GET('/api/center'))).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});

describe('the query string', () => {
  it('leaves out empty parameters and repeats a list (the deadline calculator pauses)', async () => {
    const fetchFn = answer(200, JSON.stringify({}));
    const client = typedClient('http://center.test', fetchFn as unknown as typeof fetch);
    await ok(client.GET('/api/calendar/deadline', { params: { query: { from: '2026-09-24', days: 20, unit: undefined, region: '', pause: ['2026-10-12:2026-10-14', '', '2026-10-20:2026-10-21'] } } }));
    expect(fetchFn.mock.calls[0]![0].url).toBe('http://center.test/api/calendar/deadline?from=2026-09-24&days=20&pause=2026-10-12%3A2026-10-14&pause=2026-10-20%3A2026-10-21');
  });

  it('answers undefined for 204', async () => {
    const client = typedClient('http://center.test', vi.fn(async () => new Response(null, { status: 204 })) as unknown as typeof fetch);
    await expect(ok(client.POST('/api/auth/logout'))).resolves.toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { buildApp } from '../../app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /metrics', () => {
  it('gives request, command, consumer-lag, chain and outbox figures to a scraper on this host', async () => {
    await login(t.app, 'admin');
    await t.app.inject({ url: '/api/items' });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/tongban_http_requests_total\{method="GET",route="\/api\/items",status="200"\} 1/);
    expect(res.body).toMatch(/tongban_commands_total\{route="\/api\/auth\/login",outcome="ok"\} 1/);
    expect(res.body).toContain('tongban_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/tongban_consumer_lag_events\{consumer="[^"]+"\} \d+/);
    expect(res.body).toMatch(/tongban_chain_unchained_events \d+/);
    expect(res.body).toMatch(/tongban_outbox_messages\{channel="sms",state="pending"\} \d+/);
    expect(res.body).toMatch(/tongban_deadline_recompute_backlog\{what="cases"\} 0/);
    expect(res.body).toContain('process_resident_memory_bytes');
  });

  it('refuses a request that came through a proxy, and without the token when one is set', async () => {
    const proxied = await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.json().code).toBe('FORBIDDEN');
    process.env.TONGBAN_METRICS_TOKEN = 'scrape-secret-1';
    const app = await buildApp(t.ctx);
    delete process.env.TONGBAN_METRICS_TOKEN;
    try {
      expect((await app.inject({ url: '/metrics' })).json().code).toBe('FORBIDDEN');
      expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).json().code).toBe('FORBIDDEN');
      expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer scrape-secret-1' } })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The first chunk a stream sends, as text. */
async function firstChunk(res: Response): Promise<string> {
  const { value } = await res.body!.getReader().read();
  return new TextDecoder().decode(value);
}

describe('closing the app', () => {
  it('ends the open live streams first, so a shutdown never waits on an open tab', async () => {
    const staff = await login(t.app, 'supervisor');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    // The message centre's unread count (every signed-in page) and the supervision platform's live feed.
    const unread = await fetch(`${base}/api/notify/stream`, { headers: { cookie: staff } });
    expect(await firstChunk(unread)).toContain('event: unread');
    const live = await fetch(`${base}/api/supervision/live`, { headers: { cookie: staff } });
    expect(await firstChunk(live)).toContain('retry:');
    // Before, the HTTP server waited for these connections to end, and they never did.
    const outcome = await Promise.race([
      t.app.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting on the streams'), 10_000)),
    ]);
    expect(outcome).toBe('closed');
  });
});

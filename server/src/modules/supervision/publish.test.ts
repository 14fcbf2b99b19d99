import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer } from '../../platform/events/consumer.ts';
import { ownPublisherKey, supervisionPublisher, type PublishTarget } from '../../platform/events/publisher.ts';
import { ensureOwnSource } from './sources.ts';

/** The approval side's publisher posting its stream to the ingest door over HTTP, through an outage. */
describe('supervision publisher', () => {
  let t: TestApp;
  const f = factories(() => t);
  let url: string;
  let own: { sourceId: string; key: string };

  beforeAll(async () => {
    t = await createTestApp();
    const item = await f.item();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    own = await ownPublisherKey(t.ctx.db, 'center', t.clock.now());
    await ensureOwnSource(t.ctx.db, own.sourceId, '本中心', own.key, t.clock.now());
    const c = await f.submit(item);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: await login(t.app, 'clerk') }, payload: {} })).statusCode).toBe(200);
    await chainPending(t.ctx.db);
  });
  afterAll(async () => { await t.close(); });

  it('keeps the first start\'s key across restarts', async () => {
    expect(await ownPublisherKey(t.ctx.db, 'center', t.clock.now())).toEqual(own);
  });

  it('waits in its cursor while supervision is unreachable, then delivers everything in order, once', async () => {
    let target: PublishTarget = { url: 'http://127.0.0.1:9', sourceId: own.sourceId, key: own.key };
    const publisher = supervisionPublisher(() => target, { batchSize: 7, timeoutMs: 2000 });
    const down = await drainConsumer(t.ctx.db, publisher, () => t.clock.now());
    expect(down.error).toBeTruthy();
    const cursor = await t.ctx.db.query('SELECT last_seq, failures FROM event_cursors WHERE consumer = $1', ['supervision.publisher']);
    expect(cursor.rows[0]).toMatchObject({ last_seq: 0, failures: 1 });
    expect(Number((await t.ctx.db.query('SELECT count(*) AS n FROM supervision.events')).rows[0].n)).toBe(0);

    target = { ...target, url };
    t.clock.advance(5 * 60_000); // past the back-off
    const up = await drainConsumer(t.ctx.db, publisher, () => t.clock.now());
    expect(up.error).toBeUndefined();
    const head = Number((await t.ctx.db.query('SELECT last_seq FROM event_chain_head WHERE id')).rows[0].last_seq);
    const received = await t.ctx.db.query<{ seq: number }>("SELECT seq FROM supervision.events WHERE source_id = 'center' ORDER BY seq");
    expect(received.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    const cases = await t.ctx.db.query("SELECT status FROM supervision.sv_cases WHERE source_id = 'center'");
    expect(cases.rows).toEqual([{ status: 'accepted' }]);
  });
});

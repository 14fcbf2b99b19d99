import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { withTx, type Tx } from '../db/pool.ts';
import { chainPending } from './chain.ts';
import { consumerLag, drainConsumer, retryDelayMs, runConsumerOnce, startConsumers, type EventConsumer } from './consumer.ts';
import { appendEvents, type StoredEvent } from './stream.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.query('CREATE TABLE consumer_effects (consumer text, seq bigint, PRIMARY KEY (consumer, seq))');
});
afterAll(() => t.drop());

const at = new Date('2026-10-08T02:00:00Z');

async function publish(n: number, type = 'test.tick'): Promise<void> {
  await withTx(t.db, (tx) => appendEvents(tx, Array.from({ length: n }, (_, i) => ({ type, occurredAt: at, payload: { i } }))));
  await chainPending(t.db);
}

/** A consumer whose effect is a row per event: the primary key makes a second effect of one event fail loudly. */
function recorder(name: string, opts: Partial<EventConsumer> = {}): EventConsumer & { seen: number[] } {
  const seen: number[] = [];
  return {
    name,
    seen,
    ...opts,
    handle: async (tx: Tx, events: readonly StoredEvent[]) => {
      for (const e of events) await tx.query('INSERT INTO consumer_effects VALUES ($1, $2)', [name, e.seq]);
      if (opts.handle) await opts.handle(tx, events);
      seen.push(...events.map((e) => e.seq));
    },
  };
}

const effects = async (name: string): Promise<number[]> =>
  (await t.db.query<{ seq: number }>('SELECT seq FROM consumer_effects WHERE consumer = $1 ORDER BY seq', [name])).rows.map((r) => r.seq);

describe('a durable event consumer', () => {
  it('hands over every chained event once, in order, in batches, and keeps its place', async () => {
    await publish(25);
    const c = recorder('t.all', { batchSize: 10 });
    const first = await runConsumerOnce(t.db, c, at);
    expect(first).toMatchObject({ handled: 10, more: true, skipped: false });
    expect(await drainConsumer(t.db, c, () => at)).toMatchObject({ handled: expect.any(Number) });
    const all = await effects('t.all');
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    // Caught up: nothing more, nothing twice.
    expect((await runConsumerOnce(t.db, c, at)).handled).toBe(0);
    await publish(3);
    expect((await drainConsumer(t.db, c, () => at)).handled).toBe(3);
    expect((await effects('t.all')).length).toBe(all.length + 3);
  });

  it('sees only the types it asks for, and moves past the others', async () => {
    await publish(4, 'test.wanted');
    await publish(6, 'test.other');
    const c = recorder('t.typed', { types: ['test.wanted'] });
    await drainConsumer(t.db, c, () => at);
    const lag = (await consumerLag(t.db)).find((l) => l.name === 't.typed')!;
    expect(lag.lag).toBe(0);
    const types = await t.db.query<{ type: string }>(
      'SELECT DISTINCT e.type FROM consumer_effects x JOIN events e ON e.seq = x.seq WHERE x.consumer = $1', ['t.typed'],
    );
    expect(types.rows.map((r) => r.type)).toEqual(['test.wanted']);
  });

  it('lets only one node take a batch: the other skips while the cursor is held', async () => {
    await publish(5);
    await t.db.query(`INSERT INTO event_cursors (consumer, last_seq) VALUES ('t.shared', 0)`);
    const holder = await t.db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM event_cursors WHERE consumer = 't.shared' FOR UPDATE`);
      const other = recorder('t.shared');
      const run = await runConsumerOnce(t.db, other, at);
      expect(run).toMatchObject({ skipped: true, handled: 0 });
      await holder.query('COMMIT');
    } finally {
      holder.release();
    }
    const c = recorder('t.shared');
    await drainConsumer(t.db, c, () => at);
    expect(c.seen.length).toBeGreaterThan(0);
  });

  it('two nodes draining side by side produce each effect exactly once', async () => {
    await publish(300);
    const a = recorder('t.race', { batchSize: 7 });
    const b = recorder('t.race', { batchSize: 7 });
    await Promise.all([drainConsumer(t.db, a, () => at, 1000), drainConsumer(t.db, b, () => at, 1000),
      drainConsumer(t.db, a, () => at, 1000), drainConsumer(t.db, b, () => at, 1000)]);
    const head = (await t.db.query<{ last_seq: number }>('SELECT last_seq FROM event_chain_head')).rows[0]!.last_seq;
    const done = await effects('t.race');
    expect(done.length).toBe(head);
    expect(new Set(done).size).toBe(done.length);
  });

  it('records a failing batch on its cursor, writes none of it, backs off, then retries the same batch', async () => {
    await publish(3);
    let fail = true;
    const c = recorder('t.flaky', {
      handle: async () => {
        if (fail) throw new Error('gateway down');
      },
    });
    const failed = await runConsumerOnce(t.db, c, at);
    expect(failed).toMatchObject({ handled: 0, skipped: true, error: 'Error: gateway down' });
    expect(await effects('t.flaky')).toEqual([]);
    const lag = (await consumerLag(t.db)).find((l) => l.name === 't.flaky')!;
    expect(lag).toMatchObject({ failures: 1, lastSeq: 0, lastError: 'Error: gateway down' });
    expect(lag.lag).toBeGreaterThan(0);
    // Within the back-off: not retried.
    expect(await runConsumerOnce(t.db, c, new Date(at.getTime() + 500))).toMatchObject({ skipped: true, handled: 0 });
    fail = false;
    const later = new Date(at.getTime() + retryDelayMs(1));
    expect((await drainConsumer(t.db, c, () => later)).error).toBeUndefined();
    expect((await consumerLag(t.db)).find((l) => l.name === 't.flaky')).toMatchObject({ failures: 0, lastError: null, lag: 0 });
  });

  it('backs off exponentially, at most five minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30)).toBe(300_000);
  });

  it('runs each consumer in its own loop: one that always fails never stops another', async () => {
    await publish(4);
    const broken: EventConsumer = { name: 't.broken', handle: async () => { throw new Error('poison'); } };
    const healthy = recorder('t.healthy');
    const errors: string[] = [];
    const runner = startConsumers(t.db, [broken, healthy], { now: () => at, onError: (name) => errors.push(name), intervalMs: 20 });
    const head = (await t.db.query<{ last_seq: number }>('SELECT last_seq FROM event_chain_head')).rows[0]!.last_seq;
    for (let i = 0; i < 200 && (await consumerLag(t.db)).find((l) => l.name === 't.healthy')?.lastSeq !== head; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await runner.stop();
    expect((await consumerLag(t.db)).find((l) => l.name === 't.healthy')).toMatchObject({ lag: 0, failures: 0 });
    expect(errors).toContain('t.broken');
    expect((await consumerLag(t.db)).find((l) => l.name === 't.broken')).toMatchObject({ lastSeq: 0, failures: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { withTx } from '../db/pool.ts';
import { chainPending, hasUnchained } from './chain.ts';
import { appendEvent, appendEvents, readEvents, verifyChain } from './stream.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const at = new Date('2026-10-08T02:00:00Z');

describe('the chainer', () => {
  it('lets two open transactions append side by side: neither waits for the other', async () => {
    const a = await t.db.connect();
    const b = await t.db.connect();
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await appendEvent(a, { type: 'test.first', occurredAt: at });
      // With a locked chain head this second append would block until `a` ended.
      await b.query("SET LOCAL lock_timeout = '2s'");
      await appendEvent(b, { type: 'test.second', occurredAt: at });
      await b.query('COMMIT');
      await a.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    expect(await hasUnchained(t.db)).toBe(true);
  });

  it('shows only chained rows to readers, and chains committed rows in insertion order', async () => {
    const before = await readEvents(t.db, { limit: 1000 });
    expect(before.map((e) => e.type)).not.toContain('test.first');
    await withTx(t.db, (tx) => appendEvents(tx, [
      { type: 'test.third', occurredAt: at, payload: { n: 3 } },
      { type: 'test.fourth', occurredAt: at, payload: { n: 4 } },
    ]));
    const chained = await chainPending(t.db);
    expect(chained).toBeGreaterThanOrEqual(4);
    expect(await hasUnchained(t.db)).toBe(false);
    const types = (await readEvents(t.db, { limit: 1000 })).map((e) => e.type).filter((x) => x.startsWith('test.'));
    expect(types).toEqual(['test.first', 'test.second', 'test.third', 'test.fourth']);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('leaves a row whose transaction is still open for a later round, without a gap', async () => {
    const open = await t.db.connect();
    try {
      await open.query('BEGIN');
      await appendEvent(open, { type: 'test.late', occurredAt: at });
      await withTx(t.db, (tx) => appendEvent(tx, { type: 'test.early', occurredAt: at }));
      await chainPending(t.db);
      await open.query('COMMIT');
    } finally {
      open.release();
    }
    await chainPending(t.db);
    const events = await readEvents(t.db, { limit: 1000 });
    expect(events.map((e) => e.type).slice(-2)).toEqual(['test.early', 'test.late']);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });

  it('gives every row one place when several chainers run at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) =>
      withTx(t.db, (tx) => appendEvent(tx, { type: 'test.burst', occurredAt: at, payload: { i } })),
    ));
    const counts = await Promise.all([chainPending(t.db, 3), chainPending(t.db, 3), chainPending(t.db, 3)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    const report = await verifyChain(t.db);
    expect(report).toMatchObject({ ok: true });
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(report.checked).toBe(rows[0]!.n);
  });
});

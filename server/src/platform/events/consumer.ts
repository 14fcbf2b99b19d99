import type { Db, Tx } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import { toStoredEvent, type EventRow, type StoredEvent } from './stream.ts';

/**
 * A durable follower of the event stream. The consumer's cursor (the last
 * chained `seq` it has handled) lives in `event_cursors`; a batch is read,
 * handed to `handle` and the cursor moved, all in one transaction that holds
 * the cursor row with `FOR UPDATE SKIP LOCKED`. So:
 * - several nodes may run the same consumer: one takes the batch, the others
 *   skip it (they get the next one once it commits);
 * - what `handle` writes to the database commits with the cursor move, so a
 *   database effect happens exactly once, even when a node dies mid-batch;
 * - an effect outside the database (an HTTP call, an SMS) may be repeated if
 *   the node dies between the effect and the commit: such handlers must be
 *   idempotent at the receiver (a de-duplication key), which is what "safe to
 *   run twice" means here.
 */
export interface EventConsumer {
  /** Stable name: the key of its cursor. Renaming it replays the stream. */
  readonly name: string;
  /** Only these event types are handed over; the cursor moves past the rest. All when absent. */
  readonly types?: readonly string[];
  /** Most events per transaction (default 500). */
  readonly batchSize?: number;
  /** Handles one batch, in order, inside the cursor's transaction. Throwing retries the whole batch later. */
  handle(tx: Tx, events: readonly StoredEvent[]): Promise<void>;
}

export interface ConsumerRun {
  /** Events handed to `handle` (0 when none matched or the cursor was busy). */
  handled: number;
  /** Where the cursor stands after the run. */
  cursor: number;
  /** Another node holds the cursor, or a failure's back-off has not passed. */
  skipped: boolean;
  /** More chained events may be waiting beyond this batch. */
  more: boolean;
  /** The failure of `handle`, recorded on the cursor (the batch is retried after the back-off). */
  error?: string;
}

/** Back-off after a failed batch: 1 s, 2 s, 4 s … at most 5 minutes. */
export function retryDelayMs(failures: number): number {
  return Math.min(1000 * 2 ** Math.max(failures - 1, 0), 5 * 60_000);
}

/** Creates the cursor at the start of the stream if the consumer is new. */
export async function registerConsumer(db: Db | Tx, name: string, fromSeq = 0): Promise<void> {
  await db.query('INSERT INTO event_cursors (consumer, last_seq) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, fromSeq]);
}

/** Runs one batch of one consumer. A failure of `handle` is recorded on its cursor and backs off; it is not thrown. */
export async function runConsumerOnce(db: Db, consumer: EventConsumer, now: Date): Promise<ConsumerRun> {
  const run = await withTx(db, (tx) => runBatch(tx, consumer, now));
  if (run) return run;
  // No row to lock: either another node holds it, or the consumer is new.
  const exists = await db.query('SELECT 1 FROM event_cursors WHERE consumer = $1', [consumer.name]);
  if (exists.rowCount) return { handled: 0, cursor: -1, skipped: true, more: false };
  await registerConsumer(db, consumer.name);
  return (await withTx(db, (tx) => runBatch(tx, consumer, now))) ?? { handled: 0, cursor: -1, skipped: true, more: false };
}

async function runBatch(tx: Tx, consumer: EventConsumer, now: Date): Promise<ConsumerRun | null> {
  const cursor = await tx.query<{ last_seq: number; failures: number; retry_at: Date | null }>(
    'SELECT last_seq, failures, retry_at FROM event_cursors WHERE consumer = $1 FOR UPDATE SKIP LOCKED', [consumer.name],
  );
  const row = cursor.rows[0];
  if (!row) return null;
  if (row.retry_at && row.retry_at > now) return { handled: 0, cursor: row.last_seq, skipped: true, more: false };
  // The head is read first: every event up to it is committed and chained,
  // so scanning to it and finding nothing lets the cursor jump there.
  const head = await tx.query<{ last_seq: number }>('SELECT last_seq FROM event_chain_head WHERE id');
  const headSeq = head.rows[0]?.last_seq ?? 0;
  if (headSeq <= row.last_seq) return { handled: 0, cursor: row.last_seq, skipped: false, more: false };
  const batch = consumer.batchSize ?? 500;
  const params: unknown[] = [row.last_seq, headSeq, batch];
  const typeFilter = consumer.types ? `AND type = ANY($${params.push([...consumer.types])}::text[])` : '';
  const { rows } = await tx.query<EventRow>(
    `SELECT * FROM events WHERE seq > $1 AND seq <= $2 ${typeFilter} ORDER BY seq LIMIT $3`, params,
  );
  const full = rows.length === batch;
  const next = full ? rows.at(-1)!.seq : headSeq;
  if (rows.length) {
    await tx.query('SAVEPOINT consumer_batch');
    try {
      await consumer.handle(tx, rows.map(toStoredEvent));
    } catch (err) {
      await tx.query('ROLLBACK TO SAVEPOINT consumer_batch');
      const failures = row.failures + 1;
      await tx.query(
        `UPDATE event_cursors SET failures = $2, last_error = $3, retry_at = $4, updated_at = $5 WHERE consumer = $1`,
        [consumer.name, failures, errorText(err), new Date(now.getTime() + retryDelayMs(failures)), now],
      );
      return { handled: 0, cursor: row.last_seq, skipped: true, more: false, error: errorText(err) };
    }
  }
  await tx.query(
    `UPDATE event_cursors SET last_seq = $2, failures = 0, last_error = NULL, retry_at = NULL, updated_at = $3, handled = handled + $4
      WHERE consumer = $1`,
    [consumer.name, next, now, rows.length],
  );
  return { handled: rows.length, cursor: next, skipped: false, more: full };
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2000);
}

/**
 * Runs batches until the consumer has caught up (or `maxBatches` ran).
 * Returns the events handled, the cursor reached and the failure that stopped it, if any.
 */
export async function drainConsumer(
  db: Db, consumer: EventConsumer, now: () => Date, maxBatches = 100,
): Promise<{ handled: number; cursor: number; error?: string }> {
  let handled = 0;
  let cursor = -1;
  for (let i = 0; i < maxBatches; i++) {
    const run = await runConsumerOnce(db, consumer, now());
    handled += run.handled;
    cursor = run.cursor;
    if (run.error) return { handled, cursor, error: run.error };
    if (!run.more) break;
  }
  return { handled, cursor };
}

export interface ConsumerLag {
  name: string;
  lastSeq: number;
  headSeq: number;
  /** Chained events the consumer has not passed yet (of any type). */
  lag: number;
  handled: number;
  failures: number;
  lastError: string | null;
  retryAt: string | null;
  updatedAt: string;
}

/** Every consumer's position against the chain head, for admins and /metrics. */
export async function consumerLag(db: Db | Tx): Promise<ConsumerLag[]> {
  const { rows } = await db.query<{
    consumer: string; last_seq: number; head: number; handled: number; failures: number;
    last_error: string | null; retry_at: Date | null; updated_at: Date;
  }>(
    `SELECT c.consumer, c.last_seq, h.last_seq AS head, c.handled, c.failures, c.last_error, c.retry_at, c.updated_at
       FROM event_cursors c CROSS JOIN event_chain_head h ORDER BY c.consumer`,
  );
  return rows.map((r) => ({
    name: r.consumer,
    lastSeq: r.last_seq,
    headSeq: r.head,
    lag: Math.max(r.head - r.last_seq, 0),
    handled: r.handled,
    failures: r.failures,
    lastError: r.last_error,
    retryAt: r.retry_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export interface ConsumerRunner {
  /** Ask for a round now (e.g. right after a command committed), instead of at the next interval. */
  wake(): void;
  /** Stops the loops; resolves once rounds in flight have finished. */
  stop(): Promise<void>;
}

/**
 * Runs each consumer in a loop of its own. Every `intervalMs` one cheap probe
 * reads the chain head; a consumer whose cursor (as last seen) is behind it,
 * or whose back-off may have passed, gets a round that drains what waits.
 * One consumer's failure or slowness never holds another: each has its own
 * round, a failing batch is recorded on its cursor and reported, and errors
 * of the runner itself (the database gone) are reported and retried at the
 * next interval.
 */
export function startConsumers(
  db: Db, consumers: readonly EventConsumer[],
  opts: { now: () => Date; onError: (consumer: string, err: Error) => void; intervalMs?: number },
): ConsumerRunner {
  const intervalMs = opts.intervalMs ?? 200;
  const rounds = new Map<string, Promise<void>>();
  /** Cursor positions as last seen by this node; -1 = unknown or backing off (always try). */
  const seen = new Map<string, number>(consumers.map((c) => [c.name, -1]));
  let probing = false;
  let stopped = false;
  const round = (c: EventConsumer) => {
    if (stopped || rounds.has(c.name)) return;
    const p = (async () => {
      try {
        const run = await drainConsumer(db, c, opts.now);
        seen.set(c.name, run.error ? -1 : run.cursor);
        if (run.error) opts.onError(c.name, new Error(run.error));
      } catch (err) {
        seen.set(c.name, -1);
        opts.onError(c.name, err as Error);
      } finally {
        rounds.delete(c.name);
      }
    })();
    rounds.set(c.name, p);
  };
  const tick = () => {
    if (stopped || probing) return;
    probing = true;
    void db.query<{ last_seq: number }>('SELECT last_seq FROM event_chain_head WHERE id')
      .then(({ rows }) => {
        const head = rows[0]?.last_seq ?? 0;
        for (const c of consumers) if ((seen.get(c.name) ?? -1) < head) round(c);
      })
      .catch((err: Error) => opts.onError('runner', err))
      .finally(() => (probing = false));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    wake: tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await Promise.all(rounds.values());
    },
  };
}

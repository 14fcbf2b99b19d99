import type { Db } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import { eventHash } from './canonical.ts';
import { toStoredEvent, type EventRow } from './stream.ts';

/**
 * The chainer: gives committed, unchained events their place in the hash
 * chain, in insertion order (`pos`). It holds the chain head row only for its
 * own short transaction, so producers never wait on the chain.
 *
 * On return, every event committed before the call is chained: a concurrent
 * chainer is waited for (FOR UPDATE, not SKIP LOCKED), and the unchained rows
 * are read after the head lock is taken.
 */
export async function chainPending(db: Db, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const chained = await withTx(db, async (tx) => {
      const head = await tx.query<{ last_seq: number; last_hash: string }>(
        'SELECT last_seq, last_hash FROM event_chain_head WHERE id FOR UPDATE',
      );
      let { last_seq: seq, last_hash: prevHash } = head.rows[0]!;
      const { rows } = await tx.query<EventRow>('SELECT * FROM events WHERE seq IS NULL ORDER BY pos LIMIT $1', [batch]);
      if (rows.length === 0) return 0;
      const positions: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq++;
        const { prevHash: _unset, hash: _none, ...content } = toStoredEvent({ ...row, seq });
        const hash = eventHash(prevHash, content);
        positions.push(row.pos);
        seqs.push(seq);
        prevs.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      await tx.query(
        `UPDATE events e SET seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS u(pos, seq, prev_hash, hash)
          WHERE e.pos = u.pos`,
        [positions, seqs, prevs, hashes],
      );
      await tx.query('UPDATE event_chain_head SET last_seq = $1, last_hash = $2 WHERE id', [seq, prevHash]);
      return rows.length;
    });
    total += chained;
    if (chained < batch) return total;
  }
}

/** True when some committed event waits for the chainer (an index-only probe, no lock). */
export async function hasUnchained(db: Db): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM events WHERE seq IS NULL LIMIT 1');
  return rows.length > 0;
}

/** A hash-chained log whose rows are chained after they commit: the event stream, the audit log. */
export interface ChainedLog {
  hasUnchained(db: Db): Promise<boolean>;
  chainPending(db: Db): Promise<number>;
}

/** The event stream as the background chainer runs it. */
export const EVENT_CHAIN: ChainedLog = { hasUnchained, chainPending: (db) => chainPending(db) };

/**
 * Runs the chainer in the background: a cheap probe of each log every
 * `intervalMs`, a chaining round when it finds work. Several nodes may run
 * it; they take turns on each log's head row. Returns a function that stops
 * it and resolves once a round in flight has finished (so the pool can be
 * closed after it). One log's failure is reported and does not stop the others.
 */
export function startChainer(db: Db, onError: (err: Error) => void, intervalMs = 100, logs: readonly ChainedLog[] = [EVENT_CHAIN]): () => Promise<void> {
  let round: Promise<void> | null = null;
  const tick = () => {
    if (round) return;
    round = (async () => {
      for (const log of logs) {
        try {
          if (await log.hasUnchained(db)) await log.chainPending(db);
        } catch (err) {
          onError(err as Error);
        }
      }
      round = null;
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await round;
  };
}

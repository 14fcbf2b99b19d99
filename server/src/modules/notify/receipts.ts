import type { Db } from '../../platform/db/pool.ts';
import type { Receipt } from './smpp.ts';

/**
 * Delivery receipts arrive on the SMPP session at any moment; they are
 * acknowledged at once and written in small batches. A receipt is keyed by
 * the gateway's message id and matched to its message when read, so one that
 * beats the worker's commit is not lost.
 */
export function receiptWriter(db: Db, now: () => Date, onError: (err: Error) => void, flushMs = 200) {
  let buffer: Receipt[] = [];
  let flushing: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    await db.query(
      `INSERT INTO notify_receipts (gateway_id, stat, err, received_at)
       SELECT DISTINCT ON (g) g, s, e, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS x(g, s, e)
       ON CONFLICT (gateway_id) DO UPDATE SET stat = EXCLUDED.stat, err = EXCLUDED.err, received_at = EXCLUDED.received_at`,
      [batch.map((r) => r.gatewayId), batch.map((r) => r.stat), batch.map((r) => r.err), now()],
    ).catch((err: Error) => onError(err));
  };
  const timer = setInterval(() => {
    flushing ??= flush().finally(() => (flushing = null));
  }, flushMs);
  timer.unref();
  return {
    add: (r: Receipt) => void buffer.push(r),
    stop: async () => {
      clearInterval(timer);
      await flushing;
      await flush();
    },
  };
}

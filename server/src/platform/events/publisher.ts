import { randomBytes } from 'node:crypto';
import type { Db } from '../db/pool.ts';
import type { EventConsumer } from './consumer.ts';
import { signBatch, SIGNATURE_HEADER, SOURCE_HEADER } from './publish-signature.ts';

/**
 * The approval side publishes its chained event stream to a supervision
 * platform through the platform's ingest door, over HTTP, exactly as an
 * outside approval system would: batches in chain order from a durable
 * cursor, each signed with the source's key. A supervision outage delays
 * nothing here: the batch fails, the cursor stays and backs off, and the
 * same events go again later (ingest is idempotent on source and sequence).
 */
export interface PublishTarget {
  /** Base URL of the supervision platform (…/api/supervision/ingest is appended). */
  url: string;
  sourceId: string;
  key: string;
}

export const PUBLISHER_CONSUMER = 'supervision.publisher';

export function supervisionPublisher(target: () => PublishTarget | undefined, opts: { batchSize?: number; timeoutMs?: number } = {}): EventConsumer {
  return {
    name: PUBLISHER_CONSUMER,
    batchSize: opts.batchSize ?? 500,
    async handle(_tx, events) {
      const t = target();
      if (!t) throw new Error('supervision platform address not known yet');
      const body = JSON.stringify({ events });
      const res = await fetch(new URL('/api/supervision/ingest', t.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SOURCE_HEADER]: t.sourceId, [SIGNATURE_HEADER]: signBatch(t.key, body) },
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      });
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        throw new Error(`supervision ingest answered ${res.status}: ${text.slice(0, 300)}`);
      }
    },
  };
}

/**
 * The key this center publishes with to the supervision platform in its own
 * process (no TONGBAN_SUPERVISION_URL): made once, kept in
 * `supervision_publisher`, so restarts keep publishing as the same source.
 */
export async function ownPublisherKey(db: Db, sourceId: string, now: Date): Promise<{ sourceId: string; key: string }> {
  await db.query(
    'INSERT INTO supervision_publisher (id, source_id, secret, created_at) VALUES (true, $1, $2, $3) ON CONFLICT (id) DO NOTHING',
    [sourceId, randomBytes(32).toString('hex'), now],
  );
  const { rows } = await db.query<{ source_id: string; secret: string }>('SELECT source_id, secret FROM supervision_publisher WHERE id');
  return { sourceId: rows[0]!.source_id, key: rows[0]!.secret };
}

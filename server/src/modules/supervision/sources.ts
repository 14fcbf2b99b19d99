import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import type { SourceView } from '../../../../shared/supervision/monitor.ts';

/**
 * Event sources: the approval systems that feed this platform (the center
 * itself, another county, a department's own system). Each signs its
 * batches with its own key; the platform keeps the head of each source's
 * hash chain as received.
 */
export type { SourceView } from '../../../../shared/supervision/monitor.ts';

interface SourceRow {
  id: string; name: string; enabled: boolean; last_seq: number; received: number; last_batch_at: Date | null; created_at: Date;
}

const view = (r: SourceRow): SourceView => ({
  id: r.id, name: r.name, enabled: r.enabled, lastSeq: r.last_seq, received: r.received,
  lastBatchAt: r.last_batch_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
});

/** A new signing key: 32 random bytes, hex. */
export function newSourceKey(): string {
  return randomBytes(32).toString('hex');
}

export async function listSources(db: Queryable): Promise<SourceView[]> {
  const { rows } = await db.query<SourceRow>('SELECT * FROM supervision.sources ORDER BY created_at, id');
  return rows.map(view);
}

/** Registers a source; the key is returned this once (the caller hands it to the source's operator). */
export async function registerSource(
  db: Queryable, input: { id: string; name: string; key?: string }, by: string | null, now: Date,
): Promise<SourceView & { key: string }> {
  const key = input.key ?? newSourceKey();
  const { rows } = await db.query<SourceRow>(
    `INSERT INTO supervision.sources (id, name, secret, created_at, created_by) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (id) DO NOTHING RETURNING *`,
    [input.id, input.name.trim(), key, now, by],
  );
  if (!rows[0]) throw new AppError('SOURCE_EXISTS');
  return { ...view(rows[0]), key };
}

/** Gives a source a new key (the old one stops working at once) and returns it. */
export async function rotateSourceKey(db: Queryable, id: string): Promise<{ key: string }> {
  const key = newSourceKey();
  const { rowCount } = await db.query('UPDATE supervision.sources SET secret = $2 WHERE id = $1', [id, key]);
  if (!rowCount) throw new AppError('SOURCE_NOT_FOUND');
  return { key };
}

export async function setSourceEnabled(db: Queryable, id: string, enabled: boolean): Promise<SourceView> {
  const { rows } = await db.query<SourceRow>('UPDATE supervision.sources SET enabled = $2 WHERE id = $1 RETURNING *', [id, enabled]);
  if (!rows[0]) throw new AppError('SOURCE_NOT_FOUND');
  return view(rows[0]);
}

/**
 * The source of the center's own approval side when both run in one process:
 * created on first start with `key`, or given `key` when it exists (the
 * approval side keeps the key it publishes with; this keeps the two in step).
 */
export async function ensureOwnSource(db: Db, id: string, name: string, key: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO supervision.sources (id, name, secret, created_at) VALUES ($1,$2,$3,$4)
     ON CONFLICT (id) DO UPDATE SET secret = EXCLUDED.secret WHERE supervision.sources.secret <> EXCLUDED.secret`,
    [id, name, key, now],
  );
}

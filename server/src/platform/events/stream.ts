import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/pool.ts';
import { eventHash, GENESIS_HASH, type ChainedContent } from './canonical.ts';

/**
 * The published event stream. Every state change appends its event in the
 * same transaction as the change. The chain head row is locked for the rest
 * of the transaction, so events form one line in commit order; call
 * `appendEvent` as the last write of a transaction to hold that lock briefly.
 */
export interface NewEvent {
  type: string;
  schemaVersion?: number;
  caseId?: string | null;
  caseNo?: string | null;
  departmentId?: string | null;
  actor?: { id: string; role: string } | null;
  occurredAt: Date;
  payload?: Record<string, unknown>;
}

export interface StoredEvent extends ChainedContent {
  prevHash: string;
  hash: string;
}

export async function appendEvent(tx: Tx, e: NewEvent): Promise<StoredEvent> {
  const head = await tx.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM event_chain_head WHERE id FOR UPDATE',
  );
  const prev = head.rows[0] ?? { last_seq: 0, last_hash: GENESIS_HASH };
  const content: ChainedContent = {
    seq: prev.last_seq + 1,
    id: randomUUID(),
    type: e.type,
    schemaVersion: e.schemaVersion ?? 1,
    caseId: e.caseId ?? null,
    caseNo: e.caseNo ?? null,
    departmentId: e.departmentId ?? null,
    actorId: e.actor?.id ?? null,
    actorRole: e.actor?.role ?? null,
    occurredAt: e.occurredAt.toISOString(),
    payload: e.payload ?? {},
  };
  const hash = eventHash(prev.last_hash, content);
  await tx.query(
    `INSERT INTO events (seq, id, type, schema_version, case_id, case_no, department_id, actor_id, actor_role, occurred_at, payload, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [content.seq, content.id, content.type, content.schemaVersion, content.caseId, content.caseNo, content.departmentId,
      content.actorId, content.actorRole, content.occurredAt, JSON.stringify(content.payload), prev.last_hash, hash],
  );
  await tx.query('UPDATE event_chain_head SET last_seq = $1, last_hash = $2 WHERE id', [content.seq, hash]);
  return { ...content, prevHash: prev.last_hash, hash };
}

interface EventRow {
  seq: number;
  id: string;
  type: string;
  schema_version: number;
  case_id: string | null;
  case_no: string | null;
  department_id: string | null;
  actor_id: string | null;
  actor_role: string | null;
  occurred_at: Date;
  payload: unknown;
  prev_hash: string;
  hash: string;
}

export function toStoredEvent(r: EventRow): StoredEvent {
  return {
    seq: r.seq,
    id: r.id,
    type: r.type,
    schemaVersion: r.schema_version,
    caseId: r.case_id,
    caseNo: r.case_no,
    departmentId: r.department_id,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    occurredAt: r.occurred_at.toISOString(),
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface EventQuery {
  caseId?: string;
  caseNo?: string;
  afterSeq?: number;
  limit?: number;
}

/** Reads the stream in order, optionally for one case, after a sequence number. */
export async function readEvents(db: Queryable, q: EventQuery = {}): Promise<StoredEvent[]> {
  const where: string[] = ['seq > $1'];
  const params: unknown[] = [q.afterSeq ?? 0];
  if (q.caseId) where.push(`case_id = $${params.push(q.caseId)}`);
  // Events of other producers (the workflow engine) carry the case id only.
  if (q.caseNo) {
    where.push(`(case_no = $${params.push(q.caseNo)} OR case_id IN (SELECT case_id FROM events WHERE case_no = $${params.length} AND case_id IS NOT NULL))`);
  }
  const limit = Math.min(Math.max(q.limit ?? 200, 1), 1000);
  const { rows } = await db.query<EventRow>(
    `SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${limit}`,
    params,
  );
  return rows.map(toStoredEvent);
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: 'prev_hash_mismatch' | 'content_hash_mismatch' | 'sequence_gap' } | null;
}

/**
 * Walks the whole chain in batches and reports the first broken link: a
 * missing row (sequence gap), a row whose prev_hash is not its predecessor's
 * hash, or a row whose content no longer matches its own hash.
 */
export async function verifyChain(db: Queryable, batch = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const { rows } = await db.query<EventRow>('SELECT * FROM events WHERE seq >= $1 ORDER BY seq LIMIT $2', [expectedSeq, batch]);
    if (rows.length === 0) break;
    for (const row of rows) {
      const e = toStoredEvent(row);
      if (e.seq !== expectedSeq) return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: 'sequence_gap' } };
      if (e.prevHash !== prevHash) return { ok: false, checked, firstBroken: { seq: e.seq, reason: 'prev_hash_mismatch' } };
      const { prevHash: _p, hash, ...content } = e;
      if (eventHash(prevHash, content) !== hash) return { ok: false, checked, firstBroken: { seq: e.seq, reason: 'content_hash_mismatch' } };
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
  }
  // A deleted tail shows as the head pointing past the last row.
  const head = await db.query<{ last_seq: number }>('SELECT last_seq FROM event_chain_head WHERE id');
  const lastSeq = head.rows[0]?.last_seq ?? 0;
  if (lastSeq !== expectedSeq - 1) return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: 'sequence_gap' } };
  return { ok: true, checked, firstBroken: null };
}

import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/pool.ts';
import { eventHash, GENESIS_HASH, type ChainedContent } from './canonical.ts';

/**
 * The published event stream. Every state change appends its event in the
 * same transaction as the change. Appending takes no lock: the row is
 * inserted unchained, and the chainer (chain.ts) gives committed rows their
 * sequence number and hashes soon after, in insertion order. So commands that
 * touch different cases commit side by side instead of queueing on one row.
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

export async function appendEvent(tx: Tx, e: NewEvent): Promise<{ id: string }> {
  const [appended] = await appendEvents(tx, [e]);
  return appended!;
}

/** Appends several events with one statement, in the given order. */
export async function appendEvents(tx: Tx, events: readonly NewEvent[]): Promise<{ id: string }[]> {
  if (events.length === 0) return [];
  const params: unknown[] = [];
  const ids: { id: string }[] = [];
  const sql = eventsInsert(events, (value) => `$${params.push(value)}`, ids);
  await tx.query(sql, params);
  return ids;
}

/**
 * The INSERT of `events`, its parameters placed by `param` (so a caller can
 * make it one part of a larger statement). unnest keeps the array order, and
 * pos is drawn row by row in that order.
 */
export function eventsInsert(events: readonly NewEvent[], param: (value: unknown) => string, ids: { id: string }[] = []): string {
  const cols: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
  for (const e of events) {
    const id = randomUUID();
    ids.push({ id });
    const row = [id, e.type, e.schemaVersion ?? 1, e.caseId ?? null, e.caseNo ?? null, e.departmentId ?? null,
      e.actor?.id ?? null, e.actor?.role ?? null, e.occurredAt.toISOString(), JSON.stringify(e.payload ?? {})];
    row.forEach((v, i) => cols[i]!.push(v));
  }
  const types = ['uuid', 'text', 'int', 'uuid', 'text', 'uuid', 'uuid', 'text', 'timestamptz', 'jsonb'];
  return `INSERT INTO events (id, type, schema_version, case_id, case_no, department_id, actor_id, actor_role, occurred_at, payload)
     SELECT * FROM unnest(${cols.map((c, i) => `${param(c)}::${types[i]}[]`).join(', ')})`;
}

export interface EventRow {
  pos: number;
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

/**
 * Reads the chained stream in chain order, optionally for one case, after a
 * sequence number. Rows not yet chained are not returned: run `chainPending`
 * first to include everything committed so far.
 */
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

/** What is wrong with the next link of a chain, or null: its place, its link to the predecessor, its own hash. */
export function chainBreak(prevHash: string, expectedSeq: number, e: StoredEvent): ChainReport['firstBroken'] {
  if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: 'sequence_gap' };
  if (e.prevHash !== prevHash) return { seq: e.seq, reason: 'prev_hash_mismatch' };
  const { prevHash: _p, hash, ...content } = e;
  if (eventHash(prevHash, content) !== hash) return { seq: e.seq, reason: 'content_hash_mismatch' };
  return null;
}

/**
 * Walks the whole chain in batches and reports the first broken link: a
 * missing row (sequence gap), a row whose prev_hash is not its predecessor's
 * hash, or a row whose content no longer matches its own hash. Covers the
 * chained rows; run `chainPending` first to chain everything committed.
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
      const broken = chainBreak(prevHash, expectedSeq, e);
      if (broken) return { ok: false, checked, firstBroken: broken };
      prevHash = e.hash;
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

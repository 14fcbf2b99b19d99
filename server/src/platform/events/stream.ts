import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/pool.ts';
import { eventHash, GENESIS_HASH, type ChainedContent } from './canonical.ts';
import { checkEvent, currentVersion, enrichedOnInsert } from './contract.ts';

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
 * pos is drawn row by row in that order. Each event is written at its type's
 * current contract version (contract.ts) and, outside production, checked
 * against it first; the names a version promises (who completed a step, the
 * step's department) are looked up in the same statement.
 */
export function eventsInsert(events: readonly NewEvent[], param: (value: unknown) => string, ids: { id: string }[] = []): string {
  const cols: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
  const enrichedTypes = new Set<string>();
  for (const e of events) {
    const id = randomUUID();
    ids.push({ id });
    const version = e.schemaVersion ?? currentVersion(e.type);
    if (CHECK_ON_WRITE) assertConforms(e.type, version, e.payload ?? {});
    if (enrichedOnInsert(e.type).length && version === currentVersion(e.type)) enrichedTypes.add(e.type);
    const row = [id, e.type, version, e.caseId ?? null, e.caseNo ?? null, e.departmentId ?? null,
      e.actor?.id ?? null, e.actor?.role ?? null, e.occurredAt.toISOString(), JSON.stringify(e.payload ?? {})];
    row.forEach((v, i) => cols[i]!.push(v));
  }
  const types = ['uuid', 'text', 'int', 'uuid', 'text', 'uuid', 'uuid', 'text', 'timestamptz', 'jsonb'];
  const source = `unnest(${cols.map((c, i) => `${param(c)}::${types[i]}[]`).join(', ')})`;
  const head = 'INSERT INTO events (id, type, schema_version, case_id, case_no, department_id, actor_id, actor_role, occurred_at, payload)';
  if (enrichedTypes.size === 0) return `${head}\n     SELECT * FROM ${source}`;
  const cases = [...enrichedTypes].map((type) =>
    `WHEN ${param(type)}::text THEN e.payload || jsonb_build_object(${enrichedOnInsert(type).map((f) => `'${f}', ${ENRICHMENT_SQL[`${type}:${f}`] ?? ENRICHMENT_SQL[f]}`).join(', ')})`);
  return `${head}
     SELECT e.id, e.type, e.v, e.case_id, e.case_no, e.department_id, e.actor_id, e.actor_role, e.occurred_at,
            CASE e.type ${cases.join(' ')} ELSE e.payload END
       FROM ${source} AS e(id, type, v, case_id, case_no, department_id, actor_id, actor_role, occurred_at, payload)`;
}

/** Outside production every written event is checked against its contract, so a drift fails the tests that write it. */
const CHECK_ON_WRITE = process.env.NODE_ENV !== 'production';

/** Types under `test.` are the event store's own test fixtures and have no contract. */
function assertConforms(type: string, version: number, payload: Record<string, unknown>): void {
  if (type.startsWith('test.')) return;
  const problem = checkEvent({ type, schemaVersion: version, payload });
  if (problem) throw new Error(`event ${type}@${version} breaks the event contract (platform/events/contract.ts): ${JSON.stringify(problem)}`);
}

const uuidOf = (expr: string) => `CASE WHEN ${expr} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (${expr})::uuid END`;
const userName = (expr: string) => `(SELECT display_name FROM users WHERE id = ${expr})`;
/** The department of a step: its candidate department, else its assignee's. */
const stepDepartment = `(SELECT d.%COL% FROM departments d
    WHERE (e.payload->>'candidateKind' = 'department' AND d.code = e.payload->'candidates'->>0)
       OR d.id = (SELECT department_id FROM users WHERE id = ${uuidOf("e.payload->>'assignee'")}) LIMIT 1)`;

/** SQL of each enriched field, over the row `e` being inserted. */
const ENRICHMENT_SQL: Record<string, string> = {
  actorName: userName('e.actor_id'),
  assigneeName: userName(uuidOf("e.payload->>'assignee'")),
  toName: userName(uuidOf("e.payload->>'to'")),
  departmentId: stepDepartment.replace('%COL%', 'id'),
  departmentName: stepDepartment.replace('%COL%', 'name'),
  // A case's own department (the step's is the one above).
  'case.submitted:departmentName': '(SELECT name FROM departments WHERE id = e.department_id)',
  applicantType: '(SELECT a.kind FROM cases c JOIN applicants a ON a.id = c.applicant_profile_id WHERE c.id = e.case_id)',
};

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

/** An event of a case as its page shows it. */
export interface CaseEvent {
  type: string;
  at: Date;
  actorId: string | null;
  payload: Record<string, unknown>;
}

/**
 * A case's events in the order they were written (chained or not yet), of
 * the types matching one of the LIKE patterns `types`, but for the types
 * `except` (a case's timeline).
 */
export async function caseEvents(db: Queryable, caseId: string, types: readonly string[], except: readonly string[] = []): Promise<CaseEvent[]> {
  const { rows } = await db.query<CaseEvent>(
    `SELECT type, occurred_at AS at, actor_id AS "actorId", payload FROM events
      WHERE case_id = $1 AND type LIKE ANY($2::text[]) AND type <> ALL($3::text[]) ORDER BY pos`,
    [caseId, types, except],
  );
  return rows;
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

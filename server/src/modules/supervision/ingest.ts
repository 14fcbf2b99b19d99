import { randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { eventHash } from '../../platform/events/canonical.ts';
import { checkEvent } from '../../platform/events/contract.ts';
import type { StoredEvent } from '../../platform/events/stream.ts';
import { project } from './projection.ts';
import { signBatch } from '../../platform/events/publish-signature.ts';
import { hasForbiddenStrings } from '../../platform/text.ts';

/**
 * The ingest door: a batch of chained events from a registered source, as
 * any approval system (this center's own, another county's) sends it.
 * - signed: `X-Tongban-Signature: sha256=<hex>`, HMAC-SHA256 of the raw body
 *   with the source's key, the source named by `X-Tongban-Source`;
 * - idempotent on (source, seq): events already received are compared with
 *   what was stored (a different hash is an edit) and skipped;
 * - the chain is checked on arrival: the first new event must follow the
 *   last received one (no gap), each must link to its predecessor and hash to
 *   its content, and each must conform to the event contract;
 * - all or nothing: a refused batch stores none of its events, and the
 *   refusal is recorded as a finding with its stable code.
 * Accepted events are projected (sv_cases, sv_steps …) in the same transaction.
 */

export { SOURCE_HEADER, SIGNATURE_HEADER, signBatch } from '../../platform/events/publish-signature.ts';
/** Most events in one batch. */
export const MAX_BATCH = 2000;

export const ingestEventSchema = z.object({
  seq: z.number().int().positive(),
  id: z.uuid(),
  type: z.string().min(1).max(100),
  schemaVersion: z.number().int().positive(),
  caseId: z.uuid().nullable(),
  caseNo: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  actorRole: z.string().nullable(),
  occurredAt: z.string(),
  payload: z.unknown(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export const ingestBatchSchema = z.object({ events: z.array(ingestEventSchema).min(1).max(MAX_BATCH) });

export interface IngestResult {
  accepted: number;
  duplicates: number;
  lastSeq: number;
}

function signatureMatches(key: string, body: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(signBatch(key, body));
  const actual = Buffer.from(given.trim());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

class Refusal extends Error {
  constructor(readonly code: ErrorCode, readonly seq: number | null, readonly details: Record<string, unknown> = {}) {
    super(code);
  }
}

/** A signed body read as JSON against its schema, once the signature holds: the data, or the first few issues. */
export function parseBody<S extends z.ZodType>(body: Buffer, schema: S): { data: z.infer<S> } | { issues: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { issues: ['body is not JSON'] };
  }
  const result = schema.safeParse(json);
  return result.success ? { data: result.data } : { issues: result.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** A request as a source sends it: its id and signature headers and the raw body. */
export interface SignedRequest {
  sourceId: string | undefined;
  signature: string | undefined;
  body: Buffer;
  now: Date;
}

/** Refuses a request not signed with the key of a registered, enabled source. */
async function checkSignature(db: Db, sourceId: string, input: SignedRequest): Promise<void> {
  const source = await db.query<{ secret: string; enabled: boolean }>('SELECT secret, enabled FROM supervision.sources WHERE id = $1', [sourceId]);
  const row = source.rows[0];
  if (!row || !row.enabled) throw new Refusal('INGEST_SOURCE_UNKNOWN', null);
  if (!signatureMatches(row.secret, input.body, input.signature)) throw new Refusal('INGEST_SIGNATURE_INVALID', null);
}

/** Runs `work` for a refusal-checked request; a refusal is recorded as a finding and answered with its code. */
async function refusalsRecorded<T>(db: Db, sourceId: string, now: Date, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    await recordFinding(db, { sourceId: sourceId || null, code: err.code, seq: err.seq, details: err.details, now });
    throw new AppError(err.code, { seq: err.seq, ...err.details });
  }
}

/**
 * The other doors of a source (its card notices): the id of the registered
 * source whose key signed the body, or INGEST_SOURCE_UNKNOWN /
 * INGEST_SIGNATURE_INVALID, recorded as a finding like a refused batch.
 */
export async function signedSource(db: Db, input: SignedRequest): Promise<string> {
  const sourceId = input.sourceId?.trim() ?? '';
  await refusalsRecorded(db, sourceId, input.now, () => checkSignature(db, sourceId, input));
  return sourceId;
}

export async function ingestBatch(db: Db, input: SignedRequest): Promise<IngestResult> {
  const sourceId = input.sourceId?.trim() ?? '';
  return refusalsRecorded(db, sourceId, input.now, async () => {
    await checkSignature(db, sourceId, input);
    const parsed = parseBody(input.body, ingestBatchSchema);
    if ('issues' in parsed) throw new Refusal('INGEST_BATCH_INVALID', null, { issues: parsed.issues });
    // Stored as sent (the hashes cover it): a character no text may hold is refused, not cleaned.
    if (hasForbiddenStrings(parsed.data)) throw new Refusal('INGEST_BATCH_INVALID', null, { issues: ['NUL or a lone surrogate in a string'] });
    const events = parsed.data.events as StoredEvent[];
    for (let i = 1; i < events.length; i++) {
      if (events[i]!.seq !== events[i - 1]!.seq + 1) throw new Refusal('INGEST_BATCH_INVALID', events[i]!.seq, { issues: ['events must be consecutive, in sequence order'] });
    }
    return withTx(db, (tx) => store(tx, sourceId, events, input.now));
  });
}

async function store(tx: Tx, sourceId: string, events: StoredEvent[], now: Date): Promise<IngestResult> {
  // One batch of a source at a time: its chain head is read and moved under this lock.
  const head = await tx.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM supervision.sources WHERE id = $1 FOR UPDATE', [sourceId],
  );
  let { last_seq: lastSeq, last_hash: prevHash } = head.rows[0]!;
  const repeated = events.filter((e) => e.seq <= lastSeq);
  if (repeated.length) {
    const stored = await tx.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM supervision.events WHERE source_id = $1 AND seq = ANY($2::bigint[])', [sourceId, repeated.map((e) => e.seq)],
    );
    const hashes = new Map(stored.rows.map((r) => [r.seq, r.hash]));
    for (const e of repeated) {
      // The same event again is harmless; a different one under a received number is an edit at the source.
      const { prevHash: prev, hash, ...content } = e;
      if (hashes.get(e.seq) !== hash || eventHash(prev, content) !== hash) throw new Refusal('INGEST_CHAIN_BROKEN', e.seq, { reason: 'differs_from_received' });
    }
  }
  const fresh = events.filter((e) => e.seq > lastSeq);
  if (fresh.length === 0) return { accepted: 0, duplicates: repeated.length, lastSeq };
  if (fresh[0]!.seq !== lastSeq + 1) throw new Refusal('INGEST_SEQUENCE_GAP', lastSeq + 1, { expected: lastSeq + 1, received: fresh[0]!.seq });
  for (const e of fresh) {
    const { prevHash: given, hash, ...content } = e;
    if (given !== prevHash) throw new Refusal('INGEST_CHAIN_BROKEN', e.seq, { reason: 'prev_hash_mismatch' });
    if (eventHash(prevHash, content) !== hash) throw new Refusal('INGEST_CHAIN_BROKEN', e.seq, { reason: 'content_hash_mismatch' });
    const problem = checkEvent(e);
    if (problem) throw new Refusal('INGEST_EVENT_INVALID', e.seq, { type: `${e.type}@${e.schemaVersion}`, ...problem });
    prevHash = hash;
    lastSeq = e.seq;
  }
  await insertEvents(tx, sourceId, fresh, now);
  await project(tx, sourceId, fresh);
  await tx.query(
    'UPDATE supervision.sources SET last_seq = $2, last_hash = $3, received = received + $4, last_batch_at = $5 WHERE id = $1',
    [sourceId, lastSeq, prevHash, fresh.length, now],
  );
  // Live pages of every node hear of it once this commits (LISTEN supervision_ingest).
  await tx.query("SELECT pg_notify('supervision_ingest', $1)", [JSON.stringify({ source: sourceId, lastSeq })]);
  return { accepted: fresh.length, duplicates: repeated.length, lastSeq };
}

/** One multi-row insert for the whole batch (unnest of column arrays). */
async function insertEvents(tx: Tx, sourceId: string, events: StoredEvent[], now: Date): Promise<void> {
  const col = <T>(f: (e: StoredEvent) => T) => events.map(f);
  await tx.query(
    `INSERT INTO supervision.events (source_id, seq, id, type, schema_version, case_id, case_no, department_id, actor_id, actor_role,
                                     occurred_at, payload, prev_hash, hash, received_at)
     SELECT $1, * , $14 FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::uuid[], $7::text[], $8::uuid[], $9::uuid[], $10::text[],
                                    $11::timestamptz[], $12::jsonb[], $13::text[], $15::text[])`,
    [sourceId, col((e) => e.seq), col((e) => e.id), col((e) => e.type), col((e) => e.schemaVersion), col((e) => e.caseId), col((e) => e.caseNo),
      col((e) => e.departmentId), col((e) => e.actorId), col((e) => e.actorRole), col((e) => e.occurredAt), col((e) => JSON.stringify(e.payload ?? null)),
      col((e) => e.prevHash), now, col((e) => e.hash)],
  );
}

export async function recordFinding(
  db: Db, f: { sourceId: string | null; code: string; seq: number | null; details: Record<string, unknown>; now: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO supervision.findings (id, source_id, code, seq, details, recorded_at) VALUES ($1,$2,$3,$4,$5,$6)',
    [randomUUID(), f.sourceId?.slice(0, 100) ?? null, f.code, f.seq, JSON.stringify(f.details), f.now],
  );
}

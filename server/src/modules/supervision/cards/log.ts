/**
 * Supervision's own hash-chained log: every move of a card and every rule
 * change. Same canonical hashing as the platform's event stream
 * (platform/events/canonical.ts), its own table and head row in schema
 * `supervision`, so the supervision platform proves its own history even on a
 * machine of its own. Appends take the head row's lock: card moves are rare
 * and a scan round appends all its cards in one statement.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../../../platform/db/pool.ts';
import { eventHash, GENESIS_HASH, type ChainedContent } from '../../../platform/events/canonical.ts';
import { chainBreak, type ChainReport } from '../../../platform/events/stream.ts';

export interface CardLogEntry {
  type: string;
  cardId: string | null;
  caseNo: string | null;
  departmentId: string | null;
  actor: { id: string; role: string } | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

interface LogRow {
  seq: number; id: string; type: string; schema_version: number; card_id: string | null; case_no: string | null;
  department_id: string | null; actor_id: string | null; actor_role: string | null; occurred_at: Date; payload: unknown;
  prev_hash: string; hash: string;
}

// The card id rides in caseId: the chained content is the platform's, field for field.
function content(seq: number, id: string, e: { type: string; cardId: string | null; caseNo: string | null; departmentId: string | null; actorId: string | null; actorRole: string | null; occurredAt: string; payload: unknown }): ChainedContent {
  return {
    seq, id, type: e.type, schemaVersion: 1, caseId: e.cardId, caseNo: e.caseNo, departmentId: e.departmentId,
    actorId: e.actorId, actorRole: e.actorRole, occurredAt: e.occurredAt, payload: e.payload,
  };
}

/** Appends entries in order inside the caller's transaction. */
export async function appendCardLog(tx: Tx, entries: readonly CardLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const head = (await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM supervision.sv_card_log_head FOR UPDATE')).rows[0]!;
  let { seq, hash } = head;
  const cols: unknown[][] = [[], [], [], [], [], [], [], [], [], [], [], []];
  for (const e of entries) {
    seq += 1;
    const id = randomUUID();
    // Stored payloads come back through jsonb: hash what jsonb will give back.
    const payload = JSON.parse(JSON.stringify(e.payload)) as unknown;
    const c = content(seq, id, {
      type: e.type, cardId: e.cardId, caseNo: e.caseNo, departmentId: e.departmentId, actorId: e.actor?.id ?? null,
      actorRole: e.actor?.role ?? null, occurredAt: e.occurredAt.toISOString(), payload,
    });
    const next = eventHash(hash, c);
    const values = [seq, id, e.type, e.cardId, e.caseNo, e.departmentId, e.actor?.id ?? null, e.actor?.role ?? null, e.occurredAt, JSON.stringify(payload), hash, next];
    values.forEach((v, i) => cols[i]!.push(v));
    hash = next;
  }
  await tx.query(
    `INSERT INTO supervision.sv_card_log (seq, id, type, card_id, case_no, department_id, actor_id, actor_role, occurred_at, payload, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::timestamptz[], $10::jsonb[], $11::text[], $12::text[])`,
    cols,
  );
  await tx.query('UPDATE supervision.sv_card_log_head SET seq = $1, hash = $2', [seq, hash]);
}

/**
 * Walks the log from the start and reports the first missing, unlinked or
 * edited entry, with the platform chain's own check and report.
 */
export async function verifyCardLog(q: Queryable, batch = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  for (;;) {
    const { rows } = await q.query<LogRow>('SELECT * FROM supervision.sv_card_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [expected, batch]);
    if (rows.length === 0) break;
    for (const r of rows) {
      const e = { ...content(r.seq, r.id, toFields(r)), prevHash: r.prev_hash, hash: r.hash };
      const broken = chainBreak(prev, expected, e);
      if (broken) return { ok: false, checked, firstBroken: broken };
      prev = r.hash;
      expected += 1;
      checked += 1;
    }
  }
  // A deleted tail shows as the head pointing past the last entry.
  const head = (await q.query<{ seq: number }>('SELECT seq FROM supervision.sv_card_log_head')).rows[0]!;
  if (head.seq !== expected - 1) return { ok: false, checked, firstBroken: { seq: expected, reason: 'sequence_gap' } };
  return { ok: true, checked, firstBroken: null };
}

const toFields = (r: LogRow) => ({
  type: r.type, cardId: r.card_id, caseNo: r.case_no, departmentId: r.department_id, actorId: r.actor_id,
  actorRole: r.actor_role, occurredAt: r.occurred_at.toISOString(), payload: r.payload,
});

/** A card's entries, oldest first, for its page. */
export async function cardLog(q: Queryable, cardId: string): Promise<{ seq: number; type: string; actorId: string | null; actorRole: string | null; occurredAt: string; payload: unknown; hash: string }[]> {
  const { rows } = await q.query<LogRow>('SELECT * FROM supervision.sv_card_log WHERE card_id = $1 ORDER BY seq', [cardId]);
  return rows.map((r) => ({ seq: r.seq, type: r.type, actorId: r.actor_id, actorRole: r.actor_role, occurredAt: r.occurred_at.toISOString(), payload: r.payload, hash: r.hash }));
}

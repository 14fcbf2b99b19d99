import { createHash } from 'node:crypto';
import { withTx, type Db, type Queryable } from '../db/pool.ts';
import { canonicalJson } from '../events/canonical.ts';

/**
 * The audit log (安全审计, issue #14): who looked at or changed what, when, from
 * where, with what result. Apart from the event stream on purpose: the stream
 * goes to supervision and carries no personal data, while this log names the
 * case or person looked at and is read by the audit administrator alone.
 *
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained:
 * each row's hash is SHA-256 of the previous hash and the row's canonical
 * content, so an edited or missing row shows in `verifyAuditChain`. Rows are
 * written without a lock and chained after they commit, in insertion order,
 * by one chainer at a time (`chainAuditPending`, run in the background on
 * every node and before the log is read).
 */

export interface AuditEntry {
  actor: { id: string; name: string; role: string } | null;
  /** What was done: `case.read`, `applicant.lookup`, `upload.read`, `org.center_saved`, `staff.deactivated` … */
  action: string;
  targetType: string;
  targetId: string | null;
  /** The client's address (req.ip: the socket, or a trusted proxy's X-Forwarded-For). */
  address: string | null;
  /** `ok`, or the error code the request was answered with. */
  result: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** One entry as read back, and (with `at` to the millisecond) what its hash covers. */
export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  address: string | null;
  result: string;
  detail: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

/** What a row's hash covers besides its seq, as it reads back (`at` to the millisecond). */
const CONTENT_COLUMNS = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_id AS "actorId", actor_name AS "actorName",
  actor_role AS "actorRole", action, target_type AS "targetType", target_id AS "targetId", address, result, detail`;
const COLUMNS = `seq::int AS seq, ${CONTENT_COLUMNS}`;

export const auditHash = (prevHash: string, c: AuditRow): string => createHash('sha256').update(prevHash).update(canonicalJson(c)).digest('hex');

/**
 * Appends one entry: one INSERT, no lock, so looks on every node are written
 * side by side (a province's staff reading lists all day). The row gets its
 * place in the chain after it commits (`chainAuditPending`), as events do;
 * a look that cannot be written still fails its request.
 */
export async function appendAudit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query({
    // Named, so each connection parses and plans it once: every audited request runs it.
    name: 'audit-append',
    text: `INSERT INTO audit_log (at, actor_id, actor_name, actor_role, action, target_type, target_id, address, result, detail)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    // An absent value is stored as null (a request whose client hung up has no address any more: req.ip is undefined).
    values: [e.at, e.actor?.id ?? null, e.actor?.name ?? null, e.actor?.role ?? null, e.action, e.targetType, e.targetId ?? null, e.address ?? null, e.result,
      JSON.stringify(e.detail ?? {})],
  });
}

/**
 * Chains committed, unchained entries in insertion order (`pos`): each gets
 * the next `seq`, the previous hash and its own, hashed from the row as it
 * reads back (so the stored jsonb is what is verified). The head row is held
 * only for this short transaction; a concurrent chainer is waited for, so on
 * return everything committed before the call is chained.
 */
export async function chainAuditPending(db: Db, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const chained = await withTx(db, async (tx) => {
      const head = await tx.query<{ last_seq: string; last_hash: string }>('SELECT last_seq, last_hash FROM audit_chain_head WHERE id FOR UPDATE');
      let seq = Number(head.rows[0]!.last_seq);
      let prev = head.rows[0]!.last_hash;
      const { rows } = await tx.query<Omit<AuditRow, 'seq'> & { pos: string }>(
        `SELECT pos, ${CONTENT_COLUMNS} FROM audit_log WHERE seq IS NULL ORDER BY pos LIMIT $1`, [batch],
      );
      if (rows.length === 0) return 0;
      const positions: string[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const { pos, ...row } of rows) {
        seq++;
        const hash = auditHash(prev, { seq, ...row });
        positions.push(pos);
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await tx.query(
        `UPDATE audit_log a SET seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS u(pos, seq, prev_hash, hash) WHERE a.pos = u.pos`,
        [positions, seqs, prevs, hashes],
      );
      await tx.query('UPDATE audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id', [seq, prev]);
      return rows.length;
    });
    total += chained;
    if (chained < batch) return total;
  }
}

/** True when a committed entry waits for its place in the chain (an index-only probe, no lock). */
export async function hasUnchainedAudit(db: Db): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM audit_log WHERE seq IS NULL LIMIT 1');
  return rows.length > 0;
}

/** The audit log as the background chainer (platform/events/chain.ts) runs it beside the event stream. */
export const AUDIT_CHAIN = { hasUnchained: hasUnchainedAudit, chainPending: (db: Db) => chainAuditPending(db) };

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  targetId?: string | undefined;
  result?: 'ok' | 'refused' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Rows before this seq (the next page of a newest-first walk). */
  before?: number | undefined;
  limit: number;
}

/** Entries newest first, filtered: the actor's name (prefix), the action (prefix), the target, refused or not, a time range. */
export async function searchAudit(q: Queryable, f: AuditFilter): Promise<{ items: AuditRow[]; nextBefore: number | null }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  // Rows committed after the caller's chaining round get their place in the next one.
  const where: string[] = ['seq IS NOT NULL'];
  if (f.actor) where.push(`actor_name LIKE ${p(`${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.action) where.push(`action LIKE ${p(`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.targetId) where.push(`target_id = ${p(f.targetId)}`);
  if (f.result === 'ok') where.push(`result = 'ok'`);
  if (f.result === 'refused') where.push(`result <> 'ok'`);
  if (f.from) where.push(`at >= ${p(f.from)}`);
  if (f.to) where.push(`at < ${p(f.to)}`);
  if (f.before) where.push(`seq < ${p(f.before)}`);
  const { rows } = await q.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ${f.limit + 1}`, params,
  );
  const items = rows.slice(0, f.limit);
  return { items, nextBefore: rows.length > f.limit ? items.at(-1)!.seq : null };
}

/** Walks the chain from the start; the first row whose link or hash is wrong, or whose seq skips one (a row removed). */
export async function verifyAuditChain(q: Queryable): Promise<{ ok: boolean; checked: number; firstBroken: { seq: number; reason: 'missing' | 'link' | 'hash' } | null }> {
  let prev = GENESIS;
  let expected = 1;
  let checked = 0;
  for (let after = 0; ; ) {
    const { rows } = await q.query<AuditRow & { prevHash: string; hash: string; atRaw: Date }>(
      `SELECT ${COLUMNS}, at AS "atRaw", prev_hash AS "prevHash", hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 1000`, [after],
    );
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const r of rows) {
      if (r.seq !== expected) return { ok: false, checked, firstBroken: { seq: expected, reason: 'missing' } };
      if (r.prevHash !== prev) return { ok: false, checked, firstBroken: { seq: r.seq, reason: 'link' } };
      const { prevHash: _link, hash, atRaw, ...row } = r;
      if (auditHash(prev, { ...row, at: atRaw.toISOString() }) !== hash) return { ok: false, checked, firstBroken: { seq: r.seq, reason: 'hash' } };
      prev = r.hash;
      expected++;
      checked++;
    }
    after = rows.at(-1)!.seq;
  }
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // A leading = + - @ would run as a formula in a spreadsheet: quoted with a leading apostrophe.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The entries as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese), with Chinese headers. */
export function auditCsv(rows: readonly AuditRow[]): string {
  const header = ['序号', '时间', '操作人', '角色', '操作', '对象类型', '对象', '来源地址', '结果', '详情'];
  const lines = rows.map((r) => [r.seq, r.at, r.actorName, r.actorRole, r.action, r.targetType, r.targetId, r.address, r.result, r.detail].map(csvCell).join(','));
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

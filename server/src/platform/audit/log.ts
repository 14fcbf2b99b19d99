import { createHash } from 'node:crypto';
import type { Queryable, Tx } from '../db/pool.ts';
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
 * chained as they are written, one writer at a time (an advisory lock held to
 * the end of the writer's transaction): a look is one short transaction of its
 * own; a change writes its row in the change's transaction, so a rolled-back
 * change leaves no row.
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

const AUDIT_LOCK = 727274014;
const GENESIS = '0'.repeat(64);

export const auditHash = (prevHash: string, c: AuditRow): string => createHash('sha256').update(prevHash).update(canonicalJson(c)).digest('hex');

/** Appends one entry in `tx`, chained to the last one. */
export async function appendAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const last = await tx.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const seq = Number(last.rows[0]?.seq ?? 0) + 1;
  const prev = last.rows[0]?.hash ?? GENESIS;
  // Every field as the row will read back: an absent value is null (a
  // request whose client hung up has no address any more, req.ip is then
  // undefined), since a key left out of the hashed content but stored as NULL
  // would read as an edited row.
  const content: AuditRow = {
    seq, at: e.at.toISOString(), actorId: e.actor?.id ?? null, actorName: e.actor?.name ?? null, actorRole: e.actor?.role ?? null,
    action: e.action, targetType: e.targetType, targetId: e.targetId ?? null, address: e.address ?? null, result: e.result,
    detail: JSON.parse(JSON.stringify(e.detail ?? {})) as Record<string, unknown>,
  };
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, actor_role, action, target_type, target_id, address, result, detail, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [seq, e.at, content.actorId, content.actorName, content.actorRole, e.action, e.targetType, content.targetId, content.address, e.result,
      JSON.stringify(content.detail), prev, auditHash(prev, content)],
  );
}

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

const COLUMNS = `seq::int AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_id AS "actorId", actor_name AS "actorName",
  actor_role AS "actorRole", action, target_type AS "targetType", target_id AS "targetId", address, result, detail`;

/** Entries newest first, filtered: the actor's name (prefix), the action (prefix), the target, refused or not, a time range. */
export async function searchAudit(q: Queryable, f: AuditFilter): Promise<{ items: AuditRow[]; nextBefore: number | null }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.actor) where.push(`actor_name LIKE ${p(`${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.action) where.push(`action LIKE ${p(`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.targetId) where.push(`target_id = ${p(f.targetId)}`);
  if (f.result === 'ok') where.push(`result = 'ok'`);
  if (f.result === 'refused') where.push(`result <> 'ok'`);
  if (f.from) where.push(`at >= ${p(f.from)}`);
  if (f.to) where.push(`at < ${p(f.to)}`);
  if (f.before) where.push(`seq < ${p(f.before)}`);
  const { rows } = await q.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${f.limit + 1}`, params,
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

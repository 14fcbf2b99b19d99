import { createHash } from 'node:crypto';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import type { Role } from '../../platform/http/context.ts';

/**
 * What the single sign-on provider (modules/sso) needs of accounts and
 * sessions: the Tongban session a browser holds, whether sessions still live,
 * the claims of a staff member, and ending a session when a connected system
 * asks to sign out (RP-initiated logout).
 */

/** A browser's live Tongban session, found from the raw cookie token. */
export interface LiveSession {
  id: string;
  userId: string;
  role: Role;
  createdAt: Date;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The live session (not expired, not idle, account active) of this cookie token, or null. */
export async function liveSessionOfToken(q: Queryable, token: string, now: Date, idleMinutes: number): Promise<LiveSession | null> {
  const { rows } = await q.query<LiveSession>(
    `SELECT s.id, s.user_id AS "userId", u.role, s.created_at AS "createdAt"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND NOT u.disabled`,
    [tokenHash(token), now, new Date(now.getTime() - idleMinutes * 60_000)],
  );
  return rows[0] ?? null;
}

/** Which of these session ids still exist (a sign-out, a revocation or a deactivation deletes the row). */
export async function existingSessionIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ id: string }>('SELECT id FROM sessions WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  return new Set(rows.map((r) => r.id));
}

/** Ends the session of this cookie token, as signing out does (`session.ended`); false when there was none. */
export async function endSessionOfToken(tx: Tx, token: string, now: Date): Promise<boolean> {
  const ended = await tx.query<{ user_id: string; role: Role }>(
    `DELETE FROM sessions s USING users u WHERE s.token_hash = $1 AND u.id = s.user_id RETURNING s.user_id, u.role`, [tokenHash(token)],
  );
  const row = ended.rows[0];
  if (!row) return false;
  await appendEvent(tx, { type: 'session.ended', actor: { id: row.user_id, role: row.role }, occurredAt: now, payload: { userId: row.user_id } });
  return true;
}

/** An active staff member as a connected system sees them. */
export interface StaffIdentity {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
}

/** The active staff account with this id (citizens and deactivated staff are not found). */
export async function activeStaffIdentity(q: Queryable, id: string): Promise<StaffIdentity | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await q.query<StaffIdentity>(
    `SELECT id, username, display_name AS "displayName", role, department_id AS "departmentId"
       FROM users WHERE id = $1 AND NOT disabled AND role <> 'applicant'`,
    [id],
  );
  return rows[0] ?? null;
}

/** The active staff account with this user name (case as stored, compared without case), or null. */
export async function activeStaffByUsername(q: Queryable, username: string): Promise<StaffIdentity | null> {
  const { rows } = await q.query<StaffIdentity>(
    `SELECT id, username, display_name AS "displayName", role, department_id AS "departmentId"
       FROM users WHERE lower(username) = lower($1) AND NOT disabled AND role <> 'applicant'`,
    [username],
  );
  return rows[0] ?? null;
}

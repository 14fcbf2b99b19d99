import { randomBytes } from 'node:crypto';
import { withTx, type Db, type Queryable } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { assertStrongPassword } from './password-policy.ts';
import { hashPassword } from './passwords.ts';

/**
 * A center installed without the demo data starts from one account: the
 * system administrator, who sets up the organisation, staff, roles and items
 * in the browser. Made on the first start that finds no administrator at all
 * (active or not), so an administrator who was deactivated or renamed is never
 * brought back behind the center's back.
 */

export const FIRST_ADMIN_USERNAME = 'admin';

export interface FirstAdmin {
  username: string;
  /** The password to print once: the one given in the environment, or a random one. */
  password: string;
  /** True when the password was generated here (the operator must note it). */
  generated: boolean;
}

/** 24 random bytes as base64url: 32 characters, well past the staff policy's 12. */
const randomPassword = (): string => randomBytes(24).toString('base64url');

/**
 * Creates the first administrator when the database has none and returns
 * its sign-in, or null when one exists. `password` (TONGBAN_ADMIN_PASSWORD)
 * must pass the staff password policy (PASSWORD_TOO_SHORT and the rest);
 * without it a random one is made. Safe with several nodes starting at once:
 * one advisory lock, checked again inside it.
 */
export async function ensureFirstAdmin(db: Db, now: Date, password?: string): Promise<FirstAdmin | null> {
  if (await anyAdmin(db)) return null;
  const chosen = password ?? randomPassword();
  assertStrongPassword(chosen, FIRST_ADMIN_USERNAME, 'admin');
  const hash = await hashPassword(chosen);
  return withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727274014)');
    if (await anyAdmin(tx)) return null;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (username, password_hash, display_name, role) VALUES ($1, $2, '系统管理员', 'admin') RETURNING id`,
      [FIRST_ADMIN_USERNAME, hash],
    );
    await appendEvent(tx, {
      type: 'staff.first_admin_created', actor: null, occurredAt: now,
      payload: { userId: rows[0]!.id, username: FIRST_ADMIN_USERNAME, passwordFrom: password ? 'environment' : 'generated' },
    });
    return { username: FIRST_ADMIN_USERNAME, password: chosen, generated: !password };
  });
}

async function anyAdmin(q: Queryable): Promise<boolean> {
  const { rowCount } = await q.query(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`);
  return (rowCount ?? 0) > 0;
}

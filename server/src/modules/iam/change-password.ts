import type { Actor, AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withTx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { assertStrongPassword } from './password-policy.ts';
import type { LoginThrottle } from './login-throttle.ts';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * The signed-in person changes their own password. The new one must pass the
 * policy of their role (12 characters for staff, 8 for citizens, not common,
 * not like the name) and differ from the current one. The current one is
 * checked like a login: refused while the name or address is locked, and
 * every wrong one counts towards the lock, so a session left open on a
 * shared computer cannot be used to guess it. Every other session of the
 * person ends in the same transaction (whoever else is signed in with the old
 * password is out); this one stays. Returns how many sessions ended.
 */
export async function changeOwnPassword(
  ctx: AppContext, throttle: LoginThrottle, actor: Actor, currentSessionId: string | null, input: PasswordChange, address: string,
): Promise<number> {
  throttle.check(actor.username, address);
  assertStrongPassword(input.newPassword, actor.username, actor.role);
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_UNCHANGED');
  const { rows } = await ctx.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [actor.id]);
  if (!rows[0] || !(await verifyPassword(rows[0].password_hash, input.currentPassword))) {
    throttle.failed(actor.username, address);
    throw new AppError('CURRENT_PASSWORD_INVALID');
  }
  throttle.succeeded(actor.username);
  const hash = await hashPassword(input.newPassword);
  return withTx(ctx.db, async (tx) => {
    // Only over the hash just verified: of two changes at once, the second finds its current password gone.
    const updated = await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash = $3', [actor.id, hash, rows[0]!.password_hash]);
    if (updated.rowCount !== 1) throw new AppError('CURRENT_PASSWORD_INVALID');
    const ended = await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2', [actor.id, currentSessionId]);
    const sessionsEnded = ended.rowCount ?? 0;
    await appendEvent(tx, {
      type: 'user.password_changed', actor: { id: actor.id, role: actor.role }, occurredAt: ctx.clock.now(), payload: { userId: actor.id, sessionsEnded },
    });
    return sessionsEnded;
  });
}

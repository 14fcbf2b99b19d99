import type { AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withTx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { hashPassword, verifyPassword, waitLikeVerification } from './passwords.ts';
import { assertStrongPassword } from './password-policy.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { Language } from './language.ts';

interface Registration {
  username: string;
  password: string;
  displayName: string;
  phone?: string | undefined;
  /** The language the person registered in (the portal's at the time); Chinese when absent. */
  language?: Language | undefined;
}

/**
 * Registers a citizen account (role applicant); staff accounts come from the admin.
 * A name that cannot be had answers USERNAME_UNAVAILABLE after the same work
 * (the password is hashed first either way), and registration is throttled
 * per address, so the answer is no fast oracle of who has an account.
 */
export async function registerApplicant(ctx: AppContext, input: Registration): Promise<string> {
  assertStrongPassword(input.password, input.username, 'applicant');
  const hash = await hashPassword(input.password);
  return withTx(ctx.db, async (tx) => {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO users (username, password_hash, display_name, role, phone, language)
       VALUES ($1, $2, $3, 'applicant', $4, $5)
       ON CONFLICT (lower(username)) DO NOTHING RETURNING id`,
      [input.username, hash, input.displayName, input.phone ?? null, input.language ?? 'zh'],
    );
    const id = inserted.rows[0]?.id;
    if (!id) throw new AppError('USERNAME_UNAVAILABLE');
    await appendEvent(tx, {
      type: 'user.registered',
      actor: { id, role: 'applicant' },
      occurredAt: ctx.clock.now(),
      payload: { userId: id, username: input.username },
    });
    return id;
  });
}

/**
 * Checks a username and password from `address`. Locked names and addresses
 * are refused before anything else (LOGIN_THROTTLED); an unknown name waits
 * like a verification instead of hashing; every failure counts.
 */
export async function authenticate(ctx: AppContext, throttle: LoginThrottle, username: string, password: string, address: string): Promise<string> {
  throttle.check(username, address);
  const { rows } = await ctx.db.query<{ id: string; password_hash: string; disabled: boolean }>(
    'SELECT id, password_hash, disabled FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  const user = rows[0];
  const ok = user ? await verifyPassword(user.password_hash, password) : await waitLikeVerification();
  if (!user || !ok || user.disabled) {
    throttle.failed(username, address);
    throw new AppError('INVALID_CREDENTIALS');
  }
  throttle.succeeded(username);
  return user.id;
}

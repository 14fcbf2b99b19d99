import type { AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withTx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { hashPassword, verifyPassword, waitLikeVerification } from './passwords.ts';
import { assertStrongPassword } from './password-policy.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { Language } from './language.ts';
import { beginEnrolment, checkSecondFactor, confirmEnrolment, secondFactorState, type Enrolment } from './second-factor.ts';

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
 * Checks a username and password from `address`, then the second factor when
 * the account has one. Locked names and addresses are refused before anything
 * else (LOGIN_THROTTLED); an unknown name waits like a verification instead of
 * hashing; every failure counts, a wrong code as much as a wrong password.
 *
 * With the right password and an authenticator, no code answers
 * SECOND_FACTOR_REQUIRED (the form then asks for one). An account the
 * administrator requires a second factor of, without one yet, enrols here
 * before it is given a session: no code answers SECOND_FACTOR_ENROLMENT_REQUIRED
 * with the QR code in its details, and the first right code confirms the
 * authenticator and brings the recovery codes with the session.
 */
export async function authenticate(
  ctx: AppContext, throttle: LoginThrottle, login: { username: string; password: string; code?: string | undefined }, address: string,
): Promise<{ userId: string; recoveryCodes?: string[] }> {
  const { username } = login;
  throttle.check(username, address);
  const { rows } = await ctx.db.query<{ id: string; username: string; password_hash: string; disabled: boolean; second_factor_required: boolean }>(
    'SELECT id, username, password_hash, disabled, second_factor_required FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  const user = rows[0];
  const ok = user ? await verifyPassword(user.password_hash, login.password) : await waitLikeVerification();
  if (!user || !ok || user.disabled) {
    throttle.failed(username, address);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const now = ctx.clock.now();
  type Outcome =
    | { userId: string; recoveryCodes?: string[] }
    | { refused: 'SECOND_FACTOR_REQUIRED' | 'SECOND_FACTOR_INVALID' | 'SECOND_FACTOR_ENROLMENT_REQUIRED'; enrolment?: Enrolment };
  const outcome = await withTx(ctx.db, async (tx): Promise<Outcome> => {
    const state = await secondFactorState(tx, user.id);
    if (state.enrolled) {
      if (!login.code) return { refused: 'SECOND_FACTOR_REQUIRED' };
      return (await checkSecondFactor(tx, user.id, login.code, now)) ? { userId: user.id } : { refused: 'SECOND_FACTOR_INVALID' };
    }
    if (!user.second_factor_required) return { userId: user.id };
    if (!login.code) return { refused: 'SECOND_FACTOR_ENROLMENT_REQUIRED', enrolment: await beginEnrolment(tx, user, now) };
    const recoveryCodes = await confirmEnrolment(tx, user.id, login.code, now).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'SECOND_FACTOR_CODE_INVALID') return null;
      throw err;
    });
    return recoveryCodes ? { userId: user.id, recoveryCodes } : { refused: 'SECOND_FACTOR_INVALID' };
  });
  if ('refused' in outcome) {
    // Asking for the code is no failure; a wrong code is.
    if (outcome.refused === 'SECOND_FACTOR_INVALID') throttle.failed(username, address);
    throw new AppError(outcome.refused, outcome.enrolment);
  }
  throttle.succeeded(username);
  return outcome;
}

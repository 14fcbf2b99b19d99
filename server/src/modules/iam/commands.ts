import type { AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withTx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { hashPassword, verifyPassword, waitLikeVerification } from './passwords.ts';
import { assertStrongPassword } from './password-policy.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { Language } from './language.ts';
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { beginEnrolment, checkSecondFactor, confirmEnrolment, secondFactorState } from './second-factor.ts';
import { authenticationOptions, checkSecurityKey, type AssertionRefusal, type RelyingParty } from './webauthn.ts';

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

interface PasswordChecked {
  id: string;
  username: string;
  second_factor_required: boolean;
}

/**
 * The password step of every sign-in route. Locked names and addresses are
 * refused before anything else (LOGIN_THROTTLED); an unknown name waits like
 * a verification instead of hashing, and answers INVALID_CREDENTIALS like a
 * wrong password, so no route tells whether a name exists.
 */
async function checkPassword(
  ctx: AppContext, throttle: LoginThrottle, login: { username: string; password: string }, address: string,
): Promise<PasswordChecked> {
  const { username } = login;
  throttle.check(username, address);
  const { rows } = await ctx.db.query<PasswordChecked & { password_hash: string; disabled: boolean }>(
    'SELECT id, username, password_hash, disabled, second_factor_required FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  const user = rows[0];
  const ok = user ? await verifyPassword(user.password_hash, login.password) : await waitLikeVerification();
  if (!user || !ok || user.disabled) {
    throttle.failed(username, address);
    throw new AppError('INVALID_CREDENTIALS');
  }
  return user;
}

/** How a sign-in may prove the second factor; in SECOND_FACTOR_REQUIRED's details, so the form offers the right ones. */
export type SecondFactorMethod = 'totp' | 'webauthn';

export interface LoginInput {
  username: string;
  password: string;
  code?: string | undefined;
  /** A security key's answer to the options of `securityKeyOptions`. */
  webauthn?: AuthenticationResponseJSON | undefined;
}

/**
 * Checks a username and password from `address`, then the second factor when
 * the account has one. Every failure counts against the name and the address,
 * a wrong code or key as much as a wrong password.
 *
 * With the right password and an authenticator app or a security key, no
 * code and no key answer SECOND_FACTOR_REQUIRED with the methods the account
 * has (the form then asks for one); either one passes. An account the
 * administrator requires a second factor of, without any yet, enrols the app
 * here before it is given a session: no code answers
 * SECOND_FACTOR_ENROLMENT_REQUIRED with the QR code in its details, and the
 * first right code confirms the authenticator and brings the recovery codes
 * with the session. `relyingParty` is asked only when a key's answer is given
 * (an address without a domain name still signs in with a code).
 */
export async function authenticate(
  ctx: AppContext, throttle: LoginThrottle, login: LoginInput, address: string, relyingParty: () => RelyingParty,
): Promise<{ userId: string; recoveryCodes?: string[] }> {
  const user = await checkPassword(ctx, throttle, login, address);
  const now = ctx.clock.now();
  type Refusal = 'SECOND_FACTOR_REQUIRED' | 'SECOND_FACTOR_INVALID' | 'SECOND_FACTOR_ENROLMENT_REQUIRED' | AssertionRefusal;
  type Outcome = { userId: string; recoveryCodes?: string[] } | { refused: Refusal; details?: unknown };
  const outcome = await withTx(ctx.db, async (tx): Promise<Outcome> => {
    const state = await secondFactorState(tx, user.id);
    const methods: SecondFactorMethod[] = [...(state.enrolled ? ['totp' as const] : []), ...(state.securityKeys.length ? ['webauthn' as const] : [])];
    if (login.webauthn) {
      const refused = await checkSecurityKey(tx, user.id, relyingParty(), login.webauthn, now);
      return refused ? { refused } : { userId: user.id };
    }
    if (methods.length) {
      if (!login.code) return { refused: 'SECOND_FACTOR_REQUIRED', details: { methods } };
      return (await checkSecondFactor(tx, user.id, login.code, now)) ? { userId: user.id } : { refused: 'SECOND_FACTOR_INVALID' };
    }
    if (!user.second_factor_required) return { userId: user.id };
    if (!login.code) return { refused: 'SECOND_FACTOR_ENROLMENT_REQUIRED', details: await beginEnrolment(tx, user, now) };
    const recoveryCodes = await confirmEnrolment(tx, user.id, login.code, now).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'SECOND_FACTOR_CODE_INVALID') return null;
      throw err;
    });
    return recoveryCodes ? { userId: user.id, recoveryCodes } : { refused: 'SECOND_FACTOR_INVALID' };
  });
  if ('refused' in outcome) {
    // Asking for the second factor is no failure; a wrong code or key is.
    if (outcome.refused !== 'SECOND_FACTOR_REQUIRED' && outcome.refused !== 'SECOND_FACTOR_ENROLMENT_REQUIRED') throttle.failed(login.username, address);
    throw new AppError(outcome.refused, outcome.details);
  }
  throttle.succeeded(login.username);
  return outcome;
}

/**
 * The first half of signing in with a security key: the right password (the
 * same checks, throttling and answers as `authenticate`) gives the options
 * the browser asks the key with, for this account's keys.
 */
export async function securityKeyOptions(
  ctx: AppContext, throttle: LoginThrottle, login: { username: string; password: string }, address: string, relyingParty: () => RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const user = await checkPassword(ctx, throttle, login, address);
  const rp = relyingParty();
  return withTx(ctx.db, (tx) => authenticationOptions(tx, user.id, rp, ctx.clock.now()));
}

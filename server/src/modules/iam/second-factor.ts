import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { listSecurityKeys, type SecurityKey } from './webauthn.ts';

/**
 * The second factor of staff sign-in (issue #14): a TOTP authenticator app
 * (RFC 6238: SHA-1, 6 digits, 30 s — what every common app reads from the QR
 * code) and ten single-use recovery codes for a lost phone.
 *
 * A code is checked against the injected clock (tests travel in time), one
 * step either side for a phone whose clock is a little off, and never twice:
 * the step last accepted is kept, and a code of that step or an earlier one
 * is refused, so a code read over a shoulder or from a log is worth nothing.
 */

const ISSUER = '通办 Tongban';
const STEP_SECONDS = 30;
const RECOVERY_CODES = 10;
// Recovery codes: 10 characters of an alphabet without look-alikes (no 0/o, 1/l/i), about 50 bits each.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface SecondFactorState {
  /** An authenticator app is confirmed: sign-in asks for a code (or a security key). */
  enrolled: boolean;
  /** The administrator requires one of this person. */
  required: boolean;
  recoveryCodesLeft: number;
  /** The security keys (webauthn.ts) the person registered; sign-in accepts any of them instead of a code. */
  securityKeys: SecurityKey[];
}

/** What a person needs to add the authenticator: the secret, as text and as a QR code. */
export interface Enrolment {
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as an SVG QR code, for an <img> data URL. */
  qrSvg: string;
}

export async function secondFactorState(q: Queryable, userId: string): Promise<SecondFactorState> {
  const { rows } = await q.query<Omit<SecondFactorState, 'securityKeys'>>(
    `SELECT u.second_factor_required AS required,
            EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS enrolled,
            (SELECT count(*)::int FROM user_recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS "recoveryCodesLeft"
       FROM users u WHERE u.id = $1`,
    [userId],
  );
  if (!rows[0]) throw new AppError('UNAUTHENTICATED');
  return { ...rows[0], securityKeys: await listSecurityKeys(q, userId) };
}

/**
 * Starts (or shows again) an enrolment: a pending secret for the account,
 * kept until the first code confirms it, so a reload shows the same QR code.
 * Refused when an authenticator is already confirmed (SECOND_FACTOR_ALREADY_ENABLED).
 */
export async function beginEnrolment(tx: Tx, user: { id: string; username: string }, now: Date): Promise<Enrolment> {
  const { rows } = await tx.query<{ secret: string; confirmed_at: Date | null }>(
    'SELECT secret, confirmed_at FROM user_totp WHERE user_id = $1 FOR UPDATE', [user.id],
  );
  if (rows[0]?.confirmed_at) throw new AppError('SECOND_FACTOR_ALREADY_ENABLED');
  let secret = rows[0]?.secret;
  if (!secret) {
    secret = generateSecret();
    await tx.query('INSERT INTO user_totp (user_id, secret, created_at) VALUES ($1, $2, $3)', [user.id, secret, now]);
  }
  const otpauthUri = generateURI({ issuer: ISSUER, label: user.username, secret, period: STEP_SECONDS });
  return { secret, otpauthUri, qrSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }) };
}

/** A TOTP code's time step if it is right now (one step either side) and newer than `afterStep`; null otherwise. */
async function acceptedStep(secret: string, code: string, now: Date, afterStep: number): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret, token: code, epoch: Math.floor(now.getTime() / 1000), period: STEP_SECONDS, epochTolerance: STEP_SECONDS, afterTimeStep: afterStep,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Confirms a pending enrolment with the first code from the app, and gives
 * the recovery codes (shown once; only their hashes are kept). A wrong code
 * answers SECOND_FACTOR_CODE_INVALID and changes nothing.
 */
export async function confirmEnrolment(tx: Tx, userId: string, code: string, now: Date): Promise<string[]> {
  const { rows } = await tx.query<{ secret: string; confirmed_at: Date | null }>(
    'SELECT secret, confirmed_at FROM user_totp WHERE user_id = $1 FOR UPDATE', [userId],
  );
  const pending = rows[0];
  if (!pending) throw new AppError('SECOND_FACTOR_NOT_STARTED');
  if (pending.confirmed_at) throw new AppError('SECOND_FACTOR_ALREADY_ENABLED');
  const step = await acceptedStep(pending.secret, normalised(code), now, 0);
  if (step === null) throw new AppError('SECOND_FACTOR_CODE_INVALID');
  await tx.query('UPDATE user_totp SET confirmed_at = $2, last_step = $3 WHERE user_id = $1', [userId, now, step]);
  return replaceRecoveryCodes(tx, userId);
}

/**
 * Checks the second factor at sign-in: a TOTP code, or an unused recovery
 * code (then used up). True when it holds; the caller counts a false as a
 * failed sign-in.
 */
export async function checkSecondFactor(tx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  const given = normalised(code);
  const { rows } = await tx.query<{ secret: string; last_step: string }>(
    'SELECT secret, last_step FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL FOR UPDATE', [userId],
  );
  const totp = rows[0];
  if (!totp) return false;
  const step = await acceptedStep(totp.secret, given, now, Number(totp.last_step));
  if (step !== null) {
    await tx.query('UPDATE user_totp SET last_step = $2 WHERE user_id = $1', [userId, step]);
    return true;
  }
  const used = await tx.query(
    'UPDATE user_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL', [userId, hashCode(given), now],
  );
  return (used.rowCount ?? 0) > 0;
}

/** New recovery codes for an enrolled account (the old ones stop working). */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
  await tx.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
  await tx.query(
    'INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [userId, codes.map((c) => hashCode(normalised(c)))],
  );
  return codes;
}

/** Removes the authenticator and the recovery codes (the person's own choice, or an administrator's reset). */
export async function removeSecondFactor(tx: Queryable, userId: string): Promise<boolean> {
  await tx.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
  const removed = await tx.query('DELETE FROM user_totp WHERE user_id = $1', [userId]);
  return (removed.rowCount ?? 0) > 0;
}

/** Codes as people type them: spaces and hyphens dropped, letters in lower case. */
const normalised = (code: string): string => code.replace(/[\s-]/g, '').toLowerCase();

const hashCode = (code: string): string => createHash('sha256').update(code).digest('hex');

function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

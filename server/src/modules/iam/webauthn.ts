import { isIP } from 'node:net';
import {
  generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type AuthenticatorTransportFuture, type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON, type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { decodeClientDataJSON, isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Security keys (WebAuthn, W3C Web Authentication Level 2) as a second factor
 * of staff sign-in (issue 14), beside the TOTP app of second-factor.ts: a USB
 * or NFC key, a phone, or the computer's fingerprint reader. The password
 * stays the first factor, so a key only has to prove presence: user
 * verification (a PIN on the key) is not asked for.
 *
 * A challenge is good once and for a few minutes; it is deleted when a
 * response is checked, whether the response holds or not. The signature
 * counter the key reports must grow (when the key keeps one at all), so a
 * cloned key that answers with an older count is refused.
 */

const RP_NAME = '通办 Tongban';
/** How long a ceremony may take: the browser's prompt, a key to find in a bag. */
const CHALLENGE_TTL_MS = 5 * 60_000;
/** Enough for a key on a keyring, a spare in a drawer and each office computer; a list to read at a glance. */
const MAX_KEYS = 10;
/** The transports WebAuthn names (how the browser reaches a key); the schemas and the stored lists keep to these. */
export const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const satisfies readonly AuthenticatorTransportFuture[];
const TRANSPORT_SET: ReadonlySet<string> = new Set(TRANSPORTS);

/** Who the keys are bound to: the RP ID (a domain name) and the page origin the browser reports. */
export interface RelyingParty {
  id: string;
  origin: string;
}

/** A registered key as the person sees it in their list. */
export interface SecurityKey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

type Purpose = 'register' | 'authenticate';

/**
 * The relying party of a request: TONGBAN_PUBLIC_URL when set (behind a
 * proxy the request's own address is not the one people type), else the
 * origin the browser sent. WebAuthn binds keys to a domain name; an IP
 * address cannot be an RP ID (browsers refuse it), so it answers
 * WEBAUTHN_NEEDS_DOMAIN.
 */
export function relyingParty(publicUrl: string | undefined, requestOrigin: string): RelyingParty {
  let url: URL;
  try {
    url = new URL(publicUrl ?? requestOrigin);
  } catch {
    throw new AppError('WEBAUTHN_NEEDS_DOMAIN');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host || isIP(host) !== 0) throw new AppError('WEBAUTHN_NEEDS_DOMAIN');
  return { id: host, origin: url.origin };
}

/** The person's keys, newest first. */
export async function listSecurityKeys(q: Queryable, userId: string): Promise<SecurityKey[]> {
  const { rows } = await q.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null }>(
    'SELECT id, name, created_at, last_used_at FROM webauthn_credentials WHERE user_id = $1 ORDER BY created_at DESC, id', [userId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null }));
}

/** True when the person has at least one key (sign-in then accepts one). */
export async function hasSecurityKey(q: Queryable, userId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM webauthn_credentials WHERE user_id = $1 LIMIT 1', [userId]);
  return rows.length > 0;
}

/** What the browser needs to create a key for the signed-in person; the keys they already have are excluded. */
export async function registrationOptions(
  tx: Tx, user: { id: string; username: string; displayName: string }, rp: RelyingParty, now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await storedCredentials(tx, user.id);
  if (existing.length >= MAX_KEYS) throw new AppError('WEBAUTHN_KEY_LIMIT', { max: MAX_KEYS });
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: user.username,
    userDisplayName: user.displayName,
    // A stable user handle (the account id), so an authenticator that keeps one key per account replaces it rather than piling up.
    userID: new Uint8Array(Buffer.from(user.id.replace(/-/g, ''), 'hex')),
    attestationType: 'none',
    excludeCredentials: existing.map(({ id, transports }) => ({ id, transports })),
    authenticatorSelection: { residentKey: 'discouraged', userVerification: 'discouraged' },
  });
  await keepChallenge(tx, user.id, 'register', options.challenge, now);
  return options;
}

/**
 * Checks the browser's answer to `registrationOptions` and keeps the key
 * under the person's name for it. The challenge is used up first, in its own
 * statement, so a failed attempt cannot be retried with it.
 */
export async function registerSecurityKey(
  db: Queryable, userId: string, rp: RelyingParty, input: { name: string; response: RegistrationResponseJSON }, now: Date,
): Promise<SecurityKey> {
  const challenge = await takeChallenge(db, userId, 'register', now);
  checkClientData(input.response.response.clientDataJSON, challenge, rp);
  const verified = await verifyRegistrationResponse({
    response: input.response, expectedChallenge: challenge!, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: false,
  }).catch(() => null);
  if (!verified?.verified) throw new AppError('WEBAUTHN_RESPONSE_INVALID');
  const { credential } = verified.registrationInfo;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO webauthn_credentials (user_id, credential_id, public_key, sign_count, transports, name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (credential_id) DO NOTHING RETURNING id`,
    [userId, credential.id, Buffer.from(credential.publicKey), credential.counter, knownTransports(credential.transports ?? input.response.response.transports), input.name, now],
  );
  if (!rows[0]) throw new AppError('WEBAUTHN_ALREADY_REGISTERED');
  return { id: rows[0].id, name: input.name, createdAt: now.toISOString(), lastUsedAt: null };
}

/** What the browser needs to sign in with one of the person's keys; WEBAUTHN_NOT_REGISTERED when they have none. */
export async function authenticationOptions(tx: Tx, userId: string, rp: RelyingParty, now: Date): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const credentials = await storedCredentials(tx, userId);
  if (!credentials.length) throw new AppError('WEBAUTHN_NOT_REGISTERED');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: credentials.map(({ id, transports }) => ({ id, transports })),
    userVerification: 'discouraged',
  });
  await keepChallenge(tx, userId, 'authenticate', options.challenge, now);
  return options;
}

/** Why a security key's answer at sign-in was refused: each a code of the error catalogue. */
export type AssertionRefusal = 'WEBAUTHN_CHALLENGE_INVALID' | 'WEBAUTHN_ORIGIN_INVALID' | 'WEBAUTHN_CREDENTIAL_UNKNOWN' | 'WEBAUTHN_COUNTER_INVALID' | 'WEBAUTHN_RESPONSE_INVALID';

/**
 * Checks a key's signature at sign-in against the challenge of the last
 * `authenticationOptions`, the person's stored key and its counter; on
 * success the counter and the time of use are kept. Returns the refusal
 * (the caller counts it as a failed sign-in) instead of throwing, so the
 * used-up challenge is committed either way.
 */
export async function checkSecurityKey(tx: Tx, userId: string, rp: RelyingParty, response: AuthenticationResponseJSON, now: Date): Promise<AssertionRefusal | null> {
  const challenge = await takeChallenge(tx, userId, 'authenticate', now);
  try {
    checkClientData(response.response.clientDataJSON, challenge, rp);
  } catch (err) {
    if (err instanceof AppError) return err.code as AssertionRefusal;
    throw err;
  }
  const { rows } = await tx.query<{ id: string; public_key: Buffer; sign_count: number; transports: string[] }>(
    'SELECT id, public_key, sign_count, transports FROM webauthn_credentials WHERE user_id = $1 AND credential_id = $2 FOR UPDATE', [userId, response.id],
  );
  const stored = rows[0];
  if (!stored) return 'WEBAUTHN_CREDENTIAL_UNKNOWN';
  const storedCount = stored.sign_count;
  const counter = counterOf(response.response.authenticatorData);
  if (counter === null) return 'WEBAUTHN_RESPONSE_INVALID';
  // A key that keeps no counter always says 0; one that does must count up (W3C WebAuthn §6.1.1: a possibly cloned authenticator).
  if ((counter > 0 || storedCount > 0) && counter <= storedCount) return 'WEBAUTHN_COUNTER_INVALID';
  const verified = await verifyAuthenticationResponse({
    response, expectedChallenge: challenge!, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: false,
    credential: { id: response.id, publicKey: new Uint8Array(stored.public_key), counter: storedCount, transports: knownTransports(stored.transports) },
  }).catch(() => null);
  if (!verified?.verified) return 'WEBAUTHN_RESPONSE_INVALID';
  await tx.query('UPDATE webauthn_credentials SET sign_count = $2, last_used_at = $3 WHERE id = $1', [stored.id, verified.authenticationInfo.newCounter, now]);
  return null;
}

/**
 * Removes one of the person's own keys. A person the administrator requires
 * a second factor of keeps at least one: the last key goes only while the
 * authenticator app is on (WEBAUTHN_LAST_SECOND_FACTOR otherwise).
 */
export async function removeSecurityKey(tx: Tx, userId: string, keyId: string): Promise<void> {
  // The account row is the lock that orders this with turning the app off, so two requests cannot each remove "the other" factor.
  const { rows } = await tx.query<{ required: boolean; totp: boolean; keys: number; own: boolean }>(
    `SELECT u.second_factor_required AS required,
            EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS totp,
            (SELECT count(*)::int FROM webauthn_credentials c WHERE c.user_id = u.id) AS keys,
            EXISTS (SELECT 1 FROM webauthn_credentials c WHERE c.user_id = u.id AND c.id = $2) AS own
       FROM users u WHERE u.id = $1 FOR UPDATE OF u`,
    [userId, keyId],
  );
  const state = rows[0];
  if (!state?.own) throw new AppError('WEBAUTHN_KEY_NOT_FOUND');
  if (state.required && !state.totp && state.keys === 1) throw new AppError('WEBAUTHN_LAST_SECOND_FACTOR');
  await tx.query('DELETE FROM webauthn_credentials WHERE id = $1 AND user_id = $2', [keyId, userId]);
}

/** Removes every key and challenge of a person (an administrator's reset of a lost second factor); true when there was a key. */
export async function removeAllSecurityKeys(q: Queryable, userId: string): Promise<boolean> {
  await q.query('DELETE FROM webauthn_challenges WHERE user_id = $1', [userId]);
  const removed = await q.query('DELETE FROM webauthn_credentials WHERE user_id = $1', [userId]);
  return (removed.rowCount ?? 0) > 0;
}

async function storedCredentials(q: Queryable, userId: string): Promise<{ id: string; transports: AuthenticatorTransportFuture[] }[]> {
  const { rows } = await q.query<{ credential_id: string; transports: string[] }>(
    'SELECT credential_id, transports FROM webauthn_credentials WHERE user_id = $1 ORDER BY created_at', [userId],
  );
  return rows.map((r) => ({ id: r.credential_id, transports: knownTransports(r.transports) }));
}

/** A new ceremony replaces the person's previous one of the same purpose. */
async function keepChallenge(q: Queryable, userId: string, purpose: Purpose, challenge: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO webauthn_challenges (user_id, purpose, challenge, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, purpose) DO UPDATE SET challenge = EXCLUDED.challenge, expires_at = EXCLUDED.expires_at`,
    [userId, purpose, challenge, new Date(now.getTime() + CHALLENGE_TTL_MS)],
  );
}

/** The person's challenge of `purpose`, deleted as it is read; null when there is none or it has expired. */
async function takeChallenge(q: Queryable, userId: string, purpose: Purpose, now: Date): Promise<string | null> {
  const { rows } = await q.query<{ challenge: string; expires_at: Date }>(
    'DELETE FROM webauthn_challenges WHERE user_id = $1 AND purpose = $2 RETURNING challenge, expires_at', [userId, purpose],
  );
  const row = rows[0];
  return row && row.expires_at > now ? row.challenge : null;
}

/**
 * The client data's challenge and origin, checked before the library's own
 * verification so each refusal has its code: another page's origin is a
 * phishing site relaying the prompt, another challenge a replay.
 */
function checkClientData(clientDataJSON: string, challenge: string | null, rp: RelyingParty): void {
  let data: { challenge?: unknown; origin?: unknown };
  try {
    data = decodeClientDataJSON(clientDataJSON);
  } catch {
    throw new AppError('WEBAUTHN_RESPONSE_INVALID');
  }
  if (challenge === null || data.challenge !== challenge) throw new AppError('WEBAUTHN_CHALLENGE_INVALID');
  if (data.origin !== rp.origin) throw new AppError('WEBAUTHN_ORIGIN_INVALID');
}

function counterOf(authenticatorData: string): number | null {
  try {
    return parseAuthenticatorData(isoBase64URL.toBuffer(authenticatorData)).counter;
  } catch {
    return null;
  }
}

function knownTransports(transports: readonly string[] | undefined): AuthenticatorTransportFuture[] {
  return (transports ?? []).filter((t): t is AuthenticatorTransportFuture => TRANSPORT_SET.has(t));
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ClientMetadata } from 'oidc-provider';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/context.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import type { ClientRow } from './store.ts';

/**
 * The register of connected systems (接入系统): each signs its users in
 * through Tongban with its client id and secret, and is told of sign-outs on
 * its back-channel logout address. Kept by the system administrator; every
 * change is an event and an audit row (the routes' `config.audit`).
 */

/** An absolute http(s) address without a fragment (OpenID Connect forbids one in redirect URIs). */
const address = z.string().trim().max(500).refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.hash && !s.includes('#');
  } catch {
    return false;
  }
}, 'an absolute http(s) address without #fragment');

export const clientInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  redirectUris: z.array(address).min(1).max(10),
  postLogoutRedirectUris: z.array(address).max(10),
  backchannelLogoutUri: address.nullable(),
  enabled: z.boolean(),
});
export type ClientInput = z.infer<typeof clientInputSchema>;

export const clientSchema = clientInputSchema.extend({
  id: z.string().describe('client_id'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A client as the list shows it: with its logout tokens not yet delivered (still retried; attempts ran out). */
export const clientListItemSchema = clientSchema.extend({ logouts: z.object({ pending: z.number().int(), failed: z.number().int() }) });
export type SsoClient = z.infer<typeof clientSchema>;
/** A new or renewed secret: shown in this answer only. */
export const clientWithSecretSchema = clientSchema.extend({ secret: z.string() });

interface StoredClient extends ClientRow { enabled: boolean; created_at: Date; updated_at: Date }

const COLUMNS = 'client_id, name, secret, redirect_uris, post_logout_redirect_uris, backchannel_logout_uri, enabled, created_at, updated_at';

const present = (r: StoredClient): SsoClient => ({
  id: r.client_id, name: r.name, redirectUris: r.redirect_uris, postLogoutRedirectUris: r.post_logout_redirect_uris,
  backchannelLogoutUri: r.backchannel_logout_uri, enabled: r.enabled, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

/** The provider's view of a registered client: first-party, code flow with PKCE, secret in the Authorization header. */
export function clientMetadata(r: ClientRow): ClientMetadata {
  return {
    client_id: r.client_id,
    client_secret: r.secret,
    client_name: r.name,
    redirect_uris: r.redirect_uris,
    post_logout_redirect_uris: r.post_logout_redirect_uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...(r.backchannel_logout_uri ? { backchannel_logout_uri: r.backchannel_logout_uri, backchannel_logout_session_required: true } : {}),
  };
}

/** Every registered client, newest first (secrets are never listed). */
export async function listClients(q: Queryable): Promise<SsoClient[]> {
  const { rows } = await q.query<StoredClient>(`SELECT ${COLUMNS} FROM sso_clients ORDER BY created_at DESC, client_id`);
  return rows.map(present);
}

async function lockClient(tx: Tx, id: string): Promise<StoredClient> {
  const { rows } = await tx.query<StoredClient>(`SELECT ${COLUMNS} FROM sso_clients WHERE client_id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw new AppError('SSO_CLIENT_NOT_FOUND');
  return rows[0];
}

const newSecret = () => randomBytes(32).toString('base64url');
const who = (a: Actor) => ({ id: a.id, role: a.role });

/** Registers a system: `sso.client_registered`; the answer carries the secret, once. */
export async function registerClientCommand(tx: Tx, actor: Actor, now: Date, input: ClientInput): Promise<SsoClient & { secret: string }> {
  const clientId = `tb_${randomBytes(12).toString('base64url')}`;
  const secret = newSecret();
  const { rows } = await tx.query<StoredClient>(
    `INSERT INTO sso_clients (client_id, name, secret, redirect_uris, post_logout_redirect_uris, backchannel_logout_uri, enabled, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) RETURNING ${COLUMNS}`,
    [clientId, input.name, secret, input.redirectUris, input.postLogoutRedirectUris, input.backchannelLogoutUri, input.enabled, now],
  );
  await appendEvent(tx, { type: 'sso.client_registered', actor: who(actor), occurredAt: now, payload: { clientId, name: input.name, enabled: input.enabled } });
  return { ...present(rows[0]!), secret };
}

/** Changes a system's name, addresses or status: `sso.client_updated` (names of the changed fields). */
export async function updateClientCommand(tx: Tx, actor: Actor, now: Date, id: string, input: ClientInput): Promise<SsoClient> {
  const before = present(await lockClient(tx, id));
  const { rows } = await tx.query<StoredClient>(
    `UPDATE sso_clients SET name = $2, redirect_uris = $3, post_logout_redirect_uris = $4, backchannel_logout_uri = $5, enabled = $6, updated_at = $7
      WHERE client_id = $1 RETURNING ${COLUMNS}`,
    [id, input.name, input.redirectUris, input.postLogoutRedirectUris, input.backchannelLogoutUri, input.enabled, now],
  );
  const after = present(rows[0]!);
  const changed = (Object.keys(input) as (keyof ClientInput)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
  await appendEvent(tx, { type: 'sso.client_updated', actor: who(actor), occurredAt: now, payload: { clientId: id, changed, enabled: after.enabled } });
  return after;
}

/** Gives a system a new secret (the old one stops at once): `sso.client_secret_renewed`. */
export async function renewSecretCommand(tx: Tx, actor: Actor, now: Date, id: string): Promise<SsoClient & { secret: string }> {
  await lockClient(tx, id);
  const secret = newSecret();
  const { rows } = await tx.query<StoredClient>(`UPDATE sso_clients SET secret = $2, updated_at = $3 WHERE client_id = $1 RETURNING ${COLUMNS}`, [id, secret, now]);
  await appendEvent(tx, { type: 'sso.client_secret_renewed', actor: who(actor), occurredAt: now, payload: { clientId: id } });
  return { ...present(rows[0]!), secret };
}

/** Removes a system with its grants and tokens: `sso.client_deleted`. Its users' pending sign-outs are dropped. */
export async function deleteClientCommand(tx: Tx, actor: Actor, now: Date, id: string): Promise<void> {
  const client = await lockClient(tx, id);
  await tx.query(`DELETE FROM sso_store WHERE model IN ('Grant', 'AuthorizationCode', 'AccessToken', 'RefreshToken') AND payload->>'clientId' = $1`, [id]);
  await tx.query('DELETE FROM sso_logout_deliveries WHERE client_id = $1 AND delivered_at IS NULL', [id]);
  await tx.query('DELETE FROM sso_clients WHERE client_id = $1', [id]);
  await appendEvent(tx, { type: 'sso.client_deleted', actor: who(actor), occurredAt: now, payload: { clientId: id, name: client.name } });
}

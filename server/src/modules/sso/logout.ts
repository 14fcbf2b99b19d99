import type { Db, Queryable, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import type { EventConsumer } from '../../platform/events/consumer.ts';
import { existingSessionIds } from '../iam/index.ts';
import type { IssuerProvider } from './provider.ts';

/**
 * One logout for all (OpenID Connect Back-Channel Logout 1.0). When a Tongban
 * session ends — signing out, a session ended from one's list, signing out
 * everywhere, a password change, an administrator deactivating the person or
 * resetting their second factor — the provider sessions riding on it end, and
 * every system they reached gets a logout token on its back-channel address.
 * The tokens wait in `sso_logout_deliveries` and are sent with retries, so a
 * system that is down when the person signs out still hears of it.
 */

/** The provider's own sender of a logout token (a Client method), kept before it is replaced by the queue. */
export type SendLogoutToken = (this: unknown, sub: string, sid: string) => Promise<void>;

/** Queues one logout token for a client (the sender runs in deliverLogouts). */
export async function queueLogout(q: Queryable, d: { clientId: string; issuer: string; accountId: string; sid: string | null; now: Date }): Promise<void> {
  await q.query(
    `INSERT INTO sso_logout_deliveries (client_id, issuer, account_id, sid, created_at, next_at)
     SELECT client_id, $2, $3, $4, $5, $5 FROM sso_clients WHERE client_id = $1 AND enabled AND backchannel_logout_uri IS NOT NULL`,
    [d.clientId, d.issuer, d.accountId, d.sid, d.now],
  );
}

/** The events after which a person's Tongban session may be gone. */
export const SESSION_END_EVENTS = [
  'session.ended', 'session.revoked', 'session.revoked_all', 'user.password_changed', 'staff.deactivated', 'staff.second_factor_reset',
] as const;

interface ProviderSession { authorizations?: Record<string, { sid?: string; grantId?: string }>; accountId?: string }

/**
 * Ends the provider sessions whose Tongban session is gone, for these people:
 * their grants and tokens are revoked and a logout token is queued for every
 * system the session reached. Returns how many provider sessions ended.
 */
export async function endOrphanedSessions(tx: Tx, userIds: readonly string[], now: Date): Promise<number> {
  if (userIds.length === 0) return 0;
  const links = await tx.query<{ oidc_session_uid: string; tongban_session_id: string; user_id: string; issuer: string }>(
    'SELECT oidc_session_uid, tongban_session_id, user_id, issuer FROM sso_session_links WHERE user_id = ANY($1::uuid[]) FOR UPDATE',
    [[...new Set(userIds)]],
  );
  const alive = await existingSessionIds(tx, links.rows.map((l) => l.tongban_session_id));
  let ended = 0;
  for (const link of links.rows.filter((l) => !alive.has(l.tongban_session_id))) {
    const sessions = await tx.query<{ payload: ProviderSession }>(
      "DELETE FROM sso_store WHERE model = 'Session' AND uid = $1 RETURNING payload", [link.oidc_session_uid],
    );
    for (const { payload } of sessions.rows) {
      for (const [clientId, auth] of Object.entries(payload.authorizations ?? {})) {
        if (auth.grantId) await tx.query('DELETE FROM sso_store WHERE grant_id = $1 OR (model = $2 AND id = $1)', [auth.grantId, 'Grant']);
        await queueLogout(tx, { clientId, issuer: link.issuer, accountId: payload.accountId ?? link.user_id, sid: auth.sid ?? null, now });
      }
      ended += 1;
    }
    await tx.query('DELETE FROM sso_session_links WHERE oidc_session_uid = $1', [link.oidc_session_uid]);
  }
  return ended;
}

/**
 * Ends the provider sessions whose Tongban session ran out (idle or at its
 * maximum age: the sweep deletes such sessions without an event), a round of
 * the worker; looks at the oldest links first, at most `batch` of them.
 */
export async function endExpiredSessions(db: Db, now: Date, batch = 500): Promise<number> {
  return withTx(db, async (tx) => {
    const links = await tx.query<{ tongban_session_id: string; user_id: string }>(
      'SELECT tongban_session_id, user_id FROM sso_session_links ORDER BY linked_at LIMIT $1', [batch],
    );
    const alive = await existingSessionIds(tx, links.rows.map((l) => l.tongban_session_id));
    const users = links.rows.filter((l) => !alive.has(l.tongban_session_id)).map((l) => l.user_id);
    return endOrphanedSessions(tx, users, now);
  });
}

/** The durable consumer (`sso.logout`): session ends in the event stream → provider sessions ended, logout tokens queued. */
export function ssoLogoutConsumer(now: () => Date): EventConsumer {
  return {
    name: 'sso.logout',
    types: SESSION_END_EVENTS,
    handle: async (tx, events) => {
      const users = events.map((e) => (e.payload as { userId?: unknown }).userId).filter((u): u is string => typeof u === 'string');
      await endOrphanedSessions(tx, users, now());
    },
  };
}

/** A failed delivery is tried again after 5 s, 10 s, 20 s … up to an hour, at most this many times. */
export const MAX_ATTEMPTS = 12;
export const retryDelayMs = (attempts: number): number => Math.min(5_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);

/**
 * Sends the due logout tokens, a few at a time. Each row is locked while its
 * request runs (SKIP LOCKED keeps other nodes off it); a system that answers
 * 200/204 is done, any other answer or no answer is retried with back-off.
 * A token may arrive twice after a crash; each has its own `jti`, and a
 * repeated logout of an ended session is harmless to the receiver.
 */
export async function deliverLogouts(db: Db, providerFor: (issuer: string) => Promise<IssuerProvider>, now: Date, batch = 10): Promise<{ delivered: number; failed: number }> {
  return withTx(db, async (tx) => {
    const due = await tx.query<{ id: string; client_id: string; issuer: string; account_id: string; sid: string | null; attempts: number }>(
      `SELECT id, client_id, issuer, account_id, sid, attempts FROM sso_logout_deliveries
        WHERE delivered_at IS NULL AND failed_at IS NULL AND next_at <= $1 ORDER BY next_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, batch],
    );
    let delivered = 0;
    let failed = 0;
    for (const d of due.rows) {
      try {
        const { provider, sendLogoutToken } = await providerFor(d.issuer);
        const client = await provider.Client.find(d.client_id);
        if (!client?.backchannelLogoutUri) throw new Error('the client is disabled, deleted or has no back-channel logout address');
        await sendLogoutToken.call(client, d.account_id, d.sid ?? '');
        await tx.query('UPDATE sso_logout_deliveries SET delivered_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1', [d.id, now]);
        delivered += 1;
      } catch (err) {
        const attempts = d.attempts + 1;
        await tx.query(
          'UPDATE sso_logout_deliveries SET attempts = $2, next_at = $3, last_error = $4, failed_at = $5 WHERE id = $1',
          [d.id, attempts, new Date(now.getTime() + retryDelayMs(attempts)), (err as Error).message.slice(0, 500), attempts >= MAX_ATTEMPTS ? now : null],
        );
        failed += 1;
      }
    }
    return { delivered, failed };
  });
}

/** Logout tokens per client not yet delivered (pending: still retried; failed: attempts ran out). */
export async function logoutBacklog(q: Queryable): Promise<Map<string, { pending: number; failed: number }>> {
  const { rows } = await q.query<{ client_id: string; pending: number; failed: number }>(
    `SELECT client_id, count(*) FILTER (WHERE failed_at IS NULL)::int AS pending, count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed
       FROM sso_logout_deliveries WHERE delivered_at IS NULL GROUP BY client_id`,
  );
  return new Map(rows.map((r) => [r.client_id, { pending: r.pending, failed: r.failed }]));
}

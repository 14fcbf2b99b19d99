import type { AppContext, Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withTx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  address: string | null;
  current: boolean;
}

/** The caller's live sessions (not expired, not idle), most recently used first. */
export async function listOwnSessions(ctx: AppContext, actor: Actor, currentId: string | null): Promise<SessionView[]> {
  const now = ctx.clock.now();
  const { rows } = await ctx.db.query<{ id: string; created_at: Date; last_seen_at: Date; expires_at: Date; user_agent: string | null; address: string | null }>(
    `SELECT id, created_at, last_seen_at, expires_at, user_agent, address FROM sessions
      WHERE user_id = $1 AND expires_at > $2 AND last_seen_at > $3
      ORDER BY last_seen_at DESC, created_at DESC`,
    [actor.id, now, new Date(now.getTime() - ctx.config.sessionIdleMinutes * 60_000)],
  );
  return rows.map((r) => ({
    id: r.id, createdAt: r.created_at.toISOString(), lastSeenAt: r.last_seen_at.toISOString(), expiresAt: r.expires_at.toISOString(),
    userAgent: r.user_agent, address: r.address, current: r.id === currentId,
  }));
}

/** Ends one of the caller's own sessions (another person's answers SESSION_NOT_FOUND, as a missing one does). */
export async function revokeOwnSession(ctx: AppContext, actor: Actor, sessionId: string): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const { rowCount } = await tx.query('DELETE FROM sessions WHERE id = $1 AND user_id = $2', [sessionId, actor.id]);
    if (!rowCount) throw new AppError('SESSION_NOT_FOUND');
    await appendEvent(tx, { type: 'session.revoked', actor: { id: actor.id, role: actor.role }, occurredAt: ctx.clock.now(), payload: { userId: actor.id, sessionId } });
  });
}

/** "Sign out everywhere": ends every session of the caller, this one included; returns how many. */
export async function revokeAllOwnSessions(ctx: AppContext, actor: Actor): Promise<number> {
  return withTx(ctx.db, async (tx) => {
    const { rowCount } = await tx.query('DELETE FROM sessions WHERE user_id = $1', [actor.id]);
    await appendEvent(tx, { type: 'session.revoked_all', actor: { id: actor.id, role: actor.role }, occurredAt: ctx.clock.now(), payload: { userId: actor.id, sessions: rowCount ?? 0 } });
    return rowCount ?? 0;
  });
}

/** Deletes sessions that have ended (expired or idle), a sweep's work; returns how many. No event: nobody acted. */
export async function removeEndedSessions(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const { rowCount } = await ctx.db.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
    now, new Date(now.getTime() - ctx.config.sessionIdleMinutes * 60_000),
  ]);
  return rowCount ?? 0;
}

import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { withTx } from '../db/pool.ts';
import { appendEvent } from '../events/stream.ts';
import type { Actor, AppContext, Role } from './context.ts';

export const SESSION_COOKIE = 'tb_session';
/** Last use is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Id (not token) of the caller's session, to mark it in their list. */
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /**
     * The roles that may call this route by default (issue 14): seeded once as
     * the bindings of the route's resource; from then on the access gate reads
     * the bindings (iam/access.ts), which administrators change. Left out, the
     * route is open to whoever its handler's policy admits.
     */
    roles?: readonly Role[];
    /**
     * 三员分立: the route belongs to this duty alone. Only roles of this duty may
     * be bound to it, the built-in role of the duty stays bound, and the route
     * (and what lies above it) cannot be disabled.
     */
    duty?: Role;
  }
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a session row and sets its cookie; the raw token lives only in the cookie. */
export async function startSession(ctx: AppContext, reply: FastifyReply, userId: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expires = new Date(now.getTime() + ctx.config.sessionMaxHours * 3_600_000);
  const req = reply.request;
  await withTx(ctx.db, async (tx) => {
    const user = await tx.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [userId]);
    await tx.query(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, user_agent, address)
       VALUES ($1,$2,$3,$4,$3,$5,$6)`,
      [hashToken(token), userId, now, expires, req.headers['user-agent']?.slice(0, 300) ?? null, req.ip],
    );
    // Logins are audited like any other change (attendance for supervision).
    await appendEvent(tx, { type: 'session.started', actor: { id: userId, role: user.rows[0]!.role }, occurredAt: now, payload: { userId } });
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure when configured, or when the request came over HTTPS: directly, or through a proxy
    // listed in TONGBAN_TRUST_PROXY (anyone else's X-Forwarded-Proto is ignored).
    secure: ctx.config.secureCookies || req.protocol === 'https',
    expires,
  });
}

export async function endSession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (token) {
    await withTx(ctx.db, async (tx) => {
      const ended = await tx.query<{ user_id: string }>('DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id', [hashToken(token)]);
      const userId = ended.rows[0]?.user_id;
      if (userId && req.actor) {
        await appendEvent(tx, { type: 'session.ended', actor: { id: userId, role: req.actor.role }, occurredAt: ctx.clock.now(), payload: { userId } });
      }
    });
  }
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Resolves the session cookie to an actor on every request (null when
 * anonymous). A session ends at its absolute expiry or after
 * TONGBAN_SESSION_IDLE_MINUTES without use; use is recorded at most once a minute.
 */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  const idleMs = ctx.config.sessionIdleMinutes * 60_000;
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = ctx.clock.now();
    const { rows } = await ctx.db.query<{
      session_id: string; last_seen_at: Date; id: string; username: string; display_name: string; role: Role; role_code: string; department_id: string | null; center_id: string | null;
    }>({
      // Named, so each connection parses and plans it once: every signed-in request runs it.
      name: 'session-actor',
      // The role the session acts in (切换角色), while the person still holds it and it is enabled; else their main role.
      text: `SELECT s.id AS session_id, s.last_seen_at, u.id, u.username, u.display_name,
              COALESCE(ar.base, u.role) AS role, COALESCE(ar.code, u.role_code, u.role) AS role_code, u.department_id, u.center_id
         FROM sessions s JOIN users u ON u.id = s.user_id
         LEFT JOIN user_roles ur ON ur.user_id = u.id AND ur.role_code = s.acting_role
         LEFT JOIN roles ar ON ar.code = ur.role_code AND ar.enabled
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND NOT u.disabled`,
      values: [hashToken(token), now, new Date(now.getTime() - idleMs)],
    });
    const u = rows[0];
    if (!u) return;
    req.actor = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, roleCode: u.role_code, departmentId: u.department_id, centerId: u.center_id };
    req.sessionId = u.session_id;
    if (now.getTime() - u.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
      await ctx.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [u.session_id, now]);
    }
  });
}

/** The caller, or UNAUTHENTICATED. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

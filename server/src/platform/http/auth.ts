import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { withTx } from '../db/pool.ts';
import { appendEvent } from '../events/stream.ts';
import type { Actor, AppContext, Role } from './context.ts';

export const SESSION_COOKIE = 'tb_session';
const SESSION_DAYS = 7;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a session row and sets its cookie; the raw token lives only in the cookie. */
export async function startSession(ctx: AppContext, reply: FastifyReply, userId: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await withTx(ctx.db, async (tx) => {
    const user = await tx.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [userId]);
    await tx.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1,$2,$3,$4)', [
      hashToken(token), userId, now, expires,
    ]);
    // Logins are audited like any other change (attendance for supervision).
    await appendEvent(tx, { type: 'session.started', actor: { id: userId, role: user.rows[0]!.role }, occurredAt: now, payload: { userId } });
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure when configured, or when the request itself came over HTTPS (directly or via a proxy).
    secure: ctx.config.secureCookies || reply.request.protocol === 'https',
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

/** Resolves the session cookie to an actor on every request (null when anonymous). */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const { rows } = await ctx.db.query<{
      id: string; username: string; display_name: string; role: Role; department_id: string | null;
    }>(
      `SELECT u.id, u.username, u.display_name, u.role, u.department_id
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
      [hashToken(token), ctx.clock.now()],
    );
    const u = rows[0];
    if (u) req.actor = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, departmentId: u.department_id };
  });
}

/** The caller, or UNAUTHENTICATED. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/** The caller if their role is one of `roles`, else FORBIDDEN (or UNAUTHENTICATED). */
export function requireRole(req: FastifyRequest, ...roles: Role[]): Actor {
  const actor = requireActor(req);
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN');
  return actor;
}

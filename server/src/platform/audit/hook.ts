import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { hasForbiddenChars } from '../text.ts';
import { appendAudit } from './log.ts';

/** What a route's answers to staff leave in the audit log (`config.audit` on the route). */
export interface AuditedRoute {
  action: string;
  targetType: string;
  /** The object concerned: from the request, or (a creation) from the answer's JSON. */
  target: (req: FastifyRequest, answer: Record<string, unknown> | null) => string | null;
}

/** The target of a route on `…/:id`: the id in its path. */
export const pathIdTarget = (req: FastifyRequest): string | null => (req.params as { id?: string }).id ?? null;
/**
 * The target of a list or search: the query as asked (filters and order,
 * decoded), so one row per list read names what was looked for rather than
 * one row per result; the page cursor is left out (the next page of the same
 * query is the same look at the next rows). An unfiltered list has none.
 */
export const queryTarget = (req: FastifyRequest): string | null => {
  const asked = new URLSearchParams(req.url.split('?')[1] ?? '');
  const named = [...asked].filter(([k]) => k !== 'cursor').map(([k, v]) => `${k}=${v}`).join('&');
  return named || null;
};
/** The target of a creation: the id in its answer (none when refused). */
export const answerIdTarget = (_req: FastifyRequest, answer: Record<string, unknown> | null): string | null =>
  typeof answer?.id === 'string' ? answer.id : null;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Record every answer of this route to a staff member in the audit log: a look at personal data, or a change of the organisation. */
    audit?: AuditedRoute;
  }
}

/**
 * The target as the log keeps it: a refused request's id may be anything the
 * caller put in the path, NUL and lone surrogates included, which no text
 * column takes; such an id is kept escaped (as JSON writes it), and cut to 200
 * characters, so the attempt is still recorded.
 */
function storableTarget(id: string | null): string | null {
  if (id === null) return null;
  const safe = hasForbiddenChars(id) ? JSON.stringify(id).slice(1, -1) : id;
  return safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
}

function parsed(payload: unknown): Record<string, unknown> | null {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return null;
  try {
    const value: unknown = JSON.parse(payload.toString());
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Records the answers of audited routes (config.audit) to staff, allowed or
 * refused, before they are sent: who, what, which object, from where, and the
 * result (`ok` or the error code). A look is its own one-statement write after
 * the read; if the row cannot be written the request fails instead of going
 * unrecorded. Applicants' reads of their own files are not audited.
 */
export function registerAuditHook(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const audit = req.routeOptions.config.audit;
    const actor = req.actor;
    if (!audit || !actor || actor.role === 'applicant') return payload;
    const answer = parsed(payload);
    const result = reply.statusCode < 400 ? 'ok' : typeof answer?.code === 'string' ? answer.code : `HTTP_${reply.statusCode}`;
    await appendAudit(ctx.db, {
      actor: { id: actor.id, name: actor.displayName, role: actor.role },
      action: audit.action, targetType: audit.targetType, targetId: storableTarget(audit.target(req, reply.statusCode < 400 ? answer : null)),
      address: req.ip, result, detail: { method: req.method, route: req.routeOptions.url ?? null }, at: ctx.clock.now(),
    });
    return payload;
  });
}

import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireRole } from '../../platform/http/auth.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { readEvents, verifyChain } from '../../platform/events/stream.ts';

const eventSchema = z.object({
  seq: z.number().int(),
  id: z.uuid(),
  type: z.string(),
  schemaVersion: z.number().int(),
  caseId: z.uuid().nullable(),
  caseNo: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  actorRole: z.string().nullable(),
  occurredAt: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

/**
 * The supervision platform's window on the event stream. It reads only the
 * events table (never the approval tables), as an external system would.
 */
export function registerSupervisionRoutes(app: Api, ctx: AppContext): void {
  app.get('/api/supervision/events', {
    schema: {
      tags: ['supervision'], summary: '事件流（可按办件编号过滤，afterSeq 之后）',
      querystring: z.object({
        caseNo: z.string().max(40).optional(),
        afterSeq: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      response: { 200: z.object({ items: z.array(eventSchema) }) },
    },
  }, async (req) => {
    requireRole(req, 'supervisor', 'admin', 'manager');
    const caseNo = req.query.caseNo?.trim().toUpperCase() || undefined;
    await chainPending(ctx.db);
    return { items: await readEvents(ctx.db, { caseNo, afterSeq: req.query.afterSeq, limit: req.query.limit }) };
  });

  app.get('/api/supervision/chain', {
    schema: {
      tags: ['supervision'], summary: '校验事件哈希链',
      response: {
        200: z.object({
          ok: z.boolean(), checked: z.number().int(),
          firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
        }),
      },
    },
  }, async (req) => {
    requireRole(req, 'supervisor', 'admin', 'manager');
    await chainPending(ctx.db);
    return verifyChain(ctx.db);
  });
}

import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireRole } from '../../platform/http/auth.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { verifyChain } from '../../platform/events/stream.ts';
import { pageOf, pageQuery } from '../../platform/http/page.ts';
import { eventFilterQuery, pageEvents } from './event-list.ts';

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
      tags: ['supervision'], summary: '事件流（游标分页，按链序或最新在前；可按办件、类型、部门、日期过滤，afterSeq 实时跟随）',
      querystring: z.object({ ...eventFilterQuery, ...pageQuery }),
      response: { 200: pageOf(eventSchema) },
    },
  }, async (req) => {
    requireRole(req, 'supervisor', 'admin', 'manager');
    const { cursor, limit, ...filters } = req.query;
    await chainPending(ctx.db);
    return pageEvents(ctx.db, filters, { cursor, limit });
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

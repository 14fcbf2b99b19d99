import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { PAUSE_LABELS, type PauseType } from '../calendar/index.ts';
import { endPause, extendDeadline, issueSupplementNotice, startPause, supplementCase } from './clock-commands.ts';
import { getCaseDetail } from './queries.ts';
import { listRecomputeJobs } from './deadline-recompute.ts';
import { caseDetailSchema, idParams } from './schemas.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const pauseType = z.enum(Object.keys(PAUSE_LABELS) as [PauseType, ...PauseType[]]);

const recomputeJobSchema = z.object({
  id: z.number().int(),
  eventType: z.string(),
  region: z.string().nullable(),
  days: z.array(z.string()).nullable(),
  reason: z.string(),
  requestedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  requestedAt: z.string(),
  state: z.enum(['queued', 'running', 'done']),
  total: z.number().int(),
  done: z.number().int(),
  moved: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

/** The legal clock's operations on a case: pauses, the extension, the one-time notice and the supplement. */
export function registerClockRoutes(app: Api, ctx: AppContext): void {
  const detail = (actor: Parameters<typeof getCaseDetail>[1], id: string) => getCaseDetail(ctx.db, actor, id, ctx.clock.now());
  const reply200 = { 200: caseDetailSchema };

  app.get('/api/calendar/recomputes', {
    config: { roles: ['admin', 'manager', 'supervisor'] },
    schema: {
      tags: ['calendar'], summary: '日历变更后的期限重算任务（进行中的在前；已重算 n / 共 m 件）',
      response: { 200: z.object({ items: z.array(recomputeJobSchema) }) },
    },
  }, async () => {
    return { items: await listRecomputeJobs(ctx.db) };
  });

  app.post('/api/cases/:id/pauses', {
    config: { roles: ['approver', 'manager'] },
    schema: {
      tags: ['clock'], summary: '暂停计时（补正 / 第四十五条特别程序）', params: idParams, response: reply200,
      body: z.object({ type: pauseType, reason: z.string().max(500), firstDay: isoDate.optional(), expectedLastDay: isoDate }),
    },
  }, async (req) => {
    const actor = requireActor(req);
    await startPause(ctx, actor, req.params.id, req.body);
    return detail(actor, req.params.id);
  });

  app.post('/api/cases/:id/pauses/end', {
    config: { roles: ['approver', 'manager'] },
    schema: {
      tags: ['clock'], summary: '结束暂停、恢复计时', params: idParams, response: reply200,
      body: z.object({ lastDay: isoDate.optional() }),
    },
  }, async (req) => {
    const actor = requireActor(req);
    await endPause(ctx, actor, req.params.id, req.body.lastDay);
    return detail(actor, req.params.id);
  });

  app.post('/api/cases/:id/extension', {
    config: { roles: ['agency_head', 'government_head'] },
    schema: {
      tags: ['clock'], summary: '延长办理期限（第四十二条，限一次）', params: idParams, response: reply200,
      body: z.object({ workdays: z.number().int().min(1).max(60), reason: z.string().max(500) }),
    },
  }, async (req) => {
    const actor = requireActor(req);
    await extendDeadline(ctx, actor, req.params.id, req.body);
    return detail(actor, req.params.id);
  });

  app.post('/api/cases/:id/supplement-notice', {
    config: { roles: ['clerk'] },
    schema: {
      tags: ['clock'], summary: '一次性告知补正材料（第三十二条）', params: idParams, response: reply200,
      body: z.object({
        items: z.array(z.object({ materialId: z.uuid(), problem: z.enum(['missing', 'irregular']), note: z.string().max(500).optional() })).max(50),
        note: z.string().max(1000).default(''),
      }),
    },
  }, async (req) => {
    const actor = requireActor(req);
    await issueSupplementNotice(ctx, actor, req.params.id, req.body);
    return detail(actor, req.params.id);
  });

  app.post('/api/cases/:id/supplement', {
    config: { roles: ['applicant'] },
    schema: {
      tags: ['clock'], summary: '申请人补正材料', params: idParams, response: reply200,
      body: z.object({ materials: z.array(z.object({ materialId: z.uuid(), uploadId: z.uuid() })).min(1).max(50) }),
    },
  }, async (req) => {
    const actor = requireActor(req);
    await supplementCase(ctx, actor, req.params.id, req.body.materials);
    return detail(actor, req.params.id);
  });
}

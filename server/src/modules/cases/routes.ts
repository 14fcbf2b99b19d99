import { pathIdTarget, queryTarget } from '../../platform/audit/hook.ts';
import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { acceptCase, completeTask, refuseCase, submitApplication } from './commands.ts';
import { STEP_DECIDER_ROLES } from './policy.ts';
import { getCaseDetail, lookupProgress } from './queries.ts';
import { pageCases } from './case-list.ts';
import { pageOpenTasks } from './task-list.ts';
import { caseFilterQuery } from './list-filters.ts';
import { pageOf, pageQuery } from '../../platform/http/page.ts';
import { FixedWindowLimiter } from '../../platform/http/rate-limit.ts';
import { AppError } from '../../platform/errors.ts';
import type { FastifyReply } from 'fastify';
import { idempotencyHeaders, idempotentCall, runIdempotent, sendAnswer } from '../../platform/http/idempotency.ts';
import {
  caseDetailSchema, caseSummarySchema, idParams, progressSchema, submitBody, submitResponse, taskListSchema,
} from './schemas.ts';

export function registerCaseRoutes(app: Api, ctx: AppContext): void {
  app.post('/api/cases', {
    config: { roles: ['applicant'] },
    schema: { tags: ['cases'], summary: '提交申请（网上申报）', body: submitBody, response: { 200: submitResponse, 201: submitResponse } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { created, ...result } = await submitApplication(ctx, actor, req.body);
    return reply.status(created ? 201 : 200).send(result as z.infer<typeof submitResponse>);
  });

  app.get('/api/cases', {
    // One row per list read, naming the query (not one per case listed).
    config: { audit: { action: 'case.list', targetType: 'case_query', target: queryTarget } },
    schema: {
      tags: ['cases'], summary: '办件列表（游标分页，按提交时间；受理队列默认最早在前）',
      querystring: z.object({ scope: z.enum(['mine', 'intake', 'all']).default('mine'), ...caseFilterQuery, ...pageQuery }),
      response: { 200: pageOf(caseSummarySchema) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    if (req.query.scope === 'intake' && !['clerk', 'manager', 'admin'].includes(actor.role)) throw new AppError('FORBIDDEN');
    const { scope, cursor, limit, ...filters } = req.query;
    return pageCases(ctx.db, actor, scope, filters, { cursor, limit }, ctx.clock.now());
  });

  const detail = (actor: Parameters<typeof getCaseDetail>[1], id: string) => getCaseDetail(ctx.db, actor, id, ctx.clock.now());

  app.get('/api/cases/:id', {
    config: { audit: { action: 'case.read', targetType: 'case', target: pathIdTarget } },
    schema: { tags: ['cases'], summary: '办件详情', params: idParams, response: { 200: caseDetailSchema } },
  }, async (req) => detail(requireActor(req), req.params.id));

  app.post('/api/cases/:id/accept', {
    config: { roles: ['clerk'] },
    schema: {
      tags: ['cases'], summary: '受理（可带 Idempotency-Key，重试返回首次结果）', params: idParams, headers: idempotencyHeaders,
      body: z.object({}).optional(), response: { 200: caseDetailSchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const call = idempotentCall(actor.id, req.headers['idempotency-key'], `POST /api/cases/${req.params.id}/accept`);
    const answer = await runIdempotent(ctx.db, call, 200, ctx.clock.now(),
      async (record) => { await acceptCase(ctx, actor, req.params.id, record); return req.params.id; }, (caseId) => detail(actor, caseId));
    return sendAnswer(reply as unknown as FastifyReply, answer);
  });

  app.post('/api/cases/:id/refuse', {
    config: { roles: ['clerk'] },
    schema: {
      tags: ['cases'], summary: '不予受理（须说明理由）', params: idParams,
      body: z.object({ reason: z.string().max(1000) }), response: { 200: caseDetailSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await refuseCase(ctx, actor, req.params.id, req.body.reason);
    return detail(actor, req.params.id);
  });

  app.get('/api/tasks', {
    config: { roles: ['approver'], audit: { action: 'task.list', targetType: 'case_query', target: queryTarget } },
    schema: {
      tags: ['tasks'], summary: '待办（游标分页，按到达时间；本部门的、指派给我的、委派给我的）',
      querystring: z.object({
        itemId: caseFilterQuery.itemId, from: caseFilterQuery.from, to: caseFilterQuery.to,
        caseNo: caseFilterQuery.caseNo, applicant: caseFilterQuery.applicant, order: caseFilterQuery.order, ...pageQuery,
      }),
      response: { 200: taskListSchema },
    },
  }, async (req) => {
    const { cursor, limit, ...filters } = req.query;
    return pageOpenTasks(ctx.db, requireActor(req), filters, { cursor, limit }, ctx.clock.now());
  });

  app.post('/api/tasks/:id/complete', {
    config: { roles: [...STEP_DECIDER_ROLES] },
    schema: {
      tags: ['tasks'], summary: '审批决定（准予 / 不予；可带 Idempotency-Key）', params: idParams, headers: idempotencyHeaders,
      body: z.object({ outcome: z.enum(['approved', 'denied']), opinion: z.string().max(2000) }),
      response: { 200: caseDetailSchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { outcome, opinion } = req.body;
    const call = idempotentCall(actor.id, req.headers['idempotency-key'], `POST /api/tasks/${req.params.id}/complete ${outcome}`);
    const answer = await runIdempotent(ctx.db, call, 200, ctx.clock.now(),
      (record) => completeTask(ctx, actor, req.params.id, outcome, opinion, record), (caseId) => detail(actor, caseId));
    return sendAnswer(reply as unknown as FastifyReply, answer);
  });

  // Guessing query codes is the attack here: 20 lookups a minute per client.
  const lookups = new FixedWindowLimiter(20, 60_000, ctx.clock);
  app.get('/api/progress', {
    schema: {
      tags: ['cases'], summary: '办件进度查询（办件编号 + 查询码，无需登录）',
      querystring: z.object({ caseNo: z.string().min(1).max(40), queryCode: z.string().min(1).max(20) }),
      response: { 200: progressSchema },
    },
  }, async (req) => {
    lookups.take(req.ip);
    return (await lookupProgress(ctx.db, req.query.caseNo, req.query.queryCode)) as z.infer<typeof progressSchema>;
  });
}

import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { queryTarget } from '../../platform/audit/hook.ts';
import { FixedWindowLimiter } from '../../platform/http/rate-limit.ts';
import { AppError } from '../../platform/errors.ts';
import { listConcludedResults } from '../cases/index.ts';
import { createArticle, deleteArticle, getPublicArticle, listAllArticles, listPublicArticles, updateArticle } from './articles.ts';
import { deleteDraft, draftForItem, listDrafts, saveDraft, submitDraft } from './drafts.ts';
import { answerMessage, listMyMessages, listStaffMessages, lookupMessage, submitMessage } from './messages.ts';
import { assertApplicant, assertCanEditArticles, assertCanReadAllArticles } from './policy.ts';
import { getRating, rateCase } from './ratings.ts';
import { maskCaseNo } from './rules.ts';
import { searchItems } from './search.ts';
import { pageOf, pageQuery as cursorPageQuery } from '../../platform/http/page.ts';
import { noContent } from '../../platform/http/responses.ts';
import {
  adminArticleSchema, articleCategorySchema, articleInput, articleSchema, articleSummarySchema, articleUpdateInput, caseIdParams,
  citizenMessageSchema, draftInput, draftSchema, idParams, messageInput, messageReceiptSchema, pageQuery, ratingInput, ratingSchema,
  resultRowSchema, searchResultSchema, staffMessageSchema, submitDraftInput, submittedSchema,
} from './schemas.ts';

const page = (p: { page: number; pageSize: number }) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize });

/** The public portal's routes: news, search, drafts, results, consultations and complaints, ratings. */
export function registerPortalRoutes(app: Api, ctx: AppContext): void {
  // ── News and disclosures ──────────────────────────────────────────────────
  app.get('/api/portal/articles', {
    schema: {
      tags: ['portal'], summary: '政务公开 / 通知公告（已发布，置顶在前）',
      querystring: z.object({ category: articleCategorySchema.optional(), ...pageQuery }),
      response: { 200: z.object({ total: z.number().int(), items: z.array(articleSummarySchema) }) },
    },
  }, async (req) => listPublicArticles(ctx.db, ctx.clock.now(), { category: req.query.category, ...page(req.query) }) as never);

  app.get('/api/portal/articles/:id', {
    schema: { tags: ['portal'], summary: '文章详情（已发布）', params: idParams, response: { 200: articleSchema } },
  }, async (req) => getPublicArticle(ctx.db, req.params.id, ctx.clock.now()) as never);

  app.get('/api/portal/admin/articles', {
    schema: { tags: ['portal'], summary: '文章管理：全部文章（含草稿）', response: { 200: z.object({ items: z.array(adminArticleSchema) }) } },
  }, async (req) => {
    assertCanReadAllArticles(requireActor(req));
    return { items: await listAllArticles(ctx.db) } as never;
  });

  app.post('/api/portal/admin/articles', {
    schema: { tags: ['portal'], summary: '新建文章（系统管理员）', body: articleInput, response: { 201: adminArticleSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    assertCanEditArticles(actor);
    return reply.status(201).send((await createArticle(ctx, actor, req.body)) as never);
  });

  app.put('/api/portal/admin/articles/:id', {
    schema: { tags: ['portal'], summary: '修改文章（带版本号，防止覆盖他人修改）', params: idParams, body: articleUpdateInput, response: { 200: adminArticleSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    assertCanEditArticles(actor);
    return (await updateArticle(ctx, actor, req.params.id, req.body)) as never;
  });

  app.delete('/api/portal/admin/articles/:id', {
    schema: { tags: ['portal'], summary: '删除文章', params: idParams, response: noContent },
  }, async (req, reply) => {
    const actor = requireActor(req);
    assertCanEditArticles(actor);
    await deleteArticle(ctx, actor, req.params.id);
    return reply.status(204).send(null);
  });

  // ── Search ────────────────────────────────────────────────────────────────
  app.get('/api/portal/search', {
    schema: {
      tags: ['portal'], summary: '事项搜索（关键词、拼音首字母、全拼；游标分页，匹配度高的在前）',
      querystring: z.object({ q: z.string().trim().min(1).max(50), ...cursorPageQuery }),
      response: { 200: pageOf(searchResultSchema) },
    },
  }, async (req) => searchItems(ctx, req.query.q, { cursor: req.query.cursor, limit: req.query.limit }));

  // ── Drafts ────────────────────────────────────────────────────────────────
  const applicant = (req: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(req);
    assertApplicant(actor);
    return actor;
  };

  app.get('/api/portal/drafts', {
    schema: { tags: ['portal'], summary: '我的草稿', response: { 200: z.object({ items: z.array(draftSchema) }) } },
  }, async (req) => ({ items: await listDrafts(ctx.db, applicant(req)) }));

  app.get('/api/portal/drafts/by-item/:id', {
    schema: { tags: ['portal'], summary: '某事项的草稿（无则为 null）', params: idParams, response: { 200: z.object({ draft: draftSchema.nullable() }) } },
  }, async (req) => ({ draft: await draftForItem(ctx.db, applicant(req), req.params.id) }));

  app.put('/api/portal/drafts', {
    schema: { tags: ['portal'], summary: '保存草稿（每个事项一份，覆盖保存）', body: draftInput, response: { 200: draftSchema } },
  }, async (req) => saveDraft(ctx, applicant(req), req.body));

  app.delete('/api/portal/drafts/:id', {
    schema: { tags: ['portal'], summary: '删除草稿', params: idParams, response: noContent },
  }, async (req, reply) => {
    await deleteDraft(ctx, applicant(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/portal/drafts/:id/submit', {
    schema: {
      tags: ['portal'], summary: '由草稿提交申请（同一事务内创建办件并删除草稿）', params: idParams, body: submitDraftInput,
      response: { 200: submittedSchema, 201: submittedSchema },
    },
  }, async (req, reply) => {
    const { created, ...result } = await submitDraft(ctx, applicant(req), req.params.id, req.body);
    return reply.status(created ? 201 : 200).send(result as z.infer<typeof submittedSchema>);
  });

  // ── Public results (办件结果公示) ───────────────────────────────────────────
  app.get('/api/portal/results', {
    schema: {
      tags: ['portal'], summary: '办件结果公示（办件编号部分隐藏，不含申请人信息）',
      querystring: z.object(pageQuery),
      response: { 200: z.object({ total: z.number().int(), items: z.array(resultRowSchema) }) },
    },
  }, async (req) => {
    const { total, rows } = await listConcludedResults(ctx.db, page(req.query));
    return {
      total,
      items: rows.map((r) => ({ caseNo: maskCaseNo(r.caseNo), itemName: r.itemName, departmentName: r.departmentName, result: r.status, concludedAt: r.concludedAt })),
    };
  });

  // ── Consultations and complaints ─────────────────────────────────────────
  // Anonymous submissions are the spam risk: 5 per 10 minutes per client; a citizen 20 an hour.
  const anonymousSubmissions = new FixedWindowLimiter(5, 10 * 60_000, ctx.clock);
  const citizenSubmissions = new FixedWindowLimiter(20, 60 * 60_000, ctx.clock);
  const lookups = new FixedWindowLimiter(20, 60_000, ctx.clock);

  app.post('/api/portal/messages', {
    schema: {
      tags: ['portal'], summary: '提交咨询或投诉（登录或匿名留电话；按事项/部门转办）', body: messageInput, response: { 201: messageReceiptSchema },
    },
  }, async (req, reply) => {
    const actor = req.actor;
    if (actor) {
      assertApplicant(actor);
      citizenSubmissions.take(actor.id);
    } else {
      anonymousSubmissions.take(req.ip);
    }
    return reply.status(201).send(await submitMessage(ctx, actor, req.body));
  });

  app.get('/api/portal/messages/mine', {
    schema: { tags: ['portal'], summary: '我的咨询/投诉', response: { 200: z.object({ items: z.array(citizenMessageSchema) }) } },
  }, async (req) => ({ items: (await listMyMessages(ctx.db, applicant(req))) as never }));

  app.get('/api/portal/messages/lookup', {
    schema: {
      tags: ['portal'], summary: '凭受理编号和查询码查看答复（无需登录）',
      querystring: z.object({ ticketNo: z.string().min(1).max(30), queryCode: z.string().min(1).max(20) }),
      response: { 200: citizenMessageSchema },
    },
  }, async (req) => {
    lookups.take(req.ip);
    return (await lookupMessage(ctx.db, req.query.ticketNo, req.query.queryCode)) as never;
  });

  app.get('/api/portal/messages', {
    // Consultations and complaints carry the citizen's name and phone.
    config: { audit: { action: 'message.list', targetType: 'message_query', target: queryTarget } },
    schema: {
      tags: ['portal'], summary: '本部门的咨询/投诉（工作台）',
      querystring: z.object({ status: z.enum(['open', 'answered']).optional() }),
      response: { 200: z.object({ items: z.array(staffMessageSchema) }) },
    },
  }, async (req) => ({ items: (await listStaffMessages(ctx.db, requireActor(req), req.query.status)) as never }));

  app.post('/api/portal/messages/:id/answer', {
    schema: {
      tags: ['portal'], summary: '答复咨询/投诉（本部门人员或中心领导）', params: idParams,
      body: z.object({ answer: z.string().max(2000) }), response: { 200: staffMessageSchema },
    },
  }, async (req) => (await answerMessage(ctx, requireActor(req), req.params.id, req.body.answer)) as never);

  // ── Ratings (好差评) ──────────────────────────────────────────────────────
  app.get('/api/portal/cases/:caseId/rating', {
    schema: { tags: ['portal'], summary: '办件的评价（无则为 null）', params: caseIdParams, response: { 200: z.object({ rating: ratingSchema.nullable() }) } },
  }, async (req) => ({ rating: await getRating(ctx.db, requireActor(req), req.params.caseId) }));

  app.post('/api/portal/cases/:caseId/rating', {
    schema: { tags: ['portal'], summary: '评价办件（办结后，每件一次；差评须说明原因）', params: caseIdParams, body: ratingInput, response: { 201: ratingSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (actor.role !== 'applicant') throw new AppError('FORBIDDEN');
    return reply.status(201).send(await rateCase(ctx, actor, req.params.caseId, req.body));
  });
}

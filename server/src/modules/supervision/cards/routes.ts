/**
 * The card routes: the list and one card for everyone with a scope (see
 * policy.ts), the lifecycle moves, the 监察建议书 and evidence files, the rules
 * (supervisors) and the forecast of tomorrow's yellow and red cards.
 */
import { z } from 'zod';
import type { Api } from '../../../platform/http/app.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/auth.ts';
import { pathIdTarget } from '../../../platform/audit/hook.ts';
import { moveCard, readCardFile } from './commands.ts';
import { endOfTomorrow, forecastCards } from './forecast.ts';
import { authorizeRules, cardScope } from './policy.ts';
import { listCards, readCard } from './queries.ts';
import { readRuleSet, ruleSetHistory, saveRuleSet } from './rule-store.ts';
import {
  cardDetailSchema, cardListQuery, cardListSchema, forecastSchema, idParams, moveSchema, ruleSetSchema, saveRulesSchema,
} from './schemas.ts';

const pdfResponse = { 200: z.any().describe('PDF / 图片文件') };

export function registerCardRoutes(app: Api, ctx: AppContext): void {
  const detail = (actor: ReturnType<typeof requireActor>, id: string) => readCard(ctx.db, actor, id, ctx.clock.now());

  app.get('/api/supervision/cards', {
    schema: { tags: ['supervision'], summary: '监察卡列表（预警、黄牌、红牌；按可见范围）', querystring: cardListQuery, response: { 200: cardListSchema } },
  }, async (req) => {
    const q = req.query;
    return listCards(ctx.db, cardScope(requireActor(req)), { ...q, caseNo: q.caseNo?.trim().toUpperCase() || undefined });
  });

  app.get('/api/supervision/cards/:id', {
    schema: { tags: ['supervision'], summary: '监察卡详情：受理、立案、调查、处理、申诉及各环节时限', params: idParams, response: { 200: cardDetailSchema } },
  }, async (req) => detail(requireActor(req), req.params.id));

  app.post('/api/supervision/cards/:id/moves', {
    schema: {
      tags: ['supervision'], summary: '监察卡办理：accept 受理 / file 立案 / investigate 调查 / decide 处理 / appeal 申诉 / review 复核',
      params: idParams, body: moveSchema, response: { 200: cardDetailSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await moveCard(ctx, actor, req.params.id, req.body);
    return detail(actor, req.params.id);
  });

  app.get('/api/supervision/cards/:id/advice', {
    config: { audit: { action: 'card.advice_read', targetType: 'card', target: pathIdTarget } },
    schema: { tags: ['supervision'], summary: '监察建议书 PDF', params: idParams, produces: ['application/pdf'], response: pdfResponse },
  }, async (req, reply) => {
    const file = await readCardFile(ctx, requireActor(req), req.params.id, 'advice');
    return sendFile(reply, file);
  });

  app.get('/api/supervision/cards/:id/evidence/:fileId', {
    config: { audit: { action: 'card.evidence_read', targetType: 'card_file', target: (req) => (req.params as { fileId?: string }).fileId ?? null } },
    schema: { tags: ['supervision'], summary: '调查证据文件（监察人员）', params: idParams.extend({ fileId: z.uuid() }), response: pdfResponse },
  }, async (req, reply) => {
    const file = await readCardFile(ctx, requireActor(req), req.params.id, 'evidence', req.params.fileId);
    return sendFile(reply, file);
  });

  app.get('/api/supervision/rules', {
    schema: { tags: ['supervision'], summary: '预警纠错规则（当前版本与历史版本）', response: { 200: z.object({ current: ruleSetSchema, history: z.array(ruleSetSchema) }) } },
  }, async (req) => {
    authorizeRules(requireActor(req));
    const current = await readRuleSet(ctx.db);
    const history = await ruleSetHistory(ctx.db);
    return { current: history[0] ?? { ...current, note: '默认规则', createdAt: new Date(0).toISOString(), createdBy: null }, history };
  });

  app.put('/api/supervision/rules', {
    schema: { tags: ['supervision'], summary: '保存预警纠错规则的新版本（已出示的卡保留原版本）', body: saveRulesSchema, response: { 200: ruleSetSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    authorizeRules(actor);
    const { baseVersion, note, ...body } = req.body;
    return saveRuleSet(ctx.db, { id: actor.id, role: actor.role }, baseVersion, body, note, ctx.clock.now());
  });

  app.get('/api/supervision/forecast', {
    schema: { tags: ['supervision'], summary: '明天将变黄、变红的办件（按当前规则预测）', response: { 200: forecastSchema } },
  }, async (req) => {
    authorizeRules(requireActor(req));
    const now = ctx.clock.now();
    return forecastCards(ctx.db, endOfTomorrow(now), { onlyTurningAfter: now });
  });
}

function sendFile(reply: import('fastify').FastifyReply, file: { name: string; mime: string; bytes: Buffer }) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `inline; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

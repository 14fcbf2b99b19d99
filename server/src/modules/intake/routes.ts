import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { pathIdTarget, queryTarget } from '../../platform/audit/hook.ts';
import { getItem, itemFacts } from '../catalog/index.ts';
import { caseDetailSchema, getCaseDetail, idParams } from '../cases/index.ts';
import { acceptWithDeficiencies, concludeImmediate, receiveOwedMaterial, saveChecklist, submitWalkIn } from './commands.ts';
import { beijingToday, checklistOf, findApplicant, listOwedMaterials, pastApplications } from './queries.ts';
import { checkIdentity, noticeDraft, prefill } from './rules.ts';
import { registerAttendanceRoutes } from './attendance.ts';
import {
  checklistSchema, checkSchema, lookupQuery, lookupResponse, owedListSchema, walkInBody, walkInResponse,
} from './schemas.ts';

const STAFF = ['clerk', 'manager', 'admin'] as const;

/** Window intake (窗口接件): applicant lookup with prefill, walk-in submission, checklist, 容缺受理, 即办件当场办结. */
export function registerIntakeRoutes(app: Api, ctx: AppContext): void {
  registerAttendanceRoutes(app, ctx);
  const detail = (actor: Actor, id: string) => getCaseDetail(ctx.db, actor, id, ctx.clock.now());

  app.get('/api/intake/applicants/lookup', {
    // The person looked up, by the number asked for (the audit administrator searches by it).
    config: { roles: [...STAFF], audit: { action: 'applicant.lookup', targetType: 'applicant', target: (req) => `${(req.query as { kind: string }).kind}:${(req.query as { number: string }).number}` } },
    schema: {
      tags: ['intake'], summary: '按身份证号码或统一社会信用代码查找申请人档案，并按事项预填申请表',
      querystring: lookupQuery, response: { 200: lookupResponse },
    },
  }, async (req) => {
    const idNumber = checkIdentity(req.query.kind, req.query.number, beijingToday(ctx.clock.now()));
    const applicant = (await findApplicant(ctx.db, req.query.kind, idNumber)) ?? null;
    if (!req.query.itemId) return { idNumber, applicant, formData: {}, sources: {} };
    const item = await getItem(ctx.db, req.query.itemId);
    const past = applicant ? await pastApplications(ctx.db, applicant.id) : [];
    // A new applicant still gets its number in the form's identity field.
    const facts = applicant ?? { kind: req.query.kind, idNumber, name: '', phone: null, address: null, legalRepresentative: null, contactPerson: null };
    return { idNumber, applicant, ...prefill(item.formFields, facts, past) };
  });

  app.post('/api/intake/cases', {
    config: { roles: ['clerk'] },
    schema: {
      tags: ['intake'], summary: '窗口接件：登记申请人并代为提交申请', body: walkInBody,
      response: { 200: walkInResponse, 201: walkInResponse },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { created, ...result } = await submitWalkIn(ctx, actor, req.body);
    return reply.status(created ? 201 : 200).send(result as z.infer<typeof walkInResponse>);
  });

  const checklist = async (actor: Actor, caseId: string): Promise<z.infer<typeof checklistSchema>> => {
    const d = await detail(actor, caseId);
    const items = await checklistOf(ctx.db, caseId, d.itemId);
    const item = (await itemFacts(ctx.db, d.itemId))!;
    const checked = items.filter((k) => k.status).map((k) => ({ ...k, status: k.status! }));
    return { items, noticeDraft: noticeDraft(checked), allowsDeficientAcceptance: item.allowsDeficientAcceptance, immediate: item.itemType === 'immediate' };
  };

  app.get('/api/intake/cases/:id/checklist', {
    config: { roles: [...STAFF, 'approver'], audit: { action: 'case.checklist_read', targetType: 'case', target: pathIdTarget } },
    schema: { tags: ['intake'], summary: '办件的材料核验清单', params: idParams, response: { 200: checklistSchema } },
  }, async (req) => checklist(requireActor(req), req.params.id));

  app.put('/api/intake/cases/:id/checklist', {
    config: { roles: ['clerk'] },
    schema: {
      tags: ['intake'], summary: '保存材料核验（收到 / 缺件 / 不符合要求，原件核验，份数）', params: idParams,
      body: z.object({ items: z.array(checkSchema).min(1).max(50) }), response: { 200: checklistSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await saveChecklist(ctx, actor, req.params.id, req.body.items);
    return checklist(actor, req.params.id);
  });

  app.post('/api/intake/cases/:id/accept-deficient', {
    config: { roles: ['clerk'] },
    schema: {
      tags: ['intake'], summary: '容缺受理：列明尚欠的可容缺材料及补交期限（工作日）', params: idParams,
      body: z.object({ materialIds: z.array(z.uuid()).max(50), workdays: z.number().int().min(1).max(30) }),
      response: { 200: caseDetailSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await acceptWithDeficiencies(ctx, actor, req.params.id, req.body);
    return detail(actor, req.params.id);
  });

  app.post('/api/intake/cases/:id/owed/:materialId/receive', {
    config: { roles: ['clerk'] },
    schema: {
      tags: ['intake'], summary: '登记容缺材料已补交', params: idParams.extend({ materialId: z.uuid() }),
      body: z.object({ uploadId: z.uuid().optional() }), response: { 200: caseDetailSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await receiveOwedMaterial(ctx, actor, req.params.id, req.params.materialId, req.body.uploadId);
    return detail(actor, req.params.id);
  });

  app.post('/api/intake/cases/:id/conclude', {
    config: { roles: ['clerk'] },
    schema: {
      tags: ['intake'], summary: '即办件当场办结（受理并办结，出具办结通知书）', params: idParams,
      body: z.object({ opinion: z.string().max(1000).default('') }), response: { 200: caseDetailSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await concludeImmediate(ctx, actor, req.params.id, req.body.opinion);
    return detail(actor, req.params.id);
  });

  app.get('/api/intake/owed', {
    config: { roles: [...STAFF], audit: { action: 'owed.list', targetType: 'case_query', target: queryTarget } },
    schema: {
      tags: ['intake'], summary: '容缺待补材料（逾期在前）', querystring: z.object({ overdue: z.enum(['true', 'false']).default('false') }),
      response: { 200: owedListSchema },
    },
  }, async (req) => {
    return { items: await listOwedMaterials(ctx.db, ctx.clock.now(), req.query.overdue === 'true') };
  });
}

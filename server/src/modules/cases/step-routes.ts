import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { requireActor, requireRole } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/errors.ts';
import {
  addSigners, claimTask, copyTo, delegateTask, getHistory, handoverTasks, listReturnTargets, markCopyRead, removeSigner,
  resolveTask, resumeInstance, returnTask, suspendInstance, transferTask, unclaimTask, urgeTask, withdrawTask,
  legalClockCalculator, type EngineEnv,
} from '../workflow/engine/index.ts';
import { getCaseDetail } from './queries.ts';
import { engineActor } from './workflow.ts';
import { loadClock } from './clock.ts';
import { idParams } from './schemas.ts';

/**
 * The workflow's task operations on a case's steps (办理 other than the
 * decision itself, which is POST /api/tasks/:id/complete): claim, return,
 * withdraw, transfer, delegate, signers, copy-to, urge, handover, suspend.
 * Thin: the engine checks who may act on which step and owns the semantics
 * (docs/workflow-engine.md); these routes authenticate, resolve the person
 * and translate.
 */
export function registerStepRoutes(app: Api, ctx: AppContext): void {
  const env = async (): Promise<EngineEnv> => ({ db: ctx.db, clock: ctx.clock, dueDates: legalClockCalculator((await loadClock(ctx.db)).calendar) });
  const staff = (req: Parameters<typeof requireActor>[0]): Actor => requireRole(req, 'approver', 'manager', 'agency_head', 'government_head', 'admin');
  const ok = z.object({ ok: z.literal(true) });
  const reason = z.string().max(1000).optional();
  const userId = z.uuid();

  /** The case's process instance, if the person may see the case. */
  async function instanceOf(actor: Actor, caseId: string): Promise<string> {
    await getCaseDetail(ctx.db, actor, caseId, ctx.clock.now());
    const { rows } = await ctx.db.query<{ process_instance_id: string | null }>('SELECT process_instance_id FROM cases WHERE id = $1', [caseId]);
    const id = rows[0]?.process_instance_id;
    if (!id) throw new AppError('INSTANCE_NOT_FOUND', { caseId });
    return id;
  }

  /** A staff member whose user id another person names (transfer, delegate, copy-to, handover). */
  async function colleague(id: string): Promise<string> {
    const { rows } = await ctx.db.query<{ id: string }>(`SELECT id FROM users WHERE id = $1 AND role <> 'applicant' AND NOT disabled`, [id]);
    if (!rows[0]) throw new AppError('VALIDATION_FAILED', { userId: id, reason: 'unknown_staff' });
    return rows[0].id;
  }

  app.get('/api/cases/:id/process', {
    schema: { tags: ['process'], summary: '办件的流程图与全部办理历史（已办 / 在办 / 退回环节）', params: idParams },
  }, async (req) => {
    const actor = requireActor(req);
    const instanceId = await instanceOf(actor, req.params.id);
    const history = await getHistory(ctx.db, { instanceId });
    const root = history.instances[0]!;
    const def = await ctx.db.query<{ bpmn_xml: string; key: string; version: number }>('SELECT bpmn_xml, key, version FROM wf_definitions WHERE id = $1', [root.definitionId]);
    const names = await ctx.db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [
      [...new Set(history.entries.map((e) => e.actorId).filter((x): x is string => !!x))],
    ]);
    const nameOf = new Map(names.rows.map((r) => [r.id, r.display_name]));
    // Applicants see the path and the outcomes, not who inside the agency did what.
    const showNames = actor.role !== 'applicant';
    return {
      key: def.rows[0]!.key,
      version: def.rows[0]!.version,
      xml: def.rows[0]!.bpmn_xml,
      highlight: history.nodes[root.id] ?? { done: [], active: [], returned: [] },
      entries: history.entries.map((e) => ({ ...e, actorName: showNames && e.actorId ? nameOf.get(e.actorId) ?? null : null, actorId: showNames ? e.actorId : null })),
    };
  });

  app.get('/api/tasks/:id/return-targets', {
    schema: { tags: ['process'], summary: '可退回到的环节', params: idParams },
  }, async (req) => {
    staff(req);
    return { nodeIds: await listReturnTargets(await env(), req.params.id) };
  });

  const taskOp = (path: string, summary: string, body: z.ZodType, run: (e: EngineEnv, who: Awaited<ReturnType<typeof engineActor>>, taskId: string, b: never) => Promise<unknown>) => {
    app.post(`/api/tasks/:id/${path}`, { schema: { tags: ['process'], summary, params: idParams, body, response: { 200: ok } } }, async (req) => {
      const actor = staff(req);
      await run(await env(), await engineActor(ctx.db, actor), req.params.id, req.body as never);
      return { ok: true as const };
    });
  };

  taskOp('claim', '签收', z.object({}).optional(), (e, who, taskId) => claimTask(e, { taskId, actor: who }));
  taskOp('unclaim', '退回签收', z.object({}).optional(), (e, who, taskId) => unclaimTask(e, { taskId, actor: who }));
  taskOp('return', '退回到之前的环节', z.object({ targetNodeId: z.string().min(1).max(200), opinion: z.string().min(1).max(1000) }),
    (e, who, taskId, b: { targetNodeId: string; opinion: string }) => returnTask(e, { taskId, actor: who, targetNodeId: b.targetNodeId, opinion: b.opinion }));
  taskOp('withdraw', '撤回（下一环节尚未办理前）', z.object({ reason }),
    (e, who, taskId, b: { reason?: string }) => withdrawTask(e, { taskId, actor: who, ...(b.reason ? { reason: b.reason } : {}) }));
  taskOp('transfer', '转办', z.object({ to: userId, reason }),
    async (e, who, taskId, b: { to: string; reason?: string }) => transferTask(e, { taskId, actor: who, to: await colleague(b.to), ...(b.reason ? { reason: b.reason } : {}) }));
  taskOp('delegate', '委派', z.object({ to: userId, reason }),
    async (e, who, taskId, b: { to: string; reason?: string }) => delegateTask(e, { taskId, actor: who, to: await colleague(b.to), ...(b.reason ? { reason: b.reason } : {}) }));
  taskOp('resolve', '委派办结，交回', z.object({ opinion: z.string().max(1000).optional() }),
    (e, who, taskId, b: { opinion?: string }) => resolveTask(e, { taskId, actor: who, ...(b.opinion ? { opinion: b.opinion } : {}) }));
  taskOp('signers', '加签', z.object({ users: z.array(userId).min(1).max(20) }),
    async (e, who, taskId, b: { users: string[] }) => addSigners(e, { taskId, actor: who, users: await Promise.all(b.users.map(colleague)) }));
  taskOp('signers/remove', '减签', z.object({ signerIndex: z.number().int().min(0) }),
    (e, who, taskId, b: { signerIndex: number }) => removeSigner(e, { taskId, actor: who, signerIndex: b.signerIndex }));
  taskOp('urge', '催办（每小时至多一次）', z.object({ message: z.string().max(500).optional() }),
    (e, who, taskId, b: { message?: string }) => urgeTask(e, { taskId, actor: who, ...(b.message ? { message: b.message } : {}) }));

  app.post('/api/cases/:id/copies', {
    schema: { tags: ['process'], summary: '抄送（只读，含已读回执）', params: idParams, body: z.object({ users: z.array(userId).min(1).max(50), taskId: z.uuid().optional() }), response: { 200: ok } },
  }, async (req) => {
    const actor = staff(req);
    const instanceId = await instanceOf(actor, req.params.id);
    const users = await Promise.all(req.body.users.map(colleague));
    await copyTo(await env(), { instanceId, actor: await engineActor(ctx.db, actor), users, ...(req.body.taskId ? { taskId: req.body.taskId } : {}) });
    return { ok: true as const };
  });

  app.post('/api/copies/:id/read', {
    schema: { tags: ['process'], summary: '抄送已读', params: idParams, response: { 200: ok } },
  }, async (req) => {
    const actor = requireActor(req);
    await markCopyRead(await env(), { copyId: req.params.id, actor: await engineActor(ctx.db, actor) });
    return { ok: true as const };
  });

  app.post('/api/cases/:id/suspend', {
    schema: { tags: ['process'], summary: '挂起办件流程', params: idParams, body: z.object({ reason: z.string().min(1).max(500) }), response: { 200: ok } },
  }, async (req) => {
    const actor = requireRole(req, 'manager', 'admin');
    await suspendInstance(await env(), { instanceId: await instanceOf(actor, req.params.id), actor: await engineActor(ctx.db, actor), reason: req.body.reason });
    return { ok: true as const };
  });

  app.post('/api/cases/:id/resume', {
    schema: { tags: ['process'], summary: '恢复办件流程', params: idParams, body: z.object({}).optional(), response: { 200: ok } },
  }, async (req) => {
    const actor = requireRole(req, 'manager', 'admin');
    await resumeInstance(await env(), { instanceId: await instanceOf(actor, req.params.id), actor: await engineActor(ctx.db, actor) });
    return { ok: true as const };
  });

  app.post('/api/users/:id/handover', {
    schema: { tags: ['process'], summary: '工作交接：把某人全部在办任务移交他人', params: idParams, body: z.object({ to: userId }), response: { 200: z.object({ taskIds: z.array(z.uuid()) }) } },
  }, async (req) => {
    const actor = requireRole(req, 'manager', 'admin');
    return handoverTasks(await env(), { from: await colleague(req.params.id), to: await colleague(req.body.to), actor: await engineActor(ctx.db, actor) });
  });

  app.get('/api/staff', {
    schema: {
      tags: ['process'], summary: '工作人员（转办、委派、抄送、加签时选择）',
      response: { 200: z.array(z.object({ id: z.uuid(), displayName: z.string(), role: z.string(), departmentName: z.string().nullable() })) },
    },
  }, async (req) => {
    staff(req);
    const { rows } = await ctx.db.query(
      `SELECT u.id, u.display_name AS "displayName", u.role, d.name AS "departmentName"
         FROM users u LEFT JOIN departments d ON d.id = u.department_id
        WHERE u.role <> 'applicant' AND NOT u.disabled ORDER BY d.sort_order NULLS FIRST, u.display_name`,
    );
    return rows as { id: string; displayName: string; role: string; departmentName: string | null }[];
  });
}

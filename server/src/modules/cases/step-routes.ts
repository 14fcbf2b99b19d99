import { z } from 'zod';
import { pathIdTarget, queryTarget } from '../../platform/audit/hook.ts';
import type { Api } from '../../platform/http/app.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/errors.ts';
import {
  addSigners, allowedOperations, claimTask, copyTo, definitionSource, delegateTask, getHistory, handoverTasks, listReturnTargets, markCopyRead, removeSigner,
  resolveTask, resumeInstance, returnTask, suspendInstance, transferTask, unclaimTask, urgeTask, withdrawTask,
  legalClockCalculator, openTaskCounts, TASK_OPERATIONS, type EngineEnv,
} from '../workflow/index.ts';
import { getCaseDetail } from './queries.ts';
import {
  assertCanSeeStep, canCopyCase, canReceiveCopy, canReceiveHandover, canTakeOverStep, canUrgeStep, HANDLING_OPERATIONS, mustRecuse, STEP_DECIDER_ROLES,
  type StepAccessFacts,
} from './policy.ts';
import { assertNotRecused, caseRecusal, stepRecusals } from './recusal.ts';
import { caseAccessFacts, heldSteps, openStepDepartments, stepAccessFacts, stepDepartmentsOf } from './step-access.ts';
import { engineActor } from './workflow.ts';
import { loadClock } from './clock.ts';
import { idParams } from './schemas.ts';
import { copiesOfProcess, copyFilterQuery, copyRowSchema, pageCopies } from './copy-list.ts';
import { pageOf, pageQuery } from '../../platform/http/page.ts';
import { activeStaff, displayNames, type StaffMember } from '../iam/index.ts';
import { departmentsByCodes, departmentsByIds } from '../catalog/index.ts';

/** A case's diagram and the history of its process tree (GET /api/cases/:id/process). */
const caseProcessSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  xml: z.string(),
  highlight: z.object({ done: z.array(z.string()), active: z.array(z.string()), returned: z.array(z.string()) }),
  entries: z.array(z.object({
    id: z.number().int(),
    instanceId: z.string(),
    taskId: z.string().nullable(),
    nodeId: z.string().nullable(),
    action: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    at: z.date(),
    opinion: z.string().nullable(),
    fields: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })),
});

/**
 * The workflow's task operations on a case's steps (办理 other than the
 * decision itself, which is POST /api/tasks/:id/complete): claim, return,
 * withdraw, transfer, delegate, signers, copy-to, urge, handover, suspend.
 * Thin: the engine checks who may act on which step and owns the semantics
 * (docs/workflow-engine.md); these routes authenticate, resolve the person,
 * apply the case policy's per-object rules (policy.ts: a step of a case one
 * cannot read is TASK_NOT_FOUND; who urges, copies, and to whom a step is
 * transferred) and translate.
 */
export function registerStepRoutes(app: Api, ctx: AppContext): void {
  const env = async (): Promise<EngineEnv> => ({ db: ctx.db, clock: ctx.clock, dueDates: legalClockCalculator((await loadClock(ctx.db)).calendar) });
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
  async function colleague(id: string): Promise<StaffMember> {
    const [person] = await activeStaff(ctx.db, { ids: [id] });
    if (!person) throw new AppError('VALIDATION_FAILED', { userId: id, reason: 'unknown_staff' });
    return person;
  }
  const colleagueId = async (id: string): Promise<string> => (await colleague(id)).id;

  /** Those who decide steps (approvers, agency heads) of any of `departmentIds`: the only people a step may be transferred or handed over to. */
  async function decidersOf(departmentIds: readonly string[]): Promise<StaffMember[]> {
    return departmentIds.length ? activeStaff(ctx.db, { roles: STEP_DECIDER_ROLES, departmentIds }) : [];
  }

  /**
   * Staff as the pickers list them: with their department's name, in the
   * center's order of departments (those without one first or last), by name
   * within (iam gives them by name; the sort keeps that order).
   */
  async function withDepartments(people: StaffMember[], noDepartment: 'first' | 'last') {
    const departments = await departmentsByIds(ctx.db, people.flatMap((p) => (p.departmentId ? [p.departmentId] : [])));
    const none = noDepartment === 'first' ? -Infinity : Infinity;
    const order = (p: StaffMember) => (p.departmentId ? departments.get(p.departmentId)?.sortOrder ?? none : none);
    return [...people].sort((a, b) => order(a) - order(b)).map(({ id, displayName, role, departmentId }) => ({
      id, displayName, role: role as string, departmentName: (departmentId && departments.get(departmentId)?.name) || null,
    }));
  }

  /** The step with its case's facts, if the person may read that case; TASK_NOT_FOUND otherwise, so task ids cannot be probed. */
  async function stepOf(actor: Actor, taskId: string): Promise<StepAccessFacts & { caseId: string }> {
    const step = await stepAccessFacts(ctx.db, actor.id, taskId);
    assertCanSeeStep(actor, step);
    return step;
  }

  /** 转办's new handler: an approver or the agency head of the step's department (TRANSFER_TARGET_INVALID otherwise). */
  async function successor(id: string, step: StepAccessFacts & { caseId: string }): Promise<string> {
    const person = await colleague(id);
    if (!canTakeOverStep(person, step)) throw new AppError('TRANSFER_TARGET_INVALID', { userId: id });
    await assertNotRecused(ctx.db, step.caseId, [person.id]);
    return person.id;
  }

  app.get('/api/cases/:id/process', {
    config: { audit: { action: 'case.process_read', targetType: 'case', target: pathIdTarget } },
    schema: { tags: ['process'], summary: '办件的流程图与全部办理历史（已办 / 在办 / 退回环节）', params: idParams, response: { 200: caseProcessSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const instanceId = await instanceOf(actor, req.params.id);
    const history = await getHistory(ctx.db, { instanceId });
    const root = history.instances[0]!;
    const def = (await definitionSource(ctx.db, root.definitionId))!;
    const names = await namesOf(
      history.entries.map((e) => e.actorId).filter((x): x is string => !!x),
      // 减签 of a department signer names the department.
      history.entries.filter((e) => e.action === 'signerRemoved' && typeof e.details?.signer === 'string').map((e) => e.details!.signer as string),
    );
    const nameOf = names.user;
    const deptOf = names.dept;
    const named = (e: (typeof history.entries)[number]) =>
      e.action === 'signerRemoved' && deptOf.has(e.details?.signer as string) ? { ...e, details: { ...e.details, signerName: deptOf.get(e.details!.signer as string) } } : e;
    // Applicants see the path and the outcomes, not who inside the agency did what.
    const showNames = actor.role !== 'applicant';
    return {
      key: def.key,
      version: def.version,
      xml: def.bpmnXml,
      highlight: history.nodes[root.id] ?? { done: [], active: [], returned: [] },
      entries: history.entries.map(named).map((e) => ({ ...e, actorName: showNames && e.actorId ? nameOf.get(e.actorId) ?? null : null, actorId: showNames ? e.actorId : null })),
    };
  });

  const signerSchema = z.object({ index: z.number().int(), kind: z.string(), value: z.string(), name: z.string(), state: z.string() });
  const operationsSchema = z.object({
    instanceStatus: z.string(),
    suspend: z.boolean(),
    resume: z.boolean(),
    /** 申请人/受理人回避: the person applied for or accepted the case and handles none of its steps (the case page says so). */
    recused: z.boolean(),
    tasks: z.array(z.object({
      taskId: z.uuid(), nodeId: z.string(), name: z.string().nullable(), status: z.string(),
      operations: z.array(z.enum(TASK_OPERATIONS)), returnTargets: z.array(z.string()), removableSigners: z.array(signerSchema),
      /** Whom 转办 may give the step to (user ids): the approvers and agency heads of its department. */
      transferTargets: z.array(z.uuid()),
      owner: z.string().nullable(), ownerName: z.string().nullable(), delegate: z.string().nullable(), delegateName: z.string().nullable(),
    })),
  });

  /** Display names of user ids and department codes (signers are either). */
  async function namesOf(userIds: string[], deptCodes: string[]): Promise<{ user: Map<string, string>; dept: Map<string, string> }> {
    const uuid = /^[0-9a-f-]{36}$/i;
    const user = await displayNames(ctx.db, userIds.filter((u) => uuid.test(u)));
    const depts = await departmentsByCodes(ctx.db, deptCodes);
    return { user, dept: new Map([...depts].map(([code, d]) => [code, d.name])) };
  }

  app.get('/api/cases/:id/operations', {
    config: { roles: ['approver', 'manager', 'agency_head', 'government_head', 'admin'] },
    schema: { tags: ['process'], summary: '本人现在可对办件各环节做的流程操作（界面只显示这些）', params: idParams, response: { 200: operationsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const instanceId = await instanceOf(actor, req.params.id);
    const facts = (await caseAccessFacts(ctx.db, actor.id, req.params.id))!;
    const stepDepartments = await openStepDepartments(ctx.db, req.params.id);
    const urgeable = new Set([...stepDepartments]
      .filter(([, departmentIds]) => canUrgeStep(actor, { case: facts, departmentIds })).map(([taskId]) => taskId));
    const ops = await allowedOperations(await env(), {
      instanceId, actor: await engineActor(ctx.db, actor), supervise: actor.role === 'manager' || actor.role === 'admin', urgeable,
    });
    // 申请人/受理人回避: the person handles none of the case's steps, and is nobody's choice for one.
    const parties = await caseRecusal(ctx.db, req.params.id);
    const handles = (op: string) => !mustRecuse(actor.id, parties) || !(HANDLING_OPERATIONS as readonly string[]).includes(op);
    const signers = ops.tasks.flatMap((t) => t.removableSigners);
    const people = ops.tasks.flatMap((t) => [t.owner, t.delegate]).filter((x): x is string => !!x);
    const names = await namesOf([...people, ...signers.filter((s) => s.kind === 'user').map((s) => s.value)], signers.filter((s) => s.kind === 'department').map((s) => s.value));
    // 转办's choices: the deciders of the step's department, not the person transferring.
    const deciders = await decidersOf([...stepDepartments.values()].flat());
    const transferTargets = (taskId: string, operations: readonly string[]) => operations.includes('transfer')
      ? deciders.filter((p) => p.id !== actor.id && !mustRecuse(p.id, parties) && canTakeOverStep(p, { departmentIds: stepDepartments.get(taskId) ?? [] })).map((p) => p.id)
      : [];
    return {
      instanceStatus: ops.instanceStatus,
      suspend: ops.suspend,
      resume: ops.resume,
      recused: mustRecuse(actor.id, parties),
      tasks: ops.tasks.map(({ instanceId: _i, ...t }) => ({
        ...t,
        operations: t.operations.filter(handles),
        removableSigners: t.removableSigners.map((s) => ({ ...s, name: (s.kind === 'user' ? names.user.get(s.value) : s.kind === 'department' ? names.dept.get(s.value) : undefined) ?? s.value })),
        transferTargets: transferTargets(t.taskId, t.operations.filter(handles)),
        ownerName: t.owner ? names.user.get(t.owner) ?? null : null,
        delegateName: t.delegate ? names.user.get(t.delegate) ?? null : null,
      })),
    };
  });

  app.get('/api/copies', {
    config: { audit: { action: 'copy.list', targetType: 'case_query', target: queryTarget } },
    schema: {
      tags: ['process'], summary: '抄送我的（游标分页，未读在前；unread 为全部未读数）',
      querystring: z.object({ ...copyFilterQuery, ...pageQuery }),
      response: { 200: pageOf(copyRowSchema).extend({ unread: z.number().int() }) },
    },
  }, async (req) => {
    // Anyone signed in reads the copies sent to them (only staff are ever sent any).
    const actor = requireActor(req);
    const { cursor, limit, ...filters } = req.query;
    return pageCopies(ctx.db, actor.id, filters, { cursor, limit });
  });

  app.get('/api/cases/:id/copies', {
    config: { roles: ['approver', 'manager', 'agency_head', 'government_head', 'admin'], audit: { action: 'case.copies_read', targetType: 'case', target: pathIdTarget } },
    schema: { tags: ['process'], summary: '办件的抄送及已读回执', params: idParams, response: { 200: z.object({ items: z.array(copyRowSchema) }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const instanceId = await instanceOf(actor, req.params.id);
    return { items: await copiesOfProcess(ctx.db, instanceId) };
  });

  app.get('/api/staff/workload', {
    config: { roles: ['manager', 'admin'] },
    schema: {
      tags: ['process'], summary: '工作交接：各工作人员名下的在办任务数（已分配、已签收或受委派）',
      response: { 200: z.array(z.object({ id: z.uuid(), displayName: z.string(), role: z.string(), departmentName: z.string().nullable(), openTasks: z.number().int() })) },
    },
  }, async () => {
    const held = await openTaskCounts(ctx.db);
    const rows = await withDepartments(await activeStaff(ctx.db), 'first');
    return rows.map((r) => ({ ...r, openTasks: held.get(r.id) ?? 0 }));
  });

  app.get('/api/tasks/:id/return-targets', {
    config: { roles: ['approver', 'manager', 'agency_head', 'government_head', 'admin'] },
    schema: { tags: ['process'], summary: '可退回到的环节', params: idParams, response: { 200: z.object({ nodeIds: z.array(z.string()) }) } },
  }, async (req) => {
    const actor = requireActor(req);
    await stepOf(actor, req.params.id);
    return { nodeIds: await listReturnTargets(await env(), req.params.id, await engineActor(ctx.db, actor)) };
  });

  type Who = Awaited<ReturnType<typeof engineActor>>;
  type Access = { actor: Actor; step: StepAccessFacts & { caseId: string } };
  const taskOp = (path: string, summary: string, body: z.ZodType, run: (e: EngineEnv, who: Who, taskId: string, b: never, access: Access) => Promise<unknown>) => {
    app.post(`/api/tasks/:id/${path}`, { config: { roles: ['approver', 'manager', 'agency_head', 'government_head', 'admin'] }, schema: { tags: ['process'], summary, params: idParams, body, response: { 200: ok } } }, async (req) => {
      const actor = requireActor(req);
      const step = await stepOf(actor, req.params.id);
      await run(await env(), await engineActor(ctx.db, actor), req.params.id, req.body as never, { actor, step });
      return { ok: true as const };
    });
  };

  /** A handling operation (policy.ts HANDLING_OPERATIONS): refused to whoever applied for or accepted the case, where its item separates duties. */
  const handling = <B>(run: (e: EngineEnv, who: Who, taskId: string, b: B) => Promise<unknown>) =>
    async (e: EngineEnv, who: Who, taskId: string, b: B, { actor, step }: Access) => {
      await assertNotRecused(ctx.db, step.caseId, [actor.id]);
      return run(e, who, taskId, b);
    };

  taskOp('claim', '签收', z.object({}).optional(), handling((e, who, taskId) => claimTask(e, { taskId, actor: who })));
  taskOp('unclaim', '退回签收', z.object({}).optional(), (e, who, taskId) => unclaimTask(e, { taskId, actor: who }));
  taskOp('return', '退回到之前的环节', z.object({ targetNodeId: z.string().min(1).max(200), opinion: z.string().min(1).max(1000) }),
    handling((e, who, taskId, b: { targetNodeId: string; opinion: string }) => returnTask(e, { taskId, actor: who, targetNodeId: b.targetNodeId, opinion: b.opinion })));
  taskOp('withdraw', '撤回（下一环节尚未办理前）', z.object({ reason }),
    (e, who, taskId, b: { reason?: string }) => withdrawTask(e, { taskId, actor: who, ...(b.reason ? { reason: b.reason } : {}) }));
  taskOp('transfer', '转办', z.object({ to: userId, reason }),
    async (e, who, taskId, b: { to: string; reason?: string }, { step }) => transferTask(e, { taskId, actor: who, to: await successor(b.to, step), ...(b.reason ? { reason: b.reason } : {}) }));
  taskOp('delegate', '委派', z.object({ to: userId, reason }),
    async (e, who, taskId, b: { to: string; reason?: string }, { step }) => {
      const to = await colleagueId(b.to);
      await assertNotRecused(ctx.db, step.caseId, [to]);
      return delegateTask(e, { taskId, actor: who, to, ...(b.reason ? { reason: b.reason } : {}) });
    });
  taskOp('resolve', '委派办结，交回', z.object({ opinion: z.string().max(1000).optional() }),
    handling((e, who, taskId, b: { opinion?: string }) => resolveTask(e, { taskId, actor: who, ...(b.opinion ? { opinion: b.opinion } : {}) })));
  taskOp('signers', '加签', z.object({ users: z.array(userId).min(1).max(20) }),
    async (e, who, taskId, b: { users: string[] }, { step }) => {
      const users = await Promise.all(b.users.map(colleagueId));
      await assertNotRecused(ctx.db, step.caseId, users);
      return addSigners(e, { taskId, actor: who, users });
    });
  taskOp('signers/remove', '减签', z.object({ signerIndex: z.number().int().min(0), reason }),
    (e, who, taskId, b: { signerIndex: number; reason?: string }) => removeSigner(e, { taskId, actor: who, signerIndex: b.signerIndex, ...(b.reason ? { reason: b.reason } : {}) }));
  taskOp('urge', '催办（每小时至多一次）', z.object({ message: z.string().max(500).optional() }),
    (e, who, taskId, b: { message?: string }, { actor, step }) => {
      if (!canUrgeStep(actor, step)) throw new AppError('FORBIDDEN');
      return urgeTask(e, { taskId, actor: who, ...(b.message ? { message: b.message } : {}) });
    });

  app.post('/api/cases/:id/copies', {
    config: { roles: ['approver', 'manager', 'agency_head', 'government_head', 'admin'] },
    schema: { tags: ['process'], summary: '抄送（只读，含已读回执）', params: idParams, body: z.object({ users: z.array(userId).min(1).max(50), taskId: z.uuid().optional() }), response: { 200: ok } },
  }, async (req) => {
    const actor = requireActor(req);
    const instanceId = await instanceOf(actor, req.params.id);
    if (!canCopyCase(actor, (await caseAccessFacts(ctx.db, actor.id, req.params.id))!)) throw new AppError('FORBIDDEN');
    const users = await Promise.all(req.body.users.map(async (id) => {
      const person = await colleague(id);
      if (!canReceiveCopy(person.role)) throw new AppError('COPY_RECIPIENT_INVALID', { userId: id });
      return person.id;
    }));
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
    config: { roles: ['manager', 'admin'] },
    schema: { tags: ['process'], summary: '挂起办件流程', params: idParams, body: z.object({ reason: z.string().min(1).max(500) }), response: { 200: ok } },
  }, async (req) => {
    const actor = requireActor(req);
    await suspendInstance(await env(), { instanceId: await instanceOf(actor, req.params.id), actor: await engineActor(ctx.db, actor), reason: req.body.reason });
    return { ok: true as const };
  });

  app.post('/api/cases/:id/resume', {
    config: { roles: ['manager', 'admin'] },
    schema: { tags: ['process'], summary: '恢复办件流程', params: idParams, body: z.object({}).optional(), response: { 200: ok } },
  }, async (req) => {
    const actor = requireActor(req);
    await resumeInstance(await env(), { instanceId: await instanceOf(actor, req.params.id), actor: await engineActor(ctx.db, actor) });
    return { ok: true as const };
  });

  app.post('/api/users/:id/handover', {
    config: { roles: ['manager', 'admin'] },
    schema: { tags: ['process'], summary: '工作交接：把某人全部在办任务移交他人', params: idParams, body: z.object({ to: userId }), response: { 200: z.object({ taskIds: z.array(z.uuid()) }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const from = await colleague(req.params.id);
    const to = await colleague(req.body.to);
    return handoverTasks(await env(), {
      from: from.id, to: to.id, actor: await engineActor(ctx.db, actor),
      // Under the engine's locks: every step must be one `to` may take over, else nothing moves.
      check: async (tx, tasks) => {
        const departments = await stepDepartmentsOf(tx, tasks.map((task) => task.id));
        const refused = tasks.filter((task) => !canReceiveHandover(to, from, { departmentIds: departments.get(task.id) ?? [], asDelegate: task.asDelegate }));
        if (refused.length) throw new AppError('TRANSFER_TARGET_INVALID', { userId: to.id, taskIds: refused.map((task) => task.id) });
        const recusals = await stepRecusals(tx, tasks.map((task) => task.id));
        const recused = tasks.filter((task) => mustRecuse(to.id, recusals.get(task.id) ?? null));
        if (recused.length) throw new AppError('SEPARATION_OF_DUTIES', { userIds: [to.id], taskIds: recused.map((task) => task.id) });
      },
    });
  });

  app.get('/api/users/:id/handover-targets', {
    config: { roles: ['manager', 'admin'] },
    schema: {
      tags: ['process'], summary: '工作交接：可接收此人全部在办任务的工作人员（各任务所属部门的审批人员或部门负责人）', params: idParams,
      response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string(), role: z.string(), departmentName: z.string().nullable() })) }) },
    },
  }, async (req) => {
    const from = await colleague(req.params.id);
    const steps = await heldSteps(ctx.db, from.id);
    const candidates = await decidersOf([...steps.flatMap((x) => x.departmentIds), ...(from.departmentId ? [from.departmentId] : [])]);
    const recusals = await stepRecusals(ctx.db, steps.map((x) => x.id));
    const fits = (p: StaffMember) => p.id !== from.id && steps.every((x) => canReceiveHandover(p, from, x) && !mustRecuse(p.id, recusals.get(x.id) ?? null));
    // Deciders are active staff of a department, in iam's order by name.
    return { items: await withDepartments(candidates.filter(fits), 'last') };
  });

  app.get('/api/staff', {
    config: { roles: ['approver', 'manager', 'agency_head', 'government_head', 'admin'] },
    schema: {
      tags: ['process'], summary: '工作人员（转办、委派、抄送、加签时选择）',
      response: { 200: z.array(z.object({ id: z.uuid(), displayName: z.string(), role: z.string(), departmentName: z.string().nullable() })) },
    },
  }, async () => {
    return withDepartments(await activeStaff(ctx.db), 'first');
  });
}

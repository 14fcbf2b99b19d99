import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import type { FlowNode, TimerDefinition, UserTaskNode } from '../definition/index.ts';
import { assignmentOf, resolveParties, resolveSigners } from './assignment.ts';
import type { Moving, RunContext } from './context.ts';
import { latestPublished } from './definitions.ts';
import { addDuration } from './due-dates.ts';
import { BpmnError } from './handlers.ts';
import { nextPending } from './multi-rules.ts';
import { enqueue, leave } from './run.ts';
import { throwBpmnError } from './scope.ts';
import { insertSubscription, insertTask, insertTimer, insertToken } from './store.ts';
import type { InstanceRow, MultiData, Signer, TaskRow, TokenRow } from './types.ts';

type Activity = Exclude<FlowNode, { type: 'startEvent' | 'endEvent' | 'boundaryEvent' | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'unsupported' }>;

/** Enters a task, catch event, sub-process or call activity. */
export async function enterActivity(ctx: RunContext, m: Moving, node: Activity): Promise<void> {
  switch (node.type) {
    case 'userTask':
      await enterUserTask(ctx, m, node);
      return;
    case 'serviceTask':
      return runServiceTask(ctx, m, node);
    case 'receiveTask':
    case 'intermediateMessageCatch': {
      const token = await rest(ctx, m, 'waiting');
      const loaded = ctx.instance(m.instanceId);
      const message = node.messageRef ? loaded.compiled.model.messages[node.messageRef] : undefined;
      await insertSubscription(ctx, token, message?.name ?? node.messageRef ?? node.id, loaded.row.business_key);
      return scheduleBoundaryTimers(ctx, token, node);
    }
    case 'intermediateTimerCatch': {
      const token = await rest(ctx, m, 'waiting');
      if (!node.timer) throw new Error(`timer ${node.id} has no definition`);
      return insertTimer(ctx, { instanceId: m.instanceId, tokenId: token.id, kind: 'catch', nodeId: node.id, dueAt: timerDue(ctx, node.timer) });
    }
    case 'subProcess': {
      const scope = await rest(ctx, m, 'scope');
      for (const startId of node.startNodeIds) enqueue(ctx, { instanceId: m.instanceId, nodeId: startId, scopeId: scope.id, branch: [], viaFlow: null });
      return scheduleBoundaryTimers(ctx, scope, node);
    }
    case 'callActivity':
      return startCalledProcess(ctx, m, node);
  }
}

async function rest(ctx: RunContext, m: Moving, state: 'waiting' | 'scope'): Promise<TokenRow> {
  return insertToken(ctx, { instanceId: m.instanceId, nodeId: m.nodeId, scopeId: m.scopeId, state, branch: m.branch, viaFlow: m.viaFlow });
}

/** A user task: one task from the assignee rule, or a multi-instance step with one task per signer (sequential: one at a time). */
export async function enterUserTask(ctx: RunContext, m: Moving, node: UserTaskNode, handBackTo?: string): Promise<TokenRow> {
  const loaded = ctx.instance(m.instanceId);
  let token: TokenRow;
  if (node.multiInstance) {
    const mi = node.multiInstance;
    const data: MultiData = { sequential: mi.sequential, completion: mi.completion, signers: resolveSigners(node, loaded.variables) };
    if (mi.ratio !== undefined) data.ratio = mi.ratio;
    token = await insertToken(ctx, { instanceId: m.instanceId, nodeId: node.id, scopeId: m.scopeId, state: 'multi', branch: m.branch, viaFlow: m.viaFlow, data });
    const open = mi.sequential ? [nextPending(data)!] : data.signers;
    for (const signer of open) await openSignerTask(ctx, token, node, signer);
  } else {
    token = await rest(ctx, m, 'waiting');
    // 退回: the step goes back to the person who handled it before.
    const assignment = handBackTo
      ? { assignee: handBackTo, candidateKind: 'user' as const, candidateValues: [handBackTo] }
      : assignmentOf(resolveParties(node.id, node.assignee, loaded.variables));
    await openTask(ctx, token, node, { ...assignment, loopIndex: null });
  }
  await scheduleBoundaryTimers(ctx, token, node);
  return token;
}

export async function openSignerTask(ctx: RunContext, token: TokenRow, node: UserTaskNode, signer: Signer): Promise<TaskRow> {
  return openTask(ctx, token, node, { ...assignmentOf([signer]), loopIndex: signer.index });
}

async function openTask(
  ctx: RunContext,
  token: TokenRow,
  node: UserTaskNode,
  a: { assignee: string | null; candidateKind: TaskRow['candidate_kind']; candidateValues: string[]; loopIndex: number | null },
): Promise<TaskRow> {
  const dueAt = node.limitDays ? ctx.dueDates.addWorkingDays(ctx.now, node.limitDays) : null;
  const task = await insertTask(ctx, { token, nodeId: node.id, name: node.name ?? null, dueAt, stage: node.stage ?? null, ...a });
  if (dueAt && node.timeoutAction) {
    await insertTimer(ctx, { instanceId: token.instance_id, tokenId: token.id, taskId: task.id, kind: 'timeout', nodeId: node.id, dueAt });
  }
  return task;
}

/** Timer boundary events of an activity, scheduled on the token that rests there. */
async function scheduleBoundaryTimers(ctx: RunContext, host: TokenRow, node: FlowNode): Promise<void> {
  const compiled = ctx.instance(host.instance_id).compiled;
  for (const id of node.boundaryEventIds) {
    const boundary = compiled.node(id);
    if (boundary.type !== 'boundaryEvent' || boundary.trigger !== 'timer' || !boundary.timer) continue;
    const repeatLeft = boundary.timer.kind === 'cycle' ? (boundary.timer.repeat ?? 0) - 1 : null;
    await insertTimer(ctx, { instanceId: host.instance_id, tokenId: host.id, kind: 'boundary', nodeId: id, dueAt: timerDue(ctx, boundary.timer), repeatLeft });
  }
}

export function timerDue(ctx: RunContext, timer: TimerDefinition, from: Date = ctx.now): Date {
  if (timer.kind === 'date') return new Date(timer.at);
  return addDuration(ctx.dueDates, from, timer.duration);
}

async function runServiceTask(ctx: RunContext, m: Moving, node: Extract<FlowNode, { type: 'serviceTask' }>): Promise<void> {
  const handler = node.handler ? ctx.env.handlers?.get(node.handler) : undefined;
  if (!handler) throw new AppError('WORKFLOW_HANDLER_MISSING', { nodeId: node.id, handler: node.handler ?? null });
  const loaded = ctx.instance(m.instanceId);
  ctx.markIrreversible('serviceTask');
  let result;
  try {
    result = await handler({
      tx: ctx.tx,
      instanceId: m.instanceId,
      businessKey: loaded.row.business_key,
      caseId: loaded.row.case_id,
      nodeId: node.id,
      now: ctx.now,
      variables: structuredClone(loaded.variables),
    });
  } catch (error) {
    if (error instanceof BpmnError) {
      ctx.record({ instanceId: m.instanceId, nodeId: node.id, action: 'serviceError', details: { errorCode: error.code } });
      return throwBpmnError(ctx, m, error.code, node);
    }
    throw error;
  }
  if (result) ctx.setVariables(m.instanceId, result);
  return leave(ctx, m, node);
}

/** 调用子流程: a child instance of the latest published version of the called key, run in this transaction. */
async function startCalledProcess(ctx: RunContext, m: Moving, node: Extract<FlowNode, { type: 'callActivity' }>): Promise<void> {
  const parent = ctx.instance(m.instanceId);
  const token = await rest(ctx, m, 'waiting');
  await scheduleBoundaryTimers(ctx, token, node);
  const definition = await latestPublished(ctx.tx, node.calledElement ?? '');
  ctx.markIrreversible('callActivity');
  const child = await createInstance(ctx, {
    definitionId: definition.id,
    parentId: parent.row.id,
    parentTokenId: token.id,
    businessKey: parent.row.business_key,
    caseId: parent.row.case_id,
    variables: structuredClone(parent.variables),
    startedBy: ctx.actor?.id ?? null,
  });
  await startAtNoneStart(ctx, child);
}

/** Inserts an instance row of the run's tree and loads it into the run. */
export async function createInstance(
  ctx: RunContext,
  i: { id?: string; definitionId: string; parentId: string | null; parentTokenId: string | null; businessKey: string | null; caseId: string | null; variables: Record<string, unknown>; startedBy: string | null },
): Promise<InstanceRow> {
  const row: InstanceRow = {
    id: i.id ?? randomUUID(),
    definition_id: i.definitionId,
    root_id: ctx.rootId,
    parent_id: i.parentId,
    parent_token_id: i.parentTokenId,
    business_key: i.businessKey,
    case_id: i.caseId,
    status: 'running',
    variables: i.variables,
    started_by: i.startedBy,
    started_at: ctx.now,
    ended_at: null,
  };
  // The row goes out with the run's next statement (usually its last).
  const loaded = await ctx.adoptNew(row);
  ctx.record({ instanceId: row.id, action: 'started', actorId: ctx.actor?.id ?? null, details: { definitionId: row.definition_id, parentId: row.parent_id } });
  ctx.emit('process.started', row.id, { definitionId: row.definition_id, key: loaded.compiled.model.id, parentId: row.parent_id });
  return row;
}

export async function startAtNoneStart(ctx: RunContext, instance: InstanceRow, startNodeId?: string): Promise<void> {
  const model = ctx.instance(instance.id).compiled.model;
  const start = startNodeId ?? model.startNodeIds.find((id) => { const n = model.nodes[id]; return n?.type === 'startEvent' && n.trigger === 'none'; });
  if (!start) throw new AppError('PROCESS_NOT_FOUND', { key: model.id, reason: 'noNoneStartEvent' });
  enqueue(ctx, { instanceId: instance.id, nodeId: start, scopeId: null, branch: [], viaFlow: null });
}

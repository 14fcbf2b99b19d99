import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { evaluateCondition, type FlowNode } from '../definition/index.ts';
import type { GatewayNode } from './compiled-model.ts';
import { enterActivity } from './activities.ts';
import type { Moving, RunContext } from './context.ts';
import { arriveAtJoin, fireReadyInclusiveJoins } from './gateways.ts';
import { completeScopeIfEmpty, terminateScope, throwBpmnError } from './scope.ts';
import { cancelTimersOfToken, deleteSubscriptionsOfToken, deleteToken } from './store.ts';
import type { TokenRow } from './types.ts';

/**
 * The executor: moves tokens synchronously, inside the command's one
 * transaction, until every token rests (at a user task, a receive task, a
 * catch event, a call activity, or a join that still waits). Nothing it
 * knows survives the transaction except the rows it wrote.
 */

export function enqueue(ctx: RunContext, moving: Moving): void {
  ctx.queue.push(moving);
}

/** Runs until every token rests, then fires inclusive joins that nothing can reach any more, and repeats. */
export async function drain(ctx: RunContext): Promise<void> {
  for (;;) {
    for (let next = ctx.queue.shift(); next; next = ctx.queue.shift()) {
      if (next.scopeId !== null && ctx.deadScopes.has(next.scopeId)) continue;
      await enter(ctx, next);
    }
    if (!(await fireReadyInclusiveJoins(ctx))) return;
  }
}

async function enter(ctx: RunContext, m: Moving): Promise<void> {
  const loaded = ctx.instance(m.instanceId);
  const node = loaded.compiled.node(m.nodeId);
  ctx.pass(m.instanceId, node.id);
  switch (node.type) {
    case 'startEvent':
    case 'boundaryEvent':
      return leave(ctx, m, node);
    case 'endEvent':
      return enterEnd(ctx, m, node);
    case 'exclusiveGateway':
      return takeFlows(ctx, m, [exclusiveChoice(ctx, m, node as GatewayNode)]);
    case 'parallelGateway':
    case 'inclusiveGateway': {
      const gateway = node as GatewayNode;
      if (gateway.incoming.length > 1) return arriveAtJoin(ctx, m, gateway);
      return split(ctx, m, gateway);
    }
    case 'unsupported':
      throw new Error(`node ${node.id} cannot execute; the validator should have refused the definition`);
    default:
      return enterActivity(ctx, m, node);
  }
}

async function enterEnd(ctx: RunContext, m: Moving, node: Extract<FlowNode, { type: 'endEvent' }>): Promise<void> {
  const loaded = ctx.instance(m.instanceId);
  switch (node.result) {
    case 'terminate':
      ctx.record({ instanceId: m.instanceId, nodeId: node.id, action: 'terminateEnd' });
      return terminateScope(ctx, m.instanceId, m.scopeId);
    case 'error': {
      const error = node.errorRef ? loaded.compiled.model.errors[node.errorRef] : undefined;
      return throwBpmnError(ctx, m, error?.code ?? node.errorRef ?? '');
    }
    case 'message': {
      const message = node.messageRef ? loaded.compiled.model.messages[node.messageRef] : undefined;
      // The message leaves through the event stream (outbox): a subscriber sends it after commit.
      ctx.emit('process.message_sent', m.instanceId, { nodeId: node.id, messageName: message?.name ?? node.messageRef ?? null });
      ctx.markIrreversible('messageSent');
      break;
    }
    case 'none':
      break;
  }
  return completeScopeIfEmpty(ctx, m.instanceId, m.scopeId);
}

/** Leaves a node over its outgoing flows: unconditioned ones and those whose condition holds (BPMN's uncontrolled flow). */
export async function leave(ctx: RunContext, from: Omit<Moving, 'nodeId' | 'viaFlow'>, node: FlowNode): Promise<void> {
  const flows = node.outgoing.filter((id) => {
    const condition = ctx.instance(from.instanceId).compiled.flow(id).condition;
    return condition === undefined || evaluateCondition(condition, ctx.instance(from.instanceId).variables);
  });
  if (flows.length === 0 && node.outgoing.length > 0) throw new AppError('WORKFLOW_NO_PATH', { nodeId: node.id });
  if (flows.length === 0) {
    // A node without outgoing flows ends its path (BPMN implicit end).
    return completeScopeIfEmpty(ctx, from.instanceId, from.scopeId);
  }
  takeFlows(ctx, { ...from, nodeId: node.id, viaFlow: null }, flows);
}

/** Moves along the given flows; two or more start a fork, recorded on each token's branch. */
export function takeFlows(ctx: RunContext, m: Moving, flowIds: string[]): void {
  const compiled = ctx.instance(m.instanceId).compiled;
  const fork = flowIds.length > 1 ? randomUUID().slice(0, 8) : undefined;
  flowIds.forEach((flowId, index) => {
    enqueue(ctx, {
      instanceId: m.instanceId,
      nodeId: compiled.flow(flowId).targetId,
      scopeId: m.scopeId,
      branch: fork ? [...m.branch, `${fork}:${index}`] : m.branch,
      viaFlow: flowId,
    });
  });
}

function exclusiveChoice(ctx: RunContext, m: Moving, node: GatewayNode): string {
  const defaultFlowId = 'defaultFlowId' in node ? node.defaultFlowId : undefined;
  const loaded = ctx.instance(m.instanceId);
  for (const id of node.outgoing) {
    if (id === defaultFlowId) continue;
    const condition = loaded.compiled.flow(id).condition;
    // First true condition in document order wins.
    if (condition === undefined || evaluateCondition(condition, loaded.variables)) return id;
  }
  if (defaultFlowId) return defaultFlowId;
  throw new AppError('WORKFLOW_NO_PATH', { nodeId: node.id });
}

/** Parallel split: every flow; inclusive split: every flow whose condition holds, else the default. */
export function split(ctx: RunContext, m: Moving, node: GatewayNode): void {
  if (node.type !== 'inclusiveGateway' || !('outgoing' in node)) {
    takeFlows(ctx, m, node.outgoing);
    return;
  }
  const defaultFlowId = 'defaultFlowId' in node ? node.defaultFlowId : undefined;
  const loaded = ctx.instance(m.instanceId);
  const taken = node.outgoing.filter((id) => {
    if (id === defaultFlowId) return false;
    const condition = loaded.compiled.flow(id).condition;
    return condition === undefined || evaluateCondition(condition, loaded.variables);
  });
  if (taken.length === 0 && defaultFlowId) taken.push(defaultFlowId);
  if (taken.length === 0) throw new AppError('WORKFLOW_NO_PATH', { nodeId: node.id });
  takeFlows(ctx, m, taken);
}

/** Moves a resting token on: cancels what hangs on it (timers, subscriptions), deletes it, leaves its node. */
export async function moveOn(ctx: RunContext, token: TokenRow): Promise<void> {
  await releaseToken(ctx, token);
  const node = ctx.instance(token.instance_id).compiled.node(token.node_id);
  await leave(ctx, { instanceId: token.instance_id, scopeId: token.scope_id, branch: token.branch }, node);
}

/** Deletes a resting token with its timers and message subscriptions. */
export async function releaseToken(ctx: RunContext, token: TokenRow): Promise<void> {
  const compiled = ctx.instance(token.instance_id).compiled;
  const node = compiled.node(token.node_id);
  if (compiled.hasTimers(node.id)) await cancelTimersOfToken(ctx, token.id);
  if (node.type === 'receiveTask' || node.type === 'intermediateMessageCatch') await deleteSubscriptionsOfToken(ctx, token.id);
  await deleteToken(ctx, token);
}

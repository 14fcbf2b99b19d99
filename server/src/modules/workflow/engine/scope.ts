import { AppError } from '../../../platform/errors.ts';
import type { FlowNode } from '../definition/index.ts';
import type { Moving, RunContext } from './context.ts';
import { enqueue, moveOn, releaseToken } from './run.ts';
import { cancelTasksOfToken, cancelTimersOfToken, deleteSubscriptionsOfToken, deleteToken, getToken, readTokens, tokensInScope } from './store.ts';
import type { TokenRow } from './types.ts';

/**
 * Scopes: the process level of an instance (scope NULL) and each running
 * embedded sub-process (the scope token's id). A scope completes when its
 * last token is gone; terminate and error end events end it early.
 */

export async function completeScopeIfEmpty(ctx: RunContext, instanceId: string, scopeId: string | null): Promise<void> {
  if (ctx.queue.some((q) => q.instanceId === instanceId && q.scopeId === scopeId)) return;
  const rows = await ctx.tokensAsOfRun(
    'SELECT * FROM wf_tokens WHERE instance_id = $1 AND scope_id IS NOT DISTINCT FROM $2',
    [instanceId, scopeId],
    (t) => t.instance_id === instanceId && t.scope_id === scopeId,
    instanceId,
  );
  if (rows.length > 0) return;
  await completeScope(ctx, instanceId, scopeId);
}

async function completeScope(ctx: RunContext, instanceId: string, scopeId: string | null): Promise<void> {
  if (scopeId !== null) {
    // The sub-process is done: its token moves on in the enclosing scope.
    const scope = await getToken(ctx, scopeId);
    if (scope) await moveOn(ctx, scope);
    return;
  }
  const loaded = ctx.instance(instanceId);
  if (loaded.row.status === 'completed' || loaded.row.status === 'terminated') return;
  loaded.row.status = 'completed';
  loaded.row.ended_at = ctx.now;
  loaded.dirty = true;
  ctx.markIrreversible('processEnded');
  // Nothing can be withdrawn from an ended process: its undo records are dead weight.
  ctx.dropUndoRecords(instanceId);
  ctx.record({ instanceId, action: 'completed' });
  ctx.emit('process.completed', instanceId, {});
  if (loaded.row.parent_id && loaded.row.parent_token_id) {
    // 调用子流程 returns: the child's variables flow back to the parent, which moves on.
    const parent = await ctx.load(loaded.row.parent_id);
    ctx.setVariables(parent.row.id, loaded.variables);
    const token = await getToken(ctx, loaded.row.parent_token_id);
    if (token && parent.row.status === 'running') await moveOn(ctx, token);
  }
}

/** 终止结束事件: ends every path of the scope, then the scope itself. */
export async function terminateScope(ctx: RunContext, instanceId: string, scopeId: string | null): Promise<void> {
  for (const token of await tokensInScope(ctx, instanceId, scopeId)) await cancelToken(ctx, token, { reason: 'terminated' });
  dropQueued(ctx, instanceId, scopeId);
  await completeScope(ctx, instanceId, scopeId);
}

function dropQueued(ctx: RunContext, instanceId: string, scopeId: string | null): void {
  for (let i = ctx.queue.length - 1; i >= 0; i--) {
    const q = ctx.queue[i]!;
    if (q.instanceId === instanceId && q.scopeId === scopeId) ctx.queue.splice(i, 1);
  }
}

/**
 * Cancels a resting token and everything that hangs on it: its open tasks,
 * timers and subscriptions, the tokens of a sub-process it holds, the child
 * instance of a call activity. `reason` is recorded on each cancelled task.
 */
export async function cancelToken(ctx: RunContext, token: TokenRow, reason: Record<string, unknown>): Promise<void> {
  if (token.state === 'scope') {
    ctx.deadScopes.add(token.id);
    for (const inner of await tokensInScope(ctx, token.instance_id, token.id)) await cancelToken(ctx, inner, reason);
  }
  const node = ctx.instance(token.instance_id).compiled.node(token.node_id);
  if (node.type === 'userTask') await cancelTasksOfToken(ctx, token.id, reason);
  if (node.type === 'callActivity') {
    const { rows } = await ctx.tx.query<{ id: string }>("SELECT id FROM wf_instances WHERE parent_token_id = $1 AND status IN ('running','suspended')", [token.id]);
    for (const child of rows) await terminateInstance(ctx, child.id, reason);
  }
  await cancelTimersOfToken(ctx, token.id);
  await deleteSubscriptionsOfToken(ctx, token.id);
  await deleteToken(ctx, token);
}

/** Ends an instance (and its children) without completing it. */
export async function terminateInstance(ctx: RunContext, instanceId: string, reason: Record<string, unknown>): Promise<void> {
  const loaded = await ctx.load(instanceId);
  for (const token of await readTokens(ctx, 'SELECT * FROM wf_tokens WHERE instance_id = $1 AND scope_id IS NULL', [instanceId])) {
    await cancelToken(ctx, token, reason);
  }
  ctx.queue.splice(0, ctx.queue.length, ...ctx.queue.filter((q) => q.instanceId !== instanceId));
  loaded.row.status = 'terminated';
  loaded.row.ended_at = ctx.now;
  loaded.dirty = true;
  ctx.markIrreversible('processTerminated');
  ctx.record({ instanceId, action: 'terminated', actorId: ctx.actor?.id ?? null, details: reason });
  ctx.emit('process.terminated', instanceId, reason);
}

function catches(ctx: RunContext, instanceId: string, host: FlowNode, code: string): FlowNode | undefined {
  const compiled = ctx.instance(instanceId).compiled;
  return host.boundaryEventIds.map((id) => compiled.node(id)).find((b) => {
    if (b.type !== 'boundaryEvent' || b.trigger !== 'error') return false;
    if (!b.errorRef) return true;
    const error = compiled.model.errors[b.errorRef];
    return (error?.code ?? b.errorRef) === code;
  });
}

/**
 * A BPMN error (an error end event, or a BpmnError from a service handler at
 * `thrower`) goes to the nearest error boundary event that catches its code:
 * on the throwing task, then on each enclosing sub-process, then on the call
 * activity that started this instance, and so on up. Everything inside the
 * catching activity is cancelled. Uncaught, the command fails.
 */
export async function throwBpmnError(ctx: RunContext, at: Moving, code: string, thrower?: FlowNode): Promise<void> {
  if (thrower) {
    const boundary = catches(ctx, at.instanceId, thrower, code);
    if (boundary) return enqueue(ctx, { ...at, nodeId: boundary.id, viaFlow: null });
  }
  let instanceId = at.instanceId;
  let scopeId = at.scopeId;
  for (;;) {
    if (scopeId !== null) {
      const scope = await getToken(ctx, scopeId);
      if (!scope) break;
      const host = ctx.instance(instanceId).compiled.node(scope.node_id);
      const boundary = catches(ctx, instanceId, host, code);
      if (boundary) {
        dropQueued(ctx, instanceId, scope.id);
        await cancelToken(ctx, scope, { reason: 'errorCaught', errorCode: code });
        return enqueue(ctx, { instanceId, nodeId: boundary.id, scopeId: scope.scope_id, branch: scope.branch, viaFlow: null });
      }
      scopeId = scope.scope_id;
      continue;
    }
    const loaded = ctx.instance(instanceId);
    if (!loaded.row.parent_id || !loaded.row.parent_token_id) break;
    const parent = await ctx.load(loaded.row.parent_id);
    const callToken = await getToken(ctx, loaded.row.parent_token_id);
    if (!callToken) break;
    const boundary = catches(ctx, parent.row.id, parent.compiled.node(callToken.node_id), code);
    if (boundary) {
      await terminateInstance(ctx, instanceId, { reason: 'errorCaught', errorCode: code });
      await releaseToken(ctx, callToken);
      return enqueue(ctx, { instanceId: parent.row.id, nodeId: boundary.id, scopeId: callToken.scope_id, branch: callToken.branch, viaFlow: null });
    }
    instanceId = parent.row.id;
    scopeId = callToken.scope_id;
  }
  throw new AppError('WORKFLOW_ERROR_UNCAUGHT', { nodeId: thrower?.id ?? at.nodeId, errorCode: code });
}


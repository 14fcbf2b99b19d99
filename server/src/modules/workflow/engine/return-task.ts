import { AppError } from '../../../platform/errors.ts';
import type { UserTaskNode } from '../definition/index.ts';
import { enterUserTask } from './activities.ts';
import { mayHandle, readTask, requireHandler, requireOpen, taskCommand } from './command.ts';
import { RunContext } from './context.ts';
import { inTx } from './tx.ts';
import { drain } from './run.ts';
import { cancelToken } from './scope.ts';
import { getToken, tokensInScope } from './store.ts';
import type { Actor, EngineEnv, TaskRow, TokenRow } from './types.ts';

/**
 * 退回: sends the process back from an open task to an earlier user task that
 * was completed in this instance (see docs/workflow-engine.md, "Return"):
 * - the target must have been completed in the same scope as the returning
 *   task or an enclosing one (in the current run of that sub-process);
 * - within one branch of a split, only that branch goes back;
 * - back past a split, every branch of that split is cancelled (its open
 *   tasks recorded as cancelled with reason returnedPastSplit);
 * - into a sibling branch, or into a branch that has already been joined,
 *   is refused (RETURN_TARGET_INVALID, reason otherBranch);
 * - a single-handler target goes back to the person who completed it; a
 *   multi-instance target starts over with all its signers.
 */
export async function returnTask(env: EngineEnv, input: { taskId: string; actor: Actor; targetNodeId: string; opinion?: string }): Promise<{ openedTaskIds: string[] }> {
  return taskCommand(env, input.taskId, input.actor, async (ctx, task, loaded) => {
    requireOpen(task);
    await requireHandler(ctx, task);
    const plan = await planReturn(ctx, task, input.targetNodeId);
    await ctx.tx.query(
      "UPDATE wf_tasks SET status = 'returned', opinion = $2, completed_at = $3, completed_by = $4, rev = rev + 1 WHERE id = $1",
      [task.id, input.opinion ?? null, ctx.now, input.actor.id],
    );
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'returned', actorId: input.actor.id, opinion: input.opinion ?? null, details: { target: input.targetNodeId, pastSplit: plan.pastSplit } });
    ctx.emit('task.returned', task.instance_id, { taskId: task.id, nodeId: task.node_id, target: input.targetNodeId });
    const reason = { reason: plan.pastSplit ? 'returnedPastSplit' : 'returned', byTask: task.id, target: input.targetNodeId };
    for (const token of plan.cancel) await cancelToken(ctx, token, reason);
    const node = loaded.compiled.node(input.targetNodeId) as UserTaskNode;
    const m = { instanceId: task.instance_id, nodeId: node.id, scopeId: plan.previous.scope_token_id, branch: plan.previous.branch, viaFlow: null };
    ctx.pass(task.instance_id, node.id);
    await enterUserTask(ctx, m, node, node.multiInstance ? undefined : plan.previous.completed_by ?? undefined);
    await drain(ctx);
    return { openedTaskIds: [...ctx.createdTasks.keys()] };
  });
}

interface ReturnPlan {
  previous: TaskRow;
  cancel: TokenRow[];
  pastSplit: boolean;
}

function invalid(task: TaskRow, target: string, reason: string): AppError {
  return new AppError('RETURN_TARGET_INVALID', { taskId: task.id, target, reason });
}

function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  return prefix.length <= of.length && prefix.every((part, i) => of[i] === part);
}

/** Checks the target and finds the tokens to cancel; changes nothing. */
export async function planReturn(ctx: RunContext, task: TaskRow, targetNodeId: string): Promise<ReturnPlan> {
  const compiled = ctx.instance(task.instance_id).compiled;
  const target = compiled.model.nodes[targetNodeId];
  if (!target || target.type !== 'userTask') throw invalid(task, targetNodeId, 'notUserTask');
  if (targetNodeId === task.node_id) throw invalid(task, targetNodeId, 'self');
  const { rows } = await ctx.tx.query<TaskRow>(
    "SELECT * FROM wf_tasks WHERE instance_id = $1 AND node_id = $2 AND status = 'completed' ORDER BY completed_at DESC, id LIMIT 1",
    [task.instance_id, targetNodeId],
  );
  const previous = rows[0];
  if (!previous) throw invalid(task, targetNodeId, 'notCompleted');
  // The returning token and the scope tokens around it, innermost first.
  const token = await getToken(ctx, task.token_id);
  if (!token) throw new AppError('WORKFLOW_STATE_CONFLICT', { instanceId: task.instance_id });
  const chain: TokenRow[] = [token];
  for (let scopeId = token.scope_id; scopeId !== null; ) {
    const scope = await getToken(ctx, scopeId);
    if (!scope) break;
    chain.push(scope);
    scopeId = scope.scope_id;
  }
  const here = chain.find((t) => t.scope_id === previous.scope_token_id);
  if (!here) throw invalid(task, targetNodeId, 'otherScope');
  if (!isPrefix(previous.branch, here.branch)) throw invalid(task, targetNodeId, 'otherBranch');
  if (previous.branch.length === here.branch.length) return { previous, cancel: [here], pastSplit: false };
  // Back past a split: every token descending from that fork (all its branches) is cancelled.
  const fork = here.branch[previous.branch.length]!.split(':')[0]!;
  const cancel = (await tokensInScope(ctx, task.instance_id, previous.scope_token_id)).filter(
    (t) => isPrefix(previous.branch, t.branch) && t.branch.length > previous.branch.length && t.branch[previous.branch.length]!.startsWith(`${fork}:`),
  );
  return { previous, cancel, pastSplit: true };
}

/**
 * The steps an open task may be returned to now (for the 退回 dialog), in the
 * order they were last completed. Only for who could return it: its handler,
 * or a candidate while unclaimed (TASK_NOT_ASSIGNEE otherwise); `actor` null
 * is the system.
 */
export async function listReturnTargets(env: EngineEnv, taskId: string, actor: Actor | null): Promise<string[]> {
  return inTx(env, async (tx) => {
    const task = await readTask(tx, taskId);
    if (actor && !mayHandle(task, actor)) throw new AppError('TASK_NOT_ASSIGNEE', { taskId });
    if (task.status !== 'open') return [];
    const ctx = new RunContext(tx, env, env.clock.now(), task.root_id, null);
    await ctx.load(task.instance_id);
    const { rows } = await tx.query<{ node_id: string }>(
      "SELECT node_id FROM wf_tasks WHERE instance_id = $1 AND status = 'completed' GROUP BY node_id ORDER BY max(completed_at)",
      [task.instance_id],
    );
    const targets: string[] = [];
    for (const { node_id } of rows) {
      try {
        await planReturn(ctx, task, node_id);
        targets.push(node_id);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'RETURN_TARGET_INVALID') throw error;
      }
    }
    return targets;
  });
}

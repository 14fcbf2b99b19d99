import { AppError } from '../../../platform/errors.ts';
import { isCandidate, requireOpen, taskCommand } from './command.ts';
import type { Actor, EngineEnv } from './types.ts';

/** 签收: takes a candidate task (department, role or several users) so that only the claimer handles it. */
export async function claimTask(env: EngineEnv, input: { taskId: string; actor: Actor }): Promise<void> {
  await taskCommand(env, input.taskId, input.actor, async (ctx, task) => {
    requireOpen(task);
    if (task.claimed_by === input.actor.id || task.assignee === input.actor.id) return;
    if (task.assignee !== null || task.claimed_by !== null) throw new AppError('TASK_ALREADY_CLAIMED', { taskId: task.id, claimedBy: task.claimed_by ?? task.assignee });
    if (!isCandidate(task, input.actor)) throw new AppError('TASK_NOT_ASSIGNEE', { taskId: task.id });
    await ctx.tx.query('UPDATE wf_tasks SET claimed_by = $2, rev = rev + 1 WHERE id = $1', [task.id, input.actor.id]);
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'claimed', actorId: input.actor.id });
    ctx.emit('task.claimed', task.instance_id, { taskId: task.id, nodeId: task.node_id });
  });
}

/** 退回签收: gives a claimed task back to its candidates. Only the claimer may; an assigned task cannot be unclaimed. */
export async function unclaimTask(env: EngineEnv, input: { taskId: string; actor: Actor }): Promise<void> {
  await taskCommand(env, input.taskId, input.actor, async (ctx, task) => {
    requireOpen(task);
    if (task.claimed_by === null) throw new AppError('TASK_NOT_CLAIMED', { taskId: task.id });
    if (task.claimed_by !== input.actor.id) throw new AppError('TASK_NOT_ASSIGNEE', { taskId: task.id });
    await ctx.tx.query('UPDATE wf_tasks SET claimed_by = NULL, rev = rev + 1 WHERE id = $1', [task.id]);
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'unclaimed', actorId: input.actor.id });
    ctx.emit('task.unclaimed', task.instance_id, { taskId: task.id, nodeId: task.node_id });
  });
}

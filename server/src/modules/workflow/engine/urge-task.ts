import { AppError } from '../../../platform/errors.ts';
import { requireOpen, taskCommand } from './command.ts';
import type { Actor, EngineEnv } from './types.ts';

/** Urges are throttled per task: a reminder every few minutes is harassment, not supervision. */
export const URGE_INTERVAL_MS = 60 * 60 * 1000;

/** 催办: records an urge on an open task; the event lets the notifier message the handler after commit. At most once an hour per task. */
export async function urgeTask(env: EngineEnv, input: { taskId: string; actor: Actor; message?: string }): Promise<void> {
  await taskCommand(env, input.taskId, input.actor, async (ctx, task) => {
    if (task.status !== 'open' && task.status !== 'delegated') requireOpen(task);
    const last = task.last_urged_at?.getTime();
    if (last !== undefined && ctx.now.getTime() - last < URGE_INTERVAL_MS) {
      throw new AppError('URGE_THROTTLED', { taskId: task.id, retryAt: new Date(last + URGE_INTERVAL_MS).toISOString() });
    }
    await ctx.tx.query('UPDATE wf_tasks SET last_urged_at = $2 WHERE id = $1', [task.id, ctx.now]);
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'urged', actorId: input.actor.id, opinion: input.message ?? null });
    ctx.emit('task.urged', task.instance_id, { taskId: task.id, nodeId: task.node_id, handler: task.delegate ?? task.assignee ?? task.claimed_by, candidates: task.candidate_values });
  });
}

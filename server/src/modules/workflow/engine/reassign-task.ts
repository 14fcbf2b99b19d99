import { AppError } from '../../../platform/errors.ts';
import { handlerOf, lockTree, requireHandler, requireOpen, taskCommand } from './command.ts';
import { inTx } from './tx.ts';
import type { Tx } from '../../../platform/db/pool.ts';
import type { RunContext } from './context.ts';
import type { Actor, EngineEnv, TaskRow } from './types.ts';

/** 转办: hands the task to another person for good; the new assignee completes it. */
export async function transferTask(env: EngineEnv, input: { taskId: string; actor: Actor; to: string; reason?: string }): Promise<void> {
  await taskCommand(env, input.taskId, input.actor, async (ctx, task) => {
    requireOpen(task);
    await requireHandler(ctx, task);
    await ctx.tx.query('UPDATE wf_tasks SET assignee = $2, claimed_by = NULL, rev = rev + 1 WHERE id = $1', [task.id, input.to]);
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'transferred', actorId: input.actor.id, opinion: input.reason ?? null, details: { from: handlerOf(task), to: input.to } });
    ctx.emit('task.transferred', task.instance_id, { taskId: task.id, nodeId: task.node_id, from: handlerOf(task), to: input.to });
  });
}

/**
 * 委派: the handler asks someone else to work on the task; the task is
 * 'delegated' until the delegate resolves it, then comes back to the owner,
 * who completes it. The owner cannot complete it meanwhile (TASK_DELEGATED).
 */
export async function delegateTask(env: EngineEnv, input: { taskId: string; actor: Actor; to: string; reason?: string }): Promise<void> {
  await taskCommand(env, input.taskId, input.actor, async (ctx, task) => {
    requireOpen(task);
    await requireHandler(ctx, task);
    await ctx.tx.query("UPDATE wf_tasks SET status = 'delegated', owner = $2, delegate = $3, rev = rev + 1 WHERE id = $1", [task.id, input.actor.id, input.to]);
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'delegated', actorId: input.actor.id, opinion: input.reason ?? null, details: { to: input.to } });
    ctx.emit('task.delegated', task.instance_id, { taskId: task.id, nodeId: task.node_id, to: input.to });
  });
}

/** The delegate resolves a delegated task with an opinion; it returns to its owner, open. */
export async function resolveTask(env: EngineEnv, input: { taskId: string; actor: Actor; opinion?: string }): Promise<void> {
  await taskCommand(env, input.taskId, input.actor, async (ctx, task) => {
    if (task.status !== 'delegated') {
      if (task.status === 'completed') throw new AppError('TASK_ALREADY_COMPLETED', { taskId: task.id });
      throw new AppError('TASK_NOT_OPEN', { taskId: task.id, status: task.status });
    }
    if (task.delegate !== input.actor.id) throw new AppError('TASK_NOT_ASSIGNEE', { taskId: task.id });
    await ctx.tx.query("UPDATE wf_tasks SET status = 'open', delegate = NULL, rev = rev + 1 WHERE id = $1", [task.id]);
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'resolved', actorId: input.actor.id, opinion: input.opinion ?? null, details: { owner: task.owner } });
    ctx.emit('task.resolved', task.instance_id, { taskId: task.id, nodeId: task.node_id, owner: task.owner });
  });
}

/** A task a handover is about to move: `check` may refuse the whole handover on what it sees here. */
export interface HandoverTask {
  id: string;
  /** `from` holds it only as the delegate (委派), not as its handler. */
  asDelegate: boolean;
}

/**
 * 工作交接: every open or delegated task of `from` (assigned, claimed or
 * delegated to them) goes to `to`. Each process is locked in id order, so two
 * handovers never deadlock; a suspended or ended process is skipped. `check`
 * sees every task about to move, under those locks and in the same
 * transaction, and throws to refuse the handover: then nothing moves.
 */
export async function handoverTasks(
  env: EngineEnv,
  input: { from: string; to: string; actor: Actor; check?: (tx: Tx, tasks: HandoverTask[]) => Promise<void> },
): Promise<{ taskIds: string[] }> {
  return inTx(env, async (tx) => {
    const { rows: roots } = await tx.query<{ root_id: string }>(
      `SELECT DISTINCT root_id FROM wf_tasks
       WHERE status IN ('open','delegated') AND (assignee = $1 OR claimed_by = $1 OR delegate = $1) ORDER BY root_id`,
      [input.from],
    );
    const trees: { ctx: RunContext; tasks: TaskRow[] }[] = [];
    for (const { root_id } of roots) {
      const ctx = await lockTree(tx, env, root_id, input.actor);
      const { rows } = await tx.query<TaskRow>(
        `SELECT * FROM wf_tasks WHERE root_id = $1 AND status IN ('open','delegated') AND (assignee = $2 OR claimed_by = $2 OR delegate = $2)`,
        [root_id, input.from],
      );
      const tasks: TaskRow[] = [];
      for (const task of rows) if ((await ctx.load(task.instance_id)).row.status === 'running') tasks.push(task);
      trees.push({ ctx, tasks });
    }
    const all = trees.flatMap((x) => x.tasks);
    await input.check?.(tx, all.map((task) => ({ id: task.id, asDelegate: task.delegate === input.from && handlerOf(task) !== input.from })));
    for (const { ctx, tasks } of trees) {
      for (const task of tasks) {
        await tx.query(
          `UPDATE wf_tasks SET
             assignee = CASE WHEN assignee = $2 THEN $3 ELSE assignee END,
             claimed_by = CASE WHEN claimed_by = $2 THEN $3 ELSE claimed_by END,
             owner = CASE WHEN owner = $2 THEN $3 ELSE owner END,
             delegate = CASE WHEN delegate = $2 THEN $3 ELSE delegate END,
             rev = rev + 1
           WHERE id = $1`,
          [task.id, input.from, input.to],
        );
        ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'handedOver', actorId: input.actor.id, details: { from: input.from, to: input.to } });
        ctx.emit('task.handed_over', task.instance_id, { taskId: task.id, nodeId: task.node_id, from: input.from, to: input.to });
      }
      await ctx.flush();
    }
    return { taskIds: all.map((task) => task.id) };
  });
}

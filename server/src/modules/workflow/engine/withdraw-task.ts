import { AppError } from '../../../platform/errors.ts';
import { taskCommand } from './command.ts';
import { readTokens, restoreToken, updateTokenData } from './store.ts';
import { cancelToken } from './scope.ts';
import type { Queryable } from '../../../platform/db/pool.ts';
import type { Actor, EngineEnv, TaskRow } from './types.ts';

/**
 * 撤回: the person who completed a task takes the completion back, as long
 * as nobody downstream has acted (see docs/workflow-engine.md, "Withdraw").
 * The completion's undo record says what it created and consumed: every
 * created token must still exist unchanged and every created task must be
 * open and untouched (not claimed, completed, delegated, transferred…).
 * Then the created tokens and tasks are cancelled, consumed tokens and tasks
 * the completion cancelled come back, variables return to their old values
 * and the task is open again for the same person. A completion that ran a
 * service task, started a call activity, sent a message or ended the process
 * cannot be withdrawn.
 */
export async function withdrawTask(env: EngineEnv, input: { taskId: string; actor: Actor; reason?: string }): Promise<void> {
  await taskCommand(env, input.taskId, input.actor, async (ctx, task, loaded) => {
    const refusal = await withdrawRefusal(ctx.tx, task, input.actor.id);
    if (refusal) throw refusal;
    const effects = task.effects!;
    const reason = { reason: 'withdrawn', byTask: task.id };

    if (effects.vote) {
      // A vote in a multi-instance step that is still running: take the vote back.
      const token = (await readTokens(ctx, 'SELECT * FROM wf_tokens WHERE id = $1', [effects.vote.tokenId]))[0]!;
      // Sequential: the next signer's task, still untouched, goes away again.
      for (const id of effects.createdTasks) {
        await ctx.tx.query("UPDATE wf_tasks SET status = 'cancelled', rev = rev + 1 WHERE id = $1", [id]);
        ctx.record({ instanceId: task.instance_id, taskId: id, nodeId: task.node_id, action: 'cancelled', actorId: input.actor.id, details: reason });
        ctx.emit('task.cancelled', task.instance_id, { taskId: id, nodeId: task.node_id, ...reason });
      }
      const data = structuredClone(token.data!);
      const signer = data.signers.find((s) => s.index === task.loop_index);
      if (signer) signer.state = 'pending';
      await updateTokenData(ctx, token, data);
    } else {
      const ids = effects.createdTokens.map((t) => t.id);
      const created = await readTokens(ctx, 'SELECT * FROM wf_tokens WHERE id = ANY($1)', [ids]);
      for (const token of created) await cancelToken(ctx, token, reason);
      for (const token of effects.consumedTokens) await restoreToken(ctx, token);
      if (effects.cancelledTasks.length > 0) {
        await ctx.tx.query("UPDATE wf_tasks SET status = 'open', rev = rev + 1 WHERE id = ANY($1) AND status = 'cancelled'", [effects.cancelledTasks]);
      }
      if (effects.cancelledTimers.length > 0) {
        await ctx.tx.query("UPDATE wf_timers SET status = 'pending' WHERE id = ANY($1) AND status = 'cancelled'", [effects.cancelledTimers]);
      }
    }
    const variables = loaded.variables;
    for (const key of effects.variablesAdded) delete variables[key];
    Object.assign(variables, effects.variablesBefore);
    loaded.dirty = true;
    await ctx.tx.query(
      "UPDATE wf_tasks SET status = 'open', outcome = NULL, opinion = NULL, completed_at = NULL, completed_by = NULL, effects = NULL, rev = rev + 1 WHERE id = $1",
      [task.id],
    );
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'withdrawn', actorId: input.actor.id, opinion: input.reason ?? null });
    ctx.emit('task.withdrawn', task.instance_id, { taskId: task.id, nodeId: task.node_id });
  });
}

/**
 * Why this person may not withdraw this completion now, or null when they
 * may. Changes nothing: withdrawTask runs it under the process lock, and the
 * workbench asks it (allowedOperations) to offer 撤回 only when it would work.
 */
export async function withdrawRefusal(tx: Queryable, task: TaskRow, actorId: string): Promise<AppError | null> {
  if (task.status !== 'completed') return new AppError('TASK_NOT_OPEN', { taskId: task.id, status: task.status });
  if (task.completed_by !== actorId) return new AppError('TASK_NOT_ASSIGNEE', { taskId: task.id });
  const effects = task.effects;
  if (!effects) return new AppError('WITHDRAW_NOT_ALLOWED', { taskId: task.id, reason: 'noRecord' });
  if (effects.irreversible) return new AppError('WITHDRAW_NOT_ALLOWED', { taskId: task.id, reason: effects.irreversible });
  const tooLate = (reason: string) => new AppError('WITHDRAW_TOO_LATE', { taskId: task.id, reason });
  const untouched = await tx.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM wf_tasks WHERE id = ANY($1) AND status = 'open' AND rev = 0",
    [effects.createdTasks],
  );
  if (untouched.rows[0]!.n !== effects.createdTasks.length) return tooLate('nextTaskActed');
  if (effects.vote) {
    const { rows } = await tx.query<{ data: unknown }>('SELECT data FROM wf_tokens WHERE id = $1', [effects.vote.tokenId]);
    return rows[0]?.data ? null : tooLate('stepDecided');
  }
  const { rows: created } = await tx.query<{ id: string; rev: number }>('SELECT id, rev FROM wf_tokens WHERE id = ANY($1)', [effects.createdTokens.map((t) => t.id)]);
  if (!effects.createdTokens.every((t) => created.some((c) => c.id === t.id && c.rev === t.rev))) return tooLate('processMovedOn');
  const back = await tx.query('SELECT 1 FROM wf_tokens WHERE id = ANY($1)', [effects.consumedTokens.map((t) => t.id)]);
  if (back.rowCount) return tooLate('processMovedOn');
  return null;
}

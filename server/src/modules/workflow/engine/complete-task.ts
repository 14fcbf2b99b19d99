import { AppError } from '../../../platform/errors.ts';
import type { UserTaskNode } from '../definition/index.ts';
import { openSignerTask } from './activities.ts';
import { requireHandler, requireOpen, taskCommand } from './command.ts';
import type { LoadedInstance, RunContext } from './context.ts';
import { decide, nextPending, tally } from './multi-rules.ts';
import { drain, moveOn } from './run.ts';
import { cancelTasksOfToken, getToken, updateTokenData } from './store.ts';
import type { Actor, EngineEnv, OpenedTask, Outcome, TaskRow, Variables } from './types.ts';

export interface CompleteInput {
  taskId: string;
  actor: Actor;
  /** approve / reject; stored on the task and as the variable `outcome`. */
  outcome?: Outcome;
  opinion?: string;
  /** Form fields changed at this step; merged into the variables, each change recorded in history. */
  formData?: Variables;
}

export interface CompleteResult {
  taskId: string;
  instanceId: string;
  instanceStatus: string;
  /** Tasks opened by this completion (the next steps). */
  openedTasks: OpenedTask[];
}

/** Completes a task (办理): outcome, opinion and form data; the process then runs until every token rests. */
export async function completeTask(env: EngineEnv, input: CompleteInput): Promise<CompleteResult> {
  if (input.outcome !== undefined && input.outcome !== 'approve' && input.outcome !== 'reject') {
    throw new AppError('OUTCOME_INVALID', { outcome: input.outcome });
  }
  return taskCommand(env, input.taskId, input.actor, async (ctx, task, loaded) => {
    requireOpen(task);
    await requireHandler(ctx, task);
    return finishTask(ctx, task, loaded, input);
  });
}

/** Completion inside a running command; also used by timeout actions (auto-approve / auto-reject). */
export async function finishTask(
  ctx: RunContext,
  task: TaskRow,
  loaded: LoadedInstance,
  input: { outcome?: Outcome; opinion?: string; formData?: Variables },
): Promise<CompleteResult> {
  const node = loaded.compiled.node(task.node_id) as UserTaskNode;
  const fields = applyForm(ctx, loaded, node, input.formData ?? {});
  const outcome = input.outcome ?? null;
  if (outcome && !node.multiInstance) ctx.setVariables(loaded.row.id, { outcome });
  ctx.completeTask(task.id, { instanceId: loaded.row.id, outcome, opinion: input.opinion ?? null, at: ctx.now, by: ctx.actor?.id ?? null });
  ctx.record({ instanceId: loaded.row.id, taskId: task.id, nodeId: task.node_id, action: 'completed', actorId: ctx.actor?.id ?? null, opinion: input.opinion ?? null, fields, details: outcome ? { outcome } : null });
  ctx.emit('task.completed', loaded.row.id, { taskId: task.id, nodeId: task.node_id, outcome, loopIndex: task.loop_index });

  // The status update above changed no token, so the one read with the task is current.
  const known = ctx.takeTaskToken(task.token_id);
  const token = known === undefined ? await getToken(ctx, task.token_id) : known;
  if (!token) throw new AppError('WORKFLOW_STATE_CONFLICT', { instanceId: loaded.row.id });
  let voteToken: string | undefined;
  if (token.state === 'multi' && token.data) {
    const data = structuredClone(token.data);
    const signer = data.signers.find((s) => s.index === task.loop_index);
    if (signer) signer.state = outcome ?? 'approve';
    const decision = decide(data);
    if (decision) {
      // The step is decided: the signers still pending have nothing left to decide.
      await updateTokenData(ctx, token, data);
      await cancelTasksOfToken(ctx, token.id, { reason: 'multiInstanceDecided', byTask: task.id });
      const { approvals, rejections } = tally(data);
      ctx.setVariables(loaded.row.id, { outcome: decision, approvals, rejections });
      ctx.record({ instanceId: loaded.row.id, nodeId: node.id, action: 'multiInstanceDecided', details: { outcome: decision, approvals, rejections } });
      await moveOn(ctx, token);
    } else {
      await updateTokenData(ctx, token, data);
      if (data.sequential) await openSignerTask(ctx, token, node, nextPending(data)!);
      voteToken = token.id;
    }
  } else {
    await moveOn(ctx, token);
  }
  await drain(ctx);
  ctx.keepEffects(task.id, loaded.row.id, ctx.effects(loaded.row.id, voteToken));
  return { taskId: task.id, instanceId: loaded.row.id, instanceStatus: loaded.row.status, openedTasks: [...ctx.createdTasks.values()] };
}

/** Merges the form data into the variables; refuses fields that are read-only or hidden at this step. */
function applyForm(ctx: RunContext, loaded: LoadedInstance, node: UserTaskNode, formData: Variables): Record<string, { from: unknown; to: unknown }> | null {
  const locked = Object.keys(formData).filter((key) => {
    const access = node.formAccess[key];
    return access === 'readonly' || access === 'hidden';
  });
  if (locked.length > 0) throw new AppError('FORM_FIELD_NOT_EDITABLE', { fields: locked });
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(formData)) {
    const before = loaded.variables[key];
    if (JSON.stringify(before) !== JSON.stringify(value)) changes[key] = { from: before ?? null, to: value };
  }
  if (Object.keys(changes).length === 0) return null;
  ctx.setVariables(loaded.row.id, formData);
  return changes;
}

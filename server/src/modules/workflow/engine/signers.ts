import { AppError } from '../../../platform/errors.ts';
import type { UserTaskNode } from '../definition/index.ts';
import { openSignerTask } from './activities.ts';
import { requireHandler, requireOpen, taskCommand } from './command.ts';
import type { RunContext } from './context.ts';
import { decide, nextPending, tally } from './multi-rules.ts';
import { drain, moveOn } from './run.ts';
import { cancelTasksOfToken, getToken, updateTokenData } from './store.ts';
import type { Actor, EngineEnv, MultiData, TaskRow, TokenRow } from './types.ts';

/**
 * 加签 / 减签 on a running multi-instance step, by the handler of one of its
 * open tasks. Counting follows multi-rules.ts: adding a signer to an 'all'
 * step raises the number of approvals required; removing one lowers it and
 * may decide the step at once. See docs/workflow-engine.md, "Signers".
 */

async function multiToken(ctx: RunContext, task: TaskRow): Promise<{ token: TokenRow; data: MultiData; node: UserTaskNode }> {
  const token = await getToken(ctx, task.token_id);
  if (!token) throw new AppError('WORKFLOW_STATE_CONFLICT', { instanceId: task.instance_id });
  if (token.state !== 'multi' || !token.data) throw new AppError('SIGNER_NOT_MULTI_INSTANCE', { taskId: task.id, nodeId: task.node_id });
  const node = ctx.instance(task.instance_id).compiled.node(task.node_id) as UserTaskNode;
  return { token, data: structuredClone(token.data), node };
}

/** Adds signers (user ids). Parallel steps open their tasks at once; sequential steps queue them after the others. */
export async function addSigners(env: EngineEnv, input: { taskId: string; actor: Actor; users: string[] }): Promise<{ required: number }> {
  return taskCommand(env, input.taskId, input.actor, async (ctx, task) => {
    requireOpen(task);
    await requireHandler(ctx, task);
    const { token, data, node } = await multiToken(ctx, task);
    let index = Math.max(...data.signers.map((s) => s.index)) + 1;
    const added = [];
    for (const user of new Set(input.users)) {
      if (data.signers.some((s) => s.kind === 'user' && s.value === user && s.state !== 'removed')) throw new AppError('SIGNER_DUPLICATE', { signer: user });
      const signer = { index: index++, kind: 'user' as const, value: user, state: 'pending' as const };
      data.signers.push(signer);
      added.push(signer);
    }
    await updateTokenData(ctx, token, data);
    if (!data.sequential) for (const signer of added) await openSignerTask(ctx, token, node, signer);
    const { required } = tally(data);
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'signerAdded', actorId: input.actor.id, details: { users: added.map((s) => s.value), required } });
    ctx.emit('task.signer_added', task.instance_id, { taskId: task.id, nodeId: task.node_id, users: added.map((s) => s.value), required });
    return { required };
  });
}

/**
 * Removes a pending signer (by signer index). Refused for a signer who has
 * already decided (SIGNER_ALREADY_DECIDED) and for the last pending one
 * (SIGNER_LAST_PENDING): the step would be left without anyone to decide.
 */
export async function removeSigner(env: EngineEnv, input: { taskId: string; actor: Actor; signerIndex: number; reason?: string }): Promise<{ decided: boolean }> {
  return taskCommand(env, input.taskId, input.actor, async (ctx, task, loaded) => {
    requireOpen(task);
    await requireHandler(ctx, task);
    const { token, data, node } = await multiToken(ctx, task);
    const signer = data.signers.find((s) => s.index === input.signerIndex && s.state !== 'removed');
    if (!signer) throw new AppError('SIGNER_NOT_FOUND', { signer: input.signerIndex });
    if (signer.state !== 'pending') throw new AppError('SIGNER_ALREADY_DECIDED', { signer: input.signerIndex, outcome: signer.state });
    if (data.signers.filter((s) => s.state === 'pending').length <= 1) throw new AppError('SIGNER_LAST_PENDING', { signer: input.signerIndex });
    signer.state = 'removed';
    await updateTokenData(ctx, token, data);
    const { rows } = await ctx.tx.query<{ id: string }>(
      "UPDATE wf_tasks SET status = 'cancelled', rev = rev + 1 WHERE token_id = $1 AND loop_index = $2 AND status IN ('open','delegated') RETURNING id",
      [token.id, signer.index],
    );
    for (const r of rows) ctx.record({ instanceId: task.instance_id, taskId: r.id, nodeId: task.node_id, action: 'cancelled', actorId: input.actor.id, details: { reason: 'signerRemoved' } });
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'signerRemoved', actorId: input.actor.id, opinion: input.reason ?? null, details: { signer: signer.value, index: signer.index } });
    ctx.emit('task.signer_removed', task.instance_id, { taskId: task.id, nodeId: task.node_id, signer: signer.value, index: signer.index });
    const decision = decide(data);
    if (decision) {
      await cancelTasksOfToken(ctx, token.id, { reason: 'multiInstanceDecided' });
      const { approvals, rejections } = tally(data);
      ctx.setVariables(loaded.row.id, { outcome: decision, approvals, rejections });
      ctx.record({ instanceId: task.instance_id, nodeId: node.id, action: 'multiInstanceDecided', details: { outcome: decision, approvals, rejections } });
      await moveOn(ctx, token);
    } else if (data.sequential && rows.length > 0) {
      // The removed signer was the one whose turn it was: the next one's turn now.
      await openSignerTask(ctx, token, node, nextPending(data)!);
    }
    await drain(ctx);
    return { decided: decision !== undefined };
  });
}

import { AppError } from '../../../platform/errors.ts';
import { instanceCommand } from './command.ts';
import type { RunContext } from './context.ts';
import { terminateInstance } from './scope.ts';
import type { Actor, EngineEnv, InstanceStatus } from './types.ts';

/**
 * 挂起 / 恢复: a suspended process refuses every task operation
 * (INSTANCE_SUSPENDED) and its timers wait; resuming fires the ones that fell
 * due meanwhile. It applies to the instance and its called children.
 */
export async function suspendInstance(env: EngineEnv, input: { instanceId: string; actor: Actor; reason?: string }): Promise<void> {
  await instanceCommand(env, input.instanceId, input.actor, async (ctx, loaded) => {
    if (loaded.row.status !== 'running') throw new AppError('INSTANCE_NOT_RUNNING', { instanceId: loaded.row.id, status: loaded.row.status });
    await setTreeStatus(ctx, loaded.row.id, 'running', 'suspended');
    ctx.record({ instanceId: loaded.row.id, action: 'suspended', actorId: input.actor.id, opinion: input.reason ?? null });
    ctx.emit('process.suspended', loaded.row.id, { reason: input.reason ?? null });
  });
}

export async function resumeInstance(env: EngineEnv, input: { instanceId: string; actor: Actor }): Promise<void> {
  await instanceCommand(env, input.instanceId, input.actor, async (ctx, loaded) => {
    if (loaded.row.status !== 'suspended') throw new AppError('INSTANCE_NOT_RUNNING', { instanceId: loaded.row.id, status: loaded.row.status });
    await setTreeStatus(ctx, loaded.row.id, 'suspended', 'running');
    ctx.record({ instanceId: loaded.row.id, action: 'resumed', actorId: input.actor.id });
    ctx.emit('process.resumed', loaded.row.id, {});
  });
}

/** 终止: ends a running or suspended process and its children; every open task is cancelled. */
export async function terminateProcess(env: EngineEnv, input: { instanceId: string; actor: Actor; reason?: string }): Promise<void> {
  await instanceCommand(env, input.instanceId, input.actor, async (ctx, loaded) => {
    if (loaded.row.status !== 'running' && loaded.row.status !== 'suspended') {
      throw new AppError('INSTANCE_NOT_RUNNING', { instanceId: loaded.row.id, status: loaded.row.status });
    }
    await terminateInstance(ctx, loaded.row.id, { reason: 'terminatedByUser', note: input.reason ?? null });
  });
}

async function setTreeStatus(ctx: RunContext, instanceId: string, from: InstanceStatus, to: InstanceStatus): Promise<void> {
  const { rows } = await ctx.tx.query<{ id: string }>(
    `WITH RECURSIVE tree AS (SELECT id FROM wf_instances WHERE id = $1 UNION ALL SELECT i.id FROM wf_instances i JOIN tree ON i.parent_id = tree.id)
     UPDATE wf_instances SET status = $3 WHERE id IN (SELECT id FROM tree) AND status = $2 RETURNING id`,
    [instanceId, from, to],
  );
  for (const { id } of rows) {
    const known = ctx.instances.get(id);
    if (known) known.row.status = to;
  }
}

import { AppError } from '../../../platform/errors.ts';
import { handlerOf, isCandidate } from './command.ts';
import { RunContext } from './context.ts';
import { planReturn } from './return-task.ts';
import { readTokens } from './store.ts';
import { inTx } from './tx.ts';
import { withdrawRefusal } from './withdraw-task.ts';
import type { Actor, EngineEnv, InstanceRow, Signer, TaskRow } from './types.ts';

/**
 * What a person may do now on each step of a process, by the same rules the
 * commands apply (they check again under the lock): the workbench shows a
 * button only for an operation listed here, so it never re-implements them.
 * A read: no lock, nothing changed.
 *
 * Per task, for its handler (assignee or claimer; an unclaimed candidate too,
 * since acting claims on the way): complete, return (when a step can be
 * returned to), transfer, delegate, copy, add signers (multi-instance step),
 * remove signer (a pending co-signer while more than one is pending), unclaim
 * (a claimed task), claim (an unclaimed candidate task). For the delegate of a
 * delegated task: resolve. For the person who completed a task: withdraw,
 * while withdrawTask would accept it. With `supervise` (the caller's policy:
 * managers), urge on every open step and suspend / resume of the process;
 * `urgeable` names further steps the caller's policy lets this person urge
 * (an agency head, their department's).
 */

/** Every operation a step may offer; the route's schema lists them so the browser knows each by name. */
export const TASK_OPERATIONS = [
  'complete', 'claim', 'unclaim', 'return', 'transfer', 'delegate', 'resolve',
  'addSigners', 'removeSigner', 'copy', 'withdraw', 'urge',
] as const;
export type TaskOperation = (typeof TASK_OPERATIONS)[number];

export interface TaskOperations {
  taskId: string;
  instanceId: string;
  nodeId: string;
  name: string | null;
  status: TaskRow['status'];
  operations: TaskOperation[];
  /** 退回: the steps this task may be returned to now. */
  returnTargets: string[];
  /** 减签: co-signers of this multi-instance step who may be removed now. */
  removableSigners: Signer[];
  /** 委派: who delegated it (owner) and to whom. */
  owner: string | null;
  delegate: string | null;
}

export interface AllowedOperations {
  instanceStatus: InstanceRow['status'];
  suspend: boolean;
  resume: boolean;
  tasks: TaskOperations[];
}

export async function allowedOperations(
  env: EngineEnv, input: { instanceId: string; actor: Actor; supervise?: boolean; urgeable?: ReadonlySet<string> },
): Promise<AllowedOperations> {
  return inTx(env, async (tx) => {
    const { rows: found } = await tx.query<InstanceRow>('SELECT * FROM wf_instances WHERE id = (SELECT root_id FROM wf_instances WHERE id = $1)', [input.instanceId]);
    const root = found[0];
    if (!root) throw new AppError('INSTANCE_NOT_FOUND', { instanceId: input.instanceId });
    const supervise = input.supervise === true;
    const result: AllowedOperations = {
      instanceStatus: root.status,
      suspend: supervise && root.status === 'running',
      resume: supervise && root.status === 'suspended',
      tasks: [],
    };
    const ctx = new RunContext(tx, env, env.clock.now(), root.id, null);
    await ctx.adopt(root);
    const { rows: tasks } = await tx.query<TaskRow>(
      `SELECT t.* FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id
        WHERE t.root_id = $1 AND i.status = 'running'
          AND (t.status IN ('open','delegated') OR (t.status = 'completed' AND t.completed_by = $2))
        ORDER BY t.created_at, t.loop_index NULLS FIRST`,
      [root.id, input.actor.id],
    );
    for (const task of tasks) {
      await ctx.load(task.instance_id);
      const ops = await operationsOn(ctx, task, input.actor, supervise || input.urgeable?.has(task.id) === true);
      if (ops.operations.length > 0) result.tasks.push(ops);
    }
    return result;
  });
}

async function operationsOn(ctx: RunContext, task: TaskRow, actor: Actor, urge: boolean): Promise<TaskOperations> {
  const operations: TaskOperation[] = [];
  const view: TaskOperations = {
    taskId: task.id, instanceId: task.instance_id, nodeId: task.node_id, name: task.name, status: task.status,
    operations, returnTargets: [], removableSigners: [], owner: task.owner, delegate: task.delegate,
  };
  if (task.status === 'completed') {
    if (!(await withdrawRefusal(ctx.tx, task, actor.id))) operations.push('withdraw');
    return view;
  }
  if (urge) operations.push('urge');
  if (task.status === 'delegated') {
    if (task.delegate === actor.id) operations.push('resolve');
    return view;
  }
  const handler = handlerOf(task);
  const candidate = handler === null && isCandidate(task, actor);
  if (handler !== actor.id && !candidate) return view;
  if (candidate) operations.push('claim');
  if (task.claimed_by === actor.id) operations.push('unclaim');
  operations.push('complete');
  view.returnTargets = await returnTargets(ctx, task);
  if (view.returnTargets.length > 0) operations.push('return');
  operations.push('transfer', 'delegate', 'copy');
  const rows = await readTokens(ctx, 'SELECT * FROM wf_tokens WHERE id = $1', [task.token_id]);
  const data = rows[0]?.state === 'multi' ? rows[0].data : null;
  if (data) {
    operations.push('addSigners');
    const pending = data.signers.filter((s) => s.state === 'pending');
    // Never the last pending signer (SIGNER_LAST_PENDING); one's own signature is not removed, it is transferred.
    view.removableSigners = pending.length > 1 ? pending.filter((s) => s.index !== task.loop_index) : [];
    if (view.removableSigners.length > 0) operations.push('removeSigner');
  }
  return view;
}

async function returnTargets(ctx: RunContext, task: TaskRow): Promise<string[]> {
  const { rows } = await ctx.tx.query<{ node_id: string }>(
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
}

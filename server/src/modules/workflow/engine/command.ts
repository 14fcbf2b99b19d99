import type { Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { RunContext, type LoadedInstance } from './context.ts';
import { inTx } from './tx.ts';
import type { Actor, EngineEnv, InstanceRow, TaskRow, TokenRow } from './types.ts';

/**
 * The frame of every command: one transaction, the root instance of the
 * process tree locked FOR UPDATE before anything is read, the run, then
 * variables, history and events written at the end. Concurrent commands on
 * one process therefore queue on that row; each sees what the previous one
 * committed, so a second completion of the same task finds it completed.
 */

export async function lockTree(tx: Tx, env: EngineEnv, rootId: string, actor: Actor | null): Promise<RunContext> {
  const { rows } = await tx.query<InstanceRow>('SELECT * FROM wf_instances WHERE id = $1 FOR UPDATE', [rootId]);
  const root = rows[0];
  if (!root) throw new AppError('INSTANCE_NOT_FOUND', { instanceId: rootId });
  const ctx = new RunContext(tx, env, env.clock.now(), rootId, actor);
  await ctx.adopt(root);
  return ctx;
}

export function requireRunning(loaded: LoadedInstance): void {
  const { id, status } = loaded.row;
  if (status === 'suspended') throw new AppError('INSTANCE_SUSPENDED', { instanceId: id });
  if (status !== 'running') throw new AppError('INSTANCE_NOT_RUNNING', { instanceId: id, status });
}

/** Runs `fn` on an instance's process tree, locked. */
export async function instanceCommand<T>(
  env: EngineEnv,
  instanceId: string,
  actor: Actor | null,
  fn: (ctx: RunContext, loaded: LoadedInstance) => Promise<T>,
): Promise<T> {
  return inTx(env, async (tx) => {
    const found = await tx.query<{ root_id: string }>('SELECT root_id FROM wf_instances WHERE id = $1', [instanceId]);
    if (!found.rows[0]) throw new AppError('INSTANCE_NOT_FOUND', { instanceId });
    const ctx = await lockTree(tx, env, found.rows[0].root_id, actor);
    const result = await fn(ctx, await ctx.load(instanceId));
    await ctx.flush();
    return result;
  });
}

/** Runs `fn` on a task, its process tree locked and the task read after the lock; the instance must be running. */
export async function taskCommand<T>(
  env: EngineEnv,
  taskId: string,
  actor: Actor | null,
  fn: (ctx: RunContext, task: TaskRow, loaded: LoadedInstance) => Promise<T>,
): Promise<T> {
  return inTx(env, async (tx) => {
    // One round trip: find the task's root instance and lock it.
    const { rows } = await tx.query<InstanceRow>({ name: 'wf_lock_task_tree', text: LOCK_TASK_TREE, values: [taskId] });
    if (!rows[0]) throw new AppError('TASK_NOT_FOUND', { taskId });
    const ctx = new RunContext(tx, env, env.clock.now(), rows[0].id, actor);
    await ctx.adopt(rows[0]);
    const { task, token } = await readTaskAndToken(tx, taskId);
    ctx.taskToken = token;
    const loaded = await ctx.load(task.instance_id);
    requireRunning(loaded);
    const result = await fn(ctx, task, loaded);
    await ctx.flush();
    return result;
  });
}

export async function readTask(tx: Tx, taskId: string): Promise<TaskRow> {
  const { rows } = await tx.query<TaskRow>('SELECT * FROM wf_tasks WHERE id = $1', [taskId]);
  if (!rows[0]) throw new AppError('TASK_NOT_FOUND', { taskId });
  return rows[0];
}

const TOKEN_COLUMNS = ['id', 'instance_id', 'node_id', 'scope_id', 'state', 'via_flow', 'branch', 'data', 'rev', 'created_at'] as const;
// Named, so each connection parses and plans these hot statements once (a prepared statement).
const TASK_AND_TOKEN = `SELECT t.*, ${TOKEN_COLUMNS.map((c) => `k.${c} AS "token.${c}"`).join(', ')}
  FROM wf_tasks t LEFT JOIN wf_tokens k ON k.id = t.token_id WHERE t.id = $1`;
const LOCK_TASK_TREE = 'SELECT * FROM wf_instances WHERE id = (SELECT root_id FROM wf_tasks WHERE id = $1) FOR UPDATE';

/**
 * The task and, in the same round trip, the token it rests on (read after the
 * tree lock, so both are current). The token is null when none is stored.
 */
async function readTaskAndToken(tx: Tx, taskId: string): Promise<{ task: TaskRow; token: TokenRow | null }> {
  const { rows } = await tx.query<TaskRow & Record<string, unknown>>({ name: 'wf_task_and_token', text: TASK_AND_TOKEN, values: [taskId] });
  const row = rows[0];
  if (!row) throw new AppError('TASK_NOT_FOUND', { taskId });
  const token: Record<string, unknown> = {};
  for (const c of TOKEN_COLUMNS) {
    token[c] = row[`token.${c}`];
    delete row[`token.${c}`];
  }
  return { task: row, token: token.id ? (token as unknown as TokenRow) : null };
}

/** The task must be open (not completed, returned, cancelled or delegated). */
export function requireOpen(task: TaskRow): void {
  if (task.status === 'open') return;
  if (task.status === 'completed') throw new AppError('TASK_ALREADY_COMPLETED', { taskId: task.id });
  if (task.status === 'delegated') throw new AppError('TASK_DELEGATED', { taskId: task.id, delegate: task.delegate });
  throw new AppError('TASK_NOT_OPEN', { taskId: task.id, status: task.status });
}

/** Whether the actor is among the task's candidates (department, role or user). */
export function isCandidate(task: TaskRow, actor: Actor): boolean {
  const values = task.candidate_values;
  switch (task.candidate_kind) {
    case 'user':
      return values.includes(actor.id);
    case 'department':
      return (actor.departments ?? []).some((d) => values.includes(d));
    case 'role':
      return (actor.roles ?? []).some((r) => values.includes(r));
    default:
      return false;
  }
}

/** The person who currently handles the task: its assignee, or whoever claimed it. */
export function handlerOf(task: TaskRow): string | null {
  return task.assignee ?? task.claimed_by;
}

/** Whether the actor handles the task: its handler, or a candidate while nobody has claimed it. */
export function mayHandle(task: TaskRow, actor: Actor): boolean {
  const handler = handlerOf(task);
  return handler === actor.id || (handler === null && isCandidate(task, actor));
}

/**
 * The actor must be the task's handler. An unclaimed candidate task is
 * claimed on the way (办理即签收), so a department's clerk can act in one step.
 */
export async function requireHandler(ctx: RunContext, task: TaskRow): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  const handler = handlerOf(task);
  if (handler === actor.id) return;
  if (handler === null && isCandidate(task, actor)) {
    await ctx.tx.query('UPDATE wf_tasks SET claimed_by = $2, rev = rev + 1 WHERE id = $1', [task.id, actor.id]);
    task.claimed_by = actor.id;
    task.rev += 1;
    return;
  }
  throw new AppError('TASK_NOT_ASSIGNEE', { taskId: task.id });
}

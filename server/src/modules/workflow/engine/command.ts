import type pg from 'pg';
import type { Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { RunContext, type LoadedInstance } from './context.ts';
import { inCommandTx } from './tx.ts';
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

/** Runs `fn` on an instance's process tree, locked: BEGIN, the lock and the read go out as one message, the run's writes with COMMIT. */
export async function instanceCommand<T>(
  env: EngineEnv,
  instanceId: string,
  actor: Actor | null,
  fn: (ctx: RunContext, loaded: LoadedInstance) => Promise<T>,
): Promise<T> {
  const first = [
    { text: 'SELECT * FROM wf_instances WHERE id = (SELECT root_id FROM wf_instances WHERE id = $1::uuid) FOR UPDATE', values: [instanceId] },
    // Read after the lock; empty when the instance is the root itself.
    { text: 'SELECT * FROM wf_instances WHERE id = $1::uuid AND id <> root_id', values: [instanceId] },
  ];
  return inCommandTx(env, first, async (tx, [locked, read]) => {
    const root = locked!.rows[0] as InstanceRow | undefined;
    if (!root) throw new AppError('INSTANCE_NOT_FOUND', { instanceId });
    const ctx = new RunContext(tx, env, env.clock.now(), root.id, actor);
    await ctx.adopt(root);
    const own = read!.rows[0] as InstanceRow | undefined;
    if (own) await ctx.adopt(own);
    const value = await fn(ctx, ctx.instance(own?.id ?? root.id));
    return { value, last: ctx.finalStatement() };
  }, lockedRoot);
}

/**
 * Runs `fn` on a task, its process tree locked and the task read after the
 * lock; the instance must be running. BEGIN, the lock and the read of the task
 * with every token of its instance go out as one message; the run's writes
 * go out with COMMIT.
 */
export async function taskCommand<T>(
  env: EngineEnv,
  taskId: string,
  actor: Actor | null,
  fn: (ctx: RunContext, task: TaskRow, loaded: LoadedInstance) => Promise<T>,
): Promise<T> {
  const first = [
    { text: 'SELECT * FROM wf_instances WHERE id = (SELECT root_id FROM wf_tasks WHERE id = $1::uuid) FOR UPDATE', values: [taskId] },
    { text: `${TASK_AND_TOKENS} WHERE t.id = $1::uuid`, values: [taskId] },
  ];
  return inCommandTx(env, first, async (tx, [locked, read]) => {
    const root = locked!.rows[0] as InstanceRow | undefined;
    if (!root) throw new AppError('TASK_NOT_FOUND', { taskId });
    const ctx = new RunContext(tx, env, env.clock.now(), root.id, actor);
    await ctx.adopt(root);
    const { task, token, tokens } = taskWithTokens(read!.rows as (TaskRow & Record<string, unknown>)[], taskId);
    ctx.taskToken = token;
    ctx.knowTokens(task.instance_id, tokens);
    const loaded = await ctx.load(task.instance_id);
    requireRunning(loaded);
    const value = await fn(ctx, task, loaded);
    return { value, last: ctx.finalStatement() };
  }, lockedRoot);
}

/** The root a command's first statement locked. */
function lockedRoot(results: pg.QueryResult[]): string | null {
  return (results[0]?.rows[0] as InstanceRow | undefined)?.id ?? null;
}

export async function readTask(tx: Tx, taskId: string): Promise<TaskRow> {
  const { rows } = await tx.query<TaskRow>('SELECT * FROM wf_tasks WHERE id = $1', [taskId]);
  if (!rows[0]) throw new AppError('TASK_NOT_FOUND', { taskId });
  return rows[0];
}

const TOKEN_COLUMNS = ['id', 'instance_id', 'node_id', 'scope_id', 'state', 'via_flow', 'branch', 'data', 'rev', 'created_at'] as const;
/** A task with every token of its instance, one row per token (one row with null token columns when it has none). */
const TASK_AND_TOKENS = `SELECT t.*, ${TOKEN_COLUMNS.map((c) => `k.${c} AS "token.${c}"`).join(', ')}
  FROM wf_tasks t LEFT JOIN wf_tokens k ON k.instance_id = t.instance_id`;

/**
 * Splits the rows of TASK_AND_TOKENS: the task, the token it rests on (null
 * when none is stored) and every token of its instance — all read after the
 * tree lock, so all current.
 */
function taskWithTokens(rows: (TaskRow & Record<string, unknown>)[], taskId: string): { task: TaskRow; token: TokenRow | null; tokens: TokenRow[] } {
  if (!rows[0]) throw new AppError('TASK_NOT_FOUND', { taskId });
  const tokens: TokenRow[] = [];
  let task: TaskRow | undefined;
  for (const row of rows) {
    const token: Record<string, unknown> = {};
    for (const c of TOKEN_COLUMNS) {
      token[c] = row[`token.${c}`];
      delete row[`token.${c}`];
    }
    task ??= row;
    if (token.id) tokens.push(token as unknown as TokenRow);
  }
  return { task: task!, token: tokens.find((t) => t.id === task!.token_id) ?? null, tokens };
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
    ctx.claimTask(task.id, actor.id);
    task.claimed_by = actor.id;
    task.rev += 1;
    return;
  }
  throw new AppError('TASK_NOT_ASSIGNEE', { taskId: task.id });
}

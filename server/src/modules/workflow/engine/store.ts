import { randomUUID } from 'node:crypto';
import type { RunContext } from './context.ts';
import type { CandidateKind, MultiData, TaskRow, TokenRow, TokenState } from './types.ts';

/** Row-level writes of tokens, tasks, timers and subscriptions, each recorded in the run's undo log. */

export async function insertToken(
  ctx: RunContext,
  t: { instanceId: string; nodeId: string; scopeId: string | null; state: TokenState; viaFlow?: string | null; branch: string[]; data?: MultiData | null; id?: string },
): Promise<TokenRow> {
  const row: TokenRow = {
    id: t.id ?? randomUUID(),
    instance_id: t.instanceId,
    node_id: t.nodeId,
    scope_id: t.scopeId,
    state: t.state,
    via_flow: t.viaFlow ?? null,
    branch: t.branch,
    data: t.data ?? null,
    rev: 0,
    created_at: ctx.now,
  };
  ctx.addToken(row);
  ctx.createdTokens.set(row.id, row);
  return row;
}

/** Puts a token back exactly as it was (withdraw). */
export async function restoreToken(ctx: RunContext, row: TokenRow): Promise<void> {
  ctx.forgetKnownTokens();
  await ctx.tx.query(
    'INSERT INTO wf_tokens (id, instance_id, node_id, scope_id, state, via_flow, branch, data, rev, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
    [row.id, row.instance_id, row.node_id, row.scope_id, row.state, row.via_flow, row.branch, row.data ? JSON.stringify(row.data) : null, row.rev, new Date(row.created_at)],
  );
}

export async function deleteToken(ctx: RunContext, token: TokenRow): Promise<void> {
  ctx.touch(token);
  ctx.dropToken(token.id);
  if (ctx.createdTokens.has(token.id)) ctx.createdTokens.delete(token.id);
  else ctx.deletedTokens.add(token.id);
}

export async function updateTokenData(ctx: RunContext, token: TokenRow, data: MultiData): Promise<void> {
  ctx.touch(token);
  token.data = data;
  token.rev += 1;
  ctx.changeToken(token);
}

/** Token rows as the run sees them (the run's `tx` writes its pending changes before the query). */
export async function readTokens(ctx: RunContext, sql: string, params: unknown[]): Promise<TokenRow[]> {
  return (await ctx.tx.query<TokenRow>(sql, params)).rows;
}

export async function getToken(ctx: RunContext, id: string): Promise<TokenRow | undefined> {
  return (await readTokens(ctx, 'SELECT * FROM wf_tokens WHERE id = $1', [id]))[0];
}

export async function tokensInScope(ctx: RunContext, instanceId: string, scopeId: string | null): Promise<TokenRow[]> {
  return readTokens(ctx, 'SELECT * FROM wf_tokens WHERE instance_id = $1 AND scope_id IS NOT DISTINCT FROM $2 ORDER BY created_at, id', [instanceId, scopeId]);
}

export interface NewTask {
  token: TokenRow;
  nodeId: string;
  name: string | null;
  assignee: string | null;
  candidateKind: CandidateKind | null;
  candidateValues: string[];
  loopIndex: number | null;
  dueAt: Date | null;
  /** Supervision's stage of the step (tongban:stage), null when the diagram does not say. */
  stage: string | null;
}

export async function insertTask(ctx: RunContext, t: NewTask): Promise<TaskRow> {
  const token = t.token;
  const row = {
    id: randomUUID(),
    instance_id: token.instance_id,
    root_id: ctx.rootId,
    token_id: token.id,
    node_id: t.nodeId,
    name: t.name,
    assignee: t.assignee,
    candidate_kind: t.candidateKind,
    candidate_values: t.candidateValues,
    loop_index: t.loopIndex,
    due_at: t.dueAt,
    scope_token_id: token.scope_id,
    branch: token.branch,
  };
  ctx.addTask({ ...row, created_at: ctx.now });
  ctx.createdTasks.set(row.id, { id: row.id, nodeId: row.node_id, assignee: row.assignee });
  ctx.emit('task.created', row.instance_id, {
    taskId: row.id,
    nodeId: row.node_id,
    name: row.name,
    assignee: row.assignee,
    candidateKind: row.candidate_kind,
    candidates: row.candidate_values,
    dueAt: row.due_at?.toISOString() ?? null,
    stage: t.stage,
  });
  return { ...row, status: 'open', claimed_by: null, owner: null, delegate: null, outcome: null, opinion: null, created_at: ctx.now, completed_at: null, completed_by: null, last_urged_at: null, rev: 0, effects: null };
}

/** Cancels the open tasks of a token (all of them, or all but one), recording why. */
export async function cancelTasksOfToken(ctx: RunContext, tokenId: string, reason: Record<string, unknown>, exceptTaskId?: string): Promise<void> {
  const { rows } = await ctx.tx.query<{ id: string; node_id: string; instance_id: string }>(
    `UPDATE wf_tasks SET status = 'cancelled', rev = rev + 1
     WHERE token_id = $1 AND status IN ('open','delegated') AND id IS DISTINCT FROM $2 RETURNING id, node_id, instance_id`,
    [tokenId, exceptTaskId ?? null],
  );
  for (const task of rows) {
    if (ctx.createdTasks.has(task.id)) ctx.createdTasks.delete(task.id);
    else ctx.cancelledTasks.add(task.id);
    ctx.record({ instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id, action: 'cancelled', actorId: ctx.actor?.id ?? null, details: reason });
    ctx.emit('task.cancelled', task.instance_id, { taskId: task.id, nodeId: task.node_id, ...reason });
  }
}

export async function insertTimer(
  ctx: RunContext,
  t: { instanceId: string; tokenId: string; taskId?: string | null; kind: 'catch' | 'boundary' | 'timeout'; nodeId: string; dueAt: Date; repeatLeft?: number | null },
): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO wf_timers (id, instance_id, root_id, token_id, task_id, kind, node_id, due_at, repeat_left, status)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'pending')`,
    [randomUUID(), t.instanceId, ctx.rootId, t.tokenId, t.taskId ?? null, t.kind, t.nodeId, t.dueAt, t.repeatLeft ?? null],
  );
}

export async function cancelTimersOfToken(ctx: RunContext, tokenId: string): Promise<void> {
  const { rows } = await ctx.tx.query<{ id: string }>(
    "UPDATE wf_timers SET status = 'cancelled' WHERE token_id = $1 AND status = 'pending' RETURNING id",
    [tokenId],
  );
  // Timers of tokens created in this run need no undo: withdraw removes those tokens anyway.
  if (!ctx.createdTokens.has(tokenId)) for (const r of rows) ctx.cancelledTimers.add(r.id);
}

export async function insertSubscription(ctx: RunContext, token: TokenRow, messageName: string, businessKey: string | null): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO wf_subscriptions (id, instance_id, root_id, token_id, node_id, message_name, business_key, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [randomUUID(), token.instance_id, ctx.rootId, token.id, token.node_id, messageName, businessKey, ctx.now],
  );
}

export async function deleteSubscriptionsOfToken(ctx: RunContext, tokenId: string): Promise<void> {
  const { rowCount } = await ctx.tx.query('DELETE FROM wf_subscriptions WHERE token_id = $1', [tokenId]);
  if (rowCount && !ctx.createdTokens.has(tokenId)) ctx.markIrreversible('messageSubscription');
}

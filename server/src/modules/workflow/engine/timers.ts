import { withTx } from '../../../platform/db/pool.ts';
import type { BoundaryEventNode, UserTaskNode } from '../definition/index.ts';
import { timerDue } from './activities.ts';
import { lockTree } from './command.ts';
import { finishTask } from './complete-task.ts';
import type { RunContext } from './context.ts';
import { drain, moveOn, takeFlows } from './run.ts';
import { cancelToken } from './scope.ts';
import { getToken, insertTimer } from './store.ts';
import type { EngineEnv, TaskRow } from './types.ts';

/**
 * The timer sweep: fires every due timer once, each in its own transaction.
 * Several workers may sweep at the same time: a worker takes a process only
 * with FOR UPDATE SKIP LOCKED on its root instance (a busy process is left
 * for the next sweep), then re-reads the timer, which a previous worker may
 * have fired or a command cancelled meanwhile. A fired timer is marked
 * 'fired' in the same transaction as its effect, so a crash re-fires it
 * (nothing committed) or never again (all committed). Timers of suspended
 * processes wait.
 */

interface TimerRow {
  id: string;
  instance_id: string;
  root_id: string;
  token_id: string;
  task_id: string | null;
  kind: 'catch' | 'boundary' | 'timeout';
  node_id: string;
  due_at: Date;
  repeat_left: number | null;
  status: string;
}

/** Fires up to `limit` due timers; returns how many this worker fired. */
export async function fireDueTimers(env: EngineEnv, limit = 100): Promise<number> {
  const now = env.clock.now();
  const { rows: due } = await env.db.query<{ id: string; root_id: string }>(
    `SELECT t.id, t.root_id FROM wf_timers t JOIN wf_instances i ON i.id = t.instance_id
     WHERE t.status = 'pending' AND t.due_at <= $1 AND i.status = 'running' ORDER BY t.due_at LIMIT $2`,
    [now, limit],
  );
  let fired = 0;
  for (const candidate of due) {
    const done = await withTx(env.db, async (tx) => {
      const locked = await tx.query('SELECT id FROM wf_instances WHERE id = $1 FOR UPDATE SKIP LOCKED', [candidate.root_id]);
      if (locked.rowCount === 0) return false;
      // Re-read after the lock: another worker may have fired it, a command cancelled it, or a case pause moved it later.
      const { rows } = await tx.query<TimerRow>("SELECT * FROM wf_timers WHERE id = $1 AND status = 'pending' AND due_at <= $2", [candidate.id, now]);
      const timer = rows[0];
      if (!timer) return false;
      const ctx = await lockTree(tx, { ...env, tx }, candidate.root_id, null);
      const loaded = await ctx.load(timer.instance_id);
      if (loaded.row.status !== 'running') return false;
      await tx.query("UPDATE wf_timers SET status = 'fired', fired_at = $2 WHERE id = $1", [timer.id, ctx.now]);
      await fire(ctx, timer);
      await drain(ctx);
      await ctx.flush();
      return true;
    });
    if (done) fired++;
  }
  return fired;
}

async function fire(ctx: RunContext, timer: TimerRow): Promise<void> {
  const token = await getToken(ctx, timer.token_id);
  if (!token) return;
  const compiled = ctx.instance(timer.instance_id).compiled;
  ctx.record({ instanceId: timer.instance_id, nodeId: timer.node_id, taskId: timer.task_id, action: 'timerFired', details: { kind: timer.kind, dueAt: timer.due_at.toISOString() } });
  ctx.emit('process.timer_fired', timer.instance_id, { nodeId: timer.node_id, kind: timer.kind, taskId: timer.task_id });
  if (timer.kind === 'catch') return moveOn(ctx, token);
  if (timer.kind === 'timeout') return timeout(ctx, timer, compiled.node(timer.node_id) as UserTaskNode);
  const boundary = compiled.node(timer.node_id) as BoundaryEventNode;
  const from = { instanceId: token.instance_id, nodeId: boundary.id, scopeId: token.scope_id, branch: token.branch, viaFlow: null };
  if (boundary.cancelActivity) {
    // Interrupting: the activity and everything inside it stop, the boundary path runs instead.
    await cancelToken(ctx, token, { reason: 'timerBoundary', boundaryId: boundary.id });
    ctx.pass(token.instance_id, boundary.id);
    return takeFlows(ctx, from, boundary.outgoing);
  }
  // Non-interrupting: the boundary path runs beside the activity, which keeps waiting; a cycle re-arms.
  if (boundary.timer?.kind === 'cycle' && (timer.repeat_left === null || timer.repeat_left > 0)) {
    await insertTimer(ctx, {
      instanceId: token.instance_id,
      tokenId: token.id,
      kind: 'boundary',
      nodeId: boundary.id,
      dueAt: timerDue(ctx, boundary.timer, timer.due_at),
      repeatLeft: timer.repeat_left === null ? null : timer.repeat_left - 1,
    });
  }
  ctx.pass(token.instance_id, boundary.id);
  takeFlows(ctx, from, boundary.outgoing);
}

/** A step's time limit ran out: remind, approve, reject or escalate, as the diagram says (tongban:timeoutAction). */
async function timeout(ctx: RunContext, timer: TimerRow, node: UserTaskNode): Promise<void> {
  const { rows } = await ctx.tx.query<TaskRow>('SELECT * FROM wf_tasks WHERE id = $1', [timer.task_id]);
  const task = rows[0];
  if (!task || (task.status !== 'open' && task.status !== 'delegated')) return;
  const action = node.timeoutAction;
  const base = { instanceId: task.instance_id, taskId: task.id, nodeId: task.node_id };
  switch (action?.kind) {
    case 'autoApprove':
    case 'autoReject': {
      const outcome = action.kind === 'autoApprove' ? 'approve' : 'reject';
      await finishTask(ctx, task, ctx.instance(task.instance_id), { outcome, opinion: outcome === 'approve' ? '超时自动通过' : '超时自动不通过' });
      return;
    }
    case 'escalate':
      await ctx.tx.query(
        "UPDATE wf_tasks SET candidate_kind = 'role', candidate_values = $2, assignee = NULL, claimed_by = NULL, rev = rev + 1 WHERE id = $1",
        [task.id, [action.escalateToRole ?? '']],
      );
      ctx.record({ ...base, action: 'escalated', details: { toRole: action.escalateToRole ?? null, from: task.assignee ?? task.claimed_by } });
      ctx.emit('task.escalated', task.instance_id, { taskId: task.id, nodeId: task.node_id, toRole: action.escalateToRole ?? null });
      return;
    case 'remind':
    default:
      ctx.record({ ...base, action: 'overdueReminded' });
      ctx.emit('task.overdue', task.instance_id, { taskId: task.id, nodeId: task.node_id, handler: task.assignee ?? task.claimed_by, dueAt: task.due_at?.toISOString() ?? null });
  }
}

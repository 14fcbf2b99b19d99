import { instanceCommand } from './command.ts';
import type { Actor, EngineEnv } from './types.ts';

/**
 * 期限顺延: moves the pending step-limit timers (timeout actions) of a process
 * tree, e.g. when the case it runs for is paused (补正, 行政许可法 第四十五条)
 * and when the pause ends. The engine knows nothing of case pauses: the
 * caller says where each timer belongs (`dueOf`), computed from the step's
 * limit as set when the step opened (`limitDueAt`, kept unmoved on the task)
 * and the moment it opened, so calling it again with the same pauses changes
 * nothing (absolute, not a delta).
 *
 * One transaction on the locked root instance, like every command. The timer
 * sweep locks the same row and re-reads a timer's due time after the lock, so
 * a timer moved into the future is not fired by a sweep that had already
 * read it as due: each timer still fires exactly once, at its moved time.
 * Works on a suspended process too (its timers wait, but at the right time).
 * Only step limits move: timer events and boundary timers are the diagram's
 * own timing.
 */

export interface StepTimer {
  timerId: string;
  taskId: string;
  nodeId: string;
  /** When the timer fires now. */
  dueAt: Date;
  /** The step's limit as computed when it opened (tongban:limitDays), before any pause. */
  limitDueAt: Date;
  /** When the step opened. */
  openedAt: Date;
}

export interface MovedTimer {
  timerId: string;
  taskId: string;
  nodeId: string;
  from: Date;
  to: Date;
}

export async function rescheduleTimers(
  env: EngineEnv,
  input: { instanceId: string; actor: Actor | null; reason: string; dueOf: (timer: StepTimer) => Date },
): Promise<{ moved: MovedTimer[] }> {
  return instanceCommand(env, input.instanceId, input.actor, async (ctx) => {
    const { rows } = await ctx.tx.query<{ id: string; instance_id: string; task_id: string; node_id: string; due_at: Date; limit_due: Date | null; opened_at: Date }>(
      `SELECT tm.id, tm.instance_id, tm.task_id, tm.node_id, tm.due_at, t.due_at AS limit_due, t.created_at AS opened_at
         FROM wf_timers tm JOIN wf_tasks t ON t.id = tm.task_id
        WHERE tm.root_id = $1 AND tm.status = 'pending' AND tm.kind = 'timeout'
        ORDER BY tm.due_at, tm.id`,
      [ctx.rootId],
    );
    const moved: MovedTimer[] = [];
    for (const r of rows) {
      const limitDueAt = r.limit_due ?? r.due_at;
      const to = input.dueOf({ timerId: r.id, taskId: r.task_id, nodeId: r.node_id, dueAt: r.due_at, limitDueAt, openedAt: r.opened_at });
      if (to.getTime() === r.due_at.getTime()) continue;
      await ctx.tx.query("UPDATE wf_timers SET due_at = $2 WHERE id = $1 AND status = 'pending'", [r.id, to]);
      await ctx.load(r.instance_id);
      ctx.record({
        instanceId: r.instance_id, taskId: r.task_id, nodeId: r.node_id, action: 'timerRescheduled', actorId: input.actor?.id ?? null,
        details: { reason: input.reason, from: r.due_at.toISOString(), to: to.toISOString() },
      });
      ctx.emit('process.timer_rescheduled', r.instance_id, { taskId: r.task_id, nodeId: r.node_id, reason: input.reason, from: r.due_at.toISOString(), to: to.toISOString() });
      moved.push({ timerId: r.id, taskId: r.task_id, nodeId: r.node_id, from: r.due_at, to });
    }
    return { moved };
  });
}

import { withTx, type Db, type Tx } from '../../platform/db/pool.ts';
import type { Clock } from '../../platform/clock.ts';
import type { StoredEvent } from '../../platform/events/stream.ts';
import { clockState, warningInstant, type WorkCalendar } from '../calendar/index.ts';
import { casePartiesOf, currentStepDues, loadClock } from '../cases/index.ts';
import { getTasksWithTimeouts } from '../workflow/index.ts';
import { writeNotifications, type PlannedNotification } from './outbox.ts';
import { stepHolders, users } from './recipients.ts';
import { chinaDate, type QuietHours } from './rules.ts';

/**
 * Deadline warnings for process steps, told to the step's holder before the
 * step is overdue and when it is: once two thirds of its limit is used, once
 * only the center's yellow working days (1 by default) are left, and once it
 * is overdue — each once per step, counted on the legal clock's working days
 * (calendar/index.ts `warningInstant`, the rule supervision's cards use) with
 * the step's due moment moved by its case's pauses.
 *
 * Durable like everything else: the notify.decide consumer records each step
 * with a limit in `notify_step_deadlines` when it opens (and pulls the next
 * look forward after a pause ends or the calendar changes); a sweep on every
 * node takes the rows whose look is due with FOR UPDATE SKIP LOCKED, tells
 * the holder of the highest threshold passed, and in the same transaction
 * records it and the next look. A crash loses nothing and repeats nothing
 * (the notification's key is the step and threshold).
 */

/** The thresholds in order; `notify_step_deadlines.warned` is the last one told. */
export const STEP_THRESHOLDS = { twoThirds: 1, lastDays: 2, overdue: 3 } as const;
type Level = (typeof STEP_THRESHOLDS)[keyof typeof STEP_THRESHOLDS];
const LEVEL_NAMES: Record<Level, string> = { 1: 'two-thirds', 2: 'last-days', 3: 'overdue' };

/** The share of a step's limit used at its first warning. */
export const STEP_WARNING_SHARE = 2 / 3;
/** While the step's own timeout action has still to act on it, overdue is looked at again this much later. */
const TIMEOUT_ACTION_WAIT_MS = 5 * 60_000;

/** One step's warning, and the engine's overdue reminder of it, share this key: the holder hears it once. */
export function stepDeadlineKey(taskId: string, level: Level): string {
  return `step-deadline:${taskId}:${LEVEL_NAMES[level]}`;
}
export const overdueKey = (taskId: string): string => stepDeadlineKey(taskId, STEP_THRESHOLDS.overdue);

/** The instants a step's thresholds pass, earliest first. */
export function stepThresholds(cal: WorkCalendar, openedAt: Date, dueAt: Date, lastDays: number): { level: Level; at: Date }[] {
  const list: { level: Level; at: Date }[] = [];
  const share = warningInstant(cal, openedAt, dueAt, 'used_share', STEP_WARNING_SHARE);
  if (share) list.push({ level: STEP_THRESHOLDS.twoThirds, at: share });
  const last = warningInstant(cal, openedAt, dueAt, 'workdays_left', lastDays);
  if (last) list.push({ level: STEP_THRESHOLDS.lastDays, at: last });
  list.push({ level: STEP_THRESHOLDS.overdue, at: new Date(dueAt.getTime() + 1) });
  return list.sort((a, b) => a.at.getTime() - b.at.getTime() || a.level - b.level);
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The consumer's part (in its transaction): watch each step opened with a limit; look again after what may move one. */
export async function watchStepDeadlines(tx: Tx, events: readonly StoredEvent[]): Promise<void> {
  const opened = events.flatMap((e) => {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    return e.type === 'task.created' && text(p.taskId) && text(p.dueAt) ? [{ taskId: text(p.taskId)!, caseId: e.caseId, at: e.occurredAt }] : [];
  });
  if (opened.length) {
    await tx.query(
      `INSERT INTO notify_step_deadlines (task_id, case_id, check_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) ON CONFLICT (task_id) DO NOTHING`,
      [opened.map((o) => o.taskId), opened.map((o) => o.caseId), opened.map((o) => o.at)],
    );
  }
  // A pause that ends early moves the step's due moment back; a calendar edit may move any: look again at once.
  for (const e of events) {
    if ((e.type === 'case.paused' || e.type === 'case.resumed') && e.caseId) {
      await tx.query('UPDATE notify_step_deadlines SET check_at = LEAST(check_at, $2) WHERE case_id = $1', [e.caseId, e.occurredAt]);
    } else if (e.type === 'calendar.changed' || e.type === 'calendar.center_clock_set') {
      await tx.query('UPDATE notify_step_deadlines SET check_at = LEAST(check_at, $1) WHERE check_at > $1', [e.occurredAt]);
    }
  }
}

export interface StepWarningRun {
  /** Steps looked at. */
  looked: number;
  /** Warnings decided (one per step and threshold; a person's channels follow). */
  warned: number;
}

interface WatchRow { task_id: string; case_id: string | null; warned: Level | 0 }

/** One round of the sweep: up to `limit` steps whose look is due, in one transaction. */
export async function warnStepDeadlines(
  ctx: { db: Db; clock: Clock }, opts: { quietHours: QuietHours | null; limit?: number },
): Promise<StepWarningRun> {
  const cc = await loadClock(ctx.db);
  return withTx(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const { rows } = await tx.query<WatchRow>(
      'SELECT task_id, case_id, warned FROM notify_step_deadlines WHERE check_at <= $1 ORDER BY check_at LIMIT $2 FOR UPDATE SKIP LOCKED',
      [now, opts.limit ?? 200],
    );
    if (rows.length === 0) return { looked: 0, warned: 0 };
    const tasks = new Map((await getTasksWithTimeouts(tx, rows.map((r) => r.task_id))).map((t) => [t.id, t]));
    const open = rows.flatMap((r) => {
      const task = tasks.get(r.task_id);
      return task && task.due_at && (task.status === 'open' || task.status === 'delegated') ? [{ row: r, task, limitDue: task.due_at }] : [];
    });
    const dues = await currentStepDues(tx, cc, open.map((o) => ({ caseId: o.row.case_id, dueAt: o.limitDue, openedAt: o.task.created_at })));
    const parties = await casePartiesOf(tx, open.flatMap((o) => (o.row.case_id ? [o.row.case_id] : [])));
    const planned: PlannedNotification[] = [];
    const next: { taskId: string; warned: number; checkAt: Date }[] = [];
    for (const [i, { row, task }] of open.entries()) {
      const due = dues[i]!;
      const thresholds = stepThresholds(cc.calendar, task.created_at, due, cc.yellowWorkdays);
      const passed = thresholds.filter((t) => t.level > row.warned && t.at.getTime() <= now.getTime());
      // Several passed at once (a short limit, a node that was down): the latest tells it all.
      let top = passed.reduce<Level | 0>((m, t) => Math.max(m, t.level) as Level, 0);
      let wait: Date | null = null;
      if (top === STEP_THRESHOLDS.overdue && task.timeout_pending) {
        // The diagram's timeout action acts on overdue (its reminder has the same key); look again after it had its turn.
        top = passed.reduce<Level | 0>((m, t) => (t.level < STEP_THRESHOLDS.overdue ? Math.max(m, t.level) as Level : m), 0);
        wait = new Date(now.getTime() + TIMEOUT_ACTION_WAIT_MS);
      }
      if (top > 0) {
        const c = row.case_id ? parties.get(row.case_id) : undefined;
        const overdue = top === STEP_THRESHOLDS.overdue;
        planned.push({
          kind: overdue ? 'task.deadline' : 'task.deadline_warning', key: stepDeadlineKey(task.id, top as Level), eventId: null,
          recipients: users(await stepHolders(tx, task)), caseId: row.case_id, caseNo: c?.caseNo ?? null,
          vars: {
            caseNo: c?.caseNo ?? null, itemName: c?.itemName ?? null, applicantName: c?.applicantName ?? null, stepName: task.name,
            dueDate: chinaDate(due), ...(overdue ? {} : { workdaysLeft: String(clockState(cc.calendar, due, now).workdaysLeft) }),
          },
        });
      }
      const warned = Math.max(row.warned, top);
      const coming = thresholds.filter((t) => t.level > warned).map((t) => t.at.getTime());
      const checkAt = wait ?? (coming.length ? new Date(Math.min(...coming)) : null);
      if (checkAt) next.push({ taskId: task.id, warned, checkAt });
    }
    await writeNotifications(tx, planned.filter((p) => p.recipients.length > 0), { now, quietHours: opts.quietHours });
    const keep = new Set(next.map((n) => n.taskId));
    const done = rows.filter((r) => !keep.has(r.task_id)).map((r) => r.task_id);
    if (done.length) await tx.query('DELETE FROM notify_step_deadlines WHERE task_id = ANY($1::uuid[])', [done]);
    if (next.length) {
      await tx.query(
        `UPDATE notify_step_deadlines d SET warned = n.warned, check_at = n.check_at
           FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS n(task_id, warned, check_at) WHERE d.task_id = n.task_id`,
        [next.map((n) => n.taskId), next.map((n) => n.warned), next.map((n) => n.checkAt)],
      );
    }
    return { looked: rows.length, warned: planned.length };
  });
}

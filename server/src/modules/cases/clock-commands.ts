import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx } from '../../platform/db/pool.ts';
import { attachUploads } from '../files/index.ts';
import { assertCaseMove } from './rules.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer, type EventConsumer } from '../../platform/events/consumer.ts';
import { checkExtension, computeDeadline, formatIsoDate, toShanghai, type PauseType } from '../calendar/index.ts';
import { lockCase, type LockedCase } from './commands.ts';
import { deadlines, loadClock, loadClockInputs, pauseInputs, stepDueWithPauses } from './clock.ts';
import { refreshDeadline } from './deadline-store.ts';
import { drainRecomputeJobs, recordRecomputeJob, RECOMPUTE_EVENT_TYPES } from './deadline-recompute.ts';
import { issueCaseNotice } from './notices.ts';
import type { Tx } from '../../platform/db/pool.ts';
import type { CenterClock } from '../calendar/index.ts';
import { rescheduleTimers } from '../workflow/index.ts';
import { itemMaterialNames } from '../catalog/index.ts';
import { engineActor, engineEnv } from './workflow.ts';

const today = (now: Date): string => formatIsoDate(toShanghai(now).day);
const who = (a: Actor) => ({ id: a.id, role: a.role });

/** Who may pause and resume a case's clock: approvers of its department, managers. */
function assertMayPause(actor: Actor, c: LockedCase): void {
  const ok = actor.role === 'manager' || (actor.role === 'approver' && actor.departmentId === c.department_id);
  if (!ok) throw new AppError('FORBIDDEN', { action: 'case.pause' });
}

export interface PauseRequest {
  type: PauseType;
  reason: string;
  /** First paused day, default today. */
  firstDay?: string | undefined;
  /** The end told to the applicant (第四十五条: in writing). */
  expectedLastDay: string;
}

/**
 * Stops a handling case's clock for a supplement (补正) or a special procedure
 * of 行政许可法 第四十五条. The pause is checked against the law by computing
 * the deadline with it before anything is written.
 */
export async function startPause(ctx: AppContext, actor: Actor, caseId: string, req: PauseRequest): Promise<void> {
  const reason = req.reason.trim();
  if (!reason) throw new AppError('REASON_REQUIRED');
  const cc = await loadClock(ctx.db);
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    assertMayPause(actor, c);
    assertCaseMove(c.status, 'pause');
    const inputs = (await loadClockInputs(tx, caseId))!;
    if (inputs.pauses.some((p) => p.lastDay === null)) throw new AppError('PAUSE_ALREADY_RUNNING');
    const now = ctx.clock.now();
    const firstDay = req.firstDay ?? today(now);
    // Validates type, dates, order and overlap with the calendar module's coded errors.
    const pauses = [...pauseInputs(inputs.pauses), { type: req.type, from: firstDay, to: req.expectedLastDay }];
    computeDeadline(cc.calendar, { from: inputs.acceptedAt!, limit: inputs.legalDays, unit: inputs.unit, pauses, handling: inputs.handling });
    await tx.query(
      `INSERT INTO case_pauses (case_id, type, reason, first_day, expected_last_day, started_by, started_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [caseId, req.type, reason, firstDay, req.expectedLastDay, actor.id, now],
    );
    await appendEvent(tx, {
      type: 'case.paused', caseId, caseNo: c.case_no, departmentId: c.department_id, actor: who(actor), occurredAt: now,
      payload: { pauseType: req.type, reason, firstDay, expectedLastDay: req.expectedLastDay },
    });
    await refreshDeadline(tx, cc, caseId, c.case_no, c.department_id, 'paused', who(actor), now);
    await moveStepTimers(ctx, tx, cc, caseId, actor, 'paused');
  });
}

/** Ends the running pause; its last paused day defaults to yesterday (today counts again). */
export async function endPause(ctx: AppContext, actor: Actor, caseId: string, lastDay?: string): Promise<void> {
  const cc = await loadClock(ctx.db);
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    assertMayPause(actor, c);
    const inputs = (await loadClockInputs(tx, caseId))!;
    const running = inputs.pauses.find((p) => p.lastDay === null);
    if (!running) throw new AppError('PAUSE_NOT_RUNNING');
    const now = ctx.clock.now();
    const end = lastDay ?? formatIsoDate(toShanghai(now).day - 1);
    // A pause ended on its first day paused nothing: it is recorded as one day at least.
    const last = end < running.firstDay ? running.firstDay : end;
    const pauses = inputs.pauses.map((p) => (p.id === running.id ? { ...p, lastDay: last } : p));
    computeDeadline(cc.calendar, { from: inputs.acceptedAt!, limit: inputs.legalDays, unit: inputs.unit, pauses: pauseInputs(pauses), handling: inputs.handling });
    await tx.query('UPDATE case_pauses SET last_day = $2, ended_by = $3, ended_at = $4 WHERE id = $1', [running.id, last, actor.id, now]);
    await appendEvent(tx, {
      type: 'case.resumed', caseId, caseNo: c.case_no, departmentId: c.department_id, actor: who(actor), occurredAt: now,
      payload: { pauseType: running.type, firstDay: running.firstDay, lastDay: last },
    });
    await refreshDeadline(tx, cc, caseId, c.case_no, c.department_id, 'resumed', who(actor), now);
    await moveStepTimers(ctx, tx, cc, caseId, actor, 'resumed');
  });
}

/**
 * A pause moves the case's open step limits too: the workflow engine's
 * timeout timers go where the step due dates on the case page are (the
 * step's own limit moved by the pauses since it opened; a running pause
 * counts to its expected end, an ended one to its last day). Same
 * transaction as the pause, so a timer never fires on a paused case.
 */
async function moveStepTimers(ctx: AppContext, tx: Tx, cc: CenterClock, caseId: string, actor: Actor, reason: 'paused' | 'resumed'): Promise<void> {
  const { rows } = await tx.query<{ process_instance_id: string | null }>('SELECT process_instance_id FROM cases WHERE id = $1', [caseId]);
  const instanceId = rows[0]?.process_instance_id;
  if (!instanceId) return;
  const pauses = (await loadClockInputs(tx, caseId))!.pauses;
  await rescheduleTimers(engineEnv(ctx, tx, cc), {
    instanceId, actor: await engineActor(tx, actor), reason, dueOf: (t) => stepDueWithPauses(cc, t.limitDueAt, t.openedAt, pauses),
  });
}

/**
 * 行政许可法 第四十二条: one extension, by the head of the agency (+10 working
 * days, single department) or of the government (+15, joint handling), with a
 * reason told to the applicant.
 */
export async function extendDeadline(ctx: AppContext, actor: Actor, caseId: string, req: { workdays: number; reason: string }): Promise<void> {
  const cc = await loadClock(ctx.db);
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    if (actor.role === 'agency_head' && actor.departmentId !== c.department_id) throw new AppError('CASE_NOT_FOUND');
    assertCaseMove(c.status, 'extend');
    const inputs = (await loadClockInputs(tx, caseId))!;
    const next = { workdays: req.workdays, reason: req.reason.trim(), approverRole: actor.role };
    checkExtension(inputs.handling, inputs.extension ? [inputs.extension] : [], next);
    const now = ctx.clock.now();
    await tx.query(
      'INSERT INTO case_extensions (case_id, workdays, reason, approver_id, approver_role, created_at) VALUES ($1,$2,$3,$4,$5,$6)',
      [caseId, next.workdays, next.reason, actor.id, actor.role, now],
    );
    await appendEvent(tx, {
      type: 'case.extended', caseId, caseNo: c.case_no, departmentId: c.department_id, actor: who(actor), occurredAt: now,
      payload: { workdays: next.workdays, reason: next.reason, handling: inputs.handling },
    });
    await refreshDeadline(tx, cc, caseId, c.case_no, c.department_id, 'extended', who(actor), now);
  });
}

export interface NoticeItem {
  materialId: string;
  problem: 'missing' | 'irregular';
  note?: string | undefined;
}

/**
 * 一次性告知 (第三十二条): the clerk lists every missing or irregular material
 * at once, within five working days of receipt. One notice per application;
 * after the window the application already counts as accepted.
 */
export async function issueSupplementNotice(
  ctx: AppContext, actor: Actor, caseId: string, req: { items: NoticeItem[]; note: string },
): Promise<void> {
  if (req.items.length === 0) throw new AppError('SUPPLEMENT_ITEMS_REQUIRED');
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    const now = ctx.clock.now();
    const { rows } = await tx.query<{ notice_due_at: Date | null }>('SELECT notice_due_at FROM cases WHERE id = $1', [caseId]);
    const exists = await tx.query('SELECT 1 FROM case_supplement_notices WHERE case_id = $1', [caseId]);
    if (exists.rowCount) throw new AppError('SUPPLEMENT_NOTICE_EXISTS');
    assertCaseMove(c.status, 'requestSupplement');
    if (rows[0]!.notice_due_at && rows[0]!.notice_due_at < now) throw new AppError('NOTICE_WINDOW_CLOSED');
    const names = await itemMaterialNames(tx, c.item_id);
    const items = req.items.map((i) => {
      const name = names.get(i.materialId);
      if (!name) throw new AppError('VALIDATION_FAILED', { materialId: i.materialId, reason: 'unknown_material' });
      return { materialId: i.materialId, name, problem: i.problem, note: i.note?.trim() ?? '' };
    });
    await tx.query(
      'INSERT INTO case_supplement_notices (case_id, items, note, issued_by, issued_at) VALUES ($1,$2,$3,$4,$5)',
      [caseId, JSON.stringify(items), req.note.trim(), actor.id, now],
    );
    await tx.query(`UPDATE cases SET status = 'supplement_requested', notice_due_at = NULL, version = version + 1 WHERE id = $1`, [caseId]);
    await appendEvent(tx, {
      type: 'case.supplement_requested', caseId, caseNo: c.case_no, departmentId: c.department_id, actor: who(actor), occurredAt: now,
      payload: { items, note: req.note.trim() },
    });
    await issueCaseNotice(tx, ctx, caseId, 'supplement', who(actor), now);
  });
}

/** The applicant hands in what the notice asked for; the case returns to the intake queue. */
export async function supplementCase(
  ctx: AppContext, actor: Actor, caseId: string, materials: { materialId: string; uploadId: string }[],
): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    const owner = await tx.query<{ applicant_id: string }>('SELECT applicant_id FROM cases WHERE id = $1', [caseId]);
    if (owner.rows[0]!.applicant_id !== actor.id) throw new AppError('CASE_NOT_FOUND');
    assertCaseMove(c.status, 'supplement');
    const notice = await tx.query<{ items: { materialId: string }[] }>('SELECT items FROM case_supplement_notices WHERE case_id = $1', [caseId]);
    const asked = new Set(notice.rows[0]!.items.map((i) => i.materialId));
    const given = new Set(materials.map((m) => m.materialId));
    const missing = [...asked].filter((id) => !given.has(id));
    if (missing.length) throw new AppError('MATERIAL_MISSING', { materialIds: missing });
    await attachUploads(tx, actor.id, caseId, materials);
    const now = ctx.clock.now();
    await tx.query('UPDATE case_supplement_notices SET supplemented_at = $2 WHERE case_id = $1', [caseId, now]);
    await tx.query(`UPDATE cases SET status = 'submitted', version = version + 1 WHERE id = $1`, [caseId]);
    await appendEvent(tx, {
      type: 'case.supplemented', caseId, caseNo: c.case_no, departmentId: c.department_id, actor: who(actor), occurredAt: now,
      payload: { materialIds: [...given] },
    });
  });
}

/**
 * The durable consumer that follows calendar edits (`calendar.changed`,
 * `calendar.center_clock_set`): it only records a recompute job per edit, so
 * it never holds a case; the jobs' workers (deadline-recompute.ts) move the
 * deadlines in small batches, each move a `case.deadline_changed` event.
 */
export function calendarDeadlineConsumer(onRecorded: (jobs: number) => void = () => {}): EventConsumer {
  return {
    name: 'cases.deadlines',
    types: RECOMPUTE_EVENT_TYPES,
    handle: async (tx, events) => {
      for (const e of events) await recordRecomputeJob(tx, e);
      onRecorded(events.length);
    },
  };
}

/**
 * Chains what has committed, records the jobs of the calendar edits so far and
 * runs them to the end in this process; returns the deadlines moved. For the
 * command line and tests: a server leaves the jobs to its background workers.
 */
export async function applyCalendarChanges(ctx: AppContext): Promise<number> {
  await chainPending(ctx.db);
  const run = await drainConsumer(ctx.db, calendarDeadlineConsumer(), () => ctx.clock.now());
  if (run.error) throw new Error(run.error);
  return (await drainRecomputeJobs(ctx)).moved;
}

export { deadlines };

import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx, type Queryable, type Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { currentVersionId, departmentCodes, getItem, windowServesItem, type ItemDetail } from '../catalog/index.ts';
import { windowOf } from '../iam/index.ts';
import type { CenterClock } from '../calendar/index.ts';
import { assertCaseMove, chinaDay, formatCaseNo, newQueryCode, type CaseStatus } from './rules.ts';
import { checkItemForm, formAttachmentIds } from '../forms/index.ts';
import { loadClock } from './clock.ts';
import { noticeDueAt, refreshDeadline } from './deadline-store.ts';
import { attachUploads } from '../files/index.ts';
import { completeCaseStep, engineActor, startCaseProcess, taskForActor } from './workflow.ts';
import { issueCaseNotice } from './notices.ts';
import { assertNotRecused } from './recusal.ts';

export interface Application {
  itemId: string;
  formData: Record<string, unknown>;
  materials: { materialId: string; uploadId: string }[];
  idempotencyKey: string;
  /** The item version the form was rendered from; an older one than current is refused (ITEM_VERSION_STALE). */
  itemVersionId?: string;
}

export interface SubmitResult {
  id: string;
  caseNo: string;
  queryCode: string;
  status: string;
  /** False when the idempotency key had already created this case. */
  created: boolean;
}

async function existingByKey(tx: Tx, applicantId: string, key: string): Promise<SubmitResult | undefined> {
  const { rows } = await tx.query<{ id: string; case_no: string; query_code: string; status: string }>(
    'SELECT id, case_no, query_code, status FROM cases WHERE applicant_id = $1 AND idempotency_key = $2',
    [applicantId, key],
  );
  const r = rows[0];
  return r && { id: r.id, caseNo: r.case_no, queryCode: r.query_code, status: r.status, created: false };
}

/** Checks the form and the materials against the item; returns material → upload. Uploads are optional at the window. */
export function checkApplication(item: ItemDetail, app: Application, materialsRequired = true, now = new Date()): Map<string, string> {
  // The browser's own validator (shared/forms) on the center's day; what is stored drops the hidden fields.
  const form = checkItemForm(item.form, app.formData, chinaDay(now));
  if (form.errors.length > 0) throw new AppError('FORM_INVALID', { fields: form.errors });
  app.formData = form.data;
  const materialIds = new Set(item.materials.map((m) => m.id));
  const given = new Map<string, string>();
  for (const m of app.materials) {
    if (!materialIds.has(m.materialId)) throw new AppError('VALIDATION_FAILED', { materialId: m.materialId, reason: 'unknown_material' });
    if (given.has(m.materialId)) throw new AppError('VALIDATION_FAILED', { materialId: m.materialId, reason: 'duplicate_material' });
    given.set(m.materialId, m.uploadId);
  }
  const missing = item.materials.filter((m) => m.required && !given.has(m.id)).map((m) => m.id);
  if (materialsRequired && missing.length > 0) throw new AppError('MATERIAL_MISSING', { materialIds: missing });
  return given;
}

/** Who a new case belongs to and how it came in (网上申报, or 窗口接件 by a clerk at a window). */
export interface CaseParties {
  /** The applicant's online account; null for a walk-in without one. */
  applicantUserId: string | null;
  /** The applicant's profile; null lets the database use the account's own profile. */
  applicantProfileId: string | null;
  applicantName: string;
  channel: 'online' | 'window';
  windowId: string | null;
}

/**
 * Numbers and inserts a submitted case, attaches the uploads of `actor` and
 * records `case.submitted`, inside the caller's transaction.
 */
export async function insertCase(
  ctx: AppContext, tx: Tx, cc: CenterClock, actor: Actor, item: ItemDetail, app: Application, given: Map<string, string>, parties: CaseParties,
): Promise<SubmitResult> {
  // The case starts on the item's current version and keeps it; a form rendered from an older one is refused.
  const versionId = await currentVersionId(tx, item.id);
  if (versionId !== item.versionId || (app.itemVersionId && app.itemVersionId !== versionId)) {
    throw new AppError('ITEM_VERSION_STALE', { currentVersionId: versionId });
  }
  const now = ctx.clock.now();
  const day = chinaDay(now);
  const deptCode = (await departmentCodes(tx, [item.departmentId])).get(item.departmentId)!;
  const seq = await tx.query<{ last_value: number }>(
    `INSERT INTO case_sequences (day, dept_code, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (day, dept_code) DO UPDATE SET last_value = case_sequences.last_value + 1 RETURNING last_value`,
    [day, deptCode],
  );
  const caseNo = formatCaseNo(day, deptCode, seq.rows[0]!.last_value);
  const queryCode = newQueryCode();
  const window = parties.channel === 'window';
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO cases (case_no, query_code, item_id, department_id, applicant_id, applicant_name, status, form_data, idempotency_key,
                        submitted_at, promised_days, legal_days, limit_unit, handling, notice_due_at,
                        applicant_profile_id, channel, submitted_by, window_id, item_version_id)
     VALUES ($1,$2,$3,$4,$5,$6,'submitted',$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING id`,
    [caseNo, queryCode, item.id, item.departmentId, parties.applicantUserId, parties.applicantName, JSON.stringify(app.formData), app.idempotencyKey,
      now, item.promisedDays, item.legalDays, item.limitUnit, item.itemType === 'joint' ? 'joint' : 'single', noticeDueAt(cc, now),
      parties.applicantProfileId, parties.channel, window ? actor.id : null, parties.windowId, versionId],
  );
  const caseId = inserted.rows[0]!.id;
  await attachUploads(tx, actor.id, caseId, [...given].map(([materialId, uploadId]) => ({ materialId, uploadId })));
  // The files of the form's attachment fields belong to the case as well (no material of their own).
  await attachUploads(tx, actor.id, caseId, formAttachmentIds(item.form, app.formData).map((uploadId) => ({ materialId: null, uploadId })));
  await appendEvent(tx, {
    type: 'case.submitted',
    caseId,
    caseNo,
    departmentId: item.departmentId,
    actor: { id: actor.id, role: actor.role },
    occurredAt: now,
    payload: {
      itemId: item.id, itemCode: item.code, itemName: item.name, promisedDays: item.promisedDays, legalDays: item.legalDays,
      channel: parties.channel, noticeDue: noticeDueAt(cc, now).toISOString(),
      ...(window ? { windowId: parties.windowId, applicantProfileId: parties.applicantProfileId } : {}),
    },
  });
  return { id: caseId, caseNo, queryCode, status: 'submitted', created: true };
}

/**
 * 网上申报: validates the form and materials against the item, numbers the
 * case, attaches the uploads and records `case.submitted`, all in one
 * transaction. The same idempotency key from the same applicant returns the
 * first case instead of creating a second.
 */
export async function submitApplication(
  ctx: AppContext, actor: Actor, app: Application,
  /** Runs in the same transaction once the case is created (the portal removes the draft it came from). */
  afterCreate?: (tx: Tx, created: SubmitResult) => Promise<void>,
): Promise<SubmitResult> {
  const item = await getItem(ctx.db, app.itemId);
  const given = checkApplication(item, app, true, ctx.clock.now());
  const cc = await loadClock(ctx.db);
  return withTx(ctx.db, async (tx) => {
    // Serialise submissions with the same key, so a double click makes one case.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${actor.id}:${app.idempotencyKey}`]);
    const existing = await existingByKey(tx, actor.id, app.idempotencyKey);
    if (existing) return existing;
    const result = await insertCase(ctx, tx, cc, actor, item, app, given, {
      applicantUserId: actor.id, applicantProfileId: null, applicantName: actor.displayName, channel: 'online', windowId: null,
    });
    if (afterCreate) await afterCreate(tx, result);
    return result;
  });
}

export interface LockedCase {
  id: string;
  case_no: string;
  status: CaseStatus;
  department_id: string;
  item_id: string;
}

/** Locks the case row for this transaction; CASE_NOT_FOUND if absent. */
export async function lockCase(tx: Tx, id: string): Promise<LockedCase> {
  const { rows } = await tx.query<LockedCase>('SELECT id, case_no, status, department_id, item_id FROM cases WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) throw new AppError('CASE_NOT_FOUND');
  return rows[0];
}

/**
 * Opens the handling phase of a locked, submitted case: status accepted, the
 * deadlines, and the item's process on the workflow engine. `acceptedAt` is
 * the moment the clock starts (the receipt of materials for a deemed acceptance).
 */
export async function openHandling(
  ctx: AppContext, tx: Tx, cc: CenterClock, c: LockedCase, acceptedAt: Date, deemed: boolean, actor: { id: string; role: string } | null, now: Date,
  extraPayload: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    `UPDATE cases SET status = 'accepted', accepted_at = $2, deemed_accepted = $3, accepted_by = $4, notice_due_at = NULL, version = version + 1 WHERE id = $1`,
    [c.id, acceptedAt, deemed, actor?.id ?? null],
  );
  const due = await refreshDeadline(tx, cc, c.id, c.case_no, c.department_id, deemed ? 'deemed_accepted' : 'accepted', actor, now);
  await appendEvent(tx, {
    type: deemed ? 'case.deemed_accepted' : 'case.accepted', caseId: c.id, caseNo: c.case_no, departmentId: c.department_id,
    actor, occurredAt: now,
    payload: {
      acceptedAt: acceptedAt.toISOString(), due: due?.toISOString() ?? null,
      // Supervision treats a deemed acceptance as a violation of 第三十二条.
      ...(deemed ? { article: '行政许可法第三十二条', violation: 'notice_not_issued_in_time' } : {}),
      ...extraPayload,
    },
  });
  // The item's process takes over: its first steps open now (their events follow).
  await startCaseProcess(ctx, tx, cc, c, actor);
}

/**
 * Intake at the clerk's window: a clerk seated at a window takes in only the
 * items that window lists (ITEM_NOT_SERVED_AT_WINDOW), so an application is
 * received where its item is served; a station's window lists the county items
 * it takes in for the county (代收代办). A walk-in needs a window
 * (WINDOW_REQUIRED); an online application may also be accepted by a clerk of
 * the back office, who sits at no window. Returns the clerk's window, if any.
 */
export async function assertWindowTakesIn(q: Queryable, clerkId: string, itemId: string, walkIn: boolean): Promise<string | null> {
  const windowId = await windowOf(q, clerkId);
  if (!windowId) {
    if (walkIn) throw new AppError('WINDOW_REQUIRED');
    return null;
  }
  if (!(await windowServesItem(q, windowId, itemId))) throw new AppError('ITEM_NOT_SERVED_AT_WINDOW', { itemId, windowId });
  return windowId;
}

/**
 * 受理: a submitted case is accepted and an approval task opens for the
 * item's department. Of two clerks accepting at once, the second finds the
 * case no longer submitted and gets CASE_STATE_CONFLICT.
 */
export async function acceptCase(ctx: AppContext, actor: Actor, caseId: string, alsoInTx?: (tx: Tx, caseId: string) => Promise<void>): Promise<void> {
  const cc = await loadClock(ctx.db);
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    assertCaseMove(c.status, 'accept');
    await assertWindowTakesIn(tx, actor.id, c.item_id, false);
    const now = ctx.clock.now();
    await openHandling(ctx, tx, cc, c, now, false, { id: actor.id, role: actor.role }, now);
    await issueCaseNotice(tx, ctx, c.id, 'acceptance', { id: actor.id, role: actor.role }, now);
    await alsoInTx?.(tx, c.id);
  });
}

/**
 * 即办件当场办结: a submitted immediate item is accepted and concluded (准予)
 * at the window in one step, inside the caller's transaction. No process
 * runs and no deadline starts; the 办结通知书 is issued at once.
 */
export async function concludeAtWindow(ctx: AppContext, tx: Tx, actor: Actor, c: LockedCase, opinion: string, now: Date): Promise<void> {
  assertCaseMove(c.status, 'concludeAtWindow');
  await tx.query(
    `UPDATE cases SET status = 'approved', accepted_at = $2, accepted_by = $4, concluded_at = $2, result_note = $3, notice_due_at = NULL, version = version + 1 WHERE id = $1`,
    [c.id, now, opinion, actor.id],
  );
  const who = { id: actor.id, role: actor.role };
  const base = { caseId: c.id, caseNo: c.case_no, departmentId: c.department_id, actor: who, occurredAt: now };
  await appendEvent(tx, { ...base, type: 'case.accepted', payload: { acceptedAt: now.toISOString(), due: null, atWindow: true } });
  await appendEvent(tx, { ...base, type: 'case.concluded', payload: { result: 'approved', atWindow: true, reason: null } });
  await issueCaseNotice(tx, ctx, c.id, 'conclusion', who, now);
}

/**
 * 第三十二条 guard: a submitted case whose five-working-day notice window has
 * passed with neither a one-time notice nor a decision counts as accepted
 * from the day its materials arrived. Run by the sweeper; safe to run on
 * several nodes at once (SKIP LOCKED) and repeatedly. Returns the case ids.
 */
export async function deemOverdueApplicationsAccepted(ctx: AppContext, limit = 100): Promise<string[]> {
  const cc = await loadClock(ctx.db);
  return withTx(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const { rows } = await tx.query<LockedCase & { submitted_at: Date }>(
      `SELECT id, case_no, status, department_id, item_id, submitted_at FROM cases
        WHERE status = 'submitted' AND notice_due_at < $1 ORDER BY notice_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    for (const c of rows) {
      await openHandling(ctx, tx, cc, c, c.submitted_at, true, null, now);
      await issueCaseNotice(tx, ctx, c.id, 'acceptance', null, now);
    }
    return rows.map((r) => r.id);
  });
}

/** 不予受理: refusing needs a reason, which the applicant is told (行政许可法 第三十二条). */
export async function refuseCase(ctx: AppContext, actor: Actor, caseId: string, reason: string): Promise<void> {
  const trimmed = reason.trim();
  if (!trimmed) throw new AppError('REASON_REQUIRED');
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    // Refusal is possible while the applicant still owes supplements, too.
    assertCaseMove(c.status, 'refuse');
    const now = ctx.clock.now();
    await tx.query(
      `UPDATE cases SET status = 'refused', concluded_at = $2, result_note = $3, notice_due_at = NULL, version = version + 1 WHERE id = $1`,
      [caseId, now, trimmed],
    );
    await appendEvent(tx, {
      type: 'case.refused', caseId, caseNo: c.case_no, departmentId: c.department_id,
      actor: { id: actor.id, role: actor.role }, occurredAt: now, payload: { reason: trimmed },
    });
    await issueCaseNotice(tx, ctx, caseId, 'refusal', { id: actor.id, role: actor.role }, now);
  });
}

/**
 * 审批办理: a person who may handle the step approves or denies with an
 * opinion; the process moves on, and when it ends the case concludes with
 * the last decision (准予 / 不予). Returns the case id.
 */
export async function completeTask(
  ctx: AppContext, actor: Actor, taskId: string, outcome: 'approved' | 'denied', opinion: string, alsoInTx?: (tx: Tx, caseId: string) => Promise<void>,
): Promise<string> {
  const text = opinion.trim();
  if (!text) throw new AppError('OPINION_REQUIRED');
  const cc = await loadClock(ctx.db);
  return withTx(ctx.db, async (tx) => {
    const who = await engineActor(tx, actor);
    const first = await taskForActor(tx, who, taskId);
    const c = await lockCase(tx, first.case_id!);
    // Read again under the case lock: of two people completing at once, the second sees it done.
    const task = await taskForActor(tx, who, taskId);
    if (task.status !== 'open' && task.status !== 'delegated') throw new AppError('TASK_STATE_CONFLICT');
    assertCaseMove(c.status, 'decide');
    await assertNotRecused(tx, c.id, [actor.id]);
    const step = await completeCaseStep(ctx, tx, cc, who, taskId, outcome, text);
    // The caller's own row (an idempotency key) commits with the step or not at all.
    await alsoInTx?.(tx, c.id);
    if (!step.finished) return c.id;
    const now = ctx.clock.now();
    await tx.query(
      'UPDATE cases SET status = $2, concluded_at = $3, result_note = $4, version = version + 1 WHERE id = $1',
      [c.id, step.lastOutcome, now, text],
    );
    const who2 = { id: actor.id, role: actor.role };
    await appendEvent(tx, {
      type: 'case.concluded', caseId: c.id, caseNo: c.case_no, departmentId: c.department_id, actor: who2, occurredAt: now,
      // A denial carries its reason (the deciding opinion) for supervision's check of reason and legal basis.
      payload: { result: step.lastOutcome, reason: step.lastOutcome === 'denied' ? text : null },
    });
    await issueCaseNotice(tx, ctx, c.id, 'conclusion', who2, now);
    return c.id;
  });
}

import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx, type Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { getItem, itemFacts } from '../catalog/index.ts';
import { formatIsoDate, nthWorkingDayFrom, toShanghai } from '../calendar/index.ts';
import {
  assertCaseMove, assertWindowTakesIn, caseRefs, checkApplication, concludeAtWindow, insertCase, issueCaseNotice, loadClock, lockCase, openHandling, windowCaseByKey,
  type LockedCase, type SubmitResult,
} from '../cases/index.ts';
import { attachUploads } from '../files/index.ts';
import { beijingToday, checklistOf, itemMaterials } from './queries.ts';
import {
  assertChecklistComplete, assertDeficientAcceptance, checkChecklist, checkIdentity, type ApplicantKind, type MaterialCheck,
} from './rules.ts';

const who = (a: Actor) => ({ id: a.id, role: a.role });

export interface ApplicantInput {
  kind: ApplicantKind;
  idNumber: string;
  name: string;
  phone?: string | undefined;
  address?: string | undefined;
  legalRepresentative?: string | undefined;
  contactPerson?: string | undefined;
}

export interface WalkInApplication {
  itemId: string;
  applicant: ApplicantInput;
  formData: Record<string, unknown>;
  materials: { materialId: string; uploadId: string }[];
  idempotencyKey: string;
  /** The item version the clerk's form was rendered from; a newer published one refuses it (ITEM_VERSION_STALE). */
  itemVersionId?: string | undefined;
}

const PROFILE_FIELDS = ['name', 'phone', 'address', 'legalRepresentative', 'contactPerson'] as const;
const COLUMN: Record<(typeof PROFILE_FIELDS)[number], string> = {
  name: 'name', phone: 'phone', address: 'address', legalRepresentative: 'legal_representative', contactPerson: 'contact_person',
};

/**
 * Registers the applicant or saves what changed back to its profile, in the
 * caller's transaction. Events name the changed fields, never their values:
 * the stream that supervision reads carries no personal data.
 */
async function saveApplicant(tx: Tx, actor: Actor, a: ApplicantInput, idNumber: string, now: Date): Promise<{ id: string; userId: string | null; name: string }> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`applicant:${a.kind}:${idNumber}`]);
  const clean = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  const next = {
    name: a.name.trim(), phone: clean(a.phone), address: clean(a.address),
    legalRepresentative: a.kind === 'enterprise' ? clean(a.legalRepresentative) : null,
    contactPerson: a.kind === 'enterprise' ? clean(a.contactPerson) : null,
  };
  const found = await tx.query<{ id: string; user_id: string | null } & Record<string, string | null>>(
    'SELECT id, user_id, name, phone, address, legal_representative, contact_person FROM applicants WHERE kind = $1 AND id_number = $2 FOR UPDATE',
    [a.kind, idNumber],
  );
  const row = found.rows[0];
  if (!row) {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO applicants (kind, id_number, name, phone, address, legal_representative, contact_person, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) RETURNING id`,
      [a.kind, idNumber, next.name, next.phone, next.address, next.legalRepresentative, next.contactPerson, now],
    );
    const id = inserted.rows[0]!.id;
    await appendEvent(tx, { type: 'applicant.registered', actor: who(actor), occurredAt: now, payload: { applicantId: id, kind: a.kind } });
    return { id, userId: null, name: next.name };
  }
  const changed = PROFILE_FIELDS.filter((f) => (row[COLUMN[f]] ?? null) !== next[f]);
  if (changed.length > 0) {
    await tx.query(
      `UPDATE applicants SET name = $2, phone = $3, address = $4, legal_representative = $5, contact_person = $6, updated_at = $7, version = version + 1
        WHERE id = $1`,
      [row.id, next.name, next.phone, next.address, next.legalRepresentative, next.contactPerson, now],
    );
    await appendEvent(tx, { type: 'applicant.updated', actor: who(actor), occurredAt: now, payload: { applicantId: row.id, kind: a.kind, fields: changed } });
  }
  return { id: row.id, userId: row.user_id, name: next.name };
}

/**
 * 窗口接件: a clerk registers a walk-in applicant (or updates the stored
 * profile) and submits the application on its behalf. The case records the
 * clerk and the window; scans of materials are optional (paper is checked on
 * the checklist). One transaction; the same idempotency key returns the first case.
 */
export async function submitWalkIn(ctx: AppContext, actor: Actor, app: WalkInApplication): Promise<SubmitResult & { applicantId: string }> {
  const now = ctx.clock.now();
  const idNumber = checkIdentity(app.applicant.kind, app.applicant.idNumber, beijingToday(now));
  if (app.applicant.kind === 'enterprise' && !app.applicant.legalRepresentative?.trim()) {
    throw new AppError('APPLICANT_INCOMPLETE', { field: 'legalRepresentative' });
  }
  const item = await getItem(ctx.db, app.itemId);
  const given = checkApplication(item, app, false, now);
  const windowId = (await assertWindowTakesIn(ctx.db, actor.id, item.id, true))!;
  const cc = await loadClock(ctx.db);
  return withTx(ctx.db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`window:${actor.id}:${app.idempotencyKey}`]);
    const e = await windowCaseByKey(tx, actor.id, app.idempotencyKey);
    if (e) return { id: e.id, caseNo: e.caseNo, queryCode: e.queryCode, status: e.status, created: false, applicantId: e.applicantProfileId };
    const applicant = await saveApplicant(tx, actor, app.applicant, idNumber, ctx.clock.now());
    const result = await insertCase(ctx, tx, cc, actor, item, app, given, {
      applicantUserId: applicant.userId, applicantProfileId: applicant.id, applicantName: applicant.name, channel: 'window', windowId,
    });
    return { ...result, applicantId: applicant.id };
  });
}

/** Material checks are made while the application waits at intake (预审 included). */
function assertAtIntake(c: LockedCase): void {
  assertCaseMove(c.status, 'checkMaterials');
}

/**
 * 材料核验: the clerk records each material as received, missing or irregular
 * (with a note), whether the original was seen and how many copies came.
 * The list replaces the case's earlier checks of the same materials.
 */
export async function saveChecklist(ctx: AppContext, actor: Actor, caseId: string, checks: MaterialCheck[]): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    assertAtIntake(c);
    const list = checkChecklist(await itemMaterials(tx, c.item_id), checks);
    const now = ctx.clock.now();
    for (const k of list) {
      await tx.query(
        `INSERT INTO case_material_checks (case_id, material_id, status, note, original_seen, copies, checked_by, checked_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
         ON CONFLICT (case_id, material_id) DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, original_seen = EXCLUDED.original_seen,
           copies = EXCLUDED.copies, checked_by = EXCLUDED.checked_by, checked_at = EXCLUDED.checked_at`,
        [caseId, k.materialId, k.status, k.note, k.originalSeen, k.copies, actor.id, now],
      );
    }
    const ids = (s: MaterialCheck['status']) => list.filter((k) => k.status === s).map((k) => k.materialId);
    await appendEvent(tx, {
      type: 'case.materials_checked', caseId, caseNo: c.case_no, departmentId: c.department_id, actor: who(actor), occurredAt: now,
      payload: { received: ids('received'), missing: ids('missing'), irregular: ids('irregular') },
    });
  });
}

/** Up to 30 working days for owed materials: a longer wait is a supplement notice, not 容缺. */
export const MAX_OWED_WORKDAYS = 30;

/**
 * 容缺受理: the case is accepted although deferrable materials are still
 * owed; each owed material gets its due date, `workdays` working days after
 * today by the legal clock. The acceptance notice is issued as for 受理.
 */
export async function acceptWithDeficiencies(
  ctx: AppContext, actor: Actor, caseId: string, req: { materialIds: string[]; workdays: number },
): Promise<{ dueDate: string }> {
  const cc = await loadClock(ctx.db);
  return withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    assertCaseMove(c.status, 'accept');
    await assertWindowTakesIn(tx, actor.id, c.item_id, false);
    const item = (await itemFacts(tx, c.item_id))!;
    const materials = await itemMaterials(tx, c.item_id);
    const checks = (await checklistOf(tx, caseId, c.item_id)).filter((k) => k.status);
    const owed = assertDeficientAcceptance(item.allowsDeficientAcceptance, materials, checks, req.materialIds);
    const now = ctx.clock.now();
    // Counting starts the day after acceptance, as every legal limit does.
    const dueDate = formatIsoDate(nthWorkingDayFrom(cc.calendar, toShanghai(now).day + 1, req.workdays - 1));
    const actorRef = who(actor);
    await openHandling(ctx, tx, cc, c, now, false, actorRef, now, { deficient: true });
    for (const m of owed) {
      await tx.query(
        `INSERT INTO case_owed_materials (case_id, material_id, name, due_date, recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6)`,
        [caseId, m.id, m.name, dueDate, actor.id, now],
      );
    }
    await appendEvent(tx, {
      type: 'case.accepted_deficient', caseId, caseNo: c.case_no, departmentId: c.department_id, actor: actorRef, occurredAt: now,
      payload: { owed: owed.map((m) => ({ materialId: m.id, name: m.name })), dueDate, workdays: req.workdays },
    });
    await issueCaseNotice(tx, ctx, caseId, 'acceptance', actorRef, now);
    return { dueDate };
  });
}

/** 容缺补齐: the clerk records that an owed material arrived, with its scan if one was made. */
export async function receiveOwedMaterial(
  ctx: AppContext, actor: Actor, caseId: string, materialId: string, uploadId?: string,
): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    const { rows } = await tx.query<{ name: string; due_date: string; received_at: Date | null }>(
      `SELECT name, to_char(due_date, 'YYYY-MM-DD') AS due_date, received_at FROM case_owed_materials WHERE case_id = $1 AND material_id = $2 FOR UPDATE`,
      [caseId, materialId],
    );
    const owed = rows[0];
    if (!owed) throw new AppError('OWED_NOT_FOUND');
    if (owed.received_at) throw new AppError('OWED_ALREADY_RECEIVED');
    const now = ctx.clock.now();
    await tx.query('UPDATE case_owed_materials SET received_at = $3, received_by = $4 WHERE case_id = $1 AND material_id = $2', [caseId, materialId, now, actor.id]);
    if (uploadId) await attachUploads(tx, actor.id, caseId, [{ materialId, uploadId }]);
    await appendEvent(tx, {
      type: 'case.owed_material_received', caseId, caseNo: c.case_no, departmentId: c.department_id, actor: who(actor), occurredAt: now,
      payload: { materialId, name: owed.name, dueDate: owed.due_date, late: owed.due_date < beijingToday(now), uploadId: uploadId ?? null },
    });
  });
}

/**
 * 即办件当场办结: an immediate item whose every required material was checked
 * and received is accepted and concluded at the window in one step, with its
 * 办结通知书.
 */
export async function concludeImmediate(ctx: AppContext, actor: Actor, caseId: string, opinion: string): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const c = await lockCase(tx, caseId);
    assertCaseMove(c.status, 'concludeAtWindow');
    await assertWindowTakesIn(tx, actor.id, c.item_id, false);
    if ((await itemFacts(tx, c.item_id))!.itemType !== 'immediate') throw new AppError('NOT_IMMEDIATE_ITEM');
    const checks = (await checklistOf(tx, caseId, c.item_id)).filter((k) => k.status);
    assertChecklistComplete(await itemMaterials(tx, c.item_id), checks);
    await concludeAtWindow(ctx, tx, actor, c, opinion.trim() || '材料齐全，当场办结', ctx.clock.now());
  });
}

/**
 * The overdue sweep: each owed material past its due date and still not
 * received is reported once (`case.owed_material_overdue`) for the clerk's
 * list and for supervision. Safe on several nodes (SKIP LOCKED). Returns the count.
 */
export async function reportOverdueOwedMaterials(ctx: AppContext, limit = 200): Promise<number> {
  return withTx(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const { rows } = await tx.query<{ case_id: string; material_id: string; name: string; due_date: string }>(
      `SELECT case_id, material_id, name, to_char(due_date, 'YYYY-MM-DD') AS due_date
         FROM case_owed_materials
        WHERE received_at IS NULL AND overdue_at IS NULL AND due_date < $1::date
        ORDER BY due_date LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [beijingToday(now), limit],
    );
    const cases = await caseRefs(tx, rows.map((r) => r.case_id));
    for (const r of rows) {
      const c = cases.get(r.case_id)!;
      await tx.query('UPDATE case_owed_materials SET overdue_at = $3 WHERE case_id = $1 AND material_id = $2', [r.case_id, r.material_id, now]);
      await appendEvent(tx, {
        type: 'case.owed_material_overdue', caseId: r.case_id, caseNo: c.caseNo, departmentId: c.departmentId, actor: null, occurredAt: now,
        payload: { materialId: r.material_id, name: r.name, dueDate: r.due_date },
      });
    }
    return rows.length;
  });
}

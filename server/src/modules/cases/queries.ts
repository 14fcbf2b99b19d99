import { timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../platform/db/pool.ts';
import type { Actor } from '../../platform/http/context.ts';
import { caseEvents } from '../../platform/events/stream.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCanReadCase } from './policy.ts';
import { caseAccessFacts, UUID } from './step-access.ts';
import type { CaseDetail } from './schemas.ts';
import { SUMMARY_COLUMNS, SUMMARY_FROM } from './case-list.ts';
import { clockView, loadClock, loadClockInputs, stepDueWithPauses } from './clock.ts';
import { owedMaterialsOf } from '../intake/index.ts';
import { caseFiles } from '../files/index.ts';
import { listDepartments, materialsByIds, windowNames } from '../catalog/index.ts';
import { accountDepartments, displayNames } from '../iam/index.ts';
import { caseSteps, tasksByIds } from '../workflow/index.ts';

/**
 * What the applicant follows: the case's own steps and each completed process
 * step (its name and opinion come from the engine's task), not every engine
 * bookkeeping event. The rating (case.rated) shows only to the applicant who
 * gave it (`withRating`): ratings are secret from the staff rated, and the
 * public progress page is open to anyone holding the query code.
 */
async function timeline(db: Queryable, caseId: string, withRating: boolean) {
  const events = await caseEvents(db, caseId, ['case.%', 'task.completed'], ['case.deadline_changed', ...(withRating ? [] : ['case.rated'])]);
  const taskOf = (e: (typeof events)[number]) => {
    const id = e.type === 'task.completed' ? e.payload.taskId : undefined;
    return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : undefined;
  };
  const tasks = new Map((await tasksByIds(db, events.flatMap((e) => taskOf(e) ?? []))).map((t) => [t.id, t]));
  return events.map((e) => {
    const task = tasks.get(taskOf(e) ?? '');
    return {
      type: e.type,
      at: e.at,
      actorId: e.actorId,
      step: task?.name ?? null,
      note: (e.payload.reason ?? e.payload.opinion ?? task?.opinion ?? null) as string | null,
    };
  });
}

/** The whole case as its applicant or a member of staff sees it; CASE_NOT_FOUND when hidden. */
export async function getCaseDetail(db: Queryable, actor: Actor, id: string, now: Date): Promise<CaseDetail> {
  const { rows } = await db.query(
    `SELECT ${SUMMARY_COLUMNS}, c.query_code AS "queryCode", c.item_id AS "itemId", c.form_data AS "formData",
            i.form_fields AS "formFields", i.form_spec AS form, c.result_note AS "resultNote",
            c.applicant_id AS "applicantId", c.department_id AS "departmentId",
            c.channel, c.window_id AS "windowId", c.submitted_by AS "submittedBy",
            c.process_instance_id IS NOT NULL AS "hasProcess"
       FROM ${SUMMARY_FROM} WHERE c.id = $1`,
    [id],
  );
  const c = rows[0] as (Record<string, unknown> & { applicantId: string; departmentId: string; windowId: string | null; submittedBy: string | null }) | undefined;
  // Someone given a step in person (转办, 委派, 加签, handover) or sent a copy reads the case like its departments do.
  assertCanReadCase(actor, c && await caseAccessFacts(db, actor.id, id));
  const tasks = await stepViews(db, id);
  const files = await caseFiles(db, id);
  const named = await materialsByIds(db, files.map((f) => f.materialId));
  // In the item's order of materials, as the application lists them.
  const materials = files
    .map(({ materialId, ...f }) => ({ ...f, material: named.get(materialId)! }))
    .sort((a, b) => a.material.sortOrder - b.material.sortOrder)
    .map(({ material, uploadId, ...f }) => ({ uploadId, materialName: material.name, ...f }));
  const { applicantId: _a, departmentId: _d, windowId, submittedBy, ...view } = c!;
  const events = await timeline(db, id, actor.role === 'applicant' && actor.id === c!.applicantId);
  // Who submitted and who acted on the timeline, named in one look-up.
  const names = await displayNames(db, [...(submittedBy ? [submittedBy] : []), ...events.flatMap((e) => (e.actorId ? [e.actorId] : []))]);
  const windowName = windowId ? (await windowNames(db, [windowId])).get(windowId) ?? null : null;
  // One after another: `db` may be a transaction's single client.
  const cc = await loadClock(db);
  const inputs = await loadClockInputs(db, id);
  const notice = await db.query('SELECT items, note, issued_at AS "issuedAt", supplemented_at AS "supplementedAt" FROM case_supplement_notices WHERE case_id = $1', [id]);
  const clock = clockView(cc, inputs!, now);
  const taskDue = (t: Record<string, unknown>) =>
    t.dueAt ? stepDueWithPauses(cc, t.dueAt as Date, t.createdAt as Date, inputs!.pauses) : (view.dueAt as Date | null);
  return {
    ...(view as Omit<CaseDetail, 'materials' | 'tasks' | 'timeline' | 'clock' | 'supplementNotice' | 'colour' | 'workdaysLeft' | 'owedMaterials' | 'windowName' | 'submittedByName'>),
    windowName,
    submittedByName: submittedBy ? names.get(submittedBy) ?? null : null,
    materials,
    tasks: tasks.map(({ createdAt: _c, ...t }) => ({ ...t, dueAt: t.status === 'open' ? taskDue({ ...t, createdAt: _c }) : t.dueAt })),
    timeline: events.map(({ actorId, ...e }) => ({ type: e.type, at: e.at, actorName: actorId ? names.get(actorId) ?? null : null, step: e.step, note: e.note })),
    clock,
    colour: clock.colour,
    workdaysLeft: clock.workdaysLeft,
    supplementNotice: notice.rows[0] ?? null,
    owedMaterials: await owedMaterialsOf(db, id, now),
  };
}

/**
 * The case's process steps as its page shows them, in the order they opened,
 * each with the departments it is offered to (in the center's order) or, for
 * a step given to a person (加签, 转办, a user assignee), that person's.
 */
async function stepViews(db: Queryable, caseId: string): Promise<(CaseDetail['tasks'][number] & { createdAt: Date })[]> {
  const steps = await caseSteps(db, caseId);
  const departments = await listDepartments(db) as { id: string; code: string; name: string }[];
  const holders = await accountDepartments(db, steps.map((t) => t.assignee).filter((a): a is string => !!a && UUID.test(a)));
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  return steps.map((t) => {
    const offered = t.candidate_kind === 'department' ? departments.filter((d) => t.candidate_values.includes(d.code)).map((d) => d.name).join('、') : '';
    const holder = t.assignee ? holders.get(t.assignee) : undefined;
    return {
      id: t.id,
      name: t.name ?? t.node_id,
      departmentName: offered || (holder ? nameOf.get(holder) : undefined) || '',
      status: t.status === 'completed' || t.status === 'returned' ? 'done' : t.status === 'cancelled' ? 'cancelled' : 'open',
      outcome: t.outcome === 'approve' ? 'approved' : t.outcome === 'reject' ? 'denied' : null,
      opinion: t.opinion,
      completedAt: t.completed_at,
      dueAt: t.due_at,
      createdAt: t.created_at,
    };
  });
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a.toUpperCase());
  const y = Buffer.from(b.toUpperCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Public progress lookup by case number and query code. A wrong code and an
 * unknown number give the same PROGRESS_NOT_FOUND; no personal data returned.
 */
export async function lookupProgress(db: Queryable, caseNo: string, queryCode: string) {
  const { rows } = await db.query(
    `SELECT c.id, c.case_no AS "caseNo", c.query_code AS "queryCode", i.name AS "itemName", d.name AS "departmentName",
            c.status, c.submitted_at AS "submittedAt", c.accepted_at AS "acceptedAt", c.concluded_at AS "concludedAt",
            c.result_note AS "resultNote"
       FROM ${SUMMARY_FROM} WHERE c.case_no = $1`,
    [caseNo.trim().toUpperCase()],
  );
  const c = rows[0] as (Record<string, unknown> & { id: string; queryCode: string }) | undefined;
  if (!c || !sameCode(c.queryCode, queryCode.trim())) throw new AppError('PROGRESS_NOT_FOUND');
  const { id, queryCode: _q, ...view } = c;
  const events = await timeline(db, id, false);
  return { ...view, timeline: events.map(({ type, at, note, step }) => ({ type, at, note, step })) };
}

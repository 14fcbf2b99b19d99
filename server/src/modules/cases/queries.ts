import { timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../platform/db/pool.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCanReadCase } from './policy.ts';
import { engineActor, openStepsFor } from './workflow.ts';
import { caseAccessFacts } from './step-access.ts';
import type { CaseDetail, CaseSummary, TaskList } from './schemas.ts';
import { clockState, type Colour } from '../calendar/index.ts';
import { clockView, loadClock, loadClockInputs, loadPauses, stepDueWithPauses } from './clock.ts';
import { owedMaterialsOf } from '../intake/index.ts';

const SUMMARY_COLUMNS = `c.id, c.case_no AS "caseNo", i.name AS "itemName", d.name AS "departmentName",
  c.applicant_name AS "applicantName", c.status, c.submitted_at AS "submittedAt",
  c.accepted_at AS "acceptedAt", c.concluded_at AS "concludedAt",
  coalesce(c.due_at, c.notice_due_at) AS "dueAt", c.due_provisional AS "dueProvisional"`;
const SUMMARY_FROM = 'cases c JOIN service_items i ON i.id = c.item_id JOIN departments d ON d.id = c.department_id';

export type CaseScope = 'mine' | 'intake' | 'all';

/**
 * Lists cases the caller may see: `mine` an applicant's own, `intake` the
 * cases waiting for acceptance (clerks), `all` the center's (manager, admin)
 * or an approver's department's. The policy decides in SQL, so one query
 * returns only visible rows.
 */
export async function listCases(db: Queryable, actor: Actor, scope: CaseScope, now: Date) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (actor.role === 'applicant' || scope === 'mine') {
    where.push(`c.applicant_id = $${params.push(actor.id)}`);
  } else if (actor.role === 'approver' || actor.role === 'agency_head') {
    // Its own department's cases, and those where one of its steps runs (并联 / 会签).
    where.push(`(c.department_id = $${params.push(actor.departmentId)} OR EXISTS (
      SELECT 1 FROM wf_instances wi JOIN wf_tasks wt ON wt.instance_id = wi.id JOIN departments dd ON dd.id = $${params.length}
       WHERE wi.case_id = c.id AND wt.candidate_kind = 'department' AND dd.code = ANY(wt.candidate_values)))`);
  } else if (!['clerk', 'manager', 'admin', 'government_head'].includes(actor.role)) {
    throw new AppError('FORBIDDEN');
  }
  if (scope === 'intake') where.push(`c.status IN ('submitted', 'supplement_requested')`);
  const { rows } = await db.query(
    `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${scope === 'intake' ? 'c.submitted_at ASC' : 'c.submitted_at DESC'} LIMIT 500`,
    params,
  );
  return withColours(db, rows as Omit<CaseSummary, 'colour' | 'workdaysLeft'>[], now);
}

interface DueRow {
  dueAt: Date | null;
  status?: string;
  concludedAt?: Date | null;
}

/** Adds the one colour rule (green / yellow / red) to rows that have a running deadline. */
async function withColours<T extends DueRow>(db: Queryable, rows: T[], now: Date): Promise<(T & { colour: Colour | null; workdaysLeft: number | null })[]> {
  if (rows.length === 0) return [];
  const cc = await loadClock(db);
  return rows.map((r) => {
    const running = r.dueAt && !r.concludedAt && r.status !== 'supplement_requested';
    if (!running) return { ...r, colour: null, workdaysLeft: null };
    const s = clockState(cc.calendar, r.dueAt!, now, cc.yellowWorkdays);
    return { ...r, colour: s.colour, workdaysLeft: s.workdaysLeft };
  });
}

/**
 * What the applicant follows: the case's own steps and each completed process
 * step (its name and opinion come from the engine's task), not every engine
 * bookkeeping event. The rating (case.rated) shows only to the applicant who
 * gave it (`withRating`): ratings are secret from the staff rated, and the
 * public progress page is open to anyone holding the query code.
 */
async function timeline(db: Queryable, caseId: string, withRating: boolean) {
  const { rows } = await db.query<{ type: string; at: Date; actorName: string | null; payload: Record<string, unknown>; step: string | null; stepOpinion: string | null }>(
    `SELECT e.type, e.occurred_at AS at, u.display_name AS "actorName", e.payload, wt.name AS step, wt.opinion AS "stepOpinion"
       FROM events e LEFT JOIN users u ON u.id = e.actor_id
       LEFT JOIN wf_tasks wt ON e.type = 'task.completed' AND wt.id = (e.payload->>'taskId')::uuid
      WHERE e.case_id = $1 AND ((e.type LIKE 'case.%' AND e.type <> 'case.deadline_changed' AND ($2 OR e.type <> 'case.rated')) OR e.type = 'task.completed')
      ORDER BY e.pos`,
    [caseId, withRating],
  );
  return rows.map((r) => ({
    type: r.type,
    at: r.at,
    actorName: r.actorName,
    step: r.step,
    note: (r.payload.reason ?? r.payload.opinion ?? r.stepOpinion ?? null) as string | null,
  }));
}

/** The whole case as its applicant or a member of staff sees it; CASE_NOT_FOUND when hidden. */
export async function getCaseDetail(db: Queryable, actor: Actor, id: string, now: Date): Promise<CaseDetail> {
  const { rows } = await db.query(
    `SELECT ${SUMMARY_COLUMNS}, c.query_code AS "queryCode", c.item_id AS "itemId", c.form_data AS "formData",
            i.form_fields AS "formFields", i.form_spec AS form, c.result_note AS "resultNote",
            c.applicant_id AS "applicantId", c.department_id AS "departmentId",
            c.channel, (SELECT w.name FROM windows w WHERE w.id = c.window_id) AS "windowName",
            (SELECT u.display_name FROM users u WHERE u.id = c.submitted_by) AS "submittedByName",
            c.process_instance_id IS NOT NULL AS "hasProcess"
       FROM ${SUMMARY_FROM} WHERE c.id = $1`,
    [id],
  );
  const c = rows[0] as (Record<string, unknown> & { applicantId: string; departmentId: string }) | undefined;
  // Someone given a step in person (转办, 委派, 加签, handover) or sent a copy reads the case like its departments do.
  assertCanReadCase(actor, c && await caseAccessFacts(db, actor.id, id));
  const tasks = (await db.query(
    `SELECT t.id, coalesce(t.name, t.node_id) AS name,
            coalesce((SELECT string_agg(d.name, '、' ORDER BY d.sort_order) FROM departments d
                       WHERE t.candidate_kind = 'department' AND d.code = ANY(t.candidate_values)),
                     -- A step given to a person (加签, 转办, a user assignee) shows that person's department.
                     (SELECT d.name FROM users u JOIN departments d ON d.id = u.department_id WHERE u.id::text = t.assignee), '') AS "departmentName",
            CASE WHEN t.status IN ('completed', 'returned') THEN 'done' WHEN t.status = 'cancelled' THEN 'cancelled' ELSE 'open' END AS status,
            CASE t.outcome WHEN 'approve' THEN 'approved' WHEN 'reject' THEN 'denied' END AS outcome,
            t.opinion, t.completed_at AS "completedAt", t.due_at AS "dueAt", t.created_at AS "createdAt"
       FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE i.case_id = $1 ORDER BY t.created_at, t.loop_index NULLS FIRST`,
    [id],
  )).rows;
  const materials = await db.query(
    `SELECT u.id AS "uploadId", m.name AS "materialName", u.original_name AS "originalName", u.mime_type AS "mimeType", u.size_bytes AS "sizeBytes"
       FROM uploads u JOIN item_materials m ON m.id = u.material_id WHERE u.case_id = $1 ORDER BY m.sort_order`,
    [id],
  );
  const { applicantId: _a, departmentId: _d, ...view } = c!;
  // One after another: `db` may be a transaction's single client.
  const cc = await loadClock(db);
  const inputs = await loadClockInputs(db, id);
  const notice = await db.query('SELECT items, note, issued_at AS "issuedAt", supplemented_at AS "supplementedAt" FROM case_supplement_notices WHERE case_id = $1', [id]);
  const clock = clockView(cc, inputs!, now);
  const taskDue = (t: Record<string, unknown>) =>
    t.dueAt ? stepDueWithPauses(cc, t.dueAt as Date, t.createdAt as Date, inputs!.pauses) : (view.dueAt as Date | null);
  return {
    ...(view as Omit<CaseDetail, 'materials' | 'tasks' | 'timeline' | 'clock' | 'supplementNotice' | 'colour' | 'workdaysLeft' | 'owedMaterials'>),
    materials: materials.rows,
    tasks: tasks.map(({ createdAt: _c, ...t }) => ({ ...t, dueAt: t.status === 'open' ? taskDue({ ...t, createdAt: _c }) : t.dueAt })),
    timeline: await timeline(db, id, actor.role === 'applicant' && actor.id === c!.applicantId),
    clock,
    colour: clock.colour,
    workdaysLeft: clock.workdaysLeft,
    supplementNotice: notice.rows[0] ?? null,
    owedMaterials: await owedMaterialsOf(db, id, now),
  };
}

/** Open steps the approver may handle (their department's, their own), the most urgent first. */
export async function listOpenTasks(db: Queryable, actor: Actor, now: Date) {
  if (actor.role !== 'approver' || !actor.departmentId) throw new AppError('FORBIDDEN');
  const steps = await openStepsFor(db, await engineActor(db, actor));
  const { rows } = await db.query(
    `SELECT t.id, i.case_id AS "caseId", c.case_no AS "caseNo", it.name AS "itemName", c.applicant_name AS "applicantName",
            coalesce(t.name, t.node_id) AS name, t.created_at AS "createdAt", t.due_at AS "stepDue", c.due_at AS "caseDue"
       FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id JOIN cases c ON c.id = i.case_id JOIN service_items it ON it.id = c.item_id
      WHERE t.id = ANY($1::uuid[]) AND c.status = 'accepted'`,
    [steps.map((s) => s.id)],
  );
  const dueOf = await stepDues(db, rows as StepDueRow[]);
  const items = (rows as (StepDueRow & Omit<TaskList['items'][number], 'colour' | 'workdaysLeft' | 'dueAt'>)[])
    .map(({ stepDue: _s, caseDue: _c, ...r }, i) => ({ ...r, dueAt: dueOf[i]! }))
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.createdAt.getTime() - b.createdAt.getTime());
  return { items: await withColours(db, items, now) };
}

interface StepDueRow {
  caseId: string;
  createdAt: Date;
  stepDue: Date | null;
  caseDue: Date | null;
}

/**
 * When each step is due: its own limit moved by the case's later pauses, or,
 * for a step without a limit of its own, the case's deadline.
 */
async function stepDues(db: Queryable, rows: readonly StepDueRow[]): Promise<(Date | null)[]> {
  if (!rows.some((r) => r.stepDue)) return rows.map((r) => r.caseDue);
  const [cc, pauses] = await Promise.all([loadClock(db), loadPauses(db, [...new Set(rows.map((r) => r.caseId))])]);
  return rows.map((r) => (r.stepDue ? stepDueWithPauses(cc, r.stepDue, r.createdAt, pauses.get(r.caseId) ?? []) : r.caseDue));
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

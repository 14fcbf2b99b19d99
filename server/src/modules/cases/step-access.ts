import type { Queryable } from '../../platform/db/pool.ts';
import type { CaseAccessFacts, StepAccessFacts } from './policy.ts';

/**
 * Reads the facts the case policy (policy.ts) decides on: who a case belongs
 * to and which departments and people are involved, and the departments of
 * one step. Reads only; the engine re-checks its own rules under its lock.
 */

/** The departments of task `t`: its candidate departments, else those of the people it is given to (assignee, claimer, user candidates). */
const STEP_DEPARTMENTS = `coalesce(
    CASE WHEN t.candidate_kind = 'department' THEN (SELECT array_agg(d.id) FROM departments d WHERE d.code = ANY(t.candidate_values)) END,
    (SELECT array_agg(DISTINCT u.department_id) FROM users u
      WHERE u.department_id IS NOT NULL
        AND u.id::text = ANY(array_remove(ARRAY[t.assignee, t.claimed_by] || CASE WHEN t.candidate_kind = 'user' THEN t.candidate_values ELSE '{}' END, NULL))),
    '{}')`;

const CASE_FACTS = `c.applicant_id AS "applicantId", c.department_id AS "departmentId",
    coalesce((SELECT array_agg(DISTINCT d.id) FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id
               JOIN departments d ON t.candidate_kind = 'department' AND d.code = ANY(t.candidate_values)
              WHERE i.case_id = c.id), '{}') AS "taskDepartmentIds",
    EXISTS (SELECT 1 FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id
             WHERE i.case_id = c.id AND $2::text IN (t.assignee, t.claimed_by, t.delegate, t.owner, t.completed_by)) AS "holdsStep",
    EXISTS (SELECT 1 FROM wf_copies cp JOIN wf_instances i ON i.id = cp.instance_id WHERE i.case_id = c.id AND cp.user_id = $2::text) AS copied`;

/** Who a case belongs to and how `personId` is involved in it; undefined when there is no such case. */
export async function caseAccessFacts(q: Queryable, personId: string, caseId: string): Promise<CaseAccessFacts | undefined> {
  const { rows } = await q.query<CaseAccessFacts>(`SELECT ${CASE_FACTS} FROM cases c WHERE c.id = $1`, [caseId, personId]);
  return rows[0];
}

/** A step of a case with its case's facts; undefined when there is no such task or it belongs to no case. */
export async function stepAccessFacts(q: Queryable, personId: string, taskId: string): Promise<(StepAccessFacts & { caseId: string }) | undefined> {
  const { rows } = await q.query<CaseAccessFacts & { caseId: string; stepDepartmentIds: string[] }>(
    `SELECT c.id AS "caseId", ${CASE_FACTS}, ${STEP_DEPARTMENTS} AS "stepDepartmentIds"
       FROM wf_tasks t JOIN wf_instances wi ON wi.id = t.instance_id JOIN cases c ON c.id = wi.case_id
      WHERE t.id = $1`,
    [taskId, personId],
  );
  const r = rows[0];
  if (!r) return undefined;
  const { caseId, stepDepartmentIds, ...facts } = r;
  return { caseId, case: facts, departmentIds: stepDepartmentIds };
}

/** The departments of every open or delegated step of a case, by task id. */
export async function openStepDepartments(q: Queryable, caseId: string): Promise<Map<string, string[]>> {
  const { rows } = await q.query<{ id: string; departmentIds: string[] }>(
    `SELECT t.id, ${STEP_DEPARTMENTS} AS "departmentIds"
       FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE i.case_id = $1 AND t.status IN ('open', 'delegated')`,
    [caseId],
  );
  return new Map(rows.map((r) => [r.id, r.departmentIds]));
}

/** The departments of the given tasks, by task id. */
export async function stepDepartmentsOf(q: Queryable, taskIds: readonly string[]): Promise<Map<string, string[]>> {
  const { rows } = await q.query<{ id: string; departmentIds: string[] }>(
    `SELECT t.id, ${STEP_DEPARTMENTS} AS "departmentIds" FROM wf_tasks t WHERE t.id = ANY($1::uuid[])`, [taskIds],
  );
  return new Map(rows.map((r) => [r.id, r.departmentIds]));
}

/** The steps a handover of `personId` would move (open or delegated, held by them, process running), with their departments. */
export async function heldSteps(q: Queryable, personId: string): Promise<{ id: string; departmentIds: string[]; asDelegate: boolean }[]> {
  const { rows } = await q.query<{ id: string; departmentIds: string[]; asDelegate: boolean }>(
    `SELECT t.id, ${STEP_DEPARTMENTS} AS "departmentIds",
            (t.delegate = $1 AND coalesce(t.assignee, t.claimed_by) IS DISTINCT FROM $1) AS "asDelegate"
       FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id
      WHERE t.status IN ('open','delegated') AND i.status = 'running' AND $1 IN (t.assignee, t.claimed_by, t.delegate)`,
    [personId],
  );
  return rows;
}

import type { Queryable } from '../../platform/db/pool.ts';
import type { CaseAccessFacts, StepAccessFacts } from './policy.ts';
import { caseInvolvement, caseSteps, findCaseTask, tasksByIds, tasksHeldBy, type TaskRow } from '../workflow/index.ts';
import { departmentsByCodes, type DepartmentName } from '../catalog/index.ts';
import { accountDepartments } from '../iam/index.ts';

/**
 * Reads the facts the case policy (policy.ts) decides on: who a case belongs
 * to and which departments and people are involved, and the departments of
 * one step. The steps come from workflow's reads, department codes become ids
 * through the catalogue, people's departments come from iam. Reads only; the
 * engine re-checks its own rules under its lock.
 */

/** An account id, as the engine's free-text person fields may hold one (their other values name nobody). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const offeredCodes = (t: TaskRow): string[] => (t.candidate_kind === 'department' ? t.candidate_values : []);

/**
 * The departments of each step: the departments it is offered to, else those
 * of the people it is given to (assignee, claimer, user candidates), else
 * none. `known` are departments already read by code.
 */
async function stepDepartments(q: Queryable, tasks: readonly TaskRow[], known?: Map<string, DepartmentName>): Promise<Map<string, string[]>> {
  const departments = known ?? await departmentsByCodes(q, tasks.flatMap(offeredCodes));
  const offered = new Map(tasks.map((t) => [t.id, [...new Set(offeredCodes(t).flatMap((code) => departments.get(code)?.id ?? []))]]));
  const people = (t: TaskRow) => [t.assignee, t.claimed_by, ...(t.candidate_kind === 'user' ? t.candidate_values : [])]
    .filter((p): p is string => !!p && UUID.test(p));
  const byPerson = await accountDepartments(q, tasks.filter((t) => offered.get(t.id)!.length === 0).flatMap(people));
  return new Map(tasks.map((t) => {
    const ids = offered.get(t.id)!;
    if (ids.length) return [t.id, ids];
    return [t.id, [...new Set(people(t).flatMap((p) => byPerson.get(p) ?? []))].sort()];
  }));
}

/** A case's facts for `personId`, with the departments of `alsoCodes` read in the same look-up. */
async function caseFacts(q: Queryable, personId: string, caseId: string, alsoCodes: readonly string[] = []) {
  const { rows } = await q.query<{ applicantId: string; departmentId: string }>(
    'SELECT applicant_id AS "applicantId", department_id AS "departmentId" FROM cases WHERE id = $1', [caseId],
  );
  if (!rows[0]) return undefined;
  const steps = await caseInvolvement(q, caseId, personId);
  const departments = await departmentsByCodes(q, [...steps.departmentCodes, ...alsoCodes]);
  const facts: CaseAccessFacts = {
    ...rows[0],
    taskDepartmentIds: [...new Set(steps.departmentCodes.flatMap((code) => departments.get(code)?.id ?? []))],
    holdsStep: steps.holdsStep,
    copied: steps.copied,
  };
  return { facts, departments };
}

/** Who a case belongs to and how `personId` is involved in it; undefined when there is no such case. */
export async function caseAccessFacts(q: Queryable, personId: string, caseId: string): Promise<CaseAccessFacts | undefined> {
  return (await caseFacts(q, personId, caseId))?.facts;
}

/** A step of a case with its case's facts; undefined when there is no such task or it belongs to no case. */
export async function stepAccessFacts(q: Queryable, personId: string, taskId: string): Promise<(StepAccessFacts & { caseId: string }) | undefined> {
  const task = await findCaseTask(q, taskId);
  if (!task?.case_id) return undefined;
  const c = await caseFacts(q, personId, task.case_id, offeredCodes(task));
  if (!c) return undefined;
  const departments = await stepDepartments(q, [task], c.departments);
  return { caseId: task.case_id, case: c.facts, departmentIds: departments.get(task.id)! };
}

/** The departments of every open or delegated step of a case, by task id. */
export async function openStepDepartments(q: Queryable, caseId: string): Promise<Map<string, string[]>> {
  return stepDepartments(q, (await caseSteps(q, caseId)).filter((t) => t.status === 'open' || t.status === 'delegated'));
}

/** The departments of the given tasks, by task id. */
export async function stepDepartmentsOf(q: Queryable, taskIds: readonly string[]): Promise<Map<string, string[]>> {
  return stepDepartments(q, await tasksByIds(q, taskIds));
}

/** The steps a handover of `personId` would move (open or delegated, held by them, process running), with their departments. */
export async function heldSteps(q: Queryable, personId: string): Promise<{ id: string; departmentIds: string[]; asDelegate: boolean }[]> {
  const tasks = await tasksHeldBy(q, personId);
  const departments = await stepDepartments(q, tasks);
  return tasks.map((t) => ({
    id: t.id,
    departmentIds: departments.get(t.id)!,
    // Held only as 委派's delegate, not as its assignee or claimer.
    asDelegate: t.delegate === personId && (t.assignee ?? t.claimed_by) !== personId,
  }));
}

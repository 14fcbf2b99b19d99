import type { Queryable } from '../../../platform/db/pool.ts';
import type { InstanceStatus, TaskRow } from './types.ts';

/*
 * Reads the case side needs of the engine's tables, so that no other module
 * queries wf_* itself (ARCHITECTURE.md, Module boundaries).
 */

/** A step with the case its process runs for, or undefined. */
export async function findCaseTask(q: Queryable, taskId: string): Promise<(TaskRow & { case_id: string | null }) | undefined> {
  const { rows } = await q.query<TaskRow & { case_id: string | null }>(
    'SELECT t.*, i.case_id FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE t.id = $1',
    [taskId],
  );
  return rows[0];
}

/** Where a process stands: its status, its last recorded outcome (variable `outcome`), and the opinion of its tree's last completed step. */
export async function processOutcome(q: Queryable, instanceId: string): Promise<{ status: InstanceStatus; outcome: unknown; lastOpinion: string | null } | undefined> {
  const { rows } = await q.query<{ status: InstanceStatus; outcome: unknown; lastOpinion: string | null }>(
    `SELECT i.status, i.variables->'outcome' AS outcome,
            (SELECT t.opinion FROM wf_tasks t WHERE t.root_id = i.id AND t.status = 'completed' ORDER BY t.completed_at DESC LIMIT 1) AS "lastOpinion"
       FROM wf_instances i WHERE i.id = $1`,
    [instanceId],
  );
  return rows[0];
}

/** A deployed definition's BPMN source with its key and version. */
export async function definitionSource(q: Queryable, definitionId: string): Promise<{ bpmnXml: string; key: string; version: number } | undefined> {
  const { rows } = await q.query<{ bpmnXml: string; key: string; version: number }>(
    'SELECT bpmn_xml AS "bpmnXml", key, version FROM wf_definitions WHERE id = $1', [definitionId],
  );
  return rows[0];
}

/** How many open steps of running processes each person holds (assigned, claimed or delegated), by account id. */
export async function openTaskCounts(q: Queryable): Promise<Map<string, number>> {
  const { rows } = await q.query<{ who: string; n: number }>(
    `SELECT who, count(DISTINCT t.id)::int AS n
       FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id, unnest(ARRAY[t.assignee, t.claimed_by, t.delegate]) AS who
      WHERE t.status IN ('open','delegated') AND i.status = 'running' AND who IS NOT NULL
      GROUP BY who`,
  );
  return new Map(rows.map((r) => [r.who, r.n]));
}

/** Every step of a case's processes, in the order they opened (a multi-instance step's signers by their index). */
export async function caseSteps(q: Queryable, caseId: string): Promise<TaskRow[]> {
  const { rows } = await q.query<TaskRow>(
    `SELECT t.* FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE i.case_id = $1 ORDER BY t.created_at, t.loop_index NULLS FIRST`,
    [caseId],
  );
  return rows;
}

/** How a person is involved in a case's processes, and which departments (by code) its steps were offered to. */
export interface CaseInvolvement {
  /** The codes of the departments any step of the case was offered to. */
  departmentCodes: string[];
  /** The person holds or held a step: assignee, claimer, delegate, owner or the one who completed it. */
  holdsStep: boolean;
  /** The person was sent a copy (抄送) of the case. */
  copied: boolean;
}

/** A case's steps as the case policy reads them for `personId`, in one statement. */
export async function caseInvolvement(q: Queryable, caseId: string, personId: string): Promise<CaseInvolvement> {
  const { rows } = await q.query<CaseInvolvement>(
    `SELECT coalesce((SELECT array_agg(DISTINCT code) FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id, unnest(t.candidate_values) AS code
                       WHERE i.case_id = $1 AND t.candidate_kind = 'department'), '{}') AS "departmentCodes",
            EXISTS (SELECT 1 FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id
                     WHERE i.case_id = $1 AND $2::text IN (t.assignee, t.claimed_by, t.delegate, t.owner, t.completed_by)) AS "holdsStep",
            EXISTS (SELECT 1 FROM wf_copies cp JOIN wf_instances i ON i.id = cp.instance_id WHERE i.case_id = $1 AND cp.user_id = $2::text) AS copied`,
    [caseId, personId],
  );
  return rows[0]!;
}

/** Steps by id (any state). */
export async function tasksByIds(q: Queryable, ids: readonly string[]): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await q.query<TaskRow>('SELECT * FROM wf_tasks WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  return rows;
}

/** The open or delegated steps of running processes a person holds (assigned, claimed or delegated): what a handover would move. */
export async function tasksHeldBy(q: Queryable, personId: string): Promise<TaskRow[]> {
  const { rows } = await q.query<TaskRow>(
    `SELECT t.* FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id
      WHERE t.status IN ('open','delegated') AND i.status = 'running' AND $1 IN (t.assignee, t.claimed_by, t.delegate)`,
    [personId],
  );
  return rows;
}

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

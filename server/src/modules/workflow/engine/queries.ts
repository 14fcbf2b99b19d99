import type { Queryable } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import type { InstanceRow, TaskRow } from './types.ts';

/** Reads for screens: history with diagram highlights, task lists, copies. No locks. */

export interface HistoryEntryView {
  id: number;
  instanceId: string;
  taskId: string | null;
  nodeId: string | null;
  action: string;
  actorId: string | null;
  at: Date;
  opinion: string | null;
  /** Form fields changed at this step: key → { from, to }. */
  fields: Record<string, { from: unknown; to: unknown }> | null;
  details: Record<string, unknown> | null;
}

export interface ProcessHistory {
  instances: { id: string; definitionId: string; parentId: string | null; status: string; startedAt: Date; endedAt: Date | null }[];
  /** Every step of the process tree in order (node passages are summarised in `nodes`). */
  entries: HistoryEntryView[];
  /** For the diagram, per instance: nodes passed, nodes where a token rests now, nodes from which a task was returned. */
  nodes: Record<string, { done: string[]; active: string[]; returned: string[] }>;
}

/** The history of a process tree, found by any of its instances or by the case it runs for. */
export async function getHistory(db: Queryable, by: { instanceId: string } | { caseId: string }): Promise<ProcessHistory> {
  const root = 'instanceId' in by
    ? await db.query<{ root_id: string }>('SELECT root_id FROM wf_instances WHERE id = $1', [by.instanceId])
    : await db.query<{ root_id: string }>('SELECT root_id FROM wf_instances WHERE case_id = $1 AND parent_id IS NULL ORDER BY started_at DESC LIMIT 1', [by.caseId]);
  const rootId = root.rows[0]?.root_id;
  if (!rootId) throw new AppError('INSTANCE_NOT_FOUND', by);
  const [instances, history, tokens, steps] = await Promise.all([
    db.query<InstanceRow>('SELECT * FROM wf_instances WHERE root_id = $1 ORDER BY started_at, id', [rootId]),
    db.query<{ id: number; instance_id: string; task_id: string | null; node_id: string | null; action: string; actor_id: string | null; at: Date; opinion: string | null; fields: HistoryEntryView['fields']; details: Record<string, unknown> | null }>(
      'SELECT * FROM wf_history WHERE root_id = $1 ORDER BY id',
      [rootId],
    ),
    db.query<{ instance_id: string; node_id: string }>("SELECT t.instance_id, t.node_id FROM wf_tokens t JOIN wf_instances i ON i.id = t.instance_id WHERE i.root_id = $1 AND t.state <> 'joining'", [rootId]),
    db.query<{ instance_id: string; node_id: string; handled: boolean }>(
      "SELECT instance_id, node_id, bool_or(status IN ('completed', 'returned')) AS handled FROM wf_tasks WHERE root_id = $1 GROUP BY instance_id, node_id",
      [rootId],
    ),
  ]);
  const nodes: ProcessHistory['nodes'] = {};
  const sets = (id: string) => {
    nodes[id] ??= { done: [], active: [], returned: [] };
    return nodes[id];
  };
  const entries: HistoryEntryView[] = [];
  for (const h of history.rows) {
    const view = sets(h.instance_id);
    if (h.action === 'passed') {
      for (const node of (h.details?.nodes as string[] | undefined) ?? []) if (!view.done.includes(node)) view.done.push(node);
      continue;
    }
    if (h.action === 'returned' && h.node_id && !view.returned.includes(h.node_id)) view.returned.push(h.node_id);
    entries.push({ id: h.id, instanceId: h.instance_id, taskId: h.task_id, nodeId: h.node_id, action: h.action, actorId: h.actor_id, at: h.at, opinion: h.opinion, fields: h.fields, details: h.details });
  }
  for (const t of tokens.rows) {
    const view = sets(t.instance_id);
    if (!view.active.includes(t.node_id)) view.active.push(t.node_id);
  }
  // A node where a token rests is active, not done; a step whose every task was cancelled (a return
  // past the split, a withdrawal, a decided countersign) was reached but not done.
  const unhandled = new Set(steps.rows.filter((r) => !r.handled).map((r) => `${r.instance_id}/${r.node_id}`));
  for (const [id, view] of Object.entries(nodes)) view.done = view.done.filter((n) => !view.active.includes(n) && !unhandled.has(`${id}/${n}`));
  return {
    instances: instances.rows.map((i) => ({ id: i.id, definitionId: i.definition_id, parentId: i.parent_id, status: i.status, startedAt: i.started_at, endedAt: i.ended_at })),
    entries,
    nodes,
  };
}

/** The instance row (status, variables, business key). */
export async function getInstance(db: Queryable, instanceId: string): Promise<InstanceRow> {
  const { rows } = await db.query<InstanceRow>('SELECT * FROM wf_instances WHERE id = $1', [instanceId]);
  if (!rows[0]) throw new AppError('INSTANCE_NOT_FOUND', { instanceId });
  return rows[0];
}

export async function getTask(db: Queryable, taskId: string): Promise<TaskRow> {
  const { rows } = await db.query<TaskRow>('SELECT * FROM wf_tasks WHERE id = $1', [taskId]);
  if (!rows[0]) throw new AppError('TASK_NOT_FOUND', { taskId });
  return rows[0];
}

/**
 * Steps by id (unknown ids are left out), each with whether a time-limit
 * timer of its own (a timeout action of the diagram) still waits to act on
 * its deadline: a deadline warning leaves "overdue" to that action.
 */
export async function getTasksWithTimeouts(db: Queryable, taskIds: readonly string[]): Promise<(TaskRow & { timeout_pending: boolean })[]> {
  if (taskIds.length === 0) return [];
  const { rows } = await db.query<TaskRow & { timeout_pending: boolean }>(
    `SELECT t.*, EXISTS (SELECT 1 FROM wf_timers tm WHERE tm.token_id = t.token_id AND tm.status = 'pending' AND tm.kind = 'timeout' AND tm.task_id = t.id)
              AS timeout_pending
       FROM wf_tasks t WHERE t.id = ANY($1::uuid[])`,
    [[...new Set(taskIds)]],
  );
  return rows;
}

/**
 * A person's to-do list: tasks assigned to, claimed by or delegated to them,
 * and unclaimed tasks offered to one of their departments or roles.
 */
export async function listOpenTasks(db: Queryable, who: { userId: string; departments?: readonly string[]; roles?: readonly string[] }, limit = 200): Promise<TaskRow[]> {
  const { rows } = await db.query<TaskRow>(
    `SELECT * FROM wf_tasks WHERE
       (status = 'open' AND (assignee = $1 OR claimed_by = $1))
       OR (status = 'delegated' AND delegate = $1)
       OR (status = 'open' AND assignee IS NULL AND claimed_by IS NULL AND (
            (candidate_kind = 'user' AND candidate_values @> ARRAY[$1]::text[])
         OR (candidate_kind = 'department' AND candidate_values && $2::text[])
         OR (candidate_kind = 'role' AND candidate_values && $3::text[])))
     ORDER BY created_at LIMIT $4`,
    [who.userId, who.departments ?? [], who.roles ?? [], limit],
  );
  return rows;
}

/**
 * The same to-do as disjoint conditions on `wf_tasks t`, one per index of
 * migration 0065 (each ends in created_at, id), so a page of a long to-do is an
 * ordered walk of each index merged, not a sort of every open task. Offers to
 * a single candidate (the usual case: one department, role or person) match
 * the whole array, which a btree answers; offers to several go through the
 * array index and are rare.
 */
export function openTaskBranches(
  who: { userId: string; departments?: readonly string[]; roles?: readonly string[] }, param: (v: unknown) => string,
): { where: string; held: boolean }[] {
  const u = param(who.userId);
  const unassigned = "t.status = 'open' AND t.assignee IS NULL AND t.claimed_by IS NULL";
  const offers: [string, readonly string[]][] = [['user', [who.userId]], ['department', who.departments ?? []], ['role', who.roles ?? []]];
  // Held: given to the person (assigned, claimed, delegated); the rest are offered to them among others.
  const held = (where: string) => ({ where, held: true });
  const offered = (where: string) => ({ where, held: false });
  return [
    held(`t.status = 'open' AND t.assignee = ${u}`),
    held(`t.status = 'open' AND t.claimed_by = ${u} AND t.assignee IS DISTINCT FROM ${u}`),
    held(`t.status = 'delegated' AND t.delegate = ${u}`),
    ...offers.flatMap(([kind, values]) => values.map((v) =>
      offered(`${unassigned} AND t.candidate_kind = '${kind}' AND t.candidate_values = ARRAY[${param(v)}]::text[]`))),
    offered(`${unassigned} AND cardinality(t.candidate_values) > 1 AND (
       (t.candidate_kind = 'user' AND t.candidate_values @> ARRAY[${u}]::text[])
    OR (t.candidate_kind = 'department' AND t.candidate_values && ${param(who.departments ?? [])}::text[])
    OR (t.candidate_kind = 'role' AND t.candidate_values && ${param(who.roles ?? [])}::text[]))`),
  ];
}

/** Copies (抄送) received by a person, unread first. */
export async function listCopies(db: Queryable, userId: string, limit = 200): Promise<{ id: string; instanceId: string; taskId: string | null; nodeId: string | null; sentBy: string | null; sentAt: Date; readAt: Date | null }[]> {
  const { rows } = await db.query<{ id: string; instance_id: string; task_id: string | null; node_id: string | null; sent_by: string | null; sent_at: Date; read_at: Date | null }>(
    'SELECT * FROM wf_copies WHERE user_id = $1 ORDER BY read_at IS NOT NULL, sent_at DESC LIMIT $2',
    [userId, limit],
  );
  return rows.map((r) => ({ id: r.id, instanceId: r.instance_id, taskId: r.task_id, nodeId: r.node_id, sentBy: r.sent_by, sentAt: r.sent_at, readAt: r.read_at }));
}

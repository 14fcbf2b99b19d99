import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/pool.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { afterKey, decodeCursor, keyColumn, toPage, type KeyValue, type Ordering, type Page } from '../../platform/http/page.ts';
import { openTaskBranches } from '../workflow/index.ts';
import { caseFilterSql, type CaseFilters } from './list-filters.ts';
import { engineActor } from './workflow.ts';
import { loadClock, loadPauses, stepDueWithPauses } from './clock.ts';
import { withColours } from './colours.ts';
import type { TaskList } from './schemas.ts';
import type { CenterClock } from '../calendar/index.ts';

/** The to-do walks (arrival, id) of the steps. */
const BY_ARRIVAL: Ordering = { name: 'tasks.arrival', parts: ['time', 'uuid'] };

type TaskItem = TaskList['items'][number];
interface TaskRow extends StepDueRow {
  id: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  name: string;
  recused: boolean;
  __key: KeyValue[];
}

/**
 * One page of the open steps the approver may handle on accepted cases, in
 * order of arrival (oldest first unless asked otherwise). Each way a step
 * reaches a person (assigned, claimed, delegated, offered) is its own index
 * walk that stops after a page; the walks are merged.
 */
export async function pageOpenTasks(
  db: Queryable, actor: Actor, f: Omit<CaseFilters, 'status' | 'departmentId'>, page: { cursor?: string | undefined; limit: number }, now: Date,
): Promise<Page<TaskItem>> {
  if (actor.role !== 'approver' || !actor.departmentId) throw new AppError('FORBIDDEN');
  const who = await engineActor(db, actor);
  const dir = f.order ?? 'asc';
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const common = [`c.status = 'accepted'`, ...caseFilterSql(f, param, 't.created_at')];
  if (page.cursor) common.push(afterKey(BY_ARRIVAL, ['t.created_at', 't.id'], dir, decodeCursor(BY_ARRIVAL, page.cursor), param));
  const branches = openTaskBranches({ userId: who.id, departments: who.departments ?? [], roles: who.roles ?? [] }, param);
  const limit = page.limit + 1;
  // 申请人/受理人回避 (policy.ts mustRecuse): a step offered to the person's department is not offered to
  // them on a case they applied for or accepted; one given to them in person shows, marked, for them to hand on.
  const me = param(who.id);
  const recused = `(it.separate_duties AND ${me}::uuid IN (c.applicant_id, c.submitted_by, c.accepted_by)) IS TRUE`;
  const walks = branches.map((b) =>
    `(SELECT t.id, i.case_id AS "caseId", c.case_no AS "caseNo", it.name AS "itemName", c.applicant_name AS "applicantName",
            coalesce(t.name, t.node_id) AS name, t.created_at AS "createdAt", t.due_at AS "stepDue", c.due_at AS "caseDue", ${recused} AS recused,
            json_build_array(${keyColumn('time', 't.created_at')}, t.id) AS "__key"
       FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id JOIN cases c ON c.id = i.case_id JOIN service_items it ON it.id = c.item_id
      WHERE ${b.where} AND ${common.join(' AND ')}${b.held ? '' : ` AND NOT ${recused}`}
      ORDER BY t.created_at ${dir}, t.id ${dir} LIMIT ${limit})`);
  const text = `SELECT * FROM (${walks.join(' UNION ALL ')}) AS page ORDER BY "createdAt" ${dir}, id ${dir} LIMIT ${limit}`;
  // Seven walks of four joins take PostgreSQL longer to plan (about 19 ms at a
  // million cases) than to run (about 7 ms): a named statement per shape of
  // the query is planned once per connection and its plan kept.
  const { rows } = await db.query<TaskRow>({ name: `tasks-page-${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values: params });
  const cut = toPage(BY_ARRIVAL, rows, page.limit);
  if (cut.items.length === 0) return { items: [], nextCursor: cut.nextCursor };
  // The center's clock once, for the steps' dues and their colours.
  const cc = await loadClock(db);
  const dueOf = await stepDues(db, cc, cut.items);
  const items = cut.items.map(({ stepDue: _s, caseDue: _c, ...r }, i) => ({ ...r, dueAt: dueOf[i]! }));
  return { items: await withColours(db, items, now, cc), nextCursor: cut.nextCursor };
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
async function stepDues(db: Queryable, cc: CenterClock, rows: readonly StepDueRow[]): Promise<(Date | null)[]> {
  if (!rows.some((r) => r.stepDue)) return rows.map((r) => r.caseDue);
  const pauses = await loadPauses(db, [...new Set(rows.map((r) => r.caseId))]);
  return rows.map((r) => (r.stepDue ? stepDueWithPauses(cc, r.stepDue, r.createdAt, pauses.get(r.caseId) ?? []) : r.caseDue));
}

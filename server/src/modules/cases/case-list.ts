import type { Queryable } from '../../platform/db/pool.ts';
import { ROLE_DATA_SCOPE, type Actor } from '../../platform/http/context.ts';
import { centerScope, departmentScope } from '../catalog/index.ts';
import { AppError } from '../../platform/errors.ts';
import { afterKey, decodeCursor, keyColumn, toPage, type KeyValue, type Ordering, type Page } from '../../platform/http/page.ts';
import { caseFilterSql, type CaseFilters } from './list-filters.ts';
import type { CaseSummary } from './schemas.ts';
import { withColours } from './colours.ts';

export type CaseScope = 'mine' | 'intake' | 'all';

export const SUMMARY_COLUMNS = `c.id, c.case_no AS "caseNo", i.name AS "itemName", d.name AS "departmentName",
  c.applicant_name AS "applicantName", c.status, c.submitted_at AS "submittedAt",
  c.accepted_at AS "acceptedAt", c.concluded_at AS "concludedAt",
  coalesce(c.due_at, c.notice_due_at) AS "dueAt", c.due_provisional AS "dueProvisional"`;
export const SUMMARY_FROM = 'cases c JOIN service_items i ON i.id = c.item_id JOIN departments d ON d.id = c.department_id';

/** Case lists walk (submitted_at, id): every filter index ends in those two columns. */
const BY_SUBMISSION: Ordering = { name: 'cases.submitted', parts: ['time', 'uuid'] };
const KEY_SELECT = `json_build_array(${keyColumn('time', 'c.submitted_at')}, c.id) AS "__key"`;

type SummaryRow = Omit<CaseSummary, 'colour' | 'workdaysLeft'> & { __key: KeyValue[] };

/**
 * One page of the cases the caller may see: `mine` an applicant's own,
 * `intake` those waiting for acceptance (oldest first), `all` the center's
 * (manager, admin, clerk, government head) or an approver's: its department's
 * and those where one of its steps runs (并联 / 会签). The policy decides in SQL,
 * so each page holds only visible rows, read from an index in sort order.
 */
export async function pageCases(
  db: Queryable, actor: Actor, scope: CaseScope, f: CaseFilters, page: { cursor?: string | undefined; limit: number }, now: Date,
): Promise<Page<CaseSummary>> {
  const dir = f.order ?? (scope === 'intake' ? 'asc' : 'desc');
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const common = caseFilterSql(f, param);
  if (scope === 'intake') common.push(`c.status IN ('submitted', 'supplement_requested')`);
  if (page.cursor) common.push(afterKey(BY_SUBMISSION, ['c.submitted_at', 'c.id'], dir, decodeCursor(BY_SUBMISSION, page.cursor), param));
  const order = `ORDER BY c.submitted_at ${dir}, c.id ${dir}`;
  const limit = `LIMIT ${page.limit + 1}`;
  const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');
  // A prefix search (case number, applicant name) can match thousands of cases
  // in no useful order: the page's ids are picked first from the prefix index,
  // which carries the sort key (migration 0280), and only those rows are read.
  const prefixSearch = Boolean(f.caseNo || f.applicant);
  const select = (where: string[]) => prefixSearch
    ? `SELECT ${SUMMARY_COLUMNS}, ${KEY_SELECT} FROM ${SUMMARY_FROM}
        WHERE c.id IN (SELECT c.id FROM cases c ${whereSql(where)} ${order} ${limit}) ${order}`
    : `SELECT ${SUMMARY_COLUMNS}, ${KEY_SELECT} FROM ${SUMMARY_FROM} ${whereSql(where)} ${order} ${limit}`;

  // The role's data scope (数据权限) decides which cases the list reaches.
  const dataScope = ROLE_DATA_SCOPE[actor.role];
  let sql: string;
  if (actor.role === 'applicant' || scope === 'mine') {
    sql = select([`c.applicant_id = ${param(actor.id)}`, ...common]);
  } else if ((actor.role === 'approver' || actor.role === 'agency_head') && dataScope === 'department_and_below' && actor.departmentId) {
    // The department and its sub-units (科室): their own cases and those where one of their steps runs.
    const below = await departmentScope(db, actor.departmentId);
    sql = select([`(c.department_id = ANY(${param(below.departmentIds)}::uuid[]) OR EXISTS (
      SELECT 1 FROM wf_instances wi JOIN wf_tasks wt ON wt.instance_id = wi.id
       WHERE wi.case_id = c.id AND wt.candidate_kind = 'department' AND wt.candidate_values && ${param(below.codes)}::text[]))`, ...common]);
  } else if (actor.role === 'approver' || actor.role === 'agency_head') {
    // One walk in submission order: the department's own cases, and other departments' cases where
    // one of its steps runs (并联 / 会签), checked row by row until a page is full. (Collecting every
    // case any of the department's steps ever ran in first costs seconds at a million cases.)
    const dept = param(actor.departmentId);
    sql = select([`(c.department_id = ${dept}::uuid OR EXISTS (
      SELECT 1 FROM wf_instances wi JOIN wf_tasks wt ON wt.instance_id = wi.id
       WHERE wi.case_id = c.id AND wt.candidate_kind = 'department'
         AND wt.candidate_values @> ARRAY[(SELECT code FROM departments WHERE id = ${dept}::uuid)]))`, ...common]);
  } else if (['clerk', 'manager', 'admin', 'government_head'].includes(actor.role)) {
    const reach = dataScope === 'all' ? null : actor.centerId ? await centerScope(db, actor.centerId) : { departmentIds: [], windowIds: [], whole: false };
    // The center and those below: cases of their departments, and cases taken in at their windows (代收代办 for a center above).
    sql = select(reach && !reach.whole
      ? [`(c.department_id = ANY(${param(reach.departmentIds)}::uuid[]) OR c.window_id = ANY(${param(reach.windowIds)}::uuid[]))`, ...common]
      : common);
  } else {
    throw new AppError('FORBIDDEN');
  }
  const { rows } = await db.query<SummaryRow>(sql, params);
  const cut = toPage(BY_SUBMISSION, rows, page.limit);
  return { items: await withColours(db, cut.items, now), nextCursor: cut.nextCursor };
}

import type { Queryable } from '../../platform/db/pool.ts';

/** What the 审批项目统计汇总表 counts of one item's cases in one department over a period. */
export interface ItemCaseCounts {
  itemId: string;
  departmentId: string;
  received: number;
  accepted: number;
  /** Approved or denied in the period. */
  concluded: number;
  approved: number;
  denied: number;
  refused: number;
  /** Concluded within the promised limit (due_at). */
  inTime: number;
  /** Concluded late in the period, or open past the limit at the period's end (or now, if earlier). */
  overdue: number;
}

/**
 * The case counts per item and department for the period [start, end), `now`
 * bounding what is overdue by the period's end: one aggregate over cases, the
 * catalogue groups the items by category.
 */
export async function caseCountsByItem(q: Queryable, start: Date, end: Date, now: Date): Promise<ItemCaseCounts[]> {
  const { rows } = await q.query<ItemCaseCounts>(
    `SELECT c.item_id AS "itemId", c.department_id AS "departmentId",
       count(*) FILTER (WHERE c.submitted_at >= $1 AND c.submitted_at < $2)::int AS received,
       count(*) FILTER (WHERE c.accepted_at >= $1 AND c.accepted_at < $2)::int AS accepted,
       count(*) FILTER (WHERE c.status IN ('approved','denied') AND c.concluded_at >= $1 AND c.concluded_at < $2)::int AS concluded,
       count(*) FILTER (WHERE c.status = 'approved' AND c.concluded_at >= $1 AND c.concluded_at < $2)::int AS approved,
       count(*) FILTER (WHERE c.status = 'denied' AND c.concluded_at >= $1 AND c.concluded_at < $2)::int AS denied,
       count(*) FILTER (WHERE c.status = 'refused' AND c.concluded_at >= $1 AND c.concluded_at < $2)::int AS refused,
       count(*) FILTER (WHERE c.status IN ('approved','denied') AND c.concluded_at >= $1 AND c.concluded_at < $2
                          AND (c.due_at IS NULL OR c.concluded_at <= c.due_at))::int AS "inTime",
       count(*) FILTER (WHERE (c.status IN ('approved','denied') AND c.concluded_at >= $1 AND c.concluded_at < $2 AND c.concluded_at > c.due_at)
                          OR (c.status <> 'refused' AND c.accepted_at < $2 AND c.due_at < least($2, $3::timestamptz)
                              AND (c.concluded_at IS NULL OR c.concluded_at >= $2)))::int AS overdue
       FROM cases c
      GROUP BY 1, 2`,
    [start, end, now],
  );
  return rows;
}

import type { Queryable } from '../../platform/db/pool.ts';
import { departmentsByIds, itemNames } from '../catalog/index.ts';

/** A concluded case as the public results list (办件结果公示) may show it: no applicant, no form data. */
export interface ConcludedResult {
  caseNo: string;
  itemName: string;
  departmentName: string;
  status: 'approved' | 'denied' | 'refused';
  concludedAt: Date;
}

/** Concluded cases, newest first, one page at a time; the total counts them all. */
export async function listConcludedResults(db: Queryable, page: { limit: number; offset: number }): Promise<{ total: number; rows: ConcludedResult[] }> {
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases WHERE status IN ('approved','denied','refused') AND concluded_at IS NOT NULL`,
  );
  const { rows } = await db.query<Omit<ConcludedResult, 'itemName' | 'departmentName'> & { itemId: string; departmentId: string }>(
    `SELECT case_no AS "caseNo", item_id AS "itemId", department_id AS "departmentId", status, concluded_at AS "concludedAt"
       FROM cases WHERE status IN ('approved','denied','refused') AND concluded_at IS NOT NULL
      ORDER BY concluded_at DESC, case_no DESC LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
  // The page's names in two look-ups, whatever its length.
  const items = await itemNames(db, rows.map((r) => r.itemId));
  const departments = await departmentsByIds(db, rows.map((r) => r.departmentId));
  return {
    total: total.rows[0]!.n,
    rows: rows.map(({ itemId, departmentId, ...r }) => ({ ...r, itemName: items.get(itemId)!, departmentName: departments.get(departmentId)!.name })),
  };
}

/** The facts a rating (好差评) needs about a case; the row is locked when `lock` is set. */
export interface CaseRatingFacts {
  id: string;
  caseNo: string;
  applicantId: string;
  departmentId: string;
  itemId: string;
  status: string;
  concludedAt: Date | null;
}

export async function caseRatingFacts(q: Queryable, caseId: string, lock = false): Promise<CaseRatingFacts | undefined> {
  const { rows } = await q.query<CaseRatingFacts>(
    `SELECT id, case_no AS "caseNo", applicant_id AS "applicantId", department_id AS "departmentId", item_id AS "itemId",
            status, concluded_at AS "concludedAt"
       FROM cases WHERE id = $1 ${lock ? 'FOR SHARE' : ''}`,
    [caseId],
  );
  return rows[0];
}

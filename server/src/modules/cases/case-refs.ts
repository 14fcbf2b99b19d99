import type { Queryable } from '../../platform/db/pool.ts';

/** What other modules read of a case by id: its number, department and item (for their events and checks). */
export interface CaseRef {
  id: string;
  caseNo: string;
  departmentId: string;
  itemId: string;
  status: string;
  applicantName: string;
}

/** These cases' numbers, departments, items and states, by id. */
export async function caseRefs(q: Queryable, ids: readonly string[]): Promise<Map<string, CaseRef>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<CaseRef>(
    `SELECT id, case_no AS "caseNo", department_id AS "departmentId", item_id AS "itemId", status, applicant_name AS "applicantName"
       FROM cases WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** An applicant profile's latest applications, newest first, with their form data (the window's prefill). */
export async function applicationsOfProfile(q: Queryable, profileId: string, limit: number): Promise<{ caseNo: string; formData: Record<string, unknown> }[]> {
  const { rows } = await q.query<{ caseNo: string; formData: Record<string, unknown> }>(
    `SELECT case_no AS "caseNo", form_data AS "formData" FROM cases WHERE applicant_profile_id = $1 ORDER BY submitted_at DESC LIMIT $2`,
    [profileId, limit],
  );
  return rows;
}

/** The case a window clerk already registered with this idempotency key (a repeated walk-in submission), if any. */
export async function windowCaseByKey(q: Queryable, clerkId: string, idempotencyKey: string) {
  const { rows } = await q.query<{ id: string; caseNo: string; queryCode: string; status: string; applicantProfileId: string }>(
    `SELECT id, case_no AS "caseNo", query_code AS "queryCode", status, applicant_profile_id AS "applicantProfileId"
       FROM cases WHERE channel = 'window' AND submitted_by = $1 AND idempotency_key = $2`,
    [clerkId, idempotencyKey],
  );
  return rows[0] ?? null;
}

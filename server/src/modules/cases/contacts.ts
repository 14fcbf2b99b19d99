import type { Queryable } from '../../platform/db/pool.ts';

/**
 * What a notification about a case needs: its number, item, applicant and how
 * to reach them. The online account when there is one; a walk-in applicant
 * without an account is reached at the phone on their profile.
 */
export interface CaseParties {
  caseId: string;
  caseNo: string;
  itemName: string;
  departmentId: string;
  applicantUserId: string | null;
  applicantName: string;
  /** The profile's phone, as entered at the window or on the portal (unvalidated). */
  profilePhone: string | null;
  dueAt: Date | null;
}

export async function casePartiesOf(q: Queryable, caseIds: readonly string[]): Promise<Map<string, CaseParties>> {
  if (caseIds.length === 0) return new Map();
  const { rows } = await q.query<CaseParties>(
    `SELECT c.id AS "caseId", c.case_no AS "caseNo", i.name AS "itemName", c.department_id AS "departmentId",
            c.applicant_id AS "applicantUserId", c.applicant_name AS "applicantName", a.phone AS "profilePhone", c.due_at AS "dueAt"
       FROM cases c JOIN service_items i ON i.id = c.item_id LEFT JOIN applicants a ON a.id = c.applicant_profile_id
      WHERE c.id = ANY($1::uuid[])`,
    [[...new Set(caseIds)]],
  );
  return new Map(rows.map((r) => [r.caseId, r]));
}

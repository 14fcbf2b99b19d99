import type { Queryable } from '../../platform/db/pool.ts';
import { itemNames } from '../catalog/index.ts';
import { applicantPhones } from '../intake/index.ts';

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
  const { rows } = await q.query<Omit<CaseParties, 'itemName' | 'profilePhone'> & { itemId: string; profileId: string | null }>(
    `SELECT id AS "caseId", case_no AS "caseNo", item_id AS "itemId", department_id AS "departmentId",
            applicant_id AS "applicantUserId", applicant_name AS "applicantName", applicant_profile_id AS "profileId", due_at AS "dueAt"
       FROM cases WHERE id = ANY($1::uuid[])`,
    [[...new Set(caseIds)]],
  );
  // Names and phones for all the cases at once, one after another: `q` may be a transaction's single client.
  const items = await itemNames(q, rows.map((r) => r.itemId));
  const phones = await applicantPhones(q, rows.flatMap((r) => (r.profileId ? [r.profileId] : [])));
  return new Map(rows.map(({ itemId, profileId, ...r }) => [r.caseId, {
    ...r, itemName: items.get(itemId)!, profilePhone: (profileId && phones.get(profileId)) ?? null,
  }]));
}

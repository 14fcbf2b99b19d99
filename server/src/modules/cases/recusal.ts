import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { itemFacts } from '../catalog/index.ts';
import { findCaseTask } from '../workflow/index.ts';
import { mustRecuse, type CaseParties } from './policy.ts';

/**
 * The facts of 申请人/受理人回避 (policy.ts `mustRecuse`): who applied for a
 * case and took it in, when its item separates duties. The item's current
 * setting counts, so turning it on reaches the steps already open.
 */

/** The case's parties when its item separates duties; null when it does not (or there is no such case). */
export async function caseRecusal(q: Queryable, caseId: string): Promise<CaseParties | null> {
  const { rows } = await q.query<CaseParties & { itemId: string }>(
    'SELECT applicant_id AS "applicantId", submitted_by AS "submittedBy", accepted_by AS "acceptedBy", item_id AS "itemId" FROM cases WHERE id = $1',
    [caseId],
  );
  const c = rows[0];
  if (!c || !(await itemFacts(q, c.itemId))?.separateDuties) return null;
  return { applicantId: c.applicantId, submittedBy: c.submittedBy, acceptedBy: c.acceptedBy };
}

/** SEPARATION_OF_DUTIES when any of `personIds` must recuse themselves from the case's steps. */
export async function assertNotRecused(q: Queryable, caseId: string, personIds: readonly string[]): Promise<void> {
  const parties = await caseRecusal(q, caseId);
  const recused = personIds.filter((p) => mustRecuse(p, parties));
  if (recused.length) throw new AppError('SEPARATION_OF_DUTIES', { userIds: [...new Set(recused)] });
}

/** The recusal facts of each step's case, by task id (a handover weighs every step it moves). */
export async function stepRecusals(q: Queryable, taskIds: readonly string[]): Promise<Map<string, CaseParties | null>> {
  const byCase = new Map<string, CaseParties | null>();
  const out = new Map<string, CaseParties | null>();
  // One after another: `q` may be a transaction's single client.
  for (const id of taskIds) {
    const caseId = (await findCaseTask(q, id))?.case_id;
    if (!caseId) { out.set(id, null); continue; }
    if (!byCase.has(caseId)) byCase.set(caseId, await caseRecusal(q, caseId));
    out.set(id, byCase.get(caseId)!);
  }
  return out;
}

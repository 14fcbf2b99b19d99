import type { Tx } from '../../platform/db/pool.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { issuingOffice } from '../catalog/index.ts';
import { windowOf } from '../iam/index.ts';
import { owedMaterialsOf } from '../intake/index.ts';
import { issueNotice, type IssuedDocument, type NoticeDraft, type NoticeKind, type SupplementLine } from '../documents/index.ts';
import { deadlines, loadClock, loadClockInputs } from './clock.ts';

interface CaseRow {
  case_no: string;
  query_code: string;
  applicant_name: string;
  item_id: string;
  department_id: string;
  status: string;
  submitted_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  deemed_accepted: boolean;
  result_note: string | null;
}

/**
 * The notice's facts as they stand in this transaction: the case, the office
 * that issues it (catalogue), the clock, the supplement list, the materials
 * still owed (intake) and the decision.
 */
async function noticeDraft(tx: Tx, caseId: string, kind: NoticeKind, issuerId: string | null, now: Date): Promise<{ departmentId: string; facts: NoticeDraft }> {
  const { rows } = await tx.query<CaseRow>(
    `SELECT case_no, query_code, applicant_name, item_id, department_id, status, submitted_at, accepted_at, concluded_at, deemed_accepted, result_note
       FROM cases WHERE id = $1`,
    [caseId],
  );
  const c = rows[0]!;
  const office = await issuingOffice(tx, { itemId: c.item_id, departmentId: c.department_id, issuerWindowId: issuerId ? await windowOf(tx, issuerId) : null });
  let due: NoticeDraft['due'] = null;
  if (c.accepted_at) {
    const inputs = (await loadClockInputs(tx, caseId))!;
    const d = deadlines(await loadClock(tx), inputs, c.accepted_at);
    due = { promised: d.promised.due, legal: d.legal.due, provisional: d.promised.provisional || d.legal.provisional, unit: inputs.unit };
  }
  let supplement: NoticeDraft['supplement'];
  if (kind === 'supplement') {
    const n = await tx.query<{ items: SupplementLine[]; note: string }>('SELECT items, note FROM case_supplement_notices WHERE case_id = $1', [caseId]);
    supplement = n.rows[0] && { items: n.rows[0].items.map((i) => ({ name: i.name, problem: i.problem, note: i.note })), note: n.rows[0].note };
  }
  let owed: NoticeDraft['owed'];
  if (kind === 'acceptance') {
    // In the item's order of materials, as the application lists them.
    const position = (id: string) => office.materialOrder.get(id) ?? 0;
    owed = (await owedMaterialsOf(tx, caseId, now))
      .filter((o) => o.receivedAt === null)
      .sort((a, b) => position(a.materialId) - position(b.materialId) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((o) => ({ name: o.name, dueDate: o.dueDate }));
  }
  const facts: NoticeDraft = {
    kind,
    center: office.center,
    window: office.window,
    applicantName: c.applicant_name,
    caseNo: c.case_no,
    queryCode: c.query_code,
    itemName: office.itemName,
    departmentName: office.departmentName,
    receivedAt: c.submitted_at,
    acceptedAt: c.accepted_at,
    decidedAt: c.concluded_at,
    deemedAccepted: c.deemed_accepted,
    due,
    reason: kind === 'refusal' ? (c.result_note ?? '') : undefined,
    supplement,
    owed,
    decision: kind === 'conclusion' && (c.status === 'approved' || c.status === 'denied') ? { outcome: c.status, opinion: c.result_note ?? '' } : undefined,
  };
  return { departmentId: c.department_id, facts };
}

/**
 * Issues the notice of an outcome just written in `tx`: the case gathers what
 * the notice says, documents numbers, renders and stores it. Call as the last
 * step of the outcome's transaction, after its own event.
 */
export async function issueCaseNotice(
  tx: Tx, ctx: AppContext, caseId: string, kind: NoticeKind, issuer: { id: string; role: string } | null, now: Date,
): Promise<IssuedDocument> {
  const { departmentId, facts } = await noticeDraft(tx, caseId, kind, issuer?.id ?? null, now);
  return issueNotice(tx, ctx, { caseId, departmentId, facts }, issuer, now);
}

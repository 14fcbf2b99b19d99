import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Tx } from '../../platform/db/pool.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { filesRoot, type Config } from '../../platform/config.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { deadlines, loadClock, loadClockInputs } from '../cases/index.ts';
import { composeNotice, formatDocumentNo, NOTICE_TITLES, progressUrl, shanghaiYear, type NoticeFacts, type NoticeKind, type SupplementLine } from './rules.ts';
import { renderNotice } from './render.ts';

/** Where notice files live: under the data folder, never under a served folder. */
export const documentsDir = (config: Config): string => path.join(filesRoot(config), 'documents');

/**
 * The base of links printed in notices. TONGBAN_PUBLIC_URL in production; a
 * notice is issued by commands and sweeps that have no request, so without it
 * the server's own listening address stands in (as printed at start).
 */
export function publicBase(config: Config): string {
  return config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
}

export interface IssuedDocument {
  id: string;
  kind: NoticeKind;
  number: string;
  title: string;
  /** The URL in the QR code. */
  qrPayload: string;
  storedName: string;
}

interface CaseFacts {
  case_no: string;
  query_code: string;
  applicant_name: string;
  department_id: string;
  center_id: string;
  status: string;
  submitted_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  deemed_accepted: boolean;
  result_note: string | null;
  item_name: string;
  department_name: string;
  center_name: string;
  center_phone: string | null;
  center_address: string | null;
}

/**
 * The notice's facts as they stand in this transaction: the case, its item,
 * department and center, the handling window (the issuer's own window, else
 * the department's, else the first general window), the clock, the
 * supplement list and the decision.
 */
async function gatherFacts(
  tx: Tx, caseId: string, kind: NoticeKind, issuerId: string | null,
): Promise<{ departmentId: string; facts: Omit<NoticeFacts, 'number' | 'issuedAt' | 'progressUrl'> }> {
  const { rows } = await tx.query<CaseFacts>(
    `SELECT c.case_no, c.query_code, c.applicant_name, c.department_id, d.center_id, c.status, c.submitted_at, c.accepted_at, c.concluded_at,
            c.deemed_accepted, c.result_note, i.name AS item_name, d.name AS department_name,
            ce.name AS center_name, ce.phone AS center_phone, ce.address AS center_address
       FROM cases c JOIN service_items i ON i.id = c.item_id JOIN departments d ON d.id = c.department_id JOIN centers ce ON ce.id = d.center_id
      WHERE c.id = $1`,
    [caseId],
  );
  const c = rows[0]!;
  const windows = await tx.query<{ name: string; phone: string | null }>(
    `SELECT w.name, w.phone FROM windows w
      WHERE w.center_id = $1 AND (w.department_id IS NULL OR w.department_id = $2 OR w.id = (SELECT window_id FROM users WHERE id = $3))
      ORDER BY coalesce(w.id = (SELECT window_id FROM users WHERE id = $3), false) DESC, coalesce(w.department_id = $2, false) DESC, w.code
      LIMIT 1`,
    [c.center_id, c.department_id, issuerId],
  );
  let due: NoticeFacts['due'] = null;
  if (c.accepted_at) {
    const inputs = (await loadClockInputs(tx, caseId))!;
    const d = deadlines(await loadClock(tx), inputs, c.accepted_at);
    due = { promised: d.promised.due, legal: d.legal.due, provisional: d.promised.provisional || d.legal.provisional, unit: inputs.unit };
  }
  let supplement: NoticeFacts['supplement'];
  if (kind === 'supplement') {
    const n = await tx.query<{ items: SupplementLine[]; note: string }>('SELECT items, note FROM case_supplement_notices WHERE case_id = $1', [caseId]);
    supplement = n.rows[0] && { items: n.rows[0].items.map((i) => ({ name: i.name, problem: i.problem, note: i.note })), note: n.rows[0].note };
  }
  let owed: NoticeFacts['owed'];
  if (kind === 'acceptance') {
    const o = await tx.query<{ name: string; dueDate: string }>(
      `SELECT o.name, to_char(o.due_date, 'YYYY-MM-DD') AS "dueDate"
         FROM case_owed_materials o JOIN item_materials m ON m.id = o.material_id
        WHERE o.case_id = $1 AND o.received_at IS NULL ORDER BY m.sort_order, o.name`,
      [caseId],
    );
    owed = o.rows;
  }
  const facts: Omit<NoticeFacts, 'number' | 'issuedAt' | 'progressUrl'> = {
    kind,
    center: { name: c.center_name, phone: c.center_phone, address: c.center_address },
    window: windows.rows[0] ?? null,
    applicantName: c.applicant_name,
    caseNo: c.case_no,
    queryCode: c.query_code,
    itemName: c.item_name,
    departmentName: c.department_name,
    receivedAt: c.submitted_at,
    acceptedAt: c.accepted_at,
    decidedAt: c.concluded_at,
    deemedAccepted: c.deemed_accepted,
    due,
    reason: kind === 'refusal' ? (c.result_note ?? '') : undefined,
    supplement,
    owed,
    decision: kind === 'conclusion' && (c.status === 'approved' || c.status === 'denied') ? { outcome: c.status as 'approved' | 'denied', opinion: c.result_note ?? '' } : undefined,
  };
  return { departmentId: c.department_id, facts };
}

/**
 * Issues a notice for an outcome just written in `tx`: numbers it, renders
 * the PDF, stores the file under a generated name, records the row and the
 * `document.issued` event. Call as the last step of the outcome's
 * transaction, after its own event, so a rollback leaves no row behind.
 */
export async function issueNotice(
  tx: Tx, ctx: AppContext, caseId: string, kind: NoticeKind, issuer: { id: string; role: string } | null, now: Date,
): Promise<IssuedDocument> {
  const { departmentId, facts } = await gatherFacts(tx, caseId, kind, issuer?.id ?? null);
  const seq = await tx.query<{ last_value: number }>(
    `INSERT INTO document_sequences (kind, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last_value = document_sequences.last_value + 1 RETURNING last_value`,
    [kind, shanghaiYear(now)],
  );
  const number = formatDocumentNo(kind, shanghaiYear(now), seq.rows[0]!.last_value);
  const qrPayload = progressUrl(publicBase(ctx.config), facts.caseNo, facts.queryCode);
  const bytes = await renderNotice(composeNotice({ ...facts, number, issuedAt: now, progressUrl: qrPayload }), now);

  const id = randomUUID();
  const storedName = `${id}.pdf`;
  const dir = documentsDir(ctx.config);
  await fs.mkdir(dir, { recursive: true });
  // Written before the row: a failed commit leaves an orphan file, never a row without its file.
  await fs.writeFile(path.join(dir, storedName), bytes, { flag: 'wx', mode: 0o600 });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const title = NOTICE_TITLES[kind];
  await tx.query(
    `INSERT INTO documents (id, case_id, kind, number, title, stored_name, sha256, size_bytes, qr_payload, issued_at, issued_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [id, caseId, kind, number, title, storedName, sha256, bytes.length, qrPayload, now, issuer?.id ?? null],
  );
  await appendEvent(tx, {
    type: 'document.issued', caseId, caseNo: facts.caseNo, departmentId, actor: issuer, occurredAt: now,
    payload: { documentId: id, kind, title, number, sha256, sizeBytes: bytes.length },
  });
  return { id, kind, number, title, qrPayload, storedName };
}

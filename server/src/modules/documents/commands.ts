import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Tx } from '../../platform/db/pool.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { filesRoot, type Config } from '../../platform/config.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { composeNotice, formatDocumentNo, NOTICE_TITLES, progressUrl, shanghaiYear, type NoticeFacts, type NoticeKind } from './rules.ts';
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

/** What the case hands over for a notice: everything it prints but its number, date and QR link, which issuing adds. */
export type NoticeDraft = Omit<NoticeFacts, 'number' | 'issuedAt' | 'progressUrl'>;

/**
 * Issues a notice for an outcome just written in `tx`, from the facts the
 * case gathered in the same transaction: numbers it, renders the PDF, stores
 * the file under a generated name, records the row and the `document.issued`
 * event. Call as the last step of the outcome's transaction, after its own
 * event, so a rollback leaves no row behind.
 */
export async function issueNotice(
  tx: Tx, ctx: AppContext, notice: { caseId: string; departmentId: string; facts: NoticeDraft },
  issuer: { id: string; role: string } | null, now: Date,
): Promise<IssuedDocument> {
  const { caseId, departmentId, facts } = notice;
  const kind = facts.kind;
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

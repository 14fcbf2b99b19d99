import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../../platform/db/pool.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getCaseDetail } from '../cases/index.ts';
import { documentsDir } from './commands.ts';
import type { NoticeKind } from './rules.ts';

export interface DocumentSummary {
  id: string;
  kind: NoticeKind;
  title: string;
  number: string;
  issuedAt: Date;
}

/** A case's notices, oldest first, for whoever may see the case (CASE_NOT_FOUND otherwise). */
export async function listCaseDocuments(db: Queryable, actor: Actor, caseId: string, now: Date): Promise<DocumentSummary[]> {
  await getCaseDetail(db, actor, caseId, now);
  const { rows } = await db.query<DocumentSummary>(
    `SELECT id, kind, title, number, issued_at AS "issuedAt" FROM documents WHERE case_id = $1 ORDER BY issued_at, number`,
    [caseId],
  );
  return rows;
}

export interface DocumentFile {
  bytes: Buffer;
  /** 受理通知书-SFX20260924SCJG0001.pdf */
  fileName: string;
}

/**
 * One notice's PDF, for whoever may see its case. The bytes are checked
 * against the hash recorded at issue: an altered or lost file is a fault
 * (500, logged), never served.
 */
export async function readDocument(ctx: AppContext, actor: Actor, id: string): Promise<DocumentFile> {
  const { rows } = await ctx.db.query<{ case_id: string; title: string; stored_name: string; sha256: string; case_no: string }>(
    `SELECT d.case_id, d.title, d.stored_name, d.sha256, c.case_no FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = $1`,
    [id],
  );
  const doc = rows[0];
  if (!doc) throw new AppError('DOCUMENT_NOT_FOUND');
  await getCaseDetail(ctx.db, actor, doc.case_id, ctx.clock.now());
  const bytes = await fs.readFile(path.join(documentsDir(ctx.config), doc.stored_name));
  if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) throw new Error(`notice ${id}: file does not match its recorded sha256`);
  return { bytes, fileName: `${doc.title}-${doc.case_no}.pdf` };
}

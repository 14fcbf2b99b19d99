import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../../platform/db/pool.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { documentsDir } from './commands.ts';
import type { NoticeKind } from './rules.ts';

/**
 * Who may see a case's notices is the case's rule: the composition root hands
 * in the cases module's check (CASE_NOT_FOUND for a case the actor may not
 * see), which also gives the case number for the file name.
 */
export type CaseAccess = (db: Queryable, actor: Actor, caseId: string, now: Date) => Promise<{ caseNo: string }>;

export interface DocumentSummary {
  id: string;
  kind: NoticeKind;
  title: string;
  number: string;
  issuedAt: Date;
}

/** A case's notices, oldest first, for whoever may see the case (CASE_NOT_FOUND otherwise). */
export async function listCaseDocuments(db: Queryable, caseAccess: CaseAccess, actor: Actor, caseId: string, now: Date): Promise<DocumentSummary[]> {
  await caseAccess(db, actor, caseId, now);
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
export async function readDocument(ctx: AppContext, caseAccess: CaseAccess, actor: Actor, id: string): Promise<DocumentFile> {
  const { rows } = await ctx.db.query<{ case_id: string; title: string; stored_name: string; sha256: string }>(
    'SELECT case_id, title, stored_name, sha256 FROM documents WHERE id = $1',
    [id],
  );
  const doc = rows[0];
  if (!doc) throw new AppError('DOCUMENT_NOT_FOUND');
  const { caseNo } = await caseAccess(ctx.db, actor, doc.case_id, ctx.clock.now());
  const bytes = await fs.readFile(path.join(documentsDir(ctx.config), doc.stored_name));
  if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) throw new Error(`notice ${id}: file does not match its recorded sha256`);
  return { bytes, fileName: `${doc.title}-${caseNo}.pdf` };
}

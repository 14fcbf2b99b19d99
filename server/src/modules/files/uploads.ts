import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { sniffFileType } from './rules.ts';
import { stripInvisible } from '../../platform/text.ts';

export interface UploadView {
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
}

/** A file name safe to store and show: no folders, no control characters, no bidi or zero-width tricks. */
function cleanName(name: string): string {
  const base = stripInvisible(path.basename(name.replaceAll('\\', '/'))).replace(/[\p{Cc}"]/gu, '').trim();
  return (base || 'file').slice(0, 120);
}

/**
 * Stores an uploaded file under a generated name in the uploads folder (never
 * served directly) after checking its real type from its bytes. The row is
 * written after the file; if the row fails, the file is removed.
 */
export async function storeUpload(ctx: AppContext, owner: Actor, originalName: string, bytes: Buffer): Promise<UploadView> {
  if (bytes.length === 0) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { reason: 'empty' });
  if (bytes.length > ctx.config.uploadMaxBytes) throw new AppError('UPLOAD_TOO_LARGE', { maxBytes: ctx.config.uploadMaxBytes });
  const type = sniffFileType(bytes.subarray(0, 16));
  if (!type) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED');
  const id = randomUUID();
  const storedName = `${id}.${type.ext}`;
  const file = path.join(ctx.uploadsDir, storedName);
  await fs.mkdir(ctx.uploadsDir, { recursive: true });
  await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
  const name = cleanName(originalName);
  try {
    await ctx.db.query(
      `INSERT INTO uploads (id, owner_id, original_name, stored_name, mime_type, size_bytes, sha256, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [id, owner.id, name, storedName, type.mime, bytes.length, createHash('sha256').update(bytes).digest('hex'), ctx.clock.now()],
    );
  } catch (err) {
    await fs.rm(file, { force: true });
    throw err;
  }
  return { id, originalName: name, mimeType: type.mime, sizeBytes: bytes.length };
}

export interface UploadFile {
  path: string;
  originalName: string;
  mimeType: string;
  ownerId: string;
  caseId: string | null;
}

/** A stored upload's file and who it belongs to, or undefined. */
export async function findUpload(ctx: AppContext, id: string): Promise<UploadFile | undefined> {
  const { rows } = await ctx.db.query<{ stored_name: string; original_name: string; mime_type: string; owner_id: string; case_id: string | null }>(
    'SELECT stored_name, original_name, mime_type, owner_id, case_id FROM uploads WHERE id = $1',
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return { path: path.join(ctx.uploadsDir, r.stored_name), originalName: r.original_name, mimeType: r.mime_type, ownerId: r.owner_id, caseId: r.case_id };
}

/** Attaches the applicant's own, unused uploads to the case; UPLOAD_* codes otherwise. */
export async function attachUploads(tx: Tx, ownerId: string, caseId: string, materials: { materialId: string | null; uploadId: string }[]): Promise<void> {
  for (const { materialId, uploadId } of materials) {
    const attached = await tx.query(
      'UPDATE uploads SET case_id = $1, material_id = $2 WHERE id = $3 AND owner_id = $4 AND case_id IS NULL',
      [caseId, materialId, uploadId, ownerId],
    );
    if (attached.rowCount !== 1) {
      const found = await tx.query('SELECT case_id FROM uploads WHERE id = $1 AND owner_id = $2', [uploadId, ownerId]);
      throw new AppError(found.rowCount === 1 ? 'UPLOAD_ALREADY_USED' : 'UPLOAD_NOT_FOUND', { uploadId });
    }
  }
}

/** An applicant's own uploads among `ids` (others' are left out), and whether each is already attached to a case. */
export async function ownUploads(q: Queryable, ownerId: string, ids: readonly string[]): Promise<{ id: string; originalName: string; sizeBytes: number; used: boolean }[]> {
  if (ids.length === 0) return [];
  const { rows } = await q.query<{ id: string; originalName: string; sizeBytes: number; used: boolean }>(
    `SELECT id, original_name AS "originalName", size_bytes AS "sizeBytes", case_id IS NOT NULL AS used
       FROM uploads WHERE owner_id = $1 AND id = ANY($2::uuid[])`,
    [ownerId, ids],
  );
  return rows;
}

/** Which of these ids are stored uploads (a catalogue sample file must be one). */
export async function existingUploads(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ id: string }>('SELECT id FROM uploads WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

export interface CaseFile {
  uploadId: string;
  materialId: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
}

/** The files attached to a case's materials (a form's attachment fields are not among them). */
export async function caseFiles(q: Queryable, caseId: string): Promise<CaseFile[]> {
  const { rows } = await q.query<CaseFile>(
    `SELECT id AS "uploadId", material_id AS "materialId", original_name AS "originalName", mime_type AS "mimeType", size_bytes AS "sizeBytes"
       FROM uploads WHERE case_id = $1 AND material_id IS NOT NULL`,
    [caseId],
  );
  return rows;
}

import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * The one file of a multipart request, whole. The size limit may cut the
 * stream after its last chunk was already read, so the cut is checked here
 * too: a file one byte over the limit is refused, never kept shortened.
 */
export async function readWholeFile(req: FastifyRequest, maxBytes: number): Promise<{ filename: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', { reason: 'multipart_expected' });
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION_FAILED', { reason: 'file_missing' });
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw new AppError('UPLOAD_TOO_LARGE', { maxBytes });
  return { filename: part.filename, bytes };
}

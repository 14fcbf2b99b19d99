import { pathIdTarget } from '../../platform/audit/hook.ts';
import fs from 'node:fs';
import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { readWholeFile } from '../../platform/http/multipart-file.ts';
import { AppError } from '../../platform/errors.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { findUpload, storeUpload } from './uploads.ts';

const idParams = z.object({ id: z.uuid() });

/**
 * Whether the actor may see a case (the cases module's rule, handed in by the
 * composition root): rejects when not, and staff reach a file through its case.
 */
export type CaseAccess = (db: Queryable, actor: Actor, caseId: string, now: Date) => Promise<unknown>;

/** Uploading a material, and downloading one: by its owner, or by whoever may see the case it is attached to. */
export function registerUploadRoutes(app: Api, ctx: AppContext, caseAccess: CaseAccess): void {
  app.post('/api/uploads', {
    schema: {
      tags: ['uploads'], summary: '上传申请材料（multipart，字段 file；PDF/JPG/PNG）', consumes: ['multipart/form-data'],
      response: { 201: z.object({ id: z.uuid(), originalName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { filename, bytes } = await readWholeFile(req, ctx.config.uploadMaxBytes);
    return reply.status(201).send(await storeUpload(ctx, actor, filename, bytes));
  });

  app.get('/api/uploads/:id', {
    config: { audit: { action: 'upload.read', targetType: 'upload', target: pathIdTarget } },
    schema: { tags: ['uploads'], summary: '下载材料（附件方式）', params: idParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const file = await findUpload(ctx, req.params.id);
    if (!file) throw new AppError('UPLOAD_NOT_FOUND');
    if (file.ownerId !== actor.id) {
      // Staff reach a file through the case it belongs to; the case policy decides.
      if (!file.caseId) throw new AppError('UPLOAD_NOT_FOUND');
      await caseAccess(ctx.db, actor, file.caseId, ctx.clock.now()).catch(() => {
        throw new AppError('UPLOAD_NOT_FOUND');
      });
    }
    const encoded = encodeURIComponent(file.originalName);
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `attachment; filename="download"; filename*=UTF-8''${encoded}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(fs.createReadStream(file.path));
  });
}

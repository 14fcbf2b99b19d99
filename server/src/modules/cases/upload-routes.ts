import fs from 'node:fs';
import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { readWholeFile } from '../../platform/http/multipart-file.ts';
import { AppError } from '../../platform/errors.ts';
import { findUpload, storeUpload } from './uploads.ts';
import { getCaseDetail } from './queries.ts';
import { idParams } from './schemas.ts';

export function registerUploadRoutes(app: Api, ctx: AppContext): void {
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
    schema: { tags: ['uploads'], summary: '下载材料（附件方式）', params: idParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const file = await findUpload(ctx, req.params.id);
    if (!file) throw new AppError('UPLOAD_NOT_FOUND');
    if (file.ownerId !== actor.id) {
      // Staff reach a file through the case it belongs to; the case policy decides.
      if (!file.caseId) throw new AppError('UPLOAD_NOT_FOUND');
      await getCaseDetail(ctx.db, actor, file.caseId, ctx.clock.now()).catch(() => {
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

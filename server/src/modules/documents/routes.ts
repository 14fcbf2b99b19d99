import { z } from 'zod';
import { pathIdTarget } from '../../platform/audit/hook.ts';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { listCaseDocuments, readDocument, type CaseAccess } from './queries.ts';
import { documentListSchema, idParams } from './schemas.ts';

/** Notices of a case: the list on the case page and each PDF, inline so the browser prints it; `caseAccess` is the case's own visibility rule. */
export function registerDocumentRoutes(app: Api, ctx: AppContext, caseAccess: CaseAccess): void {
  app.get('/api/cases/:id/documents', {
    config: { audit: { action: 'case.documents_read', targetType: 'case', target: pathIdTarget } },
    schema: { tags: ['documents'], summary: '办件的通知书列表', params: idParams, response: { 200: documentListSchema } },
  }, async (req) => ({ items: await listCaseDocuments(ctx.db, caseAccess, requireActor(req), req.params.id, ctx.clock.now()) }));

  app.get('/api/documents/:id', {
    config: { audit: { action: 'document.read', targetType: 'document', target: pathIdTarget } },
    schema: {
      tags: ['documents'], summary: '通知书 PDF（inline，可在浏览器中打印）', params: idParams,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('PDF 文件') },
    },
  }, async (req, reply) => {
    const file = await readDocument(ctx, caseAccess, requireActor(req), req.params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });
}

import fs from 'node:fs';
import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findUpload } from '../files/index.ts';
import { getCenter, getItem, listDepartments, listItems } from './queries.ts';
import { centerSchema, departmentSchema, itemDetailSchema, itemSummarySchema } from './schemas.ts';
import { categorySchema, categoryWithDescendants, listCategories } from './categories.ts';
import { registerCatalogAdminRoutes } from './admin-routes.ts';
import type { CaseCounts } from './statistics.ts';

/**
 * The public catalogue (anyone may read the center, departments, categories
 * and service items) and the admin routes. The statistics count cases: the
 * cases module's read, given by the composition root (cases reads items
 * through the catalogue, so the catalogue does not call cases back).
 */
export function registerCatalogRoutes(app: Api, ctx: AppContext, countCases: CaseCounts): void {
  app.get('/api/center', { schema: { tags: ['catalog'], summary: '服务中心信息', response: { 200: centerSchema } } },
    async () => getCenter(ctx.db));
  app.get('/api/departments', { schema: { tags: ['catalog'], summary: '部门列表', response: { 200: z.array(departmentSchema) } } },
    async () => listDepartments(ctx.db));
  app.get('/api/item-categories', {
    schema: { tags: ['catalog'], summary: '事项分类（项目分类树，按 parentId 组织）', response: { 200: z.array(categorySchema) } },
  }, async () => listCategories(ctx.db));
  app.get('/api/items', {
    schema: {
      tags: ['catalog'], summary: '办理事项列表（可按分类筛选，含下级分类）',
      querystring: z.object({ categoryId: z.uuid().optional() }),
      response: { 200: z.array(itemSummarySchema) },
    },
  }, async (req) => {
    const categoryIds = req.query.categoryId ? await categoryWithDescendants(ctx.db, req.query.categoryId) : undefined;
    return listItems(ctx.db, { categoryIds });
  });
  app.get('/api/items/:id', {
    schema: { tags: ['catalog'], summary: '办理事项详情（办事指南）', params: z.object({ id: z.uuid() }), response: { 200: itemDetailSchema } },
  }, async (req) => getItem(ctx.db, req.params.id));
  app.get('/api/items/:id/materials/:materialId/sample', {
    schema: { tags: ['catalog'], summary: '下载材料样表', params: z.object({ id: z.uuid(), materialId: z.uuid() }) },
  }, async (req, reply) => {
    const item = await getItem(ctx.db, req.params.id);
    const sample = item.materials.find((m) => m.id === req.params.materialId)?.sampleUploadId;
    const file = sample ? await findUpload(ctx, sample) : undefined;
    if (!file) throw new AppError('UPLOAD_NOT_FOUND');
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `attachment; filename="sample"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(fs.createReadStream(file.path));
  });
  registerCatalogAdminRoutes(app, ctx, countCases);
}

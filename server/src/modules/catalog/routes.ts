import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { getCenter, getItem, listDepartments, listItems } from './queries.ts';
import { centerSchema, departmentSchema, itemDetailSchema, itemSummarySchema } from './schemas.ts';

/** The public catalogue: anyone may read the center, departments and service items. */
export function registerCatalogRoutes(app: Api, ctx: AppContext): void {
  app.get('/api/center', { schema: { tags: ['catalog'], summary: '服务中心信息', response: { 200: centerSchema } } },
    async () => getCenter(ctx.db));
  app.get('/api/departments', { schema: { tags: ['catalog'], summary: '部门列表', response: { 200: z.array(departmentSchema) } } },
    async () => listDepartments(ctx.db));
  app.get('/api/items', { schema: { tags: ['catalog'], summary: '办理事项列表', response: { 200: z.array(itemSummarySchema) } } },
    async () => listItems(ctx.db));
  app.get('/api/items/:id', {
    schema: { tags: ['catalog'], summary: '办理事项详情（办事指南）', params: z.object({ id: z.uuid() }), response: { 200: itemDetailSchema } },
  }, async (req) => getItem(ctx.db, req.params.id));
}

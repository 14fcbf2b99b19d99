import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { readWholeFile } from '../../platform/http/multipart-file.ts';
import { AppError } from '../../platform/errors.ts';
import { diffEntrySchema, itemContentSchema, versionDetailSchema, versionSummarySchema } from './content.ts';
import { categoryInputSchema, createCategory, deleteCategory, updateCategory } from './categories.ts';
import { catalogueToXlsx, exportCatalogue, importCatalogue } from './exchange.ts';
import { categoryStatistics, statisticsToXlsx, statsQuerySchema, statsSchema, type CaseCounts } from './statistics.ts';
import {
  createItem, diffVersions, discardDraft, getVersion, listVersions, publishDraft, saveDraft, saveVersion, startDraft,
} from './versions.ts';
import { getCenter } from './queries.ts';
import { adminItemSchema, listAdminItems } from './admin-queries.ts';

const idParams = z.object({ id: z.uuid() });
const ok = z.object({ ok: z.literal(true) });
const savedSchema = z.object({ versionId: z.uuid(), version: z.number().int(), updatedAt: z.date() });
/** The draft body: the whole content; optional `expectedUpdatedAt` refuses to overwrite a newer save. */
const draftBody = z.object({ content: itemContentSchema, expectedUpdatedAt: z.iso.datetime().optional() });

/**
 * The item routes take their body as it is (attachValidation) and check it with
 * the catalogue's own codes; a bad path or query is still the request's error.
 */
function refuseBadAddress(req: FastifyRequest): void {
  if (req.validationError && req.validationError.validationContext !== 'body') throw req.validationError;
}

function expected(body: unknown): Date | undefined {
  const v = (body as { expectedUpdatedAt?: unknown } | null)?.expectedUpdatedAt;
  if (v === undefined) return undefined;
  const d = typeof v === 'string' ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new AppError('CATALOG_VALUE_INVALID', { problems: [{ path: 'expectedUpdatedAt', code: 'CATALOG_VALUE_INVALID' }] });
  return d;
}
const contentOf = (body: unknown): unknown => (body as { content?: unknown } | null)?.content;

const stamp = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The catalogue in the admin console: items and their versions (admin only),
 * categories, import/export, and the category statistics (admin and managers).
 * Draft bodies are checked by the catalogue's own rules so each problem
 * carries a catalogue code (details.problems), not the generic VALIDATION_FAILED.
 */
export function registerCatalogAdminRoutes(app: Api, ctx: AppContext, countCases: CaseCounts): void {
  const tags = ['catalog-admin'];

  app.get('/api/admin/catalog/items', {
    config: { roles: ['admin'] },
    schema: {
      tags, summary: '事项目录管理：全部事项（含未发布、草稿状态）',
      querystring: z.object({ categoryId: z.uuid().optional(), status: z.enum(['published', 'draft', 'unpublished']).optional(), q: z.string().max(100).optional() }),
      response: { 200: z.array(adminItemSchema) },
    },
  }, async (req) => {
    return listAdminItems(ctx.db, req.query);
  });

  app.post('/api/admin/catalog/items', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '新建事项（生成第 1 版草稿）', body: draftBody, response: { 201: z.object({ itemId: z.uuid(), versionId: z.uuid() }) } },
    attachValidation: true,
  }, async (req, reply) => {
    const actor = requireActor(req);
    refuseBadAddress(req);
    return reply.status(201).send(await createItem(ctx, actor, contentOf(req.body)));
  });

  app.get('/api/admin/catalog/items/:id/versions', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '事项的版本历史', params: idParams, response: { 200: z.array(versionSummarySchema) } },
  }, async (req) => {
    return listVersions(ctx.db, req.params.id);
  });

  app.post('/api/admin/catalog/items/:id/draft', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '从当前发布版本开始编辑（已有草稿则返回该草稿）', params: idParams, response: { 200: z.object({ versionId: z.uuid(), version: z.number().int() }) } },
  }, async (req) => {
    const actor = requireActor(req);
    return startDraft(ctx, actor, req.params.id);
  });

  app.put('/api/admin/catalog/items/:id/draft', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '保存事项草稿（全部要素）', params: idParams, body: draftBody, response: { 200: savedSchema } },
    attachValidation: true,
  }, async (req) => {
    const actor = requireActor(req);
    refuseBadAddress(req);
    return saveDraft(ctx, actor, req.params.id, contentOf(req.body), expected(req.body));
  });

  app.delete('/api/admin/catalog/items/:id/draft', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '丢弃草稿', params: idParams, response: { 200: ok } },
  }, async (req) => {
    const actor = requireActor(req);
    await discardDraft(ctx, actor, req.params.id);
    return { ok: true as const };
  });

  app.post('/api/admin/catalog/items/:id/publish', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '发布草稿（原发布版本转为历史版本）', params: idParams, response: { 200: z.object({ versionId: z.uuid(), version: z.number().int() }) } },
  }, async (req) => {
    const actor = requireActor(req);
    return publishDraft(ctx, actor, req.params.id);
  });

  app.get('/api/admin/catalog/items/:id/diff', {
    config: { roles: ['admin'] },
    schema: {
      tags, summary: '比较同一事项的两个版本', params: idParams,
      querystring: z.object({ from: z.uuid(), to: z.uuid() }), response: { 200: z.array(diffEntrySchema) },
    },
  }, async (req) => {
    return diffVersions(ctx.db, req.params.id, req.query.from, req.query.to);
  });

  app.get('/api/admin/catalog/versions/:id', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '事项版本内容', params: idParams, response: { 200: versionDetailSchema } },
  }, async (req) => {
    return getVersion(ctx.db, req.params.id);
  });

  app.put('/api/admin/catalog/versions/:id', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '按版本保存（仅草稿可改；已发布版本返回 ITEM_VERSION_IMMUTABLE）', params: idParams, body: draftBody, response: { 200: savedSchema } },
    attachValidation: true,
  }, async (req) => {
    const actor = requireActor(req);
    refuseBadAddress(req);
    return saveVersion(ctx, actor, req.params.id, contentOf(req.body), expected(req.body));
  });

  app.post('/api/admin/catalog/categories', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '新建事项分类', body: categoryInputSchema, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.status(201).send(await createCategory(ctx, actor, req.body));
  });

  app.put('/api/admin/catalog/categories/:id', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '修改事项分类（名称、编码、上级、排序）', params: idParams, body: categoryInputSchema, response: { 200: ok } },
  }, async (req) => {
    const actor = requireActor(req);
    await updateCategory(ctx, actor, req.params.id, req.body);
    return { ok: true as const };
  });

  app.delete('/api/admin/catalog/categories/:id', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '删除空的事项分类', params: idParams, response: { 200: ok } },
  }, async (req) => {
    const actor = requireActor(req);
    await deleteCategory(ctx, actor, req.params.id);
    return { ok: true as const };
  });

  app.get('/api/admin/catalog/export', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '导出事项目录（JSON 或 Excel）', querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }) },
  }, async (req, reply) => {
    const file = await exportCatalogue(ctx.db);
    const name = `事项目录-${stamp(ctx.clock.now())}`;
    if (req.query.format === 'xlsx') {
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="catalogue.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name}.xlsx`)}`)
        .header('cache-control', 'private, no-store')
        .send(await catalogueToXlsx(file));
    }
    return reply
      .header('content-disposition', `attachment; filename="catalogue.json"; filename*=UTF-8''${encodeURIComponent(`${name}.json`)}`)
      .header('cache-control', 'private, no-store')
      .send(file);
  });

  app.post('/api/admin/catalog/import', {
    config: { roles: ['admin'] },
    schema: {
      tags, summary: '导入事项目录（multipart 字段 file：JSON 或 .xlsx）；先全部校验，再在一个事务内写入草稿',
      consumes: ['multipart/form-data'],
      querystring: z.object({ publish: z.enum(['0', '1']).default('0'), dryRun: z.enum(['0', '1']).default('0') }),
      response: {
        200: z.object({
          categoriesCreated: z.number().int(), categoriesUpdated: z.number().int(), itemsCreated: z.number().int(),
          draftsSaved: z.number().int(), unchanged: z.number().int(), published: z.number().int(),
          warnings: z.array(z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), code: z.string(), message: z.string() })),
        }),
      },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { bytes } = await readWholeFile(req, ctx.config.uploadMaxBytes);
    return importCatalogue(ctx, actor, bytes, { publish: req.query.publish === '1', dryRun: req.query.dryRun === '1' });
  });

  app.get('/api/catalog/statistics', {
    config: { roles: ['admin', 'manager'] },
    schema: { tags, summary: '审批项目统计汇总表（按分类和部门）', querystring: statsQuerySchema, response: { 200: statsSchema } },
  }, async (req) => {
    return categoryStatistics(ctx.db, countCases, req.query.from, req.query.to, ctx.clock.now());
  });

  app.get('/api/catalog/statistics.xlsx', {
    config: { roles: ['admin', 'manager'] },
    schema: { tags, summary: '审批项目统计汇总表（Excel）', querystring: statsQuerySchema },
  }, async (req, reply) => {
    const stats = await categoryStatistics(ctx.db, countCases, req.query.from, req.query.to, ctx.clock.now());
    const center = await getCenter(ctx.db);
    const name = `审批项目统计汇总表-${stats.from}-${stats.to}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'private, no-store')
      .send(await statisticsToXlsx(stats, center.name));
  });
}

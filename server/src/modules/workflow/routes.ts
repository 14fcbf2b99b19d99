import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { expressionErrorDetails, parseExpression, validate, type Finding } from './definition/index.ts';
import { deployDefinition, publishDefinition, type Actor as EngineActor } from './engine/index.ts';
import { deleteDraft, listProcesses, type ItemBinding } from './designer.ts';

/**
 * Process definitions over HTTP, for the designer (web/src/admin): admins
 * validate, deploy, publish and export; managers read. A definition version
 * is a row of wf_definitions (engine/definitions.ts); deploy and publish go
 * through the engine's public face.
 */

/** BPMN files are larger than ordinary request bodies (the MIWG C.8.0 file is 240 KB). */
const XML_BODY_LIMIT = 8 * 1024 * 1024;
const xmlText = z.string().min(1).max(4_000_000);
const definitionId = z.object({ id: z.uuid() });

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  elementId: z.string().nullable(),
  elementType: z.string().nullable(),
  zh: z.string(),
  en: z.string(),
});

const summarySchema = z.object({
  id: z.string(),
  key: z.string(),
  version: z.number().int(),
  name: z.string().nullable(),
  status: z.enum(['draft', 'published']),
});

const versionSchema = summarySchema.extend({
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

const listedVersionSchema = versionSchema.extend({
  openInstances: z.number().int().describe('运行中（含挂起）的实例数'),
  totalInstances: z.number().int().describe('累计启动的实例数'),
});

const processSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  published: listedVersionSchema.nullable().describe('最新发布版本；只有草稿时为 null'),
  draft: listedVersionSchema.nullable().describe('比发布版本更新的草稿（如有）'),
  versions: z.array(listedVersionSchema).describe('全部版本，新的在前'),
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), enabled: z.boolean() })).describe('绑定此流程的办理事项'),
});

const expressionCheckSchema = z.object({
  valid: z.boolean(),
  /** Where and why it does not parse; absent when valid. */
  error: z.object({ position: z.number().int(), zh: z.string(), en: z.string() }).optional(),
});

interface VersionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  status: 'draft' | 'published';
  created_at: Date;
  published_at: Date | null;
}

const READERS = ['admin', 'manager'] as const;

function presentVersion(r: VersionRow): z.infer<typeof versionSchema> {
  return {
    id: r.id, key: r.key, version: r.version, name: r.name, status: r.status,
    createdAt: r.created_at.toISOString(), publishedAt: r.published_at ? r.published_at.toISOString() : null,
  };
}

function engineActor(actor: Actor): EngineActor {
  return { id: actor.id, role: actor.role };
}

async function loadVersion(ctx: AppContext, id: string): Promise<VersionRow & { bpmn_xml: string }> {
  const { rows } = await ctx.db.query<VersionRow & { bpmn_xml: string }>(
    'SELECT id, key, version, name, status, created_at, published_at, bpmn_xml FROM wf_definitions WHERE id = $1',
    [id],
  );
  if (!rows[0]) throw new AppError('PROCESS_NOT_FOUND', { definitionId: id });
  return rows[0];
}

/** The validator's findings for any text: never throws, whatever the XML. */
export async function findingsFor(xml: string): Promise<Finding[]> {
  try {
    return (await validate(xml)).findings;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return [{
      code: 'XML_MALFORMED', severity: 'error', elementId: null, elementType: null,
      zh: `文件不是可读取的 BPMN 2.0 XML：${detail}`, en: `The file is not readable BPMN 2.0 XML: ${detail}`,
    }];
  }
}

/**
 * The engine's and the designer's routes. The process list shows the items
 * binding each key: the catalogue's read, given by the composition root (the
 * catalogue checks a binding against the engine's published keys, so the
 * engine does not call the catalogue back).
 */
export function registerWorkflowRoutes(app: Api, ctx: AppContext, itemsBindingProcesses: (q: Queryable) => Promise<ItemBinding[]>): void {
  app.get('/api/workflow/definitions', {
    config: { roles: [...READERS] },
    schema: {
      tags: ['workflow'], summary: '流程定义列表（按流程标识分组：各版本及其运行中的实例数、草稿、绑定的办理事项）',
      response: { 200: z.array(processSchema) },
    },
  }, async () => {
    return listProcesses(ctx.db, itemsBindingProcesses);
  });

  app.get('/api/workflow/definitions/:id', {
    config: { roles: [...READERS] },
    schema: {
      tags: ['workflow'], summary: '一个流程定义版本（含 BPMN XML）', params: definitionId,
      response: { 200: versionSchema.extend({ xml: z.string() }) },
    },
  }, async (req) => {
    const row = await loadVersion(ctx, req.params.id);
    return { ...presentVersion(row), xml: row.bpmn_xml };
  });

  app.get('/api/workflow/definitions/:id/export', {
    config: { roles: [...READERS] },
    schema: { tags: ['workflow'], summary: '导出 .bpmn 文件', params: definitionId },
  }, async (req, reply) => {
    const row = await loadVersion(ctx, req.params.id);
    const file = `${row.key}-v${row.version}.bpmn`.replace(/[^\w.-]/g, '_');
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file}"`)
      .send(row.bpmn_xml);
  });

  app.post('/api/workflow/validate', {
    config: { roles: ['admin'] },
    bodyLimit: XML_BODY_LIMIT,
    schema: {
      tags: ['workflow'], summary: '校验 BPMN XML（返回全部问题，不保存）',
      body: z.object({ xml: xmlText }),
      response: { 200: z.object({ findings: z.array(findingSchema), errors: z.number().int(), warnings: z.number().int() }) },
    },
  }, async (req) => {
    const findings = await findingsFor(req.body.xml);
    const errors = findings.filter((f) => f.severity === 'error').length;
    return { findings, errors, warnings: findings.length - errors };
  });

  app.post('/api/workflow/definitions', {
    config: { roles: ['admin'] },
    bodyLimit: XML_BODY_LIMIT,
    schema: {
      tags: ['workflow'], summary: '部署流程定义：保存为新版本草稿（publish=true 时直接发布）；有错误时 BPMN_INVALID，details.findings 列出问题',
      body: z.object({ xml: xmlText, publish: z.boolean().optional() }),
      response: { 201: summarySchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const summary = await deployDefinition({ db: ctx.db, clock: ctx.clock }, {
      xml: req.body.xml, actor: engineActor(actor), publish: req.body.publish ?? false,
    });
    return reply.status(201).send(summary);
  });

  app.delete('/api/workflow/definitions/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['workflow'], summary: '删除草稿版本（已发布的版本不可删除：DEFINITION_NOT_DRAFT）', params: definitionId,
      response: { 200: z.object({ id: z.string(), key: z.string(), version: z.number().int() }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return deleteDraft({ db: ctx.db, clock: ctx.clock }, { definitionId: req.params.id, actor: { id: actor.id, role: actor.role } });
  });

  app.post('/api/workflow/expressions/check', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['workflow'], summary: '检查表达式能否解析（流转条件、会签人数、办理人表达式）；不求值',
      body: z.object({ expression: z.string().min(1).max(4000) }),
      response: { 200: expressionCheckSchema },
    },
  }, async (req) => {
    try {
      parseExpression(req.body.expression);
      return { valid: true };
    } catch (err) {
      const details = expressionErrorDetails(err);
      if (!details) throw err;
      return { valid: false, error: { position: details.position, zh: details.zh, en: details.en } };
    }
  });

  app.post('/api/workflow/definitions/:id/publish', {
    config: { roles: ['admin'] },
    schema: { tags: ['workflow'], summary: '发布草稿版本（发布后不可修改）', params: definitionId, response: { 200: summarySchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return publishDefinition({ db: ctx.db, clock: ctx.clock }, { definitionId: req.params.id, actor: engineActor(actor) });
  });
}

import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { withTx } from '../../platform/db/pool.ts';
import { answerIdTarget, pathIdTarget } from '../../platform/audit/hook.ts';
import {
  centerInputSchema, centerSchema, departmentInputSchema, departmentSchema, organisation, organisationSchema, windowInputSchema, windowSchema,
} from '../catalog/index.ts';
import { listStaff, staffCreateSchema, staffSchema, staffUpdateSchema } from '../iam/index.ts';
import { openTaskCounts } from '../workflow/index.ts';
import { readWholeFile } from '../../platform/http/multipart-file.ts';
import { exportOrganisation, importOrganisation, orgImportResultSchema } from './exchange.ts';
import {
  createStaffCommand, deactivateStaffCommand, reactivateStaffCommand, resetSecondFactorCommand, saveCenterCommand, saveDepartmentCommand, saveWindowCommand, updateStaffCommand,
} from './commands.ts';

const idParams = z.object({ id: z.uuid() });
const staffRowSchema = staffSchema.extend({ openSteps: z.number().int() });

/**
 * 组织机构 and 人员管理 in the admin console (system administrators only):
 * validate → authorize → one command in a transaction → the saved row.
 */
export function registerOrgRoutes(app: Api, ctx: AppContext): void {
  const tags = ['org'];

  app.get('/api/admin/org', {
    config: { roles: ['admin'] },
    schema: { tags, summary: '组织机构：全部服务中心（市、县/区、乡镇/街道三级）、部门和窗口', response: { 200: organisationSchema } },
  }, async () => {
    return organisation(ctx.db);
  });

  app.get('/api/admin/org/export.xlsx', {
    config: { roles: ['admin'], audit: { action: 'org.exported', targetType: 'organisation', target: () => null } },
    schema: { tags, summary: '导出组织机构和人员（Excel：服务中心、部门、窗口、人员四个工作表；也是导入的模板）' },
  }, async (_req, reply) => {
    const bytes = await exportOrganisation(ctx.db);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="organisation.xlsx"; filename*=UTF-8''${encodeURIComponent('组织机构.xlsx')}`)
      .send(bytes);
  });

  app.post('/api/admin/org/import', {
    config: { roles: ['admin'], audit: { action: 'org.imported', targetType: 'organisation', target: () => null } },
    schema: {
      tags, summary: '从 Excel 导入组织机构和人员（multipart 字段 file）；dryRun=1 只检查并报告将新建、修改和不变的条数，不写入',
      consumes: ['multipart/form-data'],
      querystring: z.object({ dryRun: z.enum(['0', '1']).default('0') }),
      response: { 200: orgImportResultSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { bytes } = await readWholeFile(req, ctx.config.uploadMaxBytes);
    return importOrganisation(ctx, actor, bytes, { dryRun: req.query.dryRun === '1' });
  });

  app.post('/api/admin/org/centers', creation('center', '新建服务中心（下级须比上级低一级）', centerInputSchema, centerSchema), async (req, reply) => {
    const actor = requireActor(req);
    return reply.status(201).send(await withTx(ctx.db, (tx) => saveCenterCommand(tx, actor, ctx.clock.now(), null, req.body)));
  });

  app.put('/api/admin/org/centers/:id', change('center', '修改服务中心（含移到另一上级之下）', centerInputSchema, centerSchema), async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => saveCenterCommand(tx, actor, ctx.clock.now(), req.params.id, req.body));
  });

  app.post('/api/admin/org/departments', creation('department', '新建部门（可设上级部门）', departmentInputSchema, departmentSchema), async (req, reply) => {
    const actor = requireActor(req);
    return reply.status(201).send(await withTx(ctx.db, (tx) => saveDepartmentCommand(tx, actor, ctx.clock.now(), null, req.body)));
  });

  app.put('/api/admin/org/departments/:id', change('department', '修改或停用部门', departmentInputSchema, departmentSchema), async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => saveDepartmentCommand(tx, actor, ctx.clock.now(), req.params.id, req.body));
  });

  app.post('/api/admin/org/windows', creation('window', '新建窗口（编号、名称、大厅位置、受理事项）', windowInputSchema, windowSchema), async (req, reply) => {
    const actor = requireActor(req);
    return reply.status(201).send(await withTx(ctx.db, (tx) => saveWindowCommand(tx, actor, ctx.clock.now(), null, req.body)));
  });

  app.put('/api/admin/org/windows/:id', change('window', '修改或停用窗口', windowInputSchema, windowSchema), async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => saveWindowCommand(tx, actor, ctx.clock.now(), req.params.id, req.body));
  });

  app.get('/api/admin/staff', {
    config: { roles: ['admin'] },
    schema: {
      tags, summary: '工作人员（含已停用），附各人在办任务数',
      querystring: z.object({ centerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(staffRowSchema) }) },
    },
  }, async (req) => {
    const [staff, open] = await Promise.all([listStaff(ctx.db, req.query), openTaskCounts(ctx.db)]);
    return { items: staff.map((s) => ({ ...s, openSteps: open.get(s.id) ?? 0 })) };
  });

  app.post('/api/admin/staff', {
    config: { roles: ['admin'], audit: { action: 'staff.created', targetType: 'staff', target: answerIdTarget } },
    schema: { tags, summary: '新建工作人员账号（初始密码须符合工作人员密码规则）', body: staffCreateSchema, response: { 201: staffSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.status(201).send(await withTx(ctx.db, (tx) => createStaffCommand(tx, actor, ctx.clock.now(), req.body)));
  });

  app.put('/api/admin/staff/:id', {
    config: { roles: ['admin'], audit: { action: 'staff.changed', targetType: 'staff', target: pathIdTarget } },
    schema: { tags, summary: '修改工作人员（姓名、角色、中心、部门、窗口、电话；不能改自己的角色）', params: idParams, body: staffUpdateSchema, response: { 200: staffSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => updateStaffCommand(tx, actor, ctx.clock.now(), req.params.id, req.body));
  });

  app.post('/api/admin/staff/:id/deactivate', {
    config: { roles: ['admin'], audit: { action: 'staff.deactivated', targetType: 'staff', target: pathIdTarget } },
    schema: { tags, summary: '停用工作人员（须先把在办任务工作交接；其登录随之结束）', params: idParams, body: z.object({}).optional(), response: { 200: staffSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => deactivateStaffCommand(tx, actor, ctx.clock.now(), req.params.id));
  });

  app.post('/api/admin/staff/:id/second-factor/reset', {
    config: { roles: ['admin'], audit: { action: 'staff.second_factor_reset', targetType: 'staff', target: pathIdTarget } },
    schema: { tags, summary: '重置工作人员的两步验证（手机和恢复码都丢失时；其登录随之结束）', params: idParams, body: z.object({}).optional(), response: { 200: staffSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => resetSecondFactorCommand(tx, actor, ctx.clock.now(), req.params.id));
  });

  app.post('/api/admin/staff/:id/reactivate', {
    config: { roles: ['admin'], audit: { action: 'staff.reactivated', targetType: 'staff', target: pathIdTarget } },
    schema: { tags, summary: '重新启用工作人员', params: idParams, body: z.object({}).optional(), response: { 200: staffSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return withTx(ctx.db, (tx) => reactivateStaffCommand(tx, actor, ctx.clock.now(), req.params.id));
  });
}


/** The options of a route creating a center, department or window. */
function creation<I extends z.ZodType, O extends z.ZodType>(targetType: string, summary: string, body: I, output: O) {
  return {
    config: { roles: ['admin' as const], audit: { action: `org.${targetType}_created`, targetType, target: answerIdTarget } },
    schema: { tags: ['org'], summary, body, response: { 201: output } },
  };
}

/** The options of a route changing a center, department or window (`…/:id`). */
function change<I extends z.ZodType, O extends z.ZodType>(targetType: string, summary: string, body: I, output: O) {
  return {
    config: { roles: ['admin' as const], audit: { action: `org.${targetType}_changed`, targetType, target: pathIdTarget } },
    schema: { tags: ['org'], summary, params: idParams, body, response: { 200: output } },
  };
}

import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext, Role } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { withTx, type Tx } from '../../platform/db/pool.ts';
import { answerIdTarget, pathIdTarget } from '../../platform/audit/hook.ts';
import { noContent } from '../../platform/http/responses.ts';
import { AccessCache, hiddenPages, registerAccessGate, seedResources, type DeclaredRoute } from './access.ts';
import {
  bindRolesCommand, createResourceCommand, createRoleCommand, deleteResourceCommand, deleteRoleCommand, listRoles, moveResourceCommand,
  resourceCreateSchema, resourceNodeSchema, resourceRowSchema, resourceTree, resourceUpdateSchema, roleCreateSchema, roleInputSchema,
  findRole, roleRecordSchema, updateResourceCommand, updateRoleCommand, type RouteDuties,
} from './access-admin.ts';
import { rolePeople, setRoleHolders } from './person-roles.ts';
import { roleSchema } from './schemas.ts';

const rolePersonSchema = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(), departmentId: z.uuid().nullable(), duty: roleSchema, holds: z.enum(['main', 'extra']).nullable(),
});

const idParams = z.object({ id: z.uuid() });
/** A route held by one of the separated duties (三员分立). */
interface DutyConfig { roles: readonly Role[]; duty: Role }
const admin: DutyConfig = { roles: ['admin'], duty: 'admin' };
const security: DutyConfig = { roles: ['security_admin'], duty: 'security_admin' };
/** Read by both: the staff page offers the roles, the permissions page shows the tree. */
const eitherAdmin = { roles: ['admin', 'security_admin'] as const };

/**
 * Roles and the resource tree (issue 14): the access gate in front of every
 * route registered after this call (it seeds the tree from those routes before
 * it first reads it), each shell's hidden pages, 资源管理 for the system
 * administrator, and 角色管理 and 权限管理 for the security administrator
 * (三员分立: who may do what is not decided by the one who runs the system).
 * These routes are their administrator's duty: they cannot be disabled or
 * handed to another duty, so nobody locks either administrator out of them.
 */
export function registerAccess(app: Api, ctx: AppContext): void {
  const routes: DeclaredRoute[] = [];
  const cache = new AccessCache(ctx.db, () => seedResources(ctx.db, routes));
  registerAccessGate(app, cache, routes);
  const declared = (): RouteDuties => ({
    guarded: new Set(routes.filter((r) => r.roles).map((r) => `${r.method} ${r.url}`)),
    duties: new Map(routes.flatMap((r) => (r.duty ? [[`${r.method} ${r.url}`, r.duty] as const] : []))),
  });
  /** A change in its transaction; this node's gate reloads at once, the others within a second. */
  const change = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const result = await withTx(ctx.db, fn);
    cache.invalidate();
    return result;
  };
  const tags = ['access'];
  const audited = (action: string, targetType: string, creation = false, by: DutyConfig = admin) =>
    ({ ...by, audit: { action, targetType, target: creation ? answerIdTarget : pathIdTarget } });

  app.get('/api/auth/pages', {
    schema: { tags, summary: '本人菜单中不显示的页面（已停用，或未绑定本人的角色）', response: { 200: z.object({ hidden: z.array(z.string()) }) } },
  }, async (req) => ({ hidden: await hiddenPages(cache, requireActor(req).roleCode) }));

  app.get('/api/admin/roles', {
    config: eitherAdmin,
    schema: { tags, summary: '角色管理：全部角色（含内置角色）及其人数', response: { 200: z.object({ items: z.array(roleRecordSchema) }) } },
  }, async () => ({ items: await listRoles(ctx.db) }));

  app.post('/api/admin/roles', {
    config: audited('role.created', 'role', true, security),
    schema: { tags, summary: '新建角色（基于一种内置职责：决定数据范围和业务规则）', body: roleCreateSchema, response: { 201: roleRecordSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.status(201).send(await change((tx) => createRoleCommand(tx, actor, ctx.clock.now(), req.body)));
  });

  app.put('/api/admin/roles/:id', {
    config: audited('role.changed', 'role', false, security),
    schema: { tags, summary: '修改角色（名称、排序、说明、启用或停用；内置角色不能停用）', params: idParams, body: roleInputSchema, response: { 200: roleRecordSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return change((tx) => updateRoleCommand(tx, actor, ctx.clock.now(), req.params.id, req.body));
  });

  app.delete('/api/admin/roles/:id', {
    config: audited('role.deleted', 'role', false, security),
    schema: { tags, summary: '删除角色（内置角色和还有人员使用的角色不能删除）', params: idParams, response: noContent },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await change((tx) => deleteRoleCommand(tx, actor, ctx.clock.now(), req.params.id));
    return reply.status(204).send(null);
  });

  app.get('/api/admin/roles/:id/people', {
    config: eitherAdmin,
    schema: {
      tags, summary: '角色人员匹配：全部在岗工作人员，各附是否持有该角色（主角色或兼任）', params: idParams,
      response: { 200: z.object({ items: z.array(rolePersonSchema) }) },
    },
  }, async (req) => ({ items: await rolePeople(ctx.db, (await findRole(ctx.db, req.params.id)).code) }));

  app.put('/api/admin/roles/:id/people', {
    config: audited('role.people_changed', 'role', false, security),
    schema: {
      tags, summary: '角色人员匹配：设定兼任该角色的人员（以它为主角色的人员在人员管理中修改）', params: idParams,
      body: z.object({ userIds: z.array(z.uuid()).max(2000) }), response: { 200: z.object({ items: z.array(rolePersonSchema) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return change(async (tx) => {
      const role = await findRole(tx, req.params.id, true);
      await setRoleHolders(tx, actor, ctx.clock.now(), role.code, req.body.userIds);
      return { items: await rolePeople(tx, role.code) };
    });
  });

  app.get('/api/admin/resources', {
    config: eitherAdmin,
    schema: { tags, summary: '资源管理：资源树（外壳、菜单、页面、操作、接口），每个节点附其下级和绑定的角色', response: { 200: resourceNodeSchema } },
  }, async () => resourceTree(ctx.db, declared()));

  app.post('/api/admin/resources', {
    config: audited('resource.created', 'resource', true),
    schema: { tags, summary: '在资源上添加子节点（菜单、页面或操作）', body: resourceCreateSchema, response: { 201: resourceRowSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.status(201).send(await change((tx) => createResourceCommand(tx, actor, ctx.clock.now(), declared(), req.body)));
  });

  app.put('/api/admin/resources/:id', {
    config: audited('resource.changed', 'resource'),
    schema: { tags, summary: '修改资源的属性：名称、启用或停用、移到另一上级之下', params: idParams, body: resourceUpdateSchema, response: { 200: resourceRowSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return change((tx) => updateResourceCommand(tx, actor, ctx.clock.now(), declared(), req.params.id, req.body));
  });

  app.post('/api/admin/resources/:id/move', {
    config: audited('resource.moved', 'resource'),
    schema: { tags, summary: '节点上移或下移（在同级节点之间）', params: idParams, body: z.object({ direction: z.enum(['up', 'down']) }), response: { 200: resourceRowSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return change((tx) => moveResourceCommand(tx, actor, ctx.clock.now(), declared(), req.params.id, req.body.direction));
  });

  app.delete('/api/admin/resources/:id', {
    config: audited('resource.deleted', 'resource'),
    schema: { tags, summary: '删除子节点（管理员添加的、没有下级的节点）', params: idParams, response: noContent },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await change((tx) => deleteResourceCommand(tx, actor, ctx.clock.now(), declared(), req.params.id));
    return reply.status(204).send(null);
  });

  app.put('/api/admin/permissions/:id', {
    config: audited('permission.changed', 'resource', false, security),
    schema: {
      tags, summary: '权限管理：把资源绑定给这些角色（角色代码；未列出的角色解除绑定）', params: idParams,
      body: z.object({ roles: z.array(z.string().max(40)).max(200) }), response: { 200: resourceRowSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return change((tx) => bindRolesCommand(tx, actor, ctx.clock.now(), declared(), req.params.id, req.body.roles));
  });
}

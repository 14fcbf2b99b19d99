import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import type { Actor, Role } from '../../platform/http/context.ts';
import { bumpAccessVersion } from './access.ts';
import { roleSchema } from './schemas.ts';
import { setRoleDepartments } from './person-roles.ts';

/**
 * 角色管理, 资源管理 and 权限管理 (issue 14): the administrator's commands on
 * role records, the resource tree and the bindings between them. Each runs in
 * the request's transaction, writes its event, and moves `access_version` so
 * every node's gate reloads.
 */

export const roleInputSchema = z.object({
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().max(60).default(''),
  description: z.string().trim().max(500).default(''),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
  enabled: z.boolean().default(true),
  /** The departments the role is matched to (角色与部门的匹配): only their people hold it. Empty: any department. */
  departmentIds: z.array(z.uuid()).max(500).default([]),
});
export const roleCreateSchema = roleInputSchema.extend({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  /** The built-in duty the role is built on: its data scope and what the business rules let it do. */
  base: roleSchema.exclude(['applicant']),
  /**
   * A role of the same duty whose bindings the new one starts with (复制权限):
   * a window clerk's variant works at once, instead of starting bound to nothing.
   */
  copyFrom: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/).nullish(),
});
export const roleRecordSchema = z.object({
  id: z.uuid(), code: z.string(), name: z.string(), nameEn: z.string(), description: z.string(), base: roleSchema,
  sortOrder: z.number().int(), builtin: z.boolean(), enabled: z.boolean(), departmentIds: z.array(z.uuid()),
  /** Active people holding it, as their main role or beside it. */
  people: z.number().int(),
});
export type RoleRecord = z.infer<typeof roleRecordSchema>;

const RESOURCE_KINDS = ['root', 'shell', 'menu', 'page', 'action', 'api'] as const;
export const resourceCreateSchema = z.object({
  parentId: z.uuid(),
  kind: z.enum(['menu', 'page', 'action']),
  code: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).default(''),
});
export const resourceUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).default(''),
  enabled: z.boolean(),
  /** Another parent moves the node there (at the end); the root keeps null. */
  parentId: z.uuid().nullable(),
});

/** A node of the tree as the administrator sees it, with its children and the roles bound to it. */
export interface ResourceNode {
  id: string;
  parentId: string | null;
  kind: (typeof RESOURCE_KINDS)[number];
  code: string;
  name: string;
  nameEn: string;
  sortOrder: number;
  enabled: boolean;
  builtin: boolean;
  method: string | null;
  route: string | null;
  /** Codes of the roles bound to the node. */
  roles: string[];
  /** An API route whose access the gate decides by the bindings (it declares roles); others are open to the handler's policy. */
  guarded: boolean;
  /** 三员分立: the one duty that may hold this route. */
  duty: Role | null;
  children: ResourceNode[];
}
const resourceFields = {
  id: z.uuid(), parentId: z.uuid().nullable(), kind: z.enum(RESOURCE_KINDS), code: z.string(), name: z.string(), nameEn: z.string(),
  sortOrder: z.number().int(), enabled: z.boolean(), builtin: z.boolean(), method: z.string().nullable(), route: z.string().nullable(),
  roles: z.array(z.string()), guarded: z.boolean(), duty: roleSchema.nullable(),
};
export const resourceNodeSchema: z.ZodType<ResourceNode> = z.object({
  ...resourceFields,
  get children() { return z.array(resourceNodeSchema); },
}).meta({ id: 'ResourceNode' });
/** A node without its children: the answer of a change. */
export const resourceRowSchema = z.object(resourceFields);

/** What the code declares of each guarded route: its duty, if any (三员分立). */
export interface RouteDuties {
  guarded: ReadonlySet<string>;
  duties: ReadonlyMap<string, Role>;
}

const who = (a: Actor) => ({ id: a.id, role: a.role });

const ROLE_COLUMNS = `r.id, r.code, r.name, r.name_en AS "nameEn", r.description, r.base, r.sort_order AS "sortOrder", r.builtin, r.enabled,
  COALESCE((SELECT array_agg(rd.department_id ORDER BY rd.department_id) FROM role_departments rd WHERE rd.role_id = r.id), '{}') AS "departmentIds",
  (SELECT count(*)::int FROM users u WHERE NOT u.disabled
      AND (COALESCE(u.role_code, u.role) = r.code OR EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role_code = r.code))) AS people`;

/** Every role record, in their order. */
export async function listRoles(q: Queryable): Promise<RoleRecord[]> {
  const { rows } = await q.query<RoleRecord>(`SELECT ${ROLE_COLUMNS} FROM roles r ORDER BY r.sort_order, r.code`);
  return rows;
}

export async function findRole(q: Queryable, id: string, lock = false): Promise<RoleRecord> {
  const { rows } = await q.query<RoleRecord>(`SELECT ${ROLE_COLUMNS} FROM roles r WHERE r.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!rows[0]) throw new AppError('ROLE_NOT_FOUND');
  return rows[0];
}

/** The enabled role record of this code, for a person's role: ROLE_NOT_FOUND when there is none. */
export async function roleByCode(q: Queryable, code: string): Promise<RoleRecord> {
  const { rows } = await q.query<RoleRecord>(`SELECT ${ROLE_COLUMNS} FROM roles r WHERE r.code = $1 AND r.enabled`, [code]);
  if (!rows[0]) throw new AppError('ROLE_NOT_FOUND', { code });
  return rows[0];
}

const changed = <T extends object>(before: T, after: T): string[] =>
  Object.keys(after).filter((k) => JSON.stringify(before[k as keyof T]) !== JSON.stringify(after[k as keyof T])).sort();

/** Creates a role built on a duty: `access.role_saved`. */
export async function createRoleCommand(tx: Tx, actor: Actor, now: Date, input: z.infer<typeof roleCreateSchema>): Promise<RoleRecord> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO roles (code, name, name_en, description, base, sort_order, enabled, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) ON CONFLICT (code) DO NOTHING RETURNING id`,
    [input.code, input.name, input.nameEn, input.description, input.base, input.sortOrder, input.enabled, now],
  );
  if (!rows[0]) throw new AppError('ROLE_CODE_TAKEN', { code: input.code });
  await setRoleDepartments(tx, rows[0].id, input.code, input.departmentIds);
  if (input.copyFrom) {
    const source = await roleByCode(tx, input.copyFrom);
    // Another duty's bindings would give the new role pages its duty cannot use (and a separated duty's routes refuse it).
    if (source.base !== input.base) throw new AppError('ROLE_COPY_DUTY_MISMATCH', { from: source.code, base: source.base });
    await tx.query(
      `INSERT INTO role_resources (role_id, resource_id)
       SELECT $1, rr.resource_id FROM role_resources rr JOIN roles r ON r.id = rr.role_id WHERE r.code = $2`,
      [rows[0].id, source.code],
    );
  }
  const role = await findRole(tx, rows[0].id);
  await roleSaved(tx, actor, now, role, true, input.copyFrom ? ['bindings'] : []);
  return role;
}

/** Renames, reorders, describes, enables or disables a role: `access.role_saved`. A built-in role stays enabled. */
export async function updateRoleCommand(tx: Tx, actor: Actor, now: Date, id: string, input: z.infer<typeof roleInputSchema>): Promise<RoleRecord> {
  const before = await findRole(tx, id, true);
  if (before.builtin && !input.enabled) throw new AppError('ROLE_BUILTIN', { code: before.code });
  await tx.query(
    'UPDATE roles SET name = $2, name_en = $3, description = $4, sort_order = $5, enabled = $6, updated_at = $7 WHERE id = $1',
    [id, input.name, input.nameEn, input.description, input.sortOrder, input.enabled, now],
  );
  await setRoleDepartments(tx, id, before.code, input.departmentIds);
  const after = await findRole(tx, id);
  await roleSaved(tx, actor, now, after, false, changed(before, after));
  return after;
}

/** Deletes a role nobody holds (ROLE_IN_USE, with the count); built-in roles stay (ROLE_BUILTIN). */
export async function deleteRoleCommand(tx: Tx, actor: Actor, now: Date, id: string): Promise<void> {
  const role = await findRole(tx, id, true);
  if (role.builtin) throw new AppError('ROLE_BUILTIN', { code: role.code });
  // Counted among all accounts, deactivated ones too: each keeps naming its role.
  const { rows } = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM users u WHERE u.role_code = $1 OR EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role_code = $1)',
    [role.code],
  );
  if (rows[0]!.n > 0) throw new AppError('ROLE_IN_USE', { people: rows[0]!.n });
  await tx.query('DELETE FROM roles WHERE id = $1', [id]);
  await appendEvent(tx, { type: 'access.role_deleted', actor: who(actor), occurredAt: now, payload: { roleId: id, code: role.code } });
  await bumpAccessVersion(tx);
}

async function roleSaved(tx: Tx, actor: Actor, now: Date, role: RoleRecord, created: boolean, fields: string[]): Promise<void> {
  await appendEvent(tx, {
    type: 'access.role_saved', actor: who(actor), occurredAt: now,
    payload: { roleId: role.id, code: role.code, base: role.base, created, changed: fields.filter((f) => f !== 'people'), enabled: role.enabled },
  });
  await bumpAccessVersion(tx);
}

interface NodeRow {
  id: string; parentId: string | null; kind: ResourceNode['kind']; code: string; name: string; nameEn: string; sortOrder: number;
  enabled: boolean; builtin: boolean; method: string | null; route: string | null; roles: string[];
}
const NODE_COLUMNS = `n.id, n.parent_id AS "parentId", n.kind, n.code, n.name, n.name_en AS "nameEn", n.sort_order AS "sortOrder", n.enabled, n.builtin, n.method, n.route,
  COALESCE((SELECT array_agg(r.code ORDER BY r.sort_order, r.code) FROM role_resources rr JOIN roles r ON r.id = rr.role_id WHERE rr.resource_id = n.id), '{}') AS roles`;

const routeCode = (n: Pick<NodeRow, 'method' | 'route'>): string | null => (n.method && n.route ? `${n.method} ${n.route}` : null);

function present(n: NodeRow, routes: RouteDuties): Omit<ResourceNode, 'children'> {
  const key = routeCode(n);
  return { ...n, guarded: key !== null && routes.guarded.has(key), duty: key === null ? null : routes.duties.get(key) ?? null };
}

/** The whole tree, from its root, each node with its children in order and the roles bound to it. */
export async function resourceTree(q: Queryable, routes: RouteDuties): Promise<ResourceNode> {
  const { rows } = await q.query<NodeRow>(`SELECT ${NODE_COLUMNS} FROM resources n ORDER BY n.sort_order, n.code`);
  const nodes = new Map(rows.map((r) => [r.id, { ...present(r, routes), children: [] as ResourceNode[] }]));
  let root: ResourceNode | null = null;
  for (const node of nodes.values()) {
    if (node.parentId === null) root = node;
    else nodes.get(node.parentId)?.children.push(node);
  }
  if (!root) throw new AppError('RESOURCE_NOT_FOUND');
  return root;
}

async function findNode(q: Queryable, id: string, routes: RouteDuties, lock = false): Promise<Omit<ResourceNode, 'children'>> {
  const { rows } = await q.query<NodeRow>(`SELECT ${NODE_COLUMNS} FROM resources n WHERE n.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!rows[0]) throw new AppError('RESOURCE_NOT_FOUND');
  return present(rows[0], routes);
}

/** The routes of the separated duties in a node's subtree (the node included): what may not be disabled. */
async function dutyRoutesUnder(q: Queryable, id: string, routes: RouteDuties): Promise<string[]> {
  const { rows } = await q.query<{ method: string; route: string }>(
    `WITH RECURSIVE sub AS (SELECT id, method, route FROM resources WHERE id = $1
       UNION ALL SELECT c.id, c.method, c.route FROM resources c JOIN sub ON c.parent_id = sub.id)
     SELECT method, route FROM sub WHERE method IS NOT NULL`,
    [id],
  );
  return rows.map((r) => `${r.method} ${r.route}`).filter((k) => routes.duties.has(k));
}

/** Adds a child (menu, page or action) at the end of its parent's children: `access.resource_saved`. */
export async function createResourceCommand(tx: Tx, actor: Actor, now: Date, routes: RouteDuties, input: z.infer<typeof resourceCreateSchema>) {
  const parent = await findNode(tx, input.parentId, routes, true);
  if (parent.kind === 'api') throw new AppError('RESOURCE_PARENT_INVALID');
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO resources (parent_id, kind, code, name, name_en, sort_order, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,(SELECT COALESCE(max(sort_order), 0) + 10 FROM resources WHERE parent_id = $1),$6,$6)
     ON CONFLICT DO NOTHING RETURNING id`,
    [input.parentId, input.kind, input.code, input.name, input.nameEn, now],
  );
  if (!rows[0]) throw new AppError('RESOURCE_CODE_TAKEN', { code: input.code });
  const node = await findNode(tx, rows[0].id, routes);
  await resourceSaved(tx, actor, now, node, true, []);
  return node;
}

/**
 * Renames, enables or disables a node, or moves it under another parent:
 * `access.resource_saved`. Never under itself or its own (RESOURCE_PARENT_CYCLE);
 * a separated duty's route, and what lies above it, stays enabled (RESOURCE_LOCKED).
 */
export async function updateResourceCommand(tx: Tx, actor: Actor, now: Date, routes: RouteDuties, id: string, input: z.infer<typeof resourceUpdateSchema>) {
  const before = await findNode(tx, id, routes, true);
  if ((before.parentId === null) !== (input.parentId === null)) throw new AppError('RESOURCE_PARENT_INVALID');
  if (!input.enabled && before.enabled) {
    const locked = await dutyRoutesUnder(tx, id, routes);
    if (locked.length) throw new AppError('RESOURCE_LOCKED', { routes: locked });
  }
  let parentId = before.parentId;
  if (input.parentId !== null && input.parentId !== before.parentId) {
    const parent = await findNode(tx, input.parentId, routes, true);
    if (parent.kind === 'api') throw new AppError('RESOURCE_PARENT_INVALID');
    const { rows } = await tx.query<{ cycle: boolean }>(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM resources WHERE id = $1
         UNION ALL SELECT p.id, p.parent_id FROM resources p JOIN up ON p.id = up.parent_id)
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS cycle`,
      [input.parentId, id],
    );
    if (rows[0]!.cycle) throw new AppError('RESOURCE_PARENT_CYCLE');
    // A node moved under a disabled parent would switch a duty's route off all the same.
    if (!parent.enabled && (await dutyRoutesUnder(tx, id, routes)).length) throw new AppError('RESOURCE_LOCKED');
    parentId = input.parentId;
  }
  await tx.query(
    `UPDATE resources SET name = $2, name_en = $3, enabled = $4, parent_id = $5,
       sort_order = CASE WHEN parent_id = $5 THEN sort_order ELSE (SELECT COALESCE(max(sort_order), 0) + 10 FROM resources WHERE parent_id = $5) END,
       updated_at = $6 WHERE id = $1`,
    [id, input.name, input.nameEn, input.enabled, parentId, now],
  );
  const after = await findNode(tx, id, routes);
  await resourceSaved(tx, actor, now, after, false, changed(before, after).filter((f) => f !== 'sortOrder'));
  return after;
}

/** 节点上移 / 节点下移: swaps the node with its neighbour among its siblings (at the end already: nothing moves). */
export async function moveResourceCommand(tx: Tx, actor: Actor, now: Date, routes: RouteDuties, id: string, direction: 'up' | 'down') {
  const node = await findNode(tx, id, routes, true);
  if (node.parentId === null) throw new AppError('RESOURCE_PARENT_INVALID');
  // The siblings in their shown order, renumbered so that equal orders (seeded API nodes) swap cleanly.
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM resources WHERE parent_id = $1 ORDER BY sort_order, code FOR UPDATE', [node.parentId],
  );
  const ids = rows.map((r) => r.id);
  const at = ids.indexOf(id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (to >= 0 && to < ids.length) {
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    await tx.query(
      'UPDATE resources r SET sort_order = t.n * 10, updated_at = $2 FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n) WHERE r.id = t.id',
      [ids, now],
    );
    await appendEvent(tx, { type: 'access.resource_moved', actor: who(actor), occurredAt: now, payload: { resourceId: id, direction } });
    await bumpAccessVersion(tx);
  }
  return findNode(tx, id, routes);
}

/** Deletes a node an administrator added, once it has no children: declared nodes stay (RESOURCE_BUILTIN). */
export async function deleteResourceCommand(tx: Tx, actor: Actor, now: Date, routes: RouteDuties, id: string): Promise<void> {
  const node = await findNode(tx, id, routes, true);
  if (node.builtin) throw new AppError('RESOURCE_BUILTIN', { code: node.code });
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM resources WHERE parent_id = $1', [id]);
  if (rows[0]!.n > 0) throw new AppError('RESOURCE_HAS_CHILDREN', { children: rows[0]!.n });
  await tx.query('DELETE FROM resources WHERE id = $1', [id]);
  await appendEvent(tx, { type: 'access.resource_deleted', actor: who(actor), occurredAt: now, payload: { resourceId: id, code: node.code } });
  await bumpAccessVersion(tx);
}

/**
 * 权限管理: the roles bound to a node become exactly these (codes):
 * `access.bindings_changed` with the roles added and removed. A separated
 * duty's route takes roles of that duty only, and keeps its built-in role.
 */
export async function bindRolesCommand(tx: Tx, actor: Actor, now: Date, routes: RouteDuties, id: string, codes: readonly string[]) {
  const node = await findNode(tx, id, routes, true);
  const wanted = [...new Set(codes)];
  const { rows: roles } = await tx.query<{ id: string; code: string; base: Role }>('SELECT id, code, base FROM roles WHERE code = ANY($1::text[])', [wanted]);
  const unknown = wanted.filter((c) => !roles.some((r) => r.code === c));
  if (unknown.length) throw new AppError('ROLE_NOT_FOUND', { codes: unknown });
  if (node.duty) {
    const others = roles.filter((r) => r.base !== node.duty).map((r) => r.code);
    if (others.length || !wanted.includes(node.duty)) throw new AppError('RESOURCE_LOCKED', { duty: node.duty, roles: others });
  }
  const added = wanted.filter((c) => !node.roles.includes(c));
  const removed = node.roles.filter((c) => !wanted.includes(c));
  if (added.length === 0 && removed.length === 0) return node;
  await tx.query('DELETE FROM role_resources rr USING roles r WHERE rr.resource_id = $1 AND r.id = rr.role_id AND r.code = ANY($2::text[])', [id, removed]);
  await tx.query('INSERT INTO role_resources (role_id, resource_id) SELECT id, $1 FROM roles WHERE code = ANY($2::text[]) ON CONFLICT DO NOTHING', [id, added]);
  await appendEvent(tx, { type: 'access.bindings_changed', actor: who(actor), occurredAt: now, payload: { resourceId: id, code: node.code, added, removed } });
  await bumpAccessVersion(tx);
  return findNode(tx, id, routes);
}

async function resourceSaved(tx: Tx, actor: Actor, now: Date, node: Omit<ResourceNode, 'children'>, created: boolean, fields: string[]): Promise<void> {
  await appendEvent(tx, {
    type: 'access.resource_saved', actor: who(actor), occurredAt: now,
    payload: { resourceId: node.id, code: node.code, kind: node.kind, created, changed: fields.filter((f) => f !== 'roles'), enabled: node.enabled, parentId: node.parentId },
  });
  await bumpAccessVersion(tx);
}

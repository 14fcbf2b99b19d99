import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestsTo, type TestApp } from '../../../test/app.ts';

// 角色管理, 资源管理 and 权限管理 (issue 14): role records given to people,
// the tree edited node by node, routes bound to roles; every change is
// effective at the next request, recorded as an event and in the audit log.
let t: TestApp;
let admin: string;
let secadmin: string;
let centerId: string;
const { get, post, put, del } = requestsTo(() => t.app);
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  secadmin = await login(t.app, 'secadmin');
  centerId = (await get('/api/admin/org', admin)).json().centers[0].id;
});
afterAll(() => t.close());

interface Node { id: string; code: string; kind: string; enabled: boolean; roles: string[]; children: Node[]; duty: string | null; guarded: boolean }
const tree = async (): Promise<Node> => (await get('/api/admin/resources', admin)).json();
const find = (n: Node, code: string): Node | undefined => (n.code === code ? n : n.children.map((c) => find(c, code)).find(Boolean));
const node = async (code: string): Promise<Node> => find(await tree(), code)!;
const events = async (type: string) => (await t.ctx.db.query(`SELECT payload FROM events WHERE type = $1 ORDER BY pos`, [type])).rows.map((r) => r.payload);

describe('roles and who holds them', () => {
  let roleId: string;
  let lead: string;

  it('creates a role built on a duty and gives it to a new staff member', async () => {
    const made = await post('/api/admin/roles', secadmin, { code: 'hall_lead', name: '大厅值班长', description: '现场调度', base: 'manager', sortOrder: 35 });
    expect(made.statusCode, made.body).toBe(201);
    roleId = made.json().id;
    expect(made.json()).toMatchObject({ builtin: false, enabled: true, people: 0, base: 'manager' });
    const staff = await post('/api/admin/staff', admin, {
      username: 'hall_lead_1', initialPassword: 'Hall-lead-pass-2026!', displayName: '值班长', role: 'manager', roleCode: 'hall_lead', centerId, departmentId: null, windowId: null, phone: null,
    });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json().roleCode).toBe('hall_lead');
    lead = await login(t.app, 'hall_lead_1', 'Hall-lead-pass-2026!');
    expect((await get('/api/admin/roles', admin)).json().items.find((r: { code: string }) => r.code === 'hall_lead').people).toBe(1);
    expect((await post('/api/admin/roles', secadmin, { code: 'hall_lead', name: '重复', base: 'clerk' })).json().code).toBe('ROLE_CODE_TAKEN');
    expect((await post('/api/admin/staff', admin, {
      username: 'hall_lead_2', initialPassword: 'Hall-lead-pass-2026!', displayName: '错配', role: 'clerk', roleCode: 'hall_lead', centerId, departmentId: null, windowId: null, phone: null,
    })).json().code).toBe('STAFF_ROLE_INVALID');
  });

  it('lets the role call a route once bound to it, and refuses it once unbound', async () => {
    // Built on the manager's duty, but bound to nothing yet: the gate reads the bindings of the record.
    expect((await get('/api/staff/workload', lead)).json().code).toBe('FORBIDDEN');
    const workload = await node('GET /api/staff/workload');
    expect(workload.guarded).toBe(true);
    const bound = await put(`/api/admin/permissions/${workload.id}`, secadmin, { roles: [...workload.roles, 'hall_lead'] });
    expect(bound.statusCode, bound.body).toBe(200);
    expect((await get('/api/staff/workload', lead)).statusCode).toBe(200);
    expect(await events('access.bindings_changed')).toContainEqual(expect.objectContaining({ code: 'GET /api/staff/workload', added: ['hall_lead'], removed: [] }));
    await put(`/api/admin/permissions/${workload.id}`, secadmin, { roles: workload.roles });
    expect((await get('/api/staff/workload', lead)).json().code).toBe('FORBIDDEN');
  });

  it('shows a page in the menus of the roles bound to it only', async () => {
    expect((await get('/api/auth/pages', lead)).json().hidden).toContain('/workbench/handover');
    const page = await node('/workbench/handover');
    await put(`/api/admin/permissions/${page.id}`, secadmin, { roles: [...page.roles, 'hall_lead'] });
    expect((await get('/api/auth/pages', lead)).json().hidden).not.toContain('/workbench/handover');
  });

  it('refuses to delete a role people hold or a built-in one, and to disable a built-in one', async () => {
    expect((await del(`/api/admin/roles/${roleId}`, secadmin)).json().code).toBe('ROLE_IN_USE');
    const builtin = (await get('/api/admin/roles', admin)).json().items.find((r: { code: string }) => r.code === 'clerk');
    expect((await del(`/api/admin/roles/${builtin.id}`, secadmin)).json().code).toBe('ROLE_BUILTIN');
    expect((await put(`/api/admin/roles/${builtin.id}`, secadmin, { name: builtin.name, enabled: false })).json().code).toBe('ROLE_BUILTIN');
  });

  it('disables a role: its people are refused what it was bound to', async () => {
    const page = await node('/workbench/handover');
    expect((await put(`/api/admin/roles/${roleId}`, secadmin, { name: '大厅值班长', enabled: false })).json().enabled).toBe(false);
    expect((await get('/api/auth/pages', lead)).json().hidden).toContain(page.code);
    await put(`/api/admin/roles/${roleId}`, secadmin, { name: '大厅值班长', enabled: true });
  });

  it('deletes a role nobody holds', async () => {
    const spare = (await post('/api/admin/roles', secadmin, { code: 'spare_role', name: '备用', base: 'clerk' })).json();
    expect((await del(`/api/admin/roles/${spare.id}`, secadmin)).statusCode).toBe(204);
    expect(await events('access.role_deleted')).toContainEqual({ roleId: spare.id, code: 'spare_role' });
  });
});

describe('a role copied from another (复制权限)', () => {
  it('starts bound to everything the role of the same duty is bound to, and refuses another duty’s with nothing written', async () => {
    const bound = (n: Node, code: string): string[] => [...(n.roles.includes(code) ? [n.code] : []), ...n.children.flatMap((c) => bound(c, code))];
    const made = await post('/api/admin/roles', secadmin, { code: 'station_clerk', name: '乡镇代办员', base: 'clerk', copyFrom: 'clerk' });
    expect(made.statusCode, made.body).toBe(201);
    const all = await tree();
    expect(bound(all, 'clerk').length).toBeGreaterThan(10);
    expect(bound(all, 'station_clerk')).toEqual(bound(all, 'clerk'));
    const saved = (await events('access.role_saved')).find((p) => p.code === 'station_clerk');
    expect(saved).toMatchObject({ created: true, changed: ['bindings'] });

    const wrong = await post('/api/admin/roles', secadmin, { code: 'odd_clerk', name: '错配', base: 'clerk', copyFrom: 'approver' });
    expect(wrong.json().code).toBe('ROLE_COPY_DUTY_MISMATCH');
    expect((await post('/api/admin/roles', secadmin, { code: 'odd_clerk', name: '错配', base: 'clerk', copyFrom: 'no_such_role' })).json().code).toBe('ROLE_NOT_FOUND');
    expect((await get('/api/admin/roles', secadmin)).json().items.map((r: { code: string }) => r.code)).not.toContain('odd_clerk');
  });
});

describe('the resource tree', () => {
  it('adds, renames, moves up and down and deletes a child node', async () => {
    const shell = await node('/admin');
    const a = (await post('/api/admin/resources', admin, { parentId: shell.id, kind: 'menu', code: 'reports', name: '报表' })).json();
    const b = (await post('/api/admin/resources', admin, { parentId: shell.id, kind: 'page', code: '/admin/reports', name: '月报' })).json();
    const order = async () => (await node('/admin')).children.map((c) => c.code).slice(-2);
    expect(await order()).toEqual(['reports', '/admin/reports']);
    expect((await post(`/api/admin/resources/${b.id}/move`, admin, { direction: 'up' })).statusCode).toBe(200);
    expect(await order()).toEqual(['/admin/reports', 'reports']);
    await post(`/api/admin/resources/${b.id}/move`, admin, { direction: 'down' });
    expect(await order()).toEqual(['reports', '/admin/reports']);
    // 修改属性: a new name, and the page moved under the new menu.
    const renamed = await put(`/api/admin/resources/${b.id}`, admin, { name: '月度报表', enabled: true, parentId: a.id });
    expect(renamed.json()).toMatchObject({ name: '月度报表', parentId: a.id });
    expect((await del(`/api/admin/resources/${a.id}`, admin)).json().code).toBe('RESOURCE_HAS_CHILDREN');
    expect((await put(`/api/admin/resources/${a.id}`, admin, { name: '报表', enabled: true, parentId: b.id })).json().code).toBe('RESOURCE_PARENT_CYCLE');
    expect((await del(`/api/admin/resources/${b.id}`, admin)).statusCode).toBe(204);
    expect((await del(`/api/admin/resources/${a.id}`, admin)).statusCode).toBe(204);
    expect((await del(`/api/admin/resources/${shell.id}`, admin)).json().code).toBe('RESOURCE_BUILTIN');
    expect((await events('access.resource_saved')).length).toBeGreaterThanOrEqual(3);
    expect(await events('access.resource_moved')).toHaveLength(2);
  });

  it('disables a page: gone from the menus and its routes answer RESOURCE_DISABLED, until enabled again', async () => {
    const page = await node('/workbench/handover');
    const off = await put(`/api/admin/resources/${page.id}`, admin, { name: '工作交接', enabled: false, parentId: (await node('/workbench')).id });
    expect(off.statusCode, off.body).toBe(200);
    expect((await get('/api/staff/workload', admin)).json().code).toBe('RESOURCE_DISABLED');
    expect((await get('/api/auth/pages', admin)).json().hidden).toContain('/workbench/handover');
    await put(`/api/admin/resources/${page.id}`, admin, { name: '工作交接', enabled: true, parentId: (await node('/workbench')).id });
    expect((await get('/api/staff/workload', admin)).statusCode).toBe(200);
  });

  it('keeps the duties apart (三员分立): the administration of access and the audit log cannot be disabled or handed to another duty', async () => {
    const roles = await node('/admin/roles');
    const shell = await node('/admin');
    expect((await put(`/api/admin/resources/${roles.id}`, admin, { name: '角色管理', enabled: false, parentId: shell.id })).json().code).toBe('RESOURCE_LOCKED');
    const root = await tree();
    expect((await put(`/api/admin/resources/${shell.id}`, admin, { name: '后台管理', enabled: false, parentId: root.id })).json().code).toBe('RESOURCE_LOCKED');
    const log = await node('GET /api/audit/log');
    expect(log.duty).toBe('audit_admin');
    expect((await put(`/api/admin/permissions/${log.id}`, secadmin, { roles: ['audit_admin', 'admin'] })).json().code).toBe('RESOURCE_LOCKED');
    expect((await put(`/api/admin/permissions/${log.id}`, secadmin, { roles: [] })).json().code).toBe('RESOURCE_LOCKED');
    expect((await get('/api/audit/log', admin)).json().code).toBe('FORBIDDEN');
    // Roles and their bindings are the security administrator's: the system administrator reads them, changes none.
    const handover = await node('/workbench/handover');
    expect((await post('/api/admin/roles', admin, { code: 'by_admin', name: '系统管理员建的', base: 'clerk' })).json().code).toBe('FORBIDDEN');
    expect((await put(`/api/admin/permissions/${handover.id}`, admin, { roles: ['admin'] })).json().code).toBe('FORBIDDEN');
    const write = await node('POST /api/admin/roles');
    expect(write.duty).toBe('security_admin');
    expect((await put(`/api/admin/permissions/${write.id}`, secadmin, { roles: ['security_admin', 'admin'] })).json().code).toBe('RESOURCE_LOCKED');
    // …and the security administrator changes neither the tree nor the organisation.
    expect((await put(`/api/admin/resources/${handover.id}`, secadmin, { name: '工作交接', enabled: false, parentId: (await node('/workbench')).id })).json().code).toBe('FORBIDDEN');
    expect((await get('/api/admin/staff', secadmin)).json().code).toBe('FORBIDDEN');
  });

  it('records every change in the audit log', async () => {
    const auditor = await login(t.app, 'auditor');
    const log = (await get('/api/audit/log?action=role.&limit=50', auditor)).json().items as { action: string; result: string }[];
    expect(log.map((r) => r.action)).toEqual(expect.arrayContaining(['role.created', 'role.changed', 'role.deleted']));
    const perms = (await get('/api/audit/log?action=permission.changed&limit=50', auditor)).json().items as { result: string }[];
    expect(perms.map((r) => r.result)).toEqual(expect.arrayContaining(['ok', 'RESOURCE_LOCKED']));
  });
});

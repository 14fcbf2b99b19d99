import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestsTo, type TestApp } from '../../../test/app.ts';
import { factories, type Department } from '../../../test/factories.ts';
import { accountsWithRoles } from './index.ts';

// Roles matched to people and departments (角色管理, issue 14): a person holds
// roles beside their main one and a session acts in one at a time; a role
// matched to departments is held only by their people; 三员分立 keeps the
// three administrators' duties apart.
let t: TestApp;
let admin: string;
let secadmin: string;
let centerId: string;
let scjg: Department;
let wjw: Department;
const { get, post, put, del } = requestsTo(() => t.app);
const make = factories(() => t);
const PASSWORD = 'Dual-role-pass-2026!';

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  secadmin = await login(t.app, 'secadmin');
  centerId = (await get('/api/admin/org', admin)).json().centers[0].id;
  [scjg, wjw] = [await make.department('兼任测试甲局'), await make.department('兼任测试乙委')];
});
afterAll(() => t.close());

const staffBody = (username: string, more: Record<string, unknown> = {}) => ({
  username, initialPassword: PASSWORD, displayName: `测试${username}`, role: 'clerk', centerId, departmentId: null, windowId: null, phone: null, ...more,
});
const events = async (type: string) => (await t.ctx.db.query('SELECT payload FROM events WHERE type = $1 ORDER BY pos', [type])).rows.map((r) => r.payload);
const roleId = async (code: string): Promise<string> =>
  (await get('/api/admin/roles', secadmin)).json().items.find((r: { code: string }) => r.code === code).id;

describe('several roles per person, one per session', () => {
  let personId: string;
  let first: string;
  let second: string;

  it('gives a clerk the supervisor role beside the main one', async () => {
    const made = await post('/api/admin/staff', admin, staffBody('dual_one', { extraRoleCodes: ['supervisor', 'supervisor', 'clerk'] }));
    expect(made.statusCode, made.body).toBe(201);
    personId = made.json().id;
    // The main role and repeats are not stored beside it.
    expect(made.json().extraRoleCodes).toEqual(['supervisor']);
    first = await login(t.app, 'dual_one', PASSWORD);
    second = await login(t.app, 'dual_one', PASSWORD);
    const me = (await get('/api/auth/me', first)).json().user;
    expect(me).toMatchObject({ role: 'clerk', roleCode: 'clerk' });
    expect(me.roles.map((r: { code: string; main: boolean }) => [r.code, r.main])).toEqual([['clerk', true], ['supervisor', false]]);
  });

  it('acts in the switched role in that session only', async () => {
    expect((await get('/api/supervision/events', first)).json().code).toBe('FORBIDDEN');
    const switched = await put('/api/auth/role', first, { code: 'supervisor' });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json().user).toMatchObject({ role: 'supervisor', roleCode: 'supervisor' });
    expect((await get('/api/supervision/events', first)).statusCode).toBe(200);
    expect((await get('/api/auth/me', first)).json().user.role).toBe('supervisor');
    // The other device keeps the main role.
    expect((await get('/api/auth/me', second)).json().user.role).toBe('clerk');
    expect((await get('/api/supervision/events', second)).json().code).toBe('FORBIDDEN');
    expect(await events('session.role_switched')).toContainEqual(expect.objectContaining({ userId: personId, from: 'clerk', to: 'supervisor', duty: 'supervisor' }));
  });

  it('refuses a role the person does not hold', async () => {
    expect((await put('/api/auth/role', first, { code: 'admin' })).json().code).toBe('ROLE_NOT_HELD');
    expect((await put('/api/auth/role', first, { code: 'no_such_role' })).json().code).toBe('ROLE_NOT_HELD');
    expect((await put('/api/auth/role', first, { code: 'clerk' })).json().user.role).toBe('clerk');
    expect((await put('/api/auth/role', await login(t.app, 'citizen'), { code: 'clerk' })).json().code).toBe('ROLE_NOT_HELD');
  });

  it('reaches a person by a role they hold beside their main one', async () => {
    expect(await accountsWithRoles(t.ctx.db, ['supervisor'])).toContain(personId);
    expect(await accountsWithRoles(t.ctx.db, ['approver'])).not.toContain(personId);
  });

  it('falls back to the main role when the acted-in role is taken away', async () => {
    await put('/api/auth/role', first, { code: 'supervisor' });
    const staff = (await get('/api/admin/staff', admin)).json().items.find((s: { id: string }) => s.id === personId);
    const { id: _id, username: _u, status: _s, secondFactorEnrolled: _e, ...body } = staff;
    const changed = await put(`/api/admin/staff/${personId}`, admin, { ...body, extraRoleCodes: [] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().extraRoleCodes).toEqual([]);
    expect((await get('/api/auth/me', first)).json().user).toMatchObject({ role: 'clerk', roles: [expect.objectContaining({ code: 'clerk' })] });
    expect((await get('/api/supervision/events', first)).json().code).toBe('FORBIDDEN');
  });

  it('keeps the three administrators apart and an approver in a department', async () => {
    expect((await post('/api/admin/staff', admin, staffBody('dual_two', { extraRoleCodes: ['audit_admin'] }))).json().code).toBe('STAFF_ROLES_SEPARATED');
    expect((await post('/api/admin/staff', admin, staffBody('dual_two', { role: 'security_admin', extraRoleCodes: ['clerk'] }))).json().code).toBe('STAFF_ROLES_SEPARATED');
    expect((await post('/api/admin/staff', admin, staffBody('dual_two', { extraRoleCodes: ['approver'] }))).json().code).toBe('STAFF_ROLE_INVALID');
    expect((await post('/api/admin/staff', admin, staffBody('dual_two', { extraRoleCodes: ['applicant'] }))).json().code).toBe('STAFF_ROLE_INVALID');
    expect((await post('/api/admin/staff', admin, staffBody('dual_two', { extraRoleCodes: ['gone_role'] }))).json().code).toBe('ROLE_NOT_FOUND');
    // Nothing was written by the refused requests.
    expect((await get('/api/admin/staff', admin)).json().items.some((s: { username: string }) => s.username === 'dual_two')).toBe(false);
    const ok = await post('/api/admin/staff', admin, staffBody('dual_two', { departmentId: scjg.id, extraRoleCodes: ['approver'] }));
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('roles matched to departments, and people matched to a role', () => {
  let reviewer: string;
  let inScjg: string;
  let inWjw: string;

  it('gives a department-matched role only to that department’s people', async () => {
    const made = await post('/api/admin/roles', secadmin, { code: 'food_reviewer', name: '食品审查员', base: 'approver', departmentIds: [scjg.id], copyFrom: 'approver' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().departmentIds).toEqual([scjg.id]);
    reviewer = made.json().id;
    const wrong = await post('/api/admin/staff', admin, staffBody('food_wjw', { role: 'approver', roleCode: 'food_reviewer', departmentId: wjw.id }));
    expect(wrong.json().code).toBe('ROLE_DEPARTMENT_MISMATCH');
    const right = await post('/api/admin/staff', admin, staffBody('food_scjg', { role: 'approver', roleCode: 'food_reviewer', departmentId: scjg.id }));
    expect(right.statusCode, right.body).toBe(201);
    inScjg = right.json().id;
    inWjw = (await post('/api/admin/staff', admin, staffBody('clerk_wjw', { departmentId: wjw.id }))).json().id;
    // Its holders keep it matched: moving the match elsewhere is refused while one of them works in 甲局.
    const moved = await put(`/api/admin/roles/${reviewer}`, secadmin, { name: '食品审查员', departmentIds: [wjw.id] });
    expect(moved.json()).toMatchObject({ code: 'ROLE_DEPARTMENT_MISMATCH', details: { people: 1 } });
    expect((await get('/api/admin/roles', secadmin)).json().items.find((r: { id: string }) => r.id === reviewer).departmentIds).toEqual([scjg.id]);
  });

  it('lists every staff member with how they hold a role, and sets who holds it beside their main role', async () => {
    const supervisorRole = await roleId('supervisor');
    const people = (await get(`/api/admin/roles/${supervisorRole}/people`, secadmin)).json().items as { id: string; username: string; holds: string | null }[];
    expect(people.find((p) => p.username === 'supervisor')?.holds).toBe('main');
    expect(people.find((p) => p.id === inWjw)?.holds).toBeNull();
    const set = await put(`/api/admin/roles/${supervisorRole}/people`, secadmin, { userIds: [inWjw] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items.find((p: { id: string }) => p.id === inWjw).holds).toBe('extra');
    expect(await events('access.role_holders_set')).toContainEqual({ code: 'supervisor', added: [inWjw], removed: [] });
    // The system administrator does not decide who holds a role beside their own (三员分立).
    expect((await put(`/api/admin/roles/${supervisorRole}/people`, admin, { userIds: [] })).json().code).toBe('FORBIDDEN');
    // A person of 乙委 cannot be matched to 甲局's role; nothing of the refused change stays.
    const refused = await put(`/api/admin/roles/${reviewer}/people`, secadmin, { userIds: [inWjw, inScjg] });
    expect(refused.json().code).toBe('ROLE_DEPARTMENT_MISMATCH');
    expect((await get(`/api/admin/roles/${reviewer}/people`, secadmin)).json().items.find((p: { id: string }) => p.id === inWjw).holds).toBeNull();
    expect((await get('/api/admin/roles', secadmin)).json().items.find((r: { code: string }) => r.code === 'supervisor').people).toBeGreaterThanOrEqual(2);
  });

  it('keeps a role that someone holds beside their main one', async () => {
    const made = await post('/api/admin/roles', secadmin, { code: 'night_supervisor', name: '夜间监察', base: 'supervisor' });
    await put(`/api/admin/roles/${made.json().id}/people`, secadmin, { userIds: [inWjw] });
    expect((await del(`/api/admin/roles/${made.json().id}`, secadmin)).json().code).toBe('ROLE_IN_USE');
    await put(`/api/admin/roles/${made.json().id}/people`, secadmin, { userIds: [] });
    expect((await del(`/api/admin/roles/${made.json().id}`, secadmin)).statusCode).toBe(204);
  });
});

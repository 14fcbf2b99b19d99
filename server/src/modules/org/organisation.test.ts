import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationFor, createTestApp, login, requestsTo, submitCase, type TestApp } from '../../../test/app.ts';
import { creditCodeCheckChar } from '../../../../shared/identity.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { setStaffActive } from '../iam/index.ts';

// 组织机构 and 人员管理 (issue #14): three levels of centers, departments, windows,
// staff placed in them, deactivation through the handover, and the data scope of the case lists.
let t: TestApp;
let admin: string;
const { get, post, put } = requestsTo(() => t.app);
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

interface Center { id: string; code: string; name: string; level: string; parentId: string | null; phone: string | null; address: string | null; sortOrder: number }
const tree = async () => (await get('/api/admin/org', admin)).json() as { centers: Center[]; departments: { id: string; code: string; centerId: string }[]; windows: { id: string; code: string; itemIds: string[] }[] };
const center = (code: string, level: string, parentId: string | null) => ({ code, name: `${code} 中心`, level, parentId, phone: null, address: null, sortOrder: 0 });
const body = ({ id: _id, ...c }: Center) => c;
const eventsOf = async (type: string) => (await t.ctx.db.query(`SELECT payload, actor_id FROM events WHERE type = $1 ORDER BY pos`, [type])).rows;
const creditCode = (n: number) => { const b = `91330106MA28XL${String(n).padStart(3, '0')}`; return b + creditCodeCheckChar(b); };

/** The demo county, a city above it, a township station below it; the county's 市场监管 department and one of its items. */
let county: Center;
let city: Center;
let station: Center;
let scjgId: string;
let itemId: string;

describe('the center tree (三级部署)', () => {
  it('puts the demo county under a new city and a station under the county; every save is an event', async () => {
    county = (await tree()).centers[0]!;
    expect(county.level).toBe('county');
    const made = await post('/api/admin/org/centers', admin, center('CITY', 'city', null));
    expect(made.statusCode, made.body).toBe(201);
    city = made.json();
    const moved = await put(`/api/admin/org/centers/${county.id}`, admin, { ...body(county), parentId: city.id });
    expect(moved.statusCode, moved.body).toBe(200);
    county = moved.json();
    const st = await post('/api/admin/org/centers', admin, center('CGZ', 'township', county.id));
    expect(st.statusCode, st.body).toBe(201);
    station = st.json();
    expect((await tree()).centers.map((c) => [c.code, c.level, c.parentId])).toEqual(expect.arrayContaining([
      ['CITY', 'city', null], [county.code, 'county', city.id], ['CGZ', 'township', county.id],
    ]));
    const saved = await eventsOf('org.center_saved');
    expect(saved.map((e) => [e.payload.created, e.payload.changed])).toEqual([[true, []], [false, ['parentId']], [true, []]]);
  });

  it('refuses a wrong level, a cycle and a taken code, changing nothing', async () => {
    const before = await tree();
    // A township directly under a city skips the county level.
    expect((await post('/api/admin/org/centers', admin, center('XZ1', 'township', city.id))).json().code).toBe('CENTER_LEVEL_INVALID');
    // A county whose stations are townships cannot itself become a city.
    expect((await put(`/api/admin/org/centers/${county.id}`, admin, { ...body(county), level: 'city', parentId: null })).json().code).toBe('CENTER_LEVEL_INVALID');
    // The city under its own station: a cycle.
    expect((await put(`/api/admin/org/centers/${city.id}`, admin, { ...body(city), level: 'township', parentId: station.id })).json().code).toBe('CENTER_PARENT_CYCLE');
    expect((await post('/api/admin/org/centers', admin, center('CGZ', 'township', county.id))).json().code).toBe('CENTER_CODE_TAKEN');
    expect((await put(`/api/admin/org/centers/00000000-0000-4000-8000-000000000000`, admin, center('NONE', 'city', null))).json().code).toBe('CENTER_NOT_FOUND');
    expect((await post('/api/admin/org/centers', admin, { ...center('bad code', 'city', null) })).json().code).toBe('VALIDATION_FAILED');
    expect(await tree()).toEqual(before);
  });
});

describe('departments and windows', () => {
  it('keeps a sub-unit in its department’s center and never under itself', async () => {
    const org = await tree();
    scjgId = org.departments.find((d) => d.code === 'SCJG')!.id;
    const unit = await post('/api/admin/org/departments', admin, { centerId: county.id, code: 'SCJGSP', name: '食品经营许可科', parentId: scjgId, sortOrder: 1, enabled: true });
    expect(unit.statusCode, unit.body).toBe(201);
    const scjg = { centerId: county.id, code: 'SCJG', name: '市场监督管理局', parentId: null, sortOrder: 0, enabled: true };
    expect((await put(`/api/admin/org/departments/${scjgId}`, admin, { ...scjg, parentId: unit.json().id })).json().code).toBe('DEPARTMENT_PARENT_INVALID');
    // A station's office cannot hang under a county bureau.
    expect((await post('/api/admin/org/departments', admin, { ...scjg, centerId: station.id, code: 'CGSW', parentId: scjgId })).json().code).toBe('DEPARTMENT_PARENT_INVALID');
    expect((await post('/api/admin/org/departments', admin, { ...scjg, code: 'SWJ' })).json().code).toBe('DEPARTMENT_CODE_TAKEN');
    expect((await put(`/api/admin/org/departments/${scjgId}`, admin, scjg)).statusCode).toBe(200);
  });

  it('lets a station’s window take in a county item (代收代办), but not a city window, nor a county department at the station', async () => {
    const items = (await get('/api/items')).json() as { id: string; code: string }[];
    itemId = items.find((i) => i.code === 'SCJG-XK-001')!.id;
    const win = { centerId: station.id, code: 'CG-01', name: '城关镇综合窗口', departmentId: null, hallPosition: '便民服务中心一楼', phone: null, itemIds: [itemId], enabled: true };
    const made = await post('/api/admin/org/windows', admin, win);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().itemIds).toEqual([itemId]);
    expect((await post('/api/admin/org/windows', admin, { ...win, centerId: city.id, code: 'SJ-01' })).json().code).toBe('WINDOW_ITEM_INVALID');
    expect((await post('/api/admin/org/windows', admin, { ...win, code: 'CG-02', departmentId: scjgId })).json().code).toBe('WINDOW_DEPARTMENT_INVALID');
    expect((await post('/api/admin/org/windows', admin, { ...win, name: '重复' })).json().code).toBe('WINDOW_CODE_TAKEN');
    expect((await tree()).windows.filter((w) => w.code === 'CG-01')).toHaveLength(1);
    expect((await eventsOf('org.window_saved')).map((e) => e.payload.items)).toEqual([1]);
  });
});

describe('staff', () => {
  let stationWindowId: string;
  let stationClerk: { id: string };
  const clerkBody = () => ({ displayName: '城关窗口', role: 'clerk', centerId: station.id, departmentId: null, windowId: stationWindowId, phone: '13905710999' });

  it('creates a station clerk who signs in; a misplaced, unfit or weak account is refused', async () => {
    stationWindowId = (await tree()).windows.find((w) => w.code === 'CG-01')!.id;
    const res = await post('/api/admin/staff', admin, { ...clerkBody(), username: 'clerk_cgz', initialPassword: 'Chengguan-window-2026' });
    expect(res.statusCode, res.body).toBe(201);
    stationClerk = res.json();
    expect(res.json()).toMatchObject({ username: 'clerk_cgz', role: 'clerk', centerId: station.id, windowId: stationWindowId, status: 'active' });
    expect((await login(t.app, 'clerk_cgz', 'Chengguan-window-2026')).length).toBeGreaterThan(0);
    const more = { username: 'clerk_cgz2', initialPassword: 'Chengguan-window-2026' };
    // The county's window W01 is not the station's.
    const w01 = (await tree()).windows.find((w) => w.code === 'W01')!.id;
    expect((await post('/api/admin/staff', admin, { ...clerkBody(), ...more, windowId: w01 })).json().code).toBe('STAFF_PLACEMENT_INVALID');
    expect((await post('/api/admin/staff', admin, { ...clerkBody(), ...more, role: 'approver' })).json().code).toBe('STAFF_ROLE_INVALID');
    expect((await post('/api/admin/staff', admin, { ...clerkBody(), ...more, initialPassword: 'short-one' })).json().code).toBe('PASSWORD_TOO_SHORT');
    expect((await post('/api/admin/staff', admin, { ...clerkBody(), ...more, username: 'CLERK' })).json().code).toBe('USERNAME_UNAVAILABLE');
    expect((await post('/api/admin/staff', admin, { ...clerkBody(), ...more, role: 'applicant' })).json().code).toBe('VALIDATION_FAILED');
    expect((await t.ctx.db.query(`SELECT 1 FROM users WHERE username = 'clerk_cgz2'`)).rowCount).toBe(0);
    const created = await eventsOf('staff.created');
    expect(created.map((e) => e.payload.username)).toEqual(['clerk_cgz']);
    expect(JSON.stringify(created)).not.toContain('13905710999');
  });

  it('changes a person’s placement, but never the administrator’s own role', async () => {
    const changed = await put(`/api/admin/staff/${stationClerk.id}`, admin, { ...clerkBody(), displayName: '城关窗口（甲）' });
    expect(changed.json().displayName).toBe('城关窗口（甲）');
    expect((await eventsOf('staff.updated')).at(-1)!.payload.changed).toEqual(['displayName']);
    const me = (await get('/api/auth/me', admin)).json().user;
    const own = { displayName: me.displayName, role: 'manager', centerId: county.id, departmentId: null, windowId: null, phone: null };
    expect((await put(`/api/admin/staff/${me.id}`, admin, own)).json().code).toBe('STAFF_OWN_ACCOUNT');
    expect((await post(`/api/admin/staff/${me.id}/deactivate`, admin)).json().code).toBe('STAFF_OWN_ACCOUNT');
    expect((await put(`/api/admin/staff/${me.id}`, admin, { ...own, role: 'admin', displayName: '管理员' })).statusCode).toBe(200);
  });

  it('keeps the last active administrator', async () => {
    const me = (await get('/api/auth/me', admin)).json().user;
    const manager = { id: 'manager', username: 'manager', displayName: '周主任', role: 'manager' as const, roleCode: 'manager', departmentId: null, centerId: county.id };
    const refused = await withTx(t.ctx.db, (tx) => setStaffActive(tx, manager, me.id, false)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('STAFF_LAST_ADMIN');
    expect((await get('/api/auth/me', admin)).statusCode).toBe(200);
  });

  it('deactivates someone only after their open steps were handed over; the account ends its sessions and signs in no more', async () => {
    const citizen = await login(t.app, 'citizen');
    const clerk = await login(t.app, 'clerk');
    const approver = await login(t.app, 'approver');
    const c = await submitCase(t.app, citizen);
    expect((await post(`/api/cases/${c.id}/accept`, clerk)).statusCode).toBe(200);
    const task = (await t.ctx.db.query(`SELECT t.id FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE i.case_id = $1 AND t.status = 'open'`, [c.id])).rows[0]!;
    expect((await post(`/api/tasks/${task.id}/claim`, approver)).statusCode).toBe(200);
    const approverId = (await get('/api/auth/me', approver)).json().user.id as string;
    const refused = await post(`/api/admin/staff/${approverId}/deactivate`, admin);
    expect(refused.json().code).toBe('STAFF_HAS_OPEN_STEPS');
    expect(refused.json().details.openSteps).toBeGreaterThanOrEqual(1);
    const row = (await get('/api/admin/staff', admin)).json().items.find((s: { id: string }) => s.id === approverId);
    expect(row).toMatchObject({ status: 'active', openSteps: refused.json().details.openSteps });
    // 工作交接 to the agency head of the same department, then the deactivation.
    const head = (await t.ctx.db.query(`SELECT id FROM users WHERE username = 'head_scjg'`)).rows[0]!.id;
    expect((await post(`/api/users/${approverId}/handover`, admin, { to: head })).statusCode).toBe(200);
    const done = await post(`/api/admin/staff/${approverId}/deactivate`, admin);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('disabled');
    expect((await get('/api/auth/me', approver)).json().code).toBe('UNAUTHENTICATED');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'approver', password: 'Tongban@2026' } })).json().code).toBe('INVALID_CREDENTIALS');
    expect((await eventsOf('staff.deactivated')).at(-1)!.payload).toMatchObject({ userId: approverId, sessionsEnded: 1 });
    // Never deleted: reactivated, the same account signs in again.
    expect((await post(`/api/admin/staff/${approverId}/reactivate`, admin)).json().status).toBe('active');
    expect((await login(t.app, 'approver')).length).toBeGreaterThan(0);
    expect((await post('/api/admin/staff/00000000-0000-4000-8000-000000000000/deactivate', admin)).json().code).toBe('STAFF_NOT_FOUND');
  });
});

describe('data scope of the case lists', () => {
  const ids = async (cookie: string) => ((await get('/api/cases?scope=all&limit=200', cookie)).json().items as { id: string }[]).map((c) => c.id);

  it('shows a station clerk the cases taken in at the station, the county clerk those and the county’s own', async () => {
    const station = await login(t.app, 'clerk_cgz', 'Chengguan-window-2026');
    const county = await login(t.app, 'clerk');
    const online = await submitCase(t.app, await login(t.app, 'citizen'));
    const walkIn = await applicationFor(t.app, station, 'SCJG-XK-001');
    const taken = await post('/api/intake/cases', station, { ...walkIn, applicant: { kind: 'enterprise', idNumber: creditCode(1), name: '城关商贸有限公司', legalRepresentative: '钱城关' } });
    expect(taken.statusCode, taken.body).toBe(201);
    const stationSees = await ids(station);
    expect(stationSees).toContain(taken.json().id);
    expect(stationSees).not.toContain(online.id);
    const countySees = await ids(county);
    expect(countySees).toEqual(expect.arrayContaining([taken.json().id, online.id]));
    // The case belongs to the county department; the intake to the station's window.
    const row = (await t.ctx.db.query('SELECT department_id, window_id FROM cases WHERE id = $1', [taken.json().id])).rows[0]!;
    expect(row).toEqual({ department_id: scjgId, window_id: (await tree()).windows.find((w) => w.code === 'CG-01')!.id });
  });

  it('refuses intake of an item the clerk’s window does not take in, online or walk-in, until the window lists it', async () => {
    const station = await login(t.app, 'clerk_cgz', 'Chengguan-window-2026');
    const citizen = await login(t.app, 'citizen');
    const online = await submitCase(t.app, citizen, 'WJW-XK-001');
    expect((await post(`/api/cases/${online.id}/accept`, station)).json().code).toBe('ITEM_NOT_SERVED_AT_WINDOW');
    const walkIn = { ...await applicationFor(t.app, station, 'WJW-XK-001'), applicant: { kind: 'enterprise', idNumber: creditCode(2), name: '城关贸易有限公司', legalRepresentative: '孙城关' } };
    expect((await post('/api/intake/cases', station, walkIn)).json().code).toBe('ITEM_NOT_SERVED_AT_WINDOW');
    expect((await t.ctx.db.query(`SELECT status FROM cases WHERE id = $1`, [online.id])).rows[0]!.status).toBe('submitted');
    // The administrator adds the item to the station's window: both go through.
    const { id, ...win } = (await tree()).windows.find((w) => w.code === 'CG-01')!;
    const items = (await get('/api/items')).json() as { id: string; code: string }[];
    expect((await put(`/api/admin/org/windows/${id}`, admin, { ...win, itemIds: [...win.itemIds, items.find((i) => i.code === 'WJW-XK-001')!.id] })).statusCode).toBe(200);
    expect((await post(`/api/cases/${online.id}/accept`, station)).statusCode).toBe(200);
    expect((await post('/api/intake/cases', station, walkIn)).statusCode).toBe(201);
  });

  it('shows an agency head the cases of their department’s sub-units, an approver only their department’s', async () => {
    const c = await submitCase(t.app, await login(t.app, 'citizen'));
    const unitId = (await tree()).departments.find((d) => d.code === 'SCJGSP')!.id;
    // A case of the sub-unit (科室), as an item run by it would make.
    await t.ctx.db.query('UPDATE cases SET department_id = $2 WHERE id = $1', [c.id, unitId]);
    expect(await ids(await login(t.app, 'head_scjg'))).toContain(c.id);
    expect(await ids(await login(t.app, 'approver'))).not.toContain(c.id);
  });
});

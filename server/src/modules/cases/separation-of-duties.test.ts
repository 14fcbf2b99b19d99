import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

// 申请人/受理人回避 (issue 14): where the item says so, nobody handles an approval step of a case
// they applied for or accepted at the window — not by claiming or deciding it, nor by having it
// transferred, delegated, countersigned or handed over to them.
let t: TestApp;
const f = factories(() => t);
let item: Item;
let moved: { id: string; username: string };
let caseId: string;
let taskId: string;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
});
afterAll(() => t.close());

const code = (res: { json(): unknown }) => (res.json() as { code?: string }).code;
const setting = async (it: Item, separateDuties: boolean) => {
  const admin = f.as('admin');
  const draft = (await admin.post(`/api/admin/catalog/items/${it.id}/draft`)).json() as { versionId: string };
  const { content } = (await admin.get(`/api/admin/catalog/versions/${draft.versionId}`)).json() as { content: Record<string, unknown> };
  expect(content.separateDuties).toBe(!separateDuties);
  expect((await admin.put(`/api/admin/catalog/items/${it.id}/draft`, { content: { ...content, separateDuties } })).statusCode).toBe(200);
  expect((await admin.post(`/api/admin/catalog/items/${it.id}/publish`)).statusCode).toBe(200);
};

describe('the clerk who accepted a case, moved to the approving department', () => {
  it('accepts at the window, then becomes an approver of the item’s department', async () => {
    const org = (await f.as('admin').get('/api/admin/org')).json() as { centers: { id: string; parentId: string | null }[]; windows: { id: string; code: string }[] };
    const centerId = org.centers.find((c) => c.parentId === null)!.id;
    const placement = { displayName: '回避测试', centerId, phone: '13905719901' };
    const made = await f.as('admin').post('/api/admin/staff', {
      ...placement, username: 'sod_clerk', initialPassword: DEMO_PASSWORD, role: 'clerk', departmentId: null, windowId: org.windows.find((w) => w.code === 'W01')!.id,
    });
    expect(made.statusCode, made.body).toBe(201);
    moved = { id: made.json().id, username: 'sod_clerk' };
    const c = await f.submit(item);
    caseId = c.id;
    expect((await f.as(moved.username).post(`/api/cases/${caseId}/accept`)).statusCode).toBe(200);
    const row = (await t.ctx.db.query('SELECT accepted_by FROM cases WHERE id = $1', [caseId])).rows[0]!;
    expect(row.accepted_by).toBe(moved.id);
    const change = await f.as('admin').put(`/api/admin/staff/${moved.id}`, { ...placement, role: 'approver', departmentId: item.department.id, windowId: null });
    expect(change.statusCode, change.body).toBe(200);
    taskId = (await f.openTask(caseId, item.department.approver))!.id;
  });

  it('does not offer them the step, and refuses their claim and decision with SEPARATION_OF_DUTIES', async () => {
    const mine = f.as(moved.username);
    const todo = (await mine.get('/api/tasks')).json() as { items: { caseId: string }[] };
    expect(todo.items.map((i) => i.caseId)).not.toContain(caseId);
    expect(code(await mine.post(`/api/tasks/${taskId}/claim`))).toBe('SEPARATION_OF_DUTIES');
    expect(code(await mine.post(`/api/tasks/${taskId}/complete`, { outcome: 'approved', opinion: '同意' }))).toBe('SEPARATION_OF_DUTIES');
    const ops = (await mine.get(`/api/cases/${caseId}/operations`)).json() as { recused: boolean; tasks: { taskId: string; operations: string[] }[] };
    expect(ops.recused).toBe(true);
    const step = ops.tasks.find((x) => x.taskId === taskId)!;
    expect(step.operations).not.toContain('claim');
    expect(step.operations).not.toContain('complete');
    expect((await t.ctx.db.query(`SELECT status, claimed_by FROM wf_tasks WHERE id = $1`, [taskId])).rows[0]).toEqual({ status: 'open', claimed_by: null });
  });

  it('refuses to transfer, delegate, countersign or hand the step over to them, and leaves them out of the choices', async () => {
    const approver = f.as(item.department.approver);
    const ops = (await approver.get(`/api/cases/${caseId}/operations`)).json() as { recused: boolean; tasks: { taskId: string; transferTargets: string[] }[] };
    expect(ops.recused).toBe(false);
    expect(ops.tasks.find((x) => x.taskId === taskId)!.transferTargets).not.toContain(moved.id);
    expect((await approver.post(`/api/tasks/${taskId}/claim`)).statusCode).toBe(200);
    expect(code(await approver.post(`/api/tasks/${taskId}/transfer`, { to: moved.id }))).toBe('SEPARATION_OF_DUTIES');
    expect(code(await approver.post(`/api/tasks/${taskId}/delegate`, { to: moved.id }))).toBe('SEPARATION_OF_DUTIES');
    expect(code(await approver.post(`/api/tasks/${taskId}/signers`, { users: [moved.id] }))).toBe('SEPARATION_OF_DUTIES');
    const approverId = (await t.ctx.db.query(`SELECT id FROM users WHERE username = $1`, [item.department.approver])).rows[0]!.id as string;
    const targets = (await f.as('manager').get(`/api/users/${approverId}/handover-targets`)).json() as { items: { id: string }[] };
    expect(targets.items.map((p) => p.id)).not.toContain(moved.id);
    expect(code(await f.as('manager').post(`/api/users/${approverId}/handover`, { to: moved.id }))).toBe('SEPARATION_OF_DUTIES');
    expect((await t.ctx.db.query(`SELECT claimed_by, delegate FROM wf_tasks WHERE id = $1`, [taskId])).rows[0]).toEqual({ claimed_by: approverId, delegate: null });
    expect((await approver.post(`/api/tasks/${taskId}/unclaim`)).statusCode).toBe(200);
  });

  it('lets them handle it where the item does not separate duties; a step held when it is turned on shows marked, to be handed on', async () => {
    await setting(item, false);
    const mine = f.as(moved.username);
    const offered = (await mine.get('/api/tasks')).json() as { items: { id: string; recused: boolean }[] };
    expect(offered.items.find((i) => i.id === taskId)).toMatchObject({ recused: false });
    expect((await mine.post(`/api/tasks/${taskId}/claim`)).statusCode).toBe(200);

    await setting(item, true);
    const held = (await mine.get('/api/tasks')).json() as { items: { id: string; recused: boolean }[] };
    expect(held.items.find((i) => i.id === taskId)).toMatchObject({ recused: true });
    expect(code(await mine.post(`/api/tasks/${taskId}/complete`, { outcome: 'approved', opinion: '同意' }))).toBe('SEPARATION_OF_DUTIES');
    // Handing it on is allowed: to the agency head, who decides.
    const headId = (await t.ctx.db.query(`SELECT id FROM users WHERE username = $1`, [item.department.head])).rows[0]!.id as string;
    expect((await mine.post(`/api/tasks/${taskId}/transfer`, { to: headId })).statusCode).toBe(200);
    const done = await f.as(item.department.head).post(`/api/tasks/${taskId}/complete`, { outcome: 'approved', opinion: '同意' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('approved');
  });
});

describe('the applicant', () => {
  it('who later works in the approving department does not decide their own application', async () => {
    const c = await f.caseIn(item, 'accepted');
    // An applicant's account that became staff (the staff routes manage staff accounts only, so the move is made in the table).
    await t.ctx.db.query(`UPDATE users SET role = 'approver', department_id = $1 WHERE username = 'citizen'`, [item.department.id]);
    const citizen = f.as('citizen');
    expect((await citizen.get('/api/tasks')).json().items.map((i: { caseId: string }) => i.caseId)).not.toContain(c.id);
    expect(code(await citizen.post(`/api/tasks/${c.taskId}/complete`, { outcome: 'approved', opinion: '同意' }))).toBe('SEPARATION_OF_DUTIES');
    expect((await f.as(item.department.approver).post(`/api/tasks/${c.taskId}/complete`, { outcome: 'approved', opinion: '同意' })).statusCode).toBe(200);
  });
});

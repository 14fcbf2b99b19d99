import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, submitCase, type TestApp, requestsTo } from '../../../test/app.ts';

let t: TestApp;
let citizen: string;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp();
  [citizen, clerk] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk')]);
});
afterAll(() => t.close());

const { post } = requestsTo(() => t.app);
const todo = async (cookie: string) => (await t.app.inject({ url: '/api/tasks', headers: { cookie } })).json().items as { id: string; caseId: string; name: string }[];
const taskOf = async (cookie: string, caseId: string) => (await todo(cookie)).find((i) => i.caseId === caseId);

/** A joint case past the lead's pre-review (牵头预审): the three department reviews are open. */
async function jointCase() {
  const c = await submitCase(t.app, citizen, 'FGJ-LB-001');
  await post(`/api/cases/${c.id}/accept`, clerk);
  const fgj = await login(t.app, 'approver_fgj');
  const lead = ((await t.app.inject({ url: '/api/tasks', headers: { cookie: fgj } })).json().items as { id: string; caseId: string }[]).find((i) => i.caseId === c.id)!;
  await post(`/api/tasks/${lead.id}/complete`, fgj, { outcome: 'approved', opinion: '材料齐全，抄告相关部门' });
  return c;
}

describe('the process of a case', () => {
  it('shows the diagram with done and active steps and the history, names hidden from the applicant', async () => {
    const c = await jointCase();
    const zjj = await login(t.app, 'approver_zjj');
    await post(`/api/tasks/${(await taskOf(zjj, c.id))!.id}/complete`, zjj, { outcome: 'approved', opinion: '同意' });
    const staffView = (await t.app.inject({ url: `/api/cases/${c.id}/process`, headers: { cookie: zjj } })).json();
    expect(staffView.key).toBe('joint-industrial-project');
    expect(staffView.xml).toContain('<bpmn:parallelGateway id="split"');
    expect(staffView.highlight.done).toEqual(expect.arrayContaining(['start', 'split', 'zjj']));
    expect(staffView.highlight.active).toEqual(expect.arrayContaining(['sthj', 'zrzy']));
    const completed = staffView.entries.find((e: { action: string; nodeId: string }) => e.action === 'completed' && e.nodeId === 'zjj');
    expect(completed).toMatchObject({ opinion: '同意', actorName: '钱审批（住建）' });
    const applicantView = (await t.app.inject({ url: `/api/cases/${c.id}/process`, headers: { cookie: citizen } })).json();
    expect(applicantView.entries.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
    const stranger = await login(t.app, 'approver');
    expect((await t.app.inject({ url: `/api/cases/${c.id}/process`, headers: { cookie: stranger } })).json().code).toBe('CASE_NOT_FOUND');
  });

  it('returns the decision to an earlier step, and refuses what the rules forbid', async () => {
    const c = await submitCase(t.app, citizen, 'WJW-XK-002'); // 初审 → 部门会签 → 审批决定
    await post(`/api/cases/${c.id}/accept`, clerk);
    const wjw = await login(t.app, 'approver_wjw');
    const sthj = await login(t.app, 'approver_sthj');
    await post(`/api/tasks/${(await taskOf(wjw, c.id))!.id}/complete`, wjw, { outcome: 'approved', opinion: '初审通过' });
    await post(`/api/tasks/${(await taskOf(wjw, c.id))!.id}/complete`, wjw, { outcome: 'approved', opinion: '会签同意' });
    await post(`/api/tasks/${(await taskOf(sthj, c.id))!.id}/complete`, sthj, { outcome: 'approved', opinion: '会签同意' });
    const decide = (await taskOf(wjw, c.id))!;
    expect(decide.name).toBe('审批决定');
    const targets = (await t.app.inject({ url: `/api/tasks/${decide.id}/return-targets`, headers: { cookie: wjw } })).json().nodeIds;
    expect(targets).toEqual(expect.arrayContaining(['first', 'countersign']));
    expect((await post(`/api/tasks/${decide.id}/return`, wjw, { targetNodeId: 'decide', opinion: '自己' })).json().code).toBe('RETURN_TARGET_INVALID');
    expect((await post(`/api/tasks/${decide.id}/return`, wjw, { targetNodeId: 'first', opinion: '执业地址需复核' })).statusCode).toBe(200);
    expect((await taskOf(wjw, c.id))?.name).toBe('初审');
    const process = (await t.app.inject({ url: `/api/cases/${c.id}/process`, headers: { cookie: wjw } })).json();
    expect(process.highlight.returned).toContain('decide');
  });

  it('refuses a return into a branch that was already joined (the documented rule)', async () => {
    const c = await jointCase();
    for (const u of ['approver_zjj', 'approver_zrzy', 'approver_sthj']) {
      const who = await login(t.app, u);
      await post(`/api/tasks/${(await taskOf(who, c.id))!.id}/complete`, who, { outcome: 'approved', opinion: '同意' });
    }
    const fgj = await login(t.app, 'approver_fgj');
    const decide = (await taskOf(fgj, c.id))!;
    expect((await post(`/api/tasks/${decide.id}/return`, fgj, { targetNodeId: 'zjj', opinion: '复核' })).json().code).toBe('RETURN_TARGET_INVALID');
  });

  it('withdraws a completion before the next person acts, and not after', async () => {
    const c = await submitCase(t.app, citizen, 'WJW-XK-002');
    await post(`/api/cases/${c.id}/accept`, clerk);
    const wjw = await login(t.app, 'approver_wjw');
    const first = (await taskOf(wjw, c.id))!;
    await post(`/api/tasks/${first.id}/complete`, wjw, { outcome: 'approved', opinion: '初审通过' });
    expect((await post(`/api/tasks/${first.id}/withdraw`, wjw, { reason: '补充意见' })).statusCode).toBe(200);
    expect((await taskOf(wjw, c.id))?.name).toBe('初审');
    const other = await login(t.app, 'approver_sthj');
    expect((await post(`/api/tasks/${first.id}/withdraw`, other, {})).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('transfers a step to a named colleague and throttles urging', async () => {
    const c = await submitCase(t.app, citizen, 'SCJG-XK-001');
    await post(`/api/cases/${c.id}/accept`, clerk);
    const scjg = await login(t.app, 'approver');
    const task = (await taskOf(scjg, c.id))!;
    const staff = (await t.app.inject({ url: '/api/staff', headers: { cookie: scjg } })).json() as { id: string; displayName: string }[];
    const head = staff.find((s) => s.displayName.startsWith('郑局长'))!;
    expect((await post(`/api/tasks/${task.id}/transfer`, scjg, { to: '00000000-0000-4000-8000-000000000000' })).json().code).toBe('VALIDATION_FAILED');
    const manager = await login(t.app, 'manager');
    expect((await post(`/api/tasks/${task.id}/urge`, manager, { message: '请加快' })).statusCode).toBe(200);
    const again = await post(`/api/tasks/${task.id}/urge`, manager, {});
    expect(again.statusCode).toBe(429);
    expect((await post(`/api/tasks/${task.id}/transfer`, scjg, { to: head.id, reason: '局长亲自审' })).statusCode).toBe(200);
    expect(await taskOf(scjg, c.id)).toBeUndefined();
  });

  it('suspends and resumes a case’s process (manager only)', async () => {
    const c = await submitCase(t.app, citizen, 'SCJG-XK-001');
    await post(`/api/cases/${c.id}/accept`, clerk);
    const scjg = await login(t.app, 'approver');
    expect((await post(`/api/cases/${c.id}/suspend`, scjg, { reason: '涉诉' })).json().code).toBe('FORBIDDEN');
    const manager = await login(t.app, 'manager');
    expect((await post(`/api/cases/${c.id}/suspend`, manager, { reason: '涉诉暂缓' })).statusCode).toBe(200);
    const task = (await taskOf(scjg, c.id));
    if (task) expect((await post(`/api/tasks/${task.id}/complete`, scjg, { outcome: 'approved', opinion: '同意' })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await post(`/api/cases/${c.id}/resume`, manager, {})).statusCode).toBe(200);
  });
});

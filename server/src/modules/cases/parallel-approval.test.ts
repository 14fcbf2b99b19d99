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

async function decide(username: string, caseId: string, outcome: 'approved' | 'denied', opinion: string) {
  const cookie = await login(t.app, username);
  const task = (await todo(cookie)).find((i) => i.caseId === caseId);
  expect(task, `${username} has a step on the case`).toBeTruthy();
  const res = await post(`/api/tasks/${task!.id}/complete`, cookie, { outcome, opinion });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('并联审批: one acceptance, three departments at once, one reply', () => {
  it('opens the three reviews together, waits for all, then the lead decides and the case concludes', async () => {
    const c = await submitCase(t.app, citizen, 'FGJ-LB-001');
    await post(`/api/cases/${c.id}/accept`, clerk);
    const fgj = await login(t.app, 'approver_fgj');
    // The lead pre-reviews (牵头预审), then the three reviews open together.
    await decide('approver_fgj', c.id, 'approved', '材料齐全，抄告相关部门');
    expect((await todo(fgj)).some((i) => i.caseId === c.id)).toBe(false);
    await decide('approver_zjj', c.id, 'approved', '符合建设工程规划');
    await decide('approver_zrzy', c.id, 'approved', '用地手续齐全');
    // Two of three done: the lead still waits, the case still runs.
    expect((await todo(fgj)).some((i) => i.caseId === c.id)).toBe(false);
    const mid = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: citizen } })).json();
    expect(mid.status).toBe('accepted');
    expect(mid.tasks.filter((x: { status: string }) => x.status === 'done')).toHaveLength(3);
    await decide('approver_sthj', c.id, 'approved', '环评已批复');
    const done = await decide('approver_fgj', c.id, 'approved', '各部门意见一致，准予');
    expect(done.status).toBe('approved');
    const steps = done.timeline.filter((e: { type: string }) => e.type === 'task.completed').map((e: { step: string }) => e.step);
    expect(steps[0]).toBe('牵头预审');
    expect(steps.slice(1, 4).sort()).toEqual(['住建局审查', '生态环境局审查', '自然资源局审查'].sort());
    expect(steps[4]).toBe('联审决定');
  });

  it('lets each department see the joint case and nothing of another department’s step', async () => {
    const c = await submitCase(t.app, citizen, 'FGJ-LB-001');
    await post(`/api/cases/${c.id}/accept`, clerk);
    await decide('approver_fgj', c.id, 'approved', '抄告相关部门');
    const zjj = await login(t.app, 'approver_zjj');
    expect((await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: zjj } })).statusCode).toBe(200);
    const zrzyTask = (await todo(await login(t.app, 'approver_zrzy'))).find((i) => i.caseId === c.id)!;
    expect((await post(`/api/tasks/${zrzyTask.id}/complete`, zjj, { outcome: 'approved', opinion: '越权' })).json().code).toBe('TASK_NOT_FOUND');
    const scjg = await login(t.app, 'approver');
    expect((await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: scjg } })).json().code).toBe('CASE_NOT_FOUND');
  });
});

describe('会签: every department signs before the decision', () => {
  it('needs both signatures, then the decision concludes the case with its outcome', async () => {
    const c = await submitCase(t.app, citizen, 'WJW-XK-002');
    await post(`/api/cases/${c.id}/accept`, clerk);
    await decide('approver_wjw', c.id, 'approved', '初审通过');
    // The countersign opens one signature per department.
    await decide('approver_wjw', c.id, 'approved', '卫健会签同意');
    const wjw = await login(t.app, 'approver_wjw');
    expect((await todo(wjw)).some((i) => i.caseId === c.id)).toBe(false);
    await decide('approver_sthj', c.id, 'approved', '医疗废物处置方案可行');
    const done = await decide('approver_wjw', c.id, 'denied', '执业人员资质不符合要求');
    expect(done.status).toBe('denied');
    expect(done.resultNote).toBe('执业人员资质不符合要求');
  });

  it('gives the second of two simultaneous completions of one step a conflict code', async () => {
    const c = await submitCase(t.app, citizen, 'WJW-XK-002');
    await post(`/api/cases/${c.id}/accept`, clerk);
    const a = await login(t.app, 'approver_wjw');
    const task = (await todo(a)).find((i) => i.caseId === c.id)!;
    const results = await Promise.all([
      post(`/api/tasks/${task.id}/complete`, a, { outcome: 'approved', opinion: '一' }),
      post(`/api/tasks/${task.id}/complete`, a, { outcome: 'approved', opinion: '二' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('TASK_STATE_CONFLICT');
  });
});

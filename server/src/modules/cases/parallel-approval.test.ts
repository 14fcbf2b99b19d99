import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories, type CountersignItem, type Department, type JointItem } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
/** A joint item of a lead and three reviewing departments; a countersigned item; a department with no part in either. */
let joint: JointItem;
let signed: CountersignItem;
let outsider: Department;
beforeAll(async () => {
  t = await createTestApp();
  joint = await f.jointItem(3);
  signed = await f.countersignItem();
  outsider = await f.department();
});
afterAll(() => t.close());

const hasStep = async (username: string, caseId: string) => (await f.openTask(caseId, username)) !== undefined;

async function decide(username: string, caseId: string, outcome: 'approved' | 'denied', opinion: string) {
  const task = await f.openTask(caseId, username);
  expect(task, `${username} has a step on the case`).toBeTruthy();
  const res = await f.as(username).post(`/api/tasks/${task!.id}/complete`, { outcome, opinion });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('并联审批: one acceptance, three departments at once, one reply', () => {
  it('opens the three reviews together, waits for all, then the lead decides and the case concludes', async () => {
    const c = await f.caseIn(joint, 'accepted');
    const lead = joint.department.approver;
    const [first, second, third] = joint.reviewers.map((d) => d.approver) as [string, string, string];
    // The lead pre-reviews (牵头预审), then the three reviews open together.
    await decide(lead, c.id, 'approved', '材料齐全，抄告相关部门');
    expect(await hasStep(lead, c.id)).toBe(false);
    await decide(first, c.id, 'approved', '符合建设工程规划');
    await decide(second, c.id, 'approved', '用地手续齐全');
    // Two of three done: the lead still waits, the case still runs.
    expect(await hasStep(lead, c.id)).toBe(false);
    const mid = (await f.as('citizen').get(`/api/cases/${c.id}`)).json();
    expect(mid.status).toBe('accepted');
    expect(mid.tasks.filter((x: { status: string }) => x.status === 'done')).toHaveLength(3);
    await decide(third, c.id, 'approved', '环评已批复');
    const done = await decide(lead, c.id, 'approved', '各部门意见一致，准予');
    expect(done.status).toBe('approved');
    const steps = done.timeline.filter((e: { type: string }) => e.type === 'task.completed').map((e: { step: string }) => e.step);
    expect(steps[0]).toBe('牵头预审');
    expect(steps.slice(1, 4).sort()).toEqual(joint.reviewers.map((d) => `${d.name}审查`).sort());
    expect(steps[4]).toBe('联审决定');
  });

  it('lets each department see the joint case and nothing of another department’s step', async () => {
    const c = await f.caseIn(joint, { step: 2 });
    const [first, second] = [joint.reviewers[0]!.approver, joint.reviewers[1]!.approver];
    expect((await f.as(first).get(`/api/cases/${c.id}`)).statusCode).toBe(200);
    const secondTask = (await f.openTask(c.id, second))!;
    expect((await f.as(first).post(`/api/tasks/${secondTask.id}/complete`, { outcome: 'approved', opinion: '越权' })).json().code).toBe('TASK_NOT_FOUND');
    expect((await f.as(outsider.approver).get(`/api/cases/${c.id}`)).json().code).toBe('CASE_NOT_FOUND');
  });
});

describe('会签: every department signs before the decision', () => {
  it('needs both signatures, then the decision concludes the case with its outcome', async () => {
    const c = await f.caseIn(signed, 'accepted');
    const [own, cosigner] = [signed.department.approver, signed.cosigner.approver];
    await decide(own, c.id, 'approved', '初审通过');
    // The countersign opens one signature per department.
    await decide(own, c.id, 'approved', '会签同意');
    expect(await hasStep(own, c.id)).toBe(false);
    await decide(cosigner, c.id, 'approved', '医疗废物处置方案可行');
    const done = await decide(own, c.id, 'denied', '执业人员资质不符合要求');
    expect(done.status).toBe('denied');
    expect(done.resultNote).toBe('执业人员资质不符合要求');
  });

  it('gives the second of two simultaneous completions of one step a conflict code', async () => {
    const c = await f.caseIn(signed, 'accepted');
    const results = await Promise.all([
      f.as(signed.department.approver).post(`/api/tasks/${c.taskId}/complete`, { outcome: 'approved', opinion: '一' }),
      f.as(signed.department.approver).post(`/api/tasks/${c.taskId}/complete`, { outcome: 'approved', opinion: '二' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('TASK_STATE_CONFLICT');
  });
});

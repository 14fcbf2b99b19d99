import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories, type CountersignItem, type Item, type JointItem } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
/** A one-step item; a joint item of a lead and three reviewing departments; a countersigned item (初审 → 部门会签 → 审批决定). */
let item: Item;
let joint: JointItem;
let signed: CountersignItem;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  joint = await f.jointItem(3);
  signed = await f.countersignItem();
});
afterAll(() => t.close());

const post = (url: string, who: string, body?: unknown) => f.as(who).post(url, body);
const taskOf = (who: string, caseId: string) => f.openTask(caseId, who);
const processOf = async (caseId: string, who: string) => (await f.as(who).get(`/api/cases/${caseId}/process`)).json();
const reviewer = (n: 1 | 2 | 3) => joint.reviewers[n - 1]!.approver;

/** A joint case past the lead's pre-review (牵头预审): the three department reviews are open. */
const jointCase = () => f.caseIn(joint, { step: 2 });

describe('the process of a case', () => {
  it('shows the diagram with done and active steps and the history, names hidden from the applicant', async () => {
    const c = await jointCase();
    await post(`/api/tasks/${(await taskOf(reviewer(1), c.id))!.id}/complete`, reviewer(1), { outcome: 'approved', opinion: '同意' });
    const staffView = await processOf(c.id, reviewer(1));
    expect(staffView.key).toBe(joint.processKey);
    expect(staffView.xml).toContain('<bpmn:parallelGateway id="split"');
    expect(staffView.highlight.done).toEqual(expect.arrayContaining(['start', 'split', 'review1']));
    expect(staffView.highlight.active).toEqual(expect.arrayContaining(['review3', 'review2']));
    const completed = staffView.entries.find((e: { action: string; nodeId: string }) => e.action === 'completed' && e.nodeId === 'review1');
    expect(completed).toMatchObject({ opinion: '同意', actorName: joint.reviewers[0]!.approverName });
    const applicantView = await processOf(c.id, 'citizen');
    expect(applicantView.entries.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
    expect((await processOf(c.id, item.department.approver)).code).toBe('CASE_NOT_FOUND');
  });

  it('returns the decision to an earlier step, and refuses what the rules forbid', async () => {
    const c = await f.caseIn(signed, 'accepted'); // 初审 → 部门会签 → 审批决定
    const [own, cosigner] = [signed.department.approver, signed.cosigner.approver];
    await post(`/api/tasks/${(await taskOf(own, c.id))!.id}/complete`, own, { outcome: 'approved', opinion: '初审通过' });
    await post(`/api/tasks/${(await taskOf(own, c.id))!.id}/complete`, own, { outcome: 'approved', opinion: '会签同意' });
    await post(`/api/tasks/${(await taskOf(cosigner, c.id))!.id}/complete`, cosigner, { outcome: 'approved', opinion: '会签同意' });
    const decide = (await taskOf(own, c.id))!;
    expect(decide.name).toBe('审批决定');
    const targets = (await f.as(own).get(`/api/tasks/${decide.id}/return-targets`)).json().nodeIds;
    expect(targets).toEqual(expect.arrayContaining(['first', 'countersign']));
    expect((await post(`/api/tasks/${decide.id}/return`, own, { targetNodeId: 'decide', opinion: '自己' })).json().code).toBe('RETURN_TARGET_INVALID');
    expect((await post(`/api/tasks/${decide.id}/return`, own, { targetNodeId: 'first', opinion: '执业地址需复核' })).statusCode).toBe(200);
    expect((await taskOf(own, c.id))?.name).toBe('初审');
    expect((await processOf(c.id, own)).highlight.returned).toContain('decide');
  });

  it('refuses a return into a branch that was already joined (the documented rule)', async () => {
    const c = await jointCase();
    for (const u of [reviewer(1), reviewer(2), reviewer(3)]) {
      await post(`/api/tasks/${(await taskOf(u, c.id))!.id}/complete`, u, { outcome: 'approved', opinion: '同意' });
    }
    const lead = joint.department.approver;
    const decide = (await taskOf(lead, c.id))!;
    expect((await post(`/api/tasks/${decide.id}/return`, lead, { targetNodeId: 'review1', opinion: '复核' })).json().code).toBe('RETURN_TARGET_INVALID');
  });

  it('withdraws a completion before the next person acts, and not after', async () => {
    const c = await f.caseIn(signed, 'accepted');
    const own = signed.department.approver;
    const first = (await taskOf(own, c.id))!;
    await post(`/api/tasks/${first.id}/complete`, own, { outcome: 'approved', opinion: '初审通过' });
    expect((await post(`/api/tasks/${first.id}/withdraw`, own, { reason: '补充意见' })).statusCode).toBe(200);
    expect((await taskOf(own, c.id))?.name).toBe('初审');
    expect((await post(`/api/tasks/${first.id}/withdraw`, signed.cosigner.approver, {})).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('transfers a step to a named colleague and throttles urging', async () => {
    const c = await f.caseIn(item, 'accepted');
    const approver = item.department.approver;
    const task = (await taskOf(approver, c.id))!;
    const staff = (await f.as(approver).get('/api/staff')).json() as { id: string; displayName: string }[];
    const head = staff.find((s) => s.displayName === item.department.headName)!;
    expect((await post(`/api/tasks/${task.id}/transfer`, approver, { to: '00000000-0000-4000-8000-000000000000' })).json().code).toBe('VALIDATION_FAILED');
    expect((await post(`/api/tasks/${task.id}/urge`, 'manager', { message: '请加快' })).statusCode).toBe(200);
    const again = await post(`/api/tasks/${task.id}/urge`, 'manager', {});
    expect(again.statusCode).toBe(429);
    expect((await post(`/api/tasks/${task.id}/transfer`, approver, { to: head.id, reason: '局长亲自审' })).statusCode).toBe(200);
    expect(await taskOf(approver, c.id)).toBeUndefined();
  });

  it('suspends and resumes a case’s process (manager only)', async () => {
    const c = await f.caseIn(item, 'accepted');
    const approver = item.department.approver;
    expect((await post(`/api/cases/${c.id}/suspend`, approver, { reason: '涉诉' })).json().code).toBe('FORBIDDEN');
    expect((await post(`/api/cases/${c.id}/suspend`, 'manager', { reason: '涉诉暂缓' })).statusCode).toBe(200);
    const task = (await taskOf(approver, c.id));
    if (task) expect((await post(`/api/tasks/${task.id}/complete`, approver, { outcome: 'approved', opinion: '同意' })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await post(`/api/cases/${c.id}/resume`, 'manager', {})).statusCode).toBe(200);
  });
});

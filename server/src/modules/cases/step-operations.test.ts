import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories, type CountersignItem, type Department, type Item, type JointItem } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
/** A one-step item; a joint item of a lead and three reviewing departments; a countersigned item; a department with no part in any. */
let item: Item;
let joint: JointItem;
let signed: CountersignItem;
let outsider: Department;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  joint = await f.jointItem(3);
  signed = await f.countersignItem();
  outsider = await f.department();
});
afterAll(() => t.close());

const post = (url: string, who: string, body?: unknown) => f.as(who).post(url, body);
const get = async (url: string, who: string) => (await f.as(who).get(url)).json();
type Ops = { tasks: { taskId: string; nodeId: string; operations: string[]; returnTargets: string[]; transferTargets: string[]; removableSigners: { index: number; name: string }[]; delegateName: string | null }[]; suspend: boolean; resume: boolean };
const opsOf = async (caseId: string, who: string) => (await get(`/api/cases/${caseId}/operations`, who)) as Ops;
const userId = async (username: string) => (await t.ctx.db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id as string;
/** The joint item's lead and its three reviewers' approvers. */
const lead = () => joint.department.approver;
const reviewer = (n: 1 | 2 | 3) => joint.reviewers[n - 1]!.approver;

/** A joint case past the lead's pre-review (牵头预审): the three department reviews are open. */
const jointCase = () => f.caseIn(joint, { step: 2 });

describe('operations a person may do now, over HTTP', () => {
  it('lists claim, return targets and the rest per step; claim, unclaim, delegate and resolve follow it', async () => {
    const c = await jointCase();
    const mine = (await opsOf(c.id, reviewer(1))).tasks;
    expect(mine.map((x) => [x.nodeId, x.operations, x.returnTargets])).toEqual([['review1', ['claim', 'complete', 'return', 'transfer', 'delegate', 'copy'], ['lead']]]);
    const taskId = mine[0]!.taskId;
    expect((await post(`/api/tasks/${taskId}/claim`, reviewer(1))).statusCode).toBe(200);
    expect((await opsOf(c.id, reviewer(1))).tasks[0]!.operations).toEqual(['unclaim', 'complete', 'return', 'transfer', 'delegate', 'copy']);
    expect((await post(`/api/tasks/${taskId}/unclaim`, reviewer(1))).statusCode).toBe(200);
    expect((await post(`/api/tasks/${taskId}/delegate`, reviewer(1), { to: await userId('manager'), reason: '请协助核对规划条件' })).statusCode).toBe(200);
    expect((await opsOf(c.id, reviewer(1))).tasks).toEqual([]);
    const managerOps = await opsOf(c.id, 'manager');
    expect(managerOps.suspend).toBe(true);
    expect(managerOps.tasks.find((x) => x.taskId === taskId)).toMatchObject({ operations: ['urge', 'resolve'], delegateName: '周主任' });
    expect((await post(`/api/tasks/${taskId}/resolve`, 'manager', { opinion: '已核对' })).statusCode).toBe(200);
    expect((await opsOf(c.id, reviewer(1))).tasks[0]!.operations).toContain('complete');
    // Someone who cannot see the case learns nothing.
    expect((await get(`/api/cases/${c.id}/operations`, outsider.approver)).code).toBe('CASE_NOT_FOUND');
  });

  it('退回 from one branch to the lead’s pre-review cancels the other branches’ open reviews, saying why; the case then runs to the end', async () => {
    const c = await jointCase();
    await post(`/api/tasks/${(await opsOf(c.id, reviewer(1))).tasks[0]!.taskId}/complete`, reviewer(1), { outcome: 'approved', opinion: '符合规划' });
    const task = (await opsOf(c.id, reviewer(3))).tasks[0]!;
    expect(task.returnTargets).toEqual(['lead']);
    expect((await post(`/api/tasks/${task.taskId}/return`, reviewer(3), { targetNodeId: 'lead', opinion: '环评批复与项目地址不符，请牵头部门核实后重新抄告' })).statusCode).toBe(200);
    const history = (await get(`/api/cases/${c.id}/process`, reviewer(3))) as { entries: { action: string; nodeId: string; details: Record<string, unknown> | null }[]; highlight: { active: string[]; returned: string[]; done: string[] } };
    expect(history.highlight.active).toEqual(['lead']);
    expect(history.highlight.returned).toEqual(['review3']);
    // The first reviewer had finished its review; the second's was cancelled, so the diagram does not show it as done.
    expect(history.highlight.done).toContain('review1');
    expect(history.highlight.done).not.toContain('review2');
    const cancelled = history.entries.filter((e) => e.action === 'cancelled');
    expect(cancelled.map((e) => [e.nodeId, e.details?.reason, e.details?.target])).toEqual([['review2', 'returnedPastSplit', 'lead']]);
    // Round two: the lead sends it again, all three review, the lead decides, the case concludes.
    const next = async (who: string) => (await f.openTask(c.id, who))!;
    await post(`/api/tasks/${(await next(lead())).id}/complete`, lead(), { outcome: 'approved', opinion: '已核实地址，重新抄告' });
    for (const u of [reviewer(1), reviewer(2), reviewer(3)]) {
      expect((await post(`/api/tasks/${(await next(u)).id}/complete`, u, { outcome: 'approved', opinion: '同意' })).statusCode).toBe(200);
    }
    const done = await post(`/api/tasks/${(await next(lead())).id}/complete`, lead(), { outcome: 'approved', opinion: '准予' });
    expect(done.json().status).toBe('approved');
  });

  it('加签 of a person of another department: they read the case and act on their step; 转办 to them is refused; others still cannot', async () => {
    const c = await f.caseIn(signed, 'accepted'); // 初审 → 部门会签 (the item's department and the cosigner) → 审批决定
    const [own, added] = [signed.department.approver, outsider.approver];
    const mine = async (who: string) => ((await get('/api/tasks', who)).items as { id: string; caseId: string; name: string }[]).filter((i) => i.caseId === c.id);
    await post(`/api/tasks/${c.taskId}/complete`, own, { outcome: 'approved', opinion: '初审通过' });
    expect((await get(`/api/cases/${c.id}`, added)).code).toBe('CASE_NOT_FOUND');
    const sign = (await opsOf(c.id, own)).tasks.find((x) => x.nodeId === 'countersign')!;
    expect(sign.operations).toEqual(expect.arrayContaining(['addSigners', 'removeSigner']));
    expect((await post(`/api/tasks/${sign.taskId}/signers`, own, { users: [await userId(added)] })).statusCode).toBe(200);
    // The added signer (another department) now reads the case and finds the step in their to-do list.
    expect((await get(`/api/cases/${c.id}`, added)).caseNo).toBe(c.caseNo);
    const addedSign = (await mine(added))[0]!;
    expect(addedSign.name).toBe('部门会签');
    // The case page's step table names the added signer's department.
    const steps = (await get(`/api/cases/${c.id}`, own)).tasks as { id: string; departmentName: string }[];
    expect(steps.find((x) => x.id === addedSign.id)?.departmentName).toBe(outsider.name);
    // 减签: the cosigning department's signer goes, with a reason in the history.
    const removable = (await opsOf(c.id, own)).tasks.find((x) => x.nodeId === 'countersign')!.removableSigners;
    expect(removable.map((x) => x.name)).toEqual([signed.cosigner.name, outsider.approverName]);
    expect((await post(`/api/tasks/${sign.taskId}/signers/remove`, own, { signerIndex: removable[0]!.index, reason: '不涉及医疗废物处置' })).statusCode).toBe(200);
    const removed = ((await get(`/api/cases/${c.id}/process`, own)).entries as { action: string; opinion: string | null; details: Record<string, unknown> }[]).find((e) => e.action === 'signerRemoved');
    expect([removed?.opinion, removed?.details.signerName]).toEqual(['不涉及医疗废物处置', signed.cosigner.name]);
    await post(`/api/tasks/${addedSign.id}/complete`, added, { outcome: 'approved', opinion: '建筑消防条件符合' });
    await post(`/api/tasks/${(await mine(own)).find((x) => x.name === '部门会签')!.id}/complete`, own, { outcome: 'approved', opinion: '同意' });
    // 转办 stays in the step's department: the decision cannot go to the added signer; the item's department decides it.
    const decide = (await mine(own)).find((x) => x.name === '审批决定')!;
    expect((await post(`/api/tasks/${decide.id}/transfer`, own, { to: await userId(added), reason: '请其他部门作出决定' })).json().code).toBe('TRANSFER_TARGET_INVALID');
    expect((await post(`/api/tasks/${decide.id}/complete`, added, { outcome: 'approved', opinion: '准予' })).json().code).toBe('TASK_NOT_FOUND');
    expect((await post(`/api/tasks/${decide.id}/complete`, own, { outcome: 'approved', opinion: '准予' })).json().status).toBe('approved');
    expect((await get(`/api/cases/${c.id}`, item.department.approver)).code).toBe('CASE_NOT_FOUND');
  });

  it('抄送: the recipient’s inbox lists it unread, opening marks it read, the case shows who has read', async () => {
    const c = await jointCase();
    const taskId = (await opsOf(c.id, reviewer(1))).tasks[0]!.taskId;
    expect((await post(`/api/cases/${c.id}/copies`, reviewer(1), { users: [await userId('manager'), await userId(reviewer(2))], taskId })).statusCode).toBe(200);
    const inbox = await get('/api/copies', 'manager');
    const copy = inbox.items.find((x: { caseId: string }) => x.caseId === c.id);
    expect(copy).toMatchObject({ caseNo: c.caseNo, step: `${joint.reviewers[0]!.name}审查`, sentByName: joint.reviewers[0]!.approverName, readAt: null });
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    expect((await post(`/api/copies/${copy.id}/read`, reviewer(1))).json().code).toBe('COPY_NOT_FOUND');
    expect((await post(`/api/copies/${copy.id}/read`, 'manager')).statusCode).toBe(200);
    const sent = (await get(`/api/cases/${c.id}/copies`, reviewer(1))).items as { userName: string; readAt: string | null }[];
    expect(sent.map((x) => [x.userName, x.readAt !== null]).sort()).toEqual([['周主任', true], [joint.reviewers[1]!.approverName, false]].sort());
  });

  it('工作交接: a manager sees each person’s open tasks and moves them all, only to a decider of each step’s department; others may not', async () => {
    const { approver, head } = item.department;
    const c = await f.caseIn(item, 'accepted');
    const taskId = c.taskId!;
    await post(`/api/tasks/${taskId}/claim`, approver);
    const from = await userId(approver);
    const workload = async () => ((await get('/api/staff/workload', 'manager')) as { id: string; openTasks: number }[]).find((p) => p.id === from)!.openTasks;
    expect(await workload()).toBeGreaterThanOrEqual(1);
    expect((await get('/api/staff/workload', approver)).code).toBe('FORBIDDEN');
    // Offered: only the department's other decider; refused and moving nothing: another department's approver, a supervisor, a manager.
    const targets = (await get(`/api/users/${from}/handover-targets`, 'manager')).items as { id: string }[];
    expect(targets.map((p) => p.id)).toEqual([await userId(head)]);
    expect((await get(`/api/users/${from}/handover-targets`, approver)).code).toBe('FORBIDDEN');
    const before = await workload();
    for (const wrong of [outsider.approver, 'supervisor', 'gov_head', 'manager']) {
      const refused = await post(`/api/users/${from}/handover`, 'manager', { to: await userId(wrong) });
      expect(refused.json().code, wrong).toBe('TRANSFER_TARGET_INVALID');
      expect(refused.json().details.taskIds).toContain(taskId);
    }
    expect(await workload()).toBe(before);
    expect((await t.ctx.db.query(`SELECT count(*)::int AS n FROM events WHERE type = 'task.handed_over' AND payload->>'taskId' = $1`, [taskId])).rows[0].n).toBe(0);
    const moved = await post(`/api/users/${from}/handover`, 'manager', { to: await userId(head) });
    expect(moved.json().taskIds).toContain(taskId);
    expect(await workload()).toBe(0);
  });

  it('工作交接 of a step one was asked to help with (委派 across departments) may go to a colleague of one’s own department', async () => {
    // A department of two approvers: the first is asked to help, the second receives their work.
    const helpers = await f.department();
    const colleague = `${helpers.approver}2`;
    await t.ctx.db.query(
      `INSERT INTO users (username, password_hash, display_name, role, department_id)
       SELECT $1, password_hash, '审批人二', 'approver', department_id FROM users WHERE username = $2`,
      [colleague, helpers.approver],
    );
    const { approver, head } = item.department;
    const c = await f.caseIn(item, 'accepted');
    const taskId = c.taskId!;
    expect((await post(`/api/tasks/${taskId}/delegate`, approver, { to: await userId(helpers.approver) })).statusCode).toBe(200);
    const from = await userId(helpers.approver);
    const targets = ((await get(`/api/users/${from}/handover-targets`, 'manager')).items as { id: string }[]).map((p) => p.id).sort();
    // The step's own department (its owner and agency head), and the delegate's colleagues (the other approver and their agency head).
    expect(targets).toEqual([await userId(approver), await userId(colleague), await userId(helpers.head), await userId(head)].sort());
    expect((await post(`/api/users/${from}/handover`, 'manager', { to: await userId(outsider.approver) })).json().code).toBe('TRANSFER_TARGET_INVALID');
    expect((await post(`/api/users/${from}/handover`, 'manager', { to: await userId(colleague) })).json().taskIds).toEqual([taskId]);
    // The colleague helps in their place and the step goes back to its owner.
    expect((await post(`/api/tasks/${taskId}/resolve`, colleague, { opinion: '已核查卫生条件' })).statusCode).toBe(200);
    expect((await opsOf(c.id, approver)).tasks[0]!.operations).toContain('complete');
  });

  it('转办 offers only the deciders of the step’s department', async () => {
    const c = await jointCase();
    // The reviewing department's only other decider is its agency head.
    expect((await opsOf(c.id, reviewer(1))).tasks[0]!.transferTargets).toEqual([await userId(joint.reviewers[0]!.head)]);
    const s = await f.caseIn(item, 'accepted');
    const { approver, head } = item.department;
    expect((await opsOf(s.id, approver)).tasks[0]!.transferTargets).toEqual([await userId(head)]);
    expect((await opsOf(s.id, head)).tasks[0]!.transferTargets).toEqual([await userId(approver)]);
  });
});

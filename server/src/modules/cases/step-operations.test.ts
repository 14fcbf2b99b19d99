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

const http = requestsTo(() => t.app);
const post = http.post;
const get = async (url: string, cookie: string) => (await http.get(url, cookie)).json();
type Ops = { tasks: { taskId: string; nodeId: string; operations: string[]; returnTargets: string[]; transferTargets: string[]; removableSigners: { index: number; name: string }[]; delegateName: string | null }[]; suspend: boolean; resume: boolean };
const opsOf = async (caseId: string, cookie: string) => (await get(`/api/cases/${caseId}/operations`, cookie)) as Ops;
const userId = async (username: string) => (await t.ctx.db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id as string;

/** A joint case past the lead's pre-review (牵头预审): the three department reviews are open. */
async function jointCase() {
  const c = await submitCase(t.app, citizen, 'FGJ-LB-001');
  await post(`/api/cases/${c.id}/accept`, clerk);
  const fgj = await login(t.app, 'approver_fgj');
  const lead = ((await t.app.inject({ url: '/api/tasks', headers: { cookie: fgj } })).json().items as { id: string; caseId: string }[]).find((i) => i.caseId === c.id)!;
  await post(`/api/tasks/${lead.id}/complete`, fgj, { outcome: 'approved', opinion: '材料齐全，抄告相关部门' });
  return c;
}

describe('operations a person may do now, over HTTP', () => {
  it('lists claim, return targets and the rest per step; claim, unclaim, delegate and resolve follow it', async () => {
    const c = await jointCase();
    const zjj = await login(t.app, 'approver_zjj');
    const mine = (await opsOf(c.id, zjj)).tasks;
    expect(mine.map((x) => [x.nodeId, x.operations, x.returnTargets])).toEqual([['zjj', ['claim', 'complete', 'return', 'transfer', 'delegate', 'copy'], ['lead']]]);
    const taskId = mine[0]!.taskId;
    expect((await post(`/api/tasks/${taskId}/claim`, zjj)).statusCode).toBe(200);
    expect((await opsOf(c.id, zjj)).tasks[0]!.operations).toEqual(['unclaim', 'complete', 'return', 'transfer', 'delegate', 'copy']);
    expect((await post(`/api/tasks/${taskId}/unclaim`, zjj)).statusCode).toBe(200);
    expect((await post(`/api/tasks/${taskId}/delegate`, zjj, { to: await userId('manager'), reason: '请协助核对规划条件' })).statusCode).toBe(200);
    expect((await opsOf(c.id, zjj)).tasks).toEqual([]);
    const manager = await login(t.app, 'manager');
    const managerOps = await opsOf(c.id, manager);
    expect(managerOps.suspend).toBe(true);
    expect(managerOps.tasks.find((x) => x.taskId === taskId)).toMatchObject({ operations: ['urge', 'resolve'], delegateName: '周主任' });
    expect((await post(`/api/tasks/${taskId}/resolve`, manager, { opinion: '已核对' })).statusCode).toBe(200);
    expect((await opsOf(c.id, zjj)).tasks[0]!.operations).toContain('complete');
    // Someone who cannot see the case learns nothing.
    expect((await get(`/api/cases/${c.id}/operations`, await login(t.app, 'approver'))).code).toBe('CASE_NOT_FOUND');
  });

  it('退回 from one branch to the lead’s pre-review cancels the other branches’ open reviews, saying why; the case then runs to the end', async () => {
    const c = await jointCase();
    const zjj = await login(t.app, 'approver_zjj');
    await post(`/api/tasks/${(await opsOf(c.id, zjj)).tasks[0]!.taskId}/complete`, zjj, { outcome: 'approved', opinion: '符合规划' });
    const sthj = await login(t.app, 'approver_sthj');
    const task = (await opsOf(c.id, sthj)).tasks[0]!;
    expect(task.returnTargets).toEqual(['lead']);
    expect((await post(`/api/tasks/${task.taskId}/return`, sthj, { targetNodeId: 'lead', opinion: '环评批复与项目地址不符，请牵头部门核实后重新抄告' })).statusCode).toBe(200);
    const history = (await get(`/api/cases/${c.id}/process`, sthj)) as { entries: { action: string; nodeId: string; details: Record<string, unknown> | null }[]; highlight: { active: string[]; returned: string[]; done: string[] } };
    expect(history.highlight.active).toEqual(['lead']);
    expect(history.highlight.returned).toEqual(['sthj']);
    // 住建局 had finished its review; 自然资源局's was cancelled, so the diagram does not show it as done.
    expect(history.highlight.done).toContain('zjj');
    expect(history.highlight.done).not.toContain('zrzy');
    const cancelled = history.entries.filter((e) => e.action === 'cancelled');
    expect(cancelled.map((e) => [e.nodeId, e.details?.reason, e.details?.target])).toEqual([['zrzy', 'returnedPastSplit', 'lead']]);
    // Round two: the lead sends it again, all three review, the lead decides, the case concludes.
    const fgj = await login(t.app, 'approver_fgj');
    const next = async (cookie: string) => ((await get('/api/tasks', cookie)).items as { id: string; caseId: string }[]).find((i) => i.caseId === c.id)!;
    await post(`/api/tasks/${(await next(fgj)).id}/complete`, fgj, { outcome: 'approved', opinion: '已核实地址，重新抄告' });
    for (const u of ['approver_zjj', 'approver_zrzy', 'approver_sthj']) {
      const cookie = await login(t.app, u);
      expect((await post(`/api/tasks/${(await next(cookie)).id}/complete`, cookie, { outcome: 'approved', opinion: '同意' })).statusCode).toBe(200);
    }
    const done = await post(`/api/tasks/${(await next(fgj)).id}/complete`, fgj, { outcome: 'approved', opinion: '准予' });
    expect(done.json().status).toBe('approved');
  });

  it('加签 of a person of another department: they read the case and act on their step; 转办 to them is refused; others still cannot', async () => {
    const c = await submitCase(t.app, citizen, 'WJW-XK-002'); // 初审 → 部门会签 (卫健, 生态环境) → 审批决定
    await post(`/api/cases/${c.id}/accept`, clerk);
    const wjw = await login(t.app, 'approver_wjw');
    const mine = async (cookie: string) => ((await get('/api/tasks', cookie)).items as { id: string; caseId: string; name: string }[]).filter((i) => i.caseId === c.id);
    await post(`/api/tasks/${(await mine(wjw))[0]!.id}/complete`, wjw, { outcome: 'approved', opinion: '初审通过' });
    const zjj = await login(t.app, 'approver_zjj');
    expect((await get(`/api/cases/${c.id}`, zjj)).code).toBe('CASE_NOT_FOUND');
    const sign = (await opsOf(c.id, wjw)).tasks.find((x) => x.nodeId === 'countersign')!;
    expect(sign.operations).toEqual(expect.arrayContaining(['addSigners', 'removeSigner']));
    expect((await post(`/api/tasks/${sign.taskId}/signers`, wjw, { users: [await userId('approver_zjj')] })).statusCode).toBe(200);
    // The added signer (another department) now reads the case and finds the step in their to-do list.
    expect((await get(`/api/cases/${c.id}`, zjj)).caseNo).toBe(c.caseNo);
    const zjjSign = (await mine(zjj))[0]!;
    expect(zjjSign.name).toBe('部门会签');
    // The case page's step table names the added signer's department.
    const steps = (await get(`/api/cases/${c.id}`, wjw)).tasks as { id: string; departmentName: string }[];
    expect(steps.find((x) => x.id === zjjSign.id)?.departmentName).toBe('住房和城乡建设局');
    // 减签: the 生态环境局 signer goes, with a reason in the history.
    const removable = (await opsOf(c.id, wjw)).tasks.find((x) => x.nodeId === 'countersign')!.removableSigners;
    expect(removable.map((x) => x.name)).toEqual(['生态环境局', '钱审批（住建）']);
    expect((await post(`/api/tasks/${sign.taskId}/signers/remove`, wjw, { signerIndex: removable[0]!.index, reason: '不涉及医疗废物处置' })).statusCode).toBe(200);
    const removed = ((await get(`/api/cases/${c.id}/process`, wjw)).entries as { action: string; opinion: string | null; details: Record<string, unknown> }[]).find((e) => e.action === 'signerRemoved');
    expect([removed?.opinion, removed?.details.signerName]).toEqual(['不涉及医疗废物处置', '生态环境局']);
    await post(`/api/tasks/${zjjSign.id}/complete`, zjj, { outcome: 'approved', opinion: '建筑消防条件符合' });
    await post(`/api/tasks/${(await mine(wjw)).find((x) => x.name === '部门会签')!.id}/complete`, wjw, { outcome: 'approved', opinion: '同意' });
    // 转办 stays in the step's department: the decision cannot go to 住建's approver; 卫健 decides it.
    const decide = (await mine(wjw)).find((x) => x.name === '审批决定')!;
    expect((await post(`/api/tasks/${decide.id}/transfer`, wjw, { to: await userId('approver_zjj'), reason: '请住建局作出决定' })).json().code).toBe('TRANSFER_TARGET_INVALID');
    expect((await post(`/api/tasks/${decide.id}/complete`, zjj, { outcome: 'approved', opinion: '准予' })).json().code).toBe('TASK_NOT_FOUND');
    expect((await post(`/api/tasks/${decide.id}/complete`, wjw, { outcome: 'approved', opinion: '准予' })).json().status).toBe('approved');
    expect((await get(`/api/cases/${c.id}`, await login(t.app, 'approver_rsj'))).code).toBe('CASE_NOT_FOUND');
  });

  it('抄送: the recipient’s inbox lists it unread, opening marks it read, the case shows who has read', async () => {
    const c = await jointCase();
    const zjj = await login(t.app, 'approver_zjj');
    const taskId = (await opsOf(c.id, zjj)).tasks[0]!.taskId;
    expect((await post(`/api/cases/${c.id}/copies`, zjj, { users: [await userId('manager'), await userId('approver_zrzy')], taskId })).statusCode).toBe(200);
    const manager = await login(t.app, 'manager');
    const inbox = await get('/api/copies', manager);
    const copy = inbox.items.find((x: { caseId: string }) => x.caseId === c.id);
    expect(copy).toMatchObject({ caseNo: c.caseNo, step: '住建局审查', sentByName: '钱审批（住建）', readAt: null });
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    expect((await post(`/api/copies/${copy.id}/read`, zjj)).json().code).toBe('COPY_NOT_FOUND');
    expect((await post(`/api/copies/${copy.id}/read`, manager)).statusCode).toBe(200);
    const sent = (await get(`/api/cases/${c.id}/copies`, zjj)).items as { userName: string; readAt: string | null }[];
    expect(sent.map((x) => [x.userName, x.readAt !== null]).sort()).toEqual([['周主任', true], ['李审批（自然资源）', false]]);
  });

  it('工作交接: a manager sees each person’s open tasks and moves them all, only to a decider of each step’s department; others may not', async () => {
    const c = await submitCase(t.app, citizen, 'SCJG-XK-001');
    await post(`/api/cases/${c.id}/accept`, clerk);
    const approver = await login(t.app, 'approver');
    const taskId = (await opsOf(c.id, approver)).tasks[0]!.taskId;
    await post(`/api/tasks/${taskId}/claim`, approver);
    const manager = await login(t.app, 'manager');
    const from = await userId('approver');
    const workload = async () => ((await get('/api/staff/workload', manager)) as { id: string; openTasks: number }[]).find((p) => p.id === from)!.openTasks;
    expect(await workload()).toBeGreaterThanOrEqual(1);
    expect((await get('/api/staff/workload', approver)).code).toBe('FORBIDDEN');
    // Offered: only the department's other decider; refused and moving nothing: another department's approver, a supervisor, a manager.
    const targets = (await get(`/api/users/${from}/handover-targets`, manager)).items as { id: string }[];
    expect(targets.map((p) => p.id)).toEqual([await userId('head_scjg')]);
    expect((await get(`/api/users/${from}/handover-targets`, approver)).code).toBe('FORBIDDEN');
    const before = await workload();
    for (const wrong of ['approver_zjj', 'supervisor', 'gov_head', 'manager']) {
      const refused = await post(`/api/users/${from}/handover`, manager, { to: await userId(wrong) });
      expect(refused.json().code, wrong).toBe('TRANSFER_TARGET_INVALID');
      expect(refused.json().details.taskIds).toContain(taskId);
    }
    expect(await workload()).toBe(before);
    expect((await t.ctx.db.query(`SELECT count(*)::int AS n FROM events WHERE type = 'task.handed_over' AND payload->>'taskId' = $1`, [taskId])).rows[0].n).toBe(0);
    const moved = await post(`/api/users/${from}/handover`, manager, { to: await userId('head_scjg') });
    expect(moved.json().taskIds).toContain(taskId);
    expect(await workload()).toBe(0);
  });

  it('工作交接 of a step one was asked to help with (委派 across departments) may go to a colleague of one’s own department', async () => {
    // A second 卫健 approver, to receive the first one's work.
    await t.ctx.db.query(
      `INSERT INTO users (username, password_hash, display_name, role, department_id)
       SELECT 'approver_wjw2', password_hash, '卫审批二', 'approver', department_id FROM users WHERE username = 'approver_wjw'`,
    );
    const c = await submitCase(t.app, citizen, 'SCJG-XK-001');
    await post(`/api/cases/${c.id}/accept`, clerk);
    const approver = await login(t.app, 'approver');
    const taskId = (await opsOf(c.id, approver)).tasks[0]!.taskId;
    expect((await post(`/api/tasks/${taskId}/delegate`, approver, { to: await userId('approver_wjw') })).statusCode).toBe(200);
    const manager = await login(t.app, 'manager');
    const from = await userId('approver_wjw');
    const targets = ((await get(`/api/users/${from}/handover-targets`, manager)).items as { id: string }[]).map((p) => p.id).sort();
    // The step's own department (its owner and agency head), and the delegate's colleague.
    expect(targets).toEqual([await userId('approver'), await userId('approver_wjw2'), await userId('head_scjg')].sort());
    expect((await post(`/api/users/${from}/handover`, manager, { to: await userId('approver_zjj') })).json().code).toBe('TRANSFER_TARGET_INVALID');
    expect((await post(`/api/users/${from}/handover`, manager, { to: await userId('approver_wjw2') })).json().taskIds).toEqual([taskId]);
    // The colleague helps in their place and the step goes back to its owner.
    const helper = await login(t.app, 'approver_wjw2');
    expect((await post(`/api/tasks/${taskId}/resolve`, helper, { opinion: '已核查卫生条件' })).statusCode).toBe(200);
    expect((await opsOf(c.id, approver)).tasks[0]!.operations).toContain('complete');
  });

  it('转办 offers only the deciders of the step’s department', async () => {
    const c = await jointCase();
    const zjj = await login(t.app, 'approver_zjj');
    expect((await opsOf(c.id, zjj)).tasks[0]!.transferTargets).toEqual([]);
    const s = await submitCase(t.app, citizen, 'SCJG-XK-001');
    await post(`/api/cases/${s.id}/accept`, clerk);
    const task = (await opsOf(s.id, await login(t.app, 'approver'))).tasks[0]!;
    expect(task.transferTargets).toEqual([await userId('head_scjg')]);
    expect((await opsOf(s.id, await login(t.app, 'head_scjg'))).tasks[0]!.transferTargets).toEqual([await userId('approver')]);
  });
});

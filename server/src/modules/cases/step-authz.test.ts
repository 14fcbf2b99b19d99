import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, submitCase, type TestApp, requestsTo } from '../../../test/app.ts';

// Per-object checks on the task operations: who may urge, copy, read return
// targets, take a transferred step, and decide as an agency head (policy.ts).
let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['citizen', 'clerk', 'approver', 'approver_wjw', 'approver_zjj', 'approver_zrzy', 'approver_fgj', 'head_scjg', 'gov_head', 'manager', 'supervisor']) {
    cookies[u] = await login(t.app, u);
  }
});
afterAll(() => t.close());

const as = (u: string) => cookies[u]!;
const { post, get } = requestsTo(() => t.app, as);
const userId = async (username: string) => (await t.ctx.db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id as string;
type Ops = { tasks: { taskId: string; nodeId: string; operations: string[] }[] };
const opsOf = async (caseId: string, u: string) => (await get(`/api/cases/${caseId}/operations`, u)).json() as Ops;

/** An accepted 市场监管 case: its one review step is open for the department. */
async function scjgStep() {
  const c = await submitCase(t.app, as('citizen'));
  await post(`/api/cases/${c.id}/accept`, 'clerk');
  const taskId = (await opsOf(c.id, 'approver')).tasks[0]!.taskId;
  return { caseId: c.id, taskId };
}

/** A joint case past the lead's pre-review: 住建, 自然资源 and 生态环境 review at once. */
async function jointCase() {
  const c = await submitCase(t.app, as('citizen'), 'FGJ-LB-001');
  await post(`/api/cases/${c.id}/accept`, 'clerk');
  const lead = (await opsOf(c.id, 'approver_fgj')).tasks[0]!;
  await post(`/api/tasks/${lead.taskId}/complete`, 'approver_fgj', { outcome: 'approved', opinion: '材料齐全，抄告相关部门' });
  return c.id;
}

describe('催办: managers and the step’s own agency head only', () => {
  it('refuses an approver of another department, and of the same one; the department’s head urges', async () => {
    const { caseId, taskId } = await scjgStep();
    expect((await post(`/api/tasks/${taskId}/urge`, 'approver_wjw', { message: '请尽快' })).json().code).toBe('TASK_NOT_FOUND');
    expect((await post(`/api/tasks/${taskId}/urge`, 'approver', {})).json().code).toBe('FORBIDDEN');
    expect((await opsOf(caseId, 'head_scjg')).tasks.find((x) => x.taskId === taskId)?.operations).toContain('urge');
    expect((await post(`/api/tasks/${taskId}/urge`, 'head_scjg', { message: '今日办结' })).statusCode).toBe(200);
    const urges = await t.ctx.db.query(`SELECT actor_id FROM events WHERE type = 'task.urged' AND payload->>'taskId' = $1`, [taskId]);
    expect(urges.rows.map((r) => r.actor_id)).toEqual([await userId('head_scjg')]);
  });

  it('an approver of another department cannot use up the manager’s urge', async () => {
    const { taskId } = await scjgStep();
    await post(`/api/tasks/${taskId}/urge`, 'approver_zjj', {});
    expect((await post(`/api/tasks/${taskId}/urge`, 'manager', { message: '已超期预警' })).statusCode).toBe(200);
  });

  it('an agency head of another department learns nothing of the step', async () => {
    const caseId = await jointCase();
    const zjjTask = (await opsOf(caseId, 'approver_zjj')).tasks[0]!.taskId;
    // 郑局长 (市场监管) cannot even see the 发改 case.
    expect((await post(`/api/tasks/${zjjTask}/urge`, 'head_scjg', {})).json().code).toBe('TASK_NOT_FOUND');
  });
});

describe('抄送: only those answerable for the case, only to staff who read it, never onward', () => {
  it('a copy recipient cannot copy the case on; a supervisor is no recipient; a government head sends none', async () => {
    const caseId = await jointCase();
    const zjjTask = (await opsOf(caseId, 'approver_zjj')).tasks[0]!.taskId;
    expect((await post(`/api/cases/${caseId}/copies`, 'approver_zjj', { users: [await userId('approver_wjw')], taskId: zjjTask })).statusCode).toBe(200);
    // 卫健's approver reads the case through the copy …
    expect((await get(`/api/cases/${caseId}`, 'approver_wjw')).statusCode).toBe(200);
    // … but cannot widen its readers further.
    expect((await post(`/api/cases/${caseId}/copies`, 'approver_wjw', { users: [await userId('approver')] })).json().code).toBe('FORBIDDEN');
    expect((await get(`/api/cases/${caseId}`, 'approver')).json().code).toBe('CASE_NOT_FOUND');
    expect((await post(`/api/cases/${caseId}/copies`, 'approver_zjj', { users: [await userId('supervisor')] })).json().code).toBe('COPY_RECIPIENT_INVALID');
    expect((await post(`/api/cases/${caseId}/copies`, 'gov_head', { users: [await userId('approver')] })).json().code).toBe('FORBIDDEN');
    const copies = (await get(`/api/cases/${caseId}/copies`, 'approver_zjj')).json().items as { userId: string }[];
    expect(copies.map((c) => c.userId)).toEqual([await userId('approver_wjw')]);
  });
});

describe('退回 targets: only for whoever could return the step', () => {
  it('answers the handler, refuses who cannot see the case and who only reads it', async () => {
    const caseId = await jointCase();
    const zjjTask = (await opsOf(caseId, 'approver_zjj')).tasks[0]!.taskId;
    expect((await get(`/api/tasks/${zjjTask}/return-targets`, 'approver_zjj')).json().nodeIds).toEqual(['lead']);
    expect((await get(`/api/tasks/${zjjTask}/return-targets`, 'approver_wjw')).json().code).toBe('TASK_NOT_FOUND');
    expect((await get(`/api/tasks/${zjjTask}/return-targets`, 'approver_zrzy')).json().code).toBe('TASK_NOT_ASSIGNEE');
    expect((await get(`/api/tasks/${zjjTask}/return-targets`, 'manager')).json().code).toBe('TASK_NOT_ASSIGNEE');
  });
});

describe('转办: within the step’s own department', () => {
  it('refuses a person of another department and a supervisor; the agency head takes it and decides', async () => {
    const { caseId, taskId } = await scjgStep();
    for (const to of ['approver_wjw', 'supervisor', 'manager']) {
      expect((await post(`/api/tasks/${taskId}/transfer`, 'approver', { to: await userId(to), reason: '请协办' })).json().code).toBe('TRANSFER_TARGET_INVALID');
    }
    expect((await t.ctx.db.query('SELECT assignee, claimed_by FROM wf_tasks WHERE id = $1', [taskId])).rows[0]).toEqual({ assignee: null, claimed_by: null });
    expect((await post(`/api/tasks/${taskId}/transfer`, 'approver', { to: await userId('head_scjg'), reason: '请局长决定' })).statusCode).toBe(200);
    const done = await post(`/api/tasks/${taskId}/complete`, 'head_scjg', { outcome: 'approved', opinion: '准予许可' });
    expect(done.json().status).toBe('approved');
    expect((await get(`/api/cases/${caseId}`, 'approver_wjw')).json().code).toBe('CASE_NOT_FOUND');
  });
});

describe('an agency head’s claim', () => {
  it('the head who claims a step of the department decides it, or gives it back to the approvers', async () => {
    const first = await scjgStep();
    expect((await post(`/api/tasks/${first.taskId}/claim`, 'head_scjg')).statusCode).toBe(200);
    expect((await opsOf(first.caseId, 'head_scjg')).tasks[0]!.operations).toEqual(expect.arrayContaining(['unclaim', 'complete']));
    expect((await post(`/api/tasks/${first.taskId}/complete`, 'head_scjg', { outcome: 'denied', opinion: '经营场所不符合要求' })).json().status).toBe('denied');

    const second = await scjgStep();
    await post(`/api/tasks/${second.taskId}/claim`, 'head_scjg');
    expect((await post(`/api/tasks/${second.taskId}/unclaim`, 'head_scjg')).statusCode).toBe(200);
    expect((await post(`/api/tasks/${second.taskId}/complete`, 'approver', { outcome: 'approved', opinion: '准予许可' })).json().status).toBe('approved');
  });
});

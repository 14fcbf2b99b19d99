import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories, type Department, type Item, type JointItem } from '../../../test/factories.ts';

// Per-object checks on the task operations: who may urge, copy, read return
// targets, take a transferred step, and decide as an agency head (policy.ts).
let t: TestApp;
const f = factories(() => t);
/** A one-step item; another department with no part in it; a joint item of a lead and three reviewing departments. */
let item: Item;
let other: Department;
let joint: JointItem;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  other = await f.department();
  joint = await f.jointItem(3);
});
afterAll(() => t.close());

const post = (url: string, who: string, body?: unknown) => f.as(who).post(url, body);
const get = (url: string, who: string) => f.as(who).get(url);
const userId = async (username: string) => (await t.ctx.db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id as string;
type Ops = { tasks: { taskId: string; nodeId: string; operations: string[] }[] };
const opsOf = async (caseId: string, u: string) => (await get(`/api/cases/${caseId}/operations`, u)).json() as Ops;
/** The item's approver and head; the other department's approver; the joint item's lead and its first two reviewers. */
const approver = () => item.department.approver;
const head = () => item.department.head;
const stranger = () => other.approver;
const [reviewer1, reviewer2] = [() => joint.reviewers[0]!.approver, () => joint.reviewers[1]!.approver];

/** An accepted case of the one-step item: its step is open for the department. */
async function oneStep() {
  const c = await f.caseIn(item, 'accepted');
  return { caseId: c.id, taskId: c.taskId! };
}

/** A joint case past the lead's pre-review: the three departments review at once. */
async function jointCase() {
  const c = await f.caseIn(joint, { step: 2 });
  return c.id;
}

describe('催办: managers and the step’s own agency head only', () => {
  it('refuses an approver of another department, and of the same one; the department’s head urges', async () => {
    const { caseId, taskId } = await oneStep();
    expect((await post(`/api/tasks/${taskId}/urge`, stranger(), { message: '请尽快' })).json().code).toBe('TASK_NOT_FOUND');
    expect((await post(`/api/tasks/${taskId}/urge`, approver(), {})).json().code).toBe('FORBIDDEN');
    expect((await opsOf(caseId, head())).tasks.find((x) => x.taskId === taskId)?.operations).toContain('urge');
    expect((await post(`/api/tasks/${taskId}/urge`, head(), { message: '今日办结' })).statusCode).toBe(200);
    const urges = await t.ctx.db.query(`SELECT actor_id FROM events WHERE type = 'task.urged' AND payload->>'taskId' = $1`, [taskId]);
    expect(urges.rows.map((r) => r.actor_id)).toEqual([await userId(head())]);
  });

  it('an approver of another department cannot use up the manager’s urge', async () => {
    const { taskId } = await oneStep();
    await post(`/api/tasks/${taskId}/urge`, reviewer1(), {});
    expect((await post(`/api/tasks/${taskId}/urge`, 'manager', { message: '已超期预警' })).statusCode).toBe(200);
  });

  it('an agency head of another department learns nothing of the step', async () => {
    const caseId = await jointCase();
    const reviewTask = (await opsOf(caseId, reviewer1())).tasks[0]!.taskId;
    // The one-step item's agency head cannot even see the joint case.
    expect((await post(`/api/tasks/${reviewTask}/urge`, head(), {})).json().code).toBe('TASK_NOT_FOUND');
  });
});

describe('抄送: only those answerable for the case, only to staff who read it, never onward', () => {
  it('a copy recipient cannot copy the case on; a supervisor is no recipient; a government head sends none', async () => {
    const caseId = await jointCase();
    const reviewTask = (await opsOf(caseId, reviewer1())).tasks[0]!.taskId;
    expect((await post(`/api/cases/${caseId}/copies`, reviewer1(), { users: [await userId(stranger())], taskId: reviewTask })).statusCode).toBe(200);
    // The other department's approver reads the case through the copy …
    expect((await get(`/api/cases/${caseId}`, stranger())).statusCode).toBe(200);
    // … but cannot widen its readers further.
    expect((await post(`/api/cases/${caseId}/copies`, stranger(), { users: [await userId(approver())] })).json().code).toBe('FORBIDDEN');
    expect((await get(`/api/cases/${caseId}`, approver())).json().code).toBe('CASE_NOT_FOUND');
    expect((await post(`/api/cases/${caseId}/copies`, reviewer1(), { users: [await userId('supervisor')] })).json().code).toBe('COPY_RECIPIENT_INVALID');
    expect((await post(`/api/cases/${caseId}/copies`, 'gov_head', { users: [await userId(approver())] })).json().code).toBe('FORBIDDEN');
    const copies = (await get(`/api/cases/${caseId}/copies`, reviewer1())).json().items as { userId: string }[];
    expect(copies.map((c) => c.userId)).toEqual([await userId(stranger())]);
  });
});

describe('退回 targets: only for whoever could return the step', () => {
  it('answers the handler, refuses who cannot see the case and who only reads it', async () => {
    const caseId = await jointCase();
    const reviewTask = (await opsOf(caseId, reviewer1())).tasks[0]!.taskId;
    expect((await get(`/api/tasks/${reviewTask}/return-targets`, reviewer1())).json().nodeIds).toEqual(['lead']);
    expect((await get(`/api/tasks/${reviewTask}/return-targets`, stranger())).json().code).toBe('TASK_NOT_FOUND');
    expect((await get(`/api/tasks/${reviewTask}/return-targets`, reviewer2())).json().code).toBe('TASK_NOT_ASSIGNEE');
    expect((await get(`/api/tasks/${reviewTask}/return-targets`, 'manager')).json().code).toBe('TASK_NOT_ASSIGNEE');
  });
});

describe('转办: within the step’s own department', () => {
  it('refuses a person of another department and a supervisor; the agency head takes it and decides', async () => {
    const { caseId, taskId } = await oneStep();
    for (const to of [stranger(), 'supervisor', 'manager']) {
      expect((await post(`/api/tasks/${taskId}/transfer`, approver(), { to: await userId(to), reason: '请协办' })).json().code).toBe('TRANSFER_TARGET_INVALID');
    }
    expect((await t.ctx.db.query('SELECT assignee, claimed_by FROM wf_tasks WHERE id = $1', [taskId])).rows[0]).toEqual({ assignee: null, claimed_by: null });
    expect((await post(`/api/tasks/${taskId}/transfer`, approver(), { to: await userId(head()), reason: '请局长决定' })).statusCode).toBe(200);
    const done = await post(`/api/tasks/${taskId}/complete`, head(), { outcome: 'approved', opinion: '准予许可' });
    expect(done.json().status).toBe('approved');
    expect((await get(`/api/cases/${caseId}`, stranger())).json().code).toBe('CASE_NOT_FOUND');
  });
});

describe('an agency head’s claim', () => {
  it('the head who claims a step of the department decides it, or gives it back to the approvers', async () => {
    const first = await oneStep();
    expect((await post(`/api/tasks/${first.taskId}/claim`, head())).statusCode).toBe(200);
    expect((await opsOf(first.caseId, head())).tasks[0]!.operations).toEqual(expect.arrayContaining(['unclaim', 'complete']));
    expect((await post(`/api/tasks/${first.taskId}/complete`, head(), { outcome: 'denied', opinion: '经营场所不符合要求' })).json().status).toBe('denied');

    const second = await oneStep();
    await post(`/api/tasks/${second.taskId}/claim`, head());
    expect((await post(`/api/tasks/${second.taskId}/unclaim`, head())).statusCode).toBe(200);
    expect((await post(`/api/tasks/${second.taskId}/complete`, approver(), { outcome: 'approved', opinion: '准予许可' })).json().status).toBe('approved');
  });
});

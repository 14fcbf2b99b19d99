import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTask, unclaimTask } from './claim-task.ts';
import { completeTask } from './complete-task.ts';
import { copyTo, markCopyRead } from './copy-to.ts';
import { getHistory, listCopies, listOpenTasks } from './queries.ts';
import { delegateTask, handoverTasks, resolveTask, transferTask } from './reassign-task.ts';
import { startInstance } from './start-instance.ts';
import { resumeInstance, suspendInstance, terminateProcess } from './suspend-instance.ts';
import { urgeTask, URGE_INTERVAL_MS } from './urge-task.ts';
import { bpmn, chain, codeOf, engineKit, instanceStatus, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
let line: string;
let byDepartment: string;
beforeAll(async () => {
  kit = await engineKit();
  line = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u')} ${userTask('b', 'v')} <bpmn:endEvent id="end"/> ${chain('start', 'a', 'b', 'end')}`));
  byDepartment = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/>
    <bpmn:userTask id="a" tongban:assigneeKind="department" tongban:assignee="FIRE,HEALTH">
      <bpmn:extensionElements><tongban:formField key="amount" access="readonly"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end"/> ${chain('start', 'a', 'end')}`));
});
afterAll(async () => kit.drop());

describe('claim and unclaim', () => {
  it('a department task is claimed by one of its people, then only they handle it', async () => {
    const { instanceId } = await startInstance(kit.env, { key: byDepartment });
    const task = await taskAt(kit.db, instanceId, 'a');
    const f1 = person('f1', { departments: ['FIRE'] });
    const f2 = person('f2', { departments: ['FIRE'] });
    expect((await listOpenTasks(kit.db, { userId: 'f2', departments: ['FIRE'] })).map((t) => t.id)).toContain(task.id);
    expect(await codeOf(claimTask(kit.env, { taskId: task.id, actor: person('p', { departments: ['POLICE'] }) }))).toBe('TASK_NOT_ASSIGNEE');
    await claimTask(kit.env, { taskId: task.id, actor: f1 });
    expect(await codeOf(claimTask(kit.env, { taskId: task.id, actor: f2 }))).toBe('TASK_ALREADY_CLAIMED');
    expect(await codeOf(completeTask(kit.env, { taskId: task.id, actor: f2 }))).toBe('TASK_NOT_ASSIGNEE');
    expect((await listOpenTasks(kit.db, { userId: 'f2', departments: ['FIRE'] })).map((t) => t.id)).not.toContain(task.id);
    expect(await codeOf(unclaimTask(kit.env, { taskId: task.id, actor: f2 }))).toBe('TASK_NOT_ASSIGNEE');
    await unclaimTask(kit.env, { taskId: task.id, actor: f1 });
    expect(await codeOf(unclaimTask(kit.env, { taskId: task.id, actor: f1 }))).toBe('TASK_NOT_CLAIMED');
    // Completing an unclaimed candidate task claims it on the way.
    await completeTask(kit.env, { taskId: task.id, actor: f2 });
    expect(await instanceStatus(kit.db, instanceId)).toBe('completed');
  });

  it('refuses a form field that is read-only at this step', async () => {
    const { instanceId } = await startInstance(kit.env, { key: byDepartment, variables: { amount: 5 } });
    const task = await taskAt(kit.db, instanceId, 'a');
    expect(await codeOf(completeTask(kit.env, { taskId: task.id, actor: person('h', { departments: ['HEALTH'] }), formData: { amount: 6 } }))).toBe('FORM_FIELD_NOT_EDITABLE');
  });
});

describe('transfer, delegate, handover', () => {
  it('转办 gives the task to someone else for good', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line });
    const a = await taskAt(kit.db, instanceId, 'a');
    expect(await codeOf(transferTask(kit.env, { taskId: a.id, actor: person('x'), to: 'w' }))).toBe('TASK_NOT_ASSIGNEE');
    await transferTask(kit.env, { taskId: a.id, actor: person('u'), to: 'w', reason: '出差' });
    expect(await codeOf(completeTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('TASK_NOT_ASSIGNEE');
    await completeTask(kit.env, { taskId: a.id, actor: person('w') });
  });

  it('委派: the owner waits while the delegate works; resolved, the task is the owner’s again', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line });
    const a = await taskAt(kit.db, instanceId, 'a');
    await delegateTask(kit.env, { taskId: a.id, actor: person('u'), to: 'expert' });
    expect(await codeOf(completeTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('TASK_DELEGATED');
    expect(await codeOf(resolveTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('TASK_NOT_ASSIGNEE');
    expect((await listOpenTasks(kit.db, { userId: 'expert' })).map((t) => t.id)).toContain(a.id);
    await resolveTask(kit.env, { taskId: a.id, actor: person('expert'), opinion: '技术上可行' });
    expect(await codeOf(resolveTask(kit.env, { taskId: a.id, actor: person('expert') }))).toBe('TASK_NOT_OPEN');
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
    const actions = (await getHistory(kit.db, { instanceId })).entries.filter((e) => e.taskId === a.id).map((e) => e.action);
    expect(actions).toEqual(['delegated', 'resolved', 'completed']);
  });

  it('工作交接 moves all of a person’s open tasks, across processes', async () => {
    const one = await startInstance(kit.env, { key: line });
    const two = await startInstance(kit.env, { key: line });
    const moved = await handoverTasks(kit.env, { from: 'u', to: 'successor', actor: person('manager') });
    expect(moved.taskIds).toEqual(expect.arrayContaining([(await taskAt(kit.db, one.instanceId, 'a')).id, (await taskAt(kit.db, two.instanceId, 'a')).id]));
    expect((await taskAt(kit.db, one.instanceId, 'a')).assignee).toBe('successor');
    expect((await listOpenTasks(kit.db, { userId: 'u' })).length).toBe(0);
  });
});

describe('urge and copy', () => {
  it('催办 at most once an hour per task', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line });
    const a = await taskAt(kit.db, instanceId, 'a');
    await urgeTask(kit.env, { taskId: a.id, actor: person('applicant') });
    expect(await codeOf(urgeTask(kit.env, { taskId: a.id, actor: person('applicant') }))).toBe('URGE_THROTTLED');
    kit.clock.advance(URGE_INTERVAL_MS);
    await urgeTask(kit.env, { taskId: a.id, actor: person('applicant') });
    const events = await kit.db.query("SELECT count(*)::int AS n FROM events WHERE type = 'task.urged' AND payload->>'taskId' = $1", [a.id]);
    expect(events.rows[0]!.n).toBe(2);
  });

  it('抄送 sends read-only copies with read receipts', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line });
    const a = await taskAt(kit.db, instanceId, 'a');
    const { copyIds } = await copyTo(kit.env, { instanceId, taskId: a.id, actor: person('u'), users: ['leader', 'leader', 'archive'] });
    expect(copyIds).toHaveLength(2);
    expect((await copyTo(kit.env, { instanceId, taskId: a.id, actor: person('u'), users: ['leader'] })).copyIds).toHaveLength(0);
    const [copy] = await listCopies(kit.db, 'leader');
    expect(copy!.readAt).toBeNull();
    expect(await codeOf(markCopyRead(kit.env, { copyId: copy!.id, actor: person('archive') }))).toBe('COPY_NOT_FOUND');
    const first = await markCopyRead(kit.env, { copyId: copy!.id, actor: person('leader') });
    kit.clock.advance(1000);
    const again = await markCopyRead(kit.env, { copyId: copy!.id, actor: person('leader') });
    expect(again.readAt.getTime()).toBe(first.readAt.getTime());
    // A copy is not a task: the reader cannot act on the process.
    expect(await codeOf(completeTask(kit.env, { taskId: a.id, actor: person('leader') }))).toBe('TASK_NOT_ASSIGNEE');
  });
});

describe('suspend, resume, terminate', () => {
  it('a suspended process refuses task operations until resumed', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line });
    const a = await taskAt(kit.db, instanceId, 'a');
    await suspendInstance(kit.env, { instanceId, actor: person('admin'), reason: '补正材料' });
    expect(await codeOf(suspendInstance(kit.env, { instanceId, actor: person('admin') }))).toBe('INSTANCE_NOT_RUNNING');
    expect(await codeOf(completeTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('INSTANCE_SUSPENDED');
    expect(await codeOf(urgeTask(kit.env, { taskId: a.id, actor: person('x') }))).toBe('INSTANCE_SUSPENDED');
    await resumeInstance(kit.env, { instanceId, actor: person('admin') });
    expect(await codeOf(resumeInstance(kit.env, { instanceId, actor: person('admin') }))).toBe('INSTANCE_NOT_RUNNING');
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
  });

  it('terminating cancels every open task', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line });
    await terminateProcess(kit.env, { instanceId, actor: person('admin'), reason: '申请人撤回申请' });
    expect(await instanceStatus(kit.db, instanceId)).toBe('terminated');
    expect(await openTasks(kit.db, instanceId)).toHaveLength(0);
    expect(await codeOf(terminateProcess(kit.env, { instanceId, actor: person('admin') }))).toBe('INSTANCE_NOT_RUNNING');
  });
});

describe('history', () => {
  it('records who did what, when, with which opinion and which fields changed', async () => {
    const { instanceId } = await startInstance(kit.env, { key: line, variables: { amount: 1 }, actor: person('applicant') });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'a')).id, actor: person('u'), outcome: 'approve', opinion: '同意', formData: { amount: 3 } });
    const history = await getHistory(kit.db, { instanceId });
    const completed = history.entries.find((e) => e.action === 'completed')!;
    expect(completed).toMatchObject({ actorId: 'u', nodeId: 'a', opinion: '同意', fields: { amount: { from: 1, to: 3 } } });
    expect(completed.at).toBeInstanceOf(Date);
    expect(history.nodes[instanceId]).toEqual({ done: ['start', 'a'], active: ['b'], returned: [] });
  });
});

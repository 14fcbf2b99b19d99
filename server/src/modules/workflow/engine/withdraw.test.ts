import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTask } from './claim-task.ts';
import { completeTask } from './complete-task.ts';
import { handlerRegistry } from './handlers.ts';
import { startInstance } from './start-instance.ts';
import { urgeTask } from './urge-task.ts';
import { withdrawTask } from './withdraw-task.ts';
import { bpmn, chain, codeOf, engineKit, flow, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit({ handlers: handlerRegistry({ notify: () => ({ notified: true }) }) });
});
afterAll(async () => kit.drop());

const nodes = async (id: string) => (await openTasks(kit.db, id)).map((t) => `${t.node_id}:${t.assignee ?? t.candidate_values.join('|')}`).sort();
const complete = async (id: string, node: string, user: string, extra: Record<string, unknown> = {}) =>
  completeTask(kit.env, { taskId: (await taskAt(kit.db, id, node, user)).id, actor: person(user), ...extra });
const vars = async (id: string) => (await kit.db.query<{ variables: Record<string, unknown> }>('SELECT variables FROM wf_instances WHERE id = $1', [id])).rows[0]!.variables;

describe('withdraw on a line', () => {
  const line = () => bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u')} ${userTask('b', 'v')} <bpmn:endEvent id="end"/> ${chain('start', 'a', 'b', 'end')}`);

  it('takes the completion back before the next person acts: the next task goes, variables come back', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(line()), variables: { amount: 1 } });
    const a = await taskAt(kit.db, instanceId, 'a');
    await completeTask(kit.env, { taskId: a.id, actor: person('u'), outcome: 'approve', formData: { amount: 2, note: 'x' } });
    await withdrawTask(kit.env, { taskId: a.id, actor: person('u') });
    expect(await nodes(instanceId)).toEqual(['a:u']);
    expect((await taskAt(kit.db, instanceId, 'a')).id).toBe(a.id);
    expect(await vars(instanceId)).toEqual({ amount: 1 });
    // Done again, the process goes on as if the first completion had never been.
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
    expect(await nodes(instanceId)).toEqual(['b:v']);
  });

  it('is too late once the next person has acted (claimed, completed…); an urge does not count as acting', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(line()) });
    const a = await taskAt(kit.db, instanceId, 'a');
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
    await urgeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'b')).id, actor: person('u') });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'b')).id, actor: person('v') });
    expect(await codeOf(withdrawTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('INSTANCE_NOT_RUNNING');
  });

  it('only the person who completed the task may withdraw it, and only a completed task', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(line()) });
    const a = await taskAt(kit.db, instanceId, 'a');
    expect(await codeOf(withdrawTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('TASK_NOT_OPEN');
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
    expect(await codeOf(withdrawTask(kit.env, { taskId: a.id, actor: person('v') }))).toBe('TASK_NOT_ASSIGNEE');
  });

  it('a claim by the next candidate makes it too late', async () => {
    const key = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u')}
      <bpmn:userTask id="b" tongban:assigneeKind="department" tongban:assignee="FIRE"/> <bpmn:endEvent id="end"/> ${chain('start', 'a', 'b', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    const a = await taskAt(kit.db, instanceId, 'a');
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
    await claimTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'b')).id, actor: person('f1', { departments: ['FIRE'] }) });
    expect(await codeOf(withdrawTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('WITHDRAW_TOO_LATE');
  });

  it('brings back the timers the completion cancelled (the step’s time limit)', async () => {
    const { fireDueTimers } = await import('./timers.ts');
    const key = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u', 'tongban:limitDays="1" tongban:timeoutAction="remind"')} ${userTask('b', 'v')}
      <bpmn:endEvent id="end"/> ${chain('start', 'a', 'b', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    const a = await taskAt(kit.db, instanceId, 'a');
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
    await withdrawTask(kit.env, { taskId: a.id, actor: person('u') });
    const pending = await kit.db.query("SELECT 1 FROM wf_timers WHERE task_id = $1 AND status = 'pending'", [a.id]);
    expect(pending.rowCount).toBe(1);
    kit.clock.advance(25 * 3_600_000);
    expect(await fireDueTimers(kit.env)).toBeGreaterThanOrEqual(1);
    const reminded = await kit.db.query("SELECT 1 FROM wf_history WHERE task_id = $1 AND action = 'overdueReminded'", [a.id]);
    expect(reminded.rowCount).toBe(1);
  });

  it('a suspended process refuses a withdraw', async () => {
    const { suspendInstance } = await import('./suspend-instance.ts');
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(line()) });
    const a = await taskAt(kit.db, instanceId, 'a');
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
    await suspendInstance(kit.env, { instanceId, actor: person('admin') });
    expect(await codeOf(withdrawTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('INSTANCE_SUSPENDED');
  });

  it('a completion that ran a service task cannot be withdrawn', async () => {
    const key = await kit.deploy(bpmn(`<bpmn:startEvent id="start"/> ${userTask('a', 'u')} <bpmn:serviceTask id="n" tongban:handler="notify"/> ${userTask('b', 'v')}
      <bpmn:endEvent id="end"/> ${chain('start', 'a', 'n', 'b', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    const a = await taskAt(kit.db, instanceId, 'a');
    await completeTask(kit.env, { taskId: a.id, actor: person('u') });
    expect(await codeOf(withdrawTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('WITHDRAW_NOT_ALLOWED');
  });
});

describe('withdraw in parallel branches', () => {
  const parallel = () => bpmn(`
    <bpmn:startEvent id="start"/> ${userTask('accept', 'clerk')} <bpmn:parallelGateway id="split"/> <bpmn:parallelGateway id="join"/>
    ${userTask('x', 'u1')} ${userTask('y', 'u2')} ${userTask('approve', 'boss')} <bpmn:endEvent id="end"/>
    ${chain('start', 'accept', 'split')} ${flow('sx', 'split', 'x')} ${flow('sy', 'split', 'y')} ${flow('xj', 'x', 'join')} ${flow('yj', 'y', 'join')} ${chain('join', 'approve', 'end')}`);

  it('a split completion withdrawn removes every branch it opened', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(parallel()) });
    const accept = await taskAt(kit.db, instanceId, 'accept');
    await completeTask(kit.env, { taskId: accept.id, actor: person('clerk') });
    expect(await nodes(instanceId)).toEqual(['x:u1', 'y:u2']);
    await withdrawTask(kit.env, { taskId: accept.id, actor: person('clerk') });
    expect(await nodes(instanceId)).toEqual(['accept:clerk']);
  });

  it('…but not once any of the branches acted', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(parallel()) });
    const accept = await taskAt(kit.db, instanceId, 'accept');
    await completeTask(kit.env, { taskId: accept.id, actor: person('clerk') });
    await complete(instanceId, 'y', 'u2');
    expect(await codeOf(withdrawTask(kit.env, { taskId: accept.id, actor: person('clerk') }))).toBe('WITHDRAW_TOO_LATE');
  });

  it('a branch waiting at the join can be withdrawn; the sibling branch is untouched', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(parallel()) });
    await complete(instanceId, 'accept', 'clerk');
    const x = await taskAt(kit.db, instanceId, 'x');
    await completeTask(kit.env, { taskId: x.id, actor: person('u1') });
    await withdrawTask(kit.env, { taskId: x.id, actor: person('u1') });
    expect(await nodes(instanceId)).toEqual(['x:u1', 'y:u2']);
    await complete(instanceId, 'x', 'u1');
    await complete(instanceId, 'y', 'u2');
    expect(await nodes(instanceId)).toEqual(['approve:boss']);
  });

  it('once the join has fired on a sibling’s completion it is too late for the earlier branch; the sibling may still withdraw', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(parallel()) });
    await complete(instanceId, 'accept', 'clerk');
    const x = await taskAt(kit.db, instanceId, 'x');
    const y = await taskAt(kit.db, instanceId, 'y');
    await completeTask(kit.env, { taskId: x.id, actor: person('u1') });
    await completeTask(kit.env, { taskId: y.id, actor: person('u2') });
    expect(await codeOf(withdrawTask(kit.env, { taskId: x.id, actor: person('u1') }))).toBe('WITHDRAW_TOO_LATE');
    await withdrawTask(kit.env, { taskId: y.id, actor: person('u2') });
    expect(await nodes(instanceId)).toEqual(['y:u2']);
    // x's arrival at the join is back, so x may now withdraw as well.
    await withdrawTask(kit.env, { taskId: x.id, actor: person('u1') });
    expect(await nodes(instanceId)).toEqual(['x:u1', 'y:u2']);
  });
});

describe('withdraw in a multi-instance step', () => {
  const sign = (sequential: boolean, mode = 'all') => bpmn(`
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="sign" tongban:assigneeKind="user" tongban:assignee="a,b,c"><bpmn:multiInstanceLoopCharacteristics isSequential="${sequential}" tongban:completion="${mode}"/></bpmn:userTask>
    ${userTask('after', 'boss')} <bpmn:endEvent id="end"/> ${chain('start', 'sign', 'after', 'end')}`);

  it('a vote in a running parallel step is taken back; the others’ votes stay', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(sign(false)) });
    const a = await taskAt(kit.db, instanceId, 'sign', 'a');
    await completeTask(kit.env, { taskId: a.id, actor: person('a'), outcome: 'approve' });
    await complete(instanceId, 'sign', 'b', { outcome: 'approve' });
    await withdrawTask(kit.env, { taskId: a.id, actor: person('a') });
    expect(await nodes(instanceId)).toEqual(['sign:a', 'sign:c']);
    await complete(instanceId, 'sign', 'c', { outcome: 'approve' });
    expect(await nodes(instanceId)).toEqual(['sign:a']);
    await complete(instanceId, 'sign', 'a', { outcome: 'approve' });
    expect(await nodes(instanceId)).toEqual(['after:boss']);
  });

  it('in a sequential step, a vote is taken back while the next signer has not acted', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(sign(true)) });
    const a = await taskAt(kit.db, instanceId, 'sign', 'a');
    await completeTask(kit.env, { taskId: a.id, actor: person('a'), outcome: 'approve' });
    expect(await nodes(instanceId)).toEqual(['sign:b']);
    await withdrawTask(kit.env, { taskId: a.id, actor: person('a') });
    expect(await nodes(instanceId)).toEqual(['sign:a']);
    await completeTask(kit.env, { taskId: a.id, actor: person('a'), outcome: 'approve' });
    await complete(instanceId, 'sign', 'b', { outcome: 'approve' });
    expect(await codeOf(withdrawTask(kit.env, { taskId: a.id, actor: person('a') }))).toBe('WITHDRAW_TOO_LATE');
  });

  it('the vote that decided the step is taken back: the step reopens with the signers it had cancelled', async () => {
    const { instanceId } = await startInstance(kit.env, { key: await kit.deploy(sign(false, 'any')) });
    const b = await taskAt(kit.db, instanceId, 'sign', 'b');
    await completeTask(kit.env, { taskId: b.id, actor: person('b'), outcome: 'approve' });
    expect(await nodes(instanceId)).toEqual(['after:boss']);
    await withdrawTask(kit.env, { taskId: b.id, actor: person('b') });
    expect(await nodes(instanceId)).toEqual(['sign:a', 'sign:b', 'sign:c']);
    await complete(instanceId, 'sign', 'c', { outcome: 'approve' });
    expect(await nodes(instanceId)).toEqual(['after:boss']);
  });
});

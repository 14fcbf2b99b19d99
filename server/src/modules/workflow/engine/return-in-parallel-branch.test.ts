import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from './complete-task.ts';
import { getHistory } from './queries.ts';
import { listReturnTargets, returnTask } from './return-task.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, codeOf, engineKit, flow, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
let key: string;
beforeAll(async () => {
  kit = await engineKit();
  // accept → split → [x1 → x2] ∥ [y] → join → approve
  key = await kit.deploy(bpmn(`
    <bpmn:startEvent id="start"/> ${userTask('accept', 'clerk')} <bpmn:parallelGateway id="split"/> <bpmn:parallelGateway id="join"/>
    ${userTask('x1', 'u1')} ${userTask('x2', 'u1')} ${userTask('y', 'u2')} ${userTask('approve', 'boss')} <bpmn:endEvent id="end"/>
    ${chain('start', 'accept', 'split')} ${flow('sx', 'split', 'x1')} ${flow('sy', 'split', 'y')} ${chain('x1', 'x2')}
    ${flow('xj', 'x2', 'join')} ${flow('yj', 'y', 'join')} ${chain('join', 'approve', 'end')}`));
});
afterAll(async () => kit.drop());

const nodes = async (id: string) => (await openTasks(kit.db, id)).map((t) => t.node_id).sort();
const complete = async (id: string, node: string, user: string) => completeTask(kit.env, { taskId: (await taskAt(kit.db, id, node)).id, actor: person(user) });

async function atX2(): Promise<string> {
  const { instanceId } = await startInstance(kit.env, { key });
  await complete(instanceId, 'accept', 'clerk');
  await complete(instanceId, 'x1', 'u1');
  return instanceId;
}

describe('return inside a parallel branch', () => {
  it('returning within the branch moves only that branch back; the sibling branch is untouched', async () => {
    const id = await atX2();
    const y = await taskAt(kit.db, id, 'y');
    await returnTask(kit.env, { taskId: (await taskAt(kit.db, id, 'x2')).id, actor: person('u1'), targetNodeId: 'x1', opinion: '补充审查意见' });
    expect(await nodes(id)).toEqual(['x1', 'y']);
    expect((await taskAt(kit.db, id, 'y')).id).toBe(y.id);
    expect((await taskAt(kit.db, id, 'x1')).assignee).toBe('u1');
    // The branch then runs on normally and the join still needs both branches.
    await complete(id, 'x1', 'u1');
    await complete(id, 'x2', 'u1');
    expect(await nodes(id)).toEqual(['y']);
    await complete(id, 'y', 'u2');
    expect(await nodes(id)).toEqual(['approve']);
  });

  it('returning to a step before the split cancels every branch of that split and records why', async () => {
    const id = await atX2();
    const y = await taskAt(kit.db, id, 'y');
    const x2 = await taskAt(kit.db, id, 'x2');
    await returnTask(kit.env, { taskId: x2.id, actor: person('u1'), targetNodeId: 'accept' });
    expect(await nodes(id)).toEqual(['accept']);
    const cancelled = await kit.db.query<{ details: { reason: string; byTask: string } }>("SELECT details FROM wf_history WHERE task_id = $1 AND action = 'cancelled'", [y.id]);
    expect(cancelled.rows[0]!.details).toMatchObject({ reason: 'returnedPastSplit', byTask: x2.id });
    expect((await kit.db.query('SELECT status FROM wf_tasks WHERE id = $1', [x2.id])).rows[0]!.status).toBe('returned');
  });

  it('a branch already waiting at the join is cancelled too, so the join later fires exactly once', async () => {
    const id = await atX2();
    await complete(id, 'y', 'u2');
    await returnTask(kit.env, { taskId: (await taskAt(kit.db, id, 'x2')).id, actor: person('u1'), targetNodeId: 'accept' });
    const tokens = await kit.db.query("SELECT node_id FROM wf_tokens WHERE instance_id = $1 AND state = 'joining'", [id]);
    expect(tokens.rowCount).toBe(0);
    await complete(id, 'accept', 'clerk');
    expect(await nodes(id)).toEqual(['x1', 'y']);
    await complete(id, 'x1', 'u1');
    await complete(id, 'x2', 'u1');
    expect(await nodes(id)).toEqual(['y']);
    await complete(id, 'y', 'u2');
    expect(await nodes(id)).toEqual(['approve']);
  });

  it('returning into a sibling branch is refused (otherBranch)', async () => {
    const id = await atX2();
    await complete(id, 'y', 'u2');
    expect((await listReturnTargets(kit.env, (await taskAt(kit.db, id, 'x2')).id, null)).sort()).toEqual(['accept', 'x1']);
    const error = returnTask(kit.env, { taskId: (await taskAt(kit.db, id, 'x2')).id, actor: person('u1'), targetNodeId: 'y' });
    expect(await codeOf(error)).toBe('RETURN_TARGET_INVALID');
    expect(await nodes(id)).toEqual(['x2']);
  });

  it('after the join, returning into a joined branch is refused; returning before the split is allowed', async () => {
    const id = await atX2();
    await complete(id, 'x2', 'u1');
    await complete(id, 'y', 'u2');
    const approve = await taskAt(kit.db, id, 'approve');
    expect(await codeOf(returnTask(kit.env, { taskId: approve.id, actor: person('boss'), targetNodeId: 'x1' }))).toBe('RETURN_TARGET_INVALID');
    await returnTask(kit.env, { taskId: approve.id, actor: person('boss'), targetNodeId: 'accept' });
    expect(await nodes(id)).toEqual(['accept']);
  });

  it('refuses a step never completed, the step itself, and a node that is not a user task', async () => {
    const { instanceId } = await startInstance(kit.env, { key });
    const accept = await taskAt(kit.db, instanceId, 'accept');
    expect(await codeOf(returnTask(kit.env, { taskId: accept.id, actor: person('clerk'), targetNodeId: 'approve' }))).toBe('RETURN_TARGET_INVALID');
    expect(await codeOf(returnTask(kit.env, { taskId: accept.id, actor: person('clerk'), targetNodeId: 'accept' }))).toBe('RETURN_TARGET_INVALID');
    expect(await codeOf(returnTask(kit.env, { taskId: accept.id, actor: person('clerk'), targetNodeId: 'split' }))).toBe('RETURN_TARGET_INVALID');
    expect(await codeOf(returnTask(kit.env, { taskId: accept.id, actor: person('u1'), targetNodeId: 'start' }))).toBe('TASK_NOT_ASSIGNEE');
  });

  it('the history marks the returning step for the diagram', async () => {
    const id = await atX2();
    await returnTask(kit.env, { taskId: (await taskAt(kit.db, id, 'x2')).id, actor: person('u1'), targetNodeId: 'x1' });
    const history = await getHistory(kit.db, { instanceId: id });
    const view = history.nodes[id]!;
    expect(view.returned).toEqual(['x2']);
    expect(view.active.sort()).toEqual(['x1', 'y']);
    expect(view.done).toEqual(expect.arrayContaining(['start', 'accept', 'split']));
    expect(history.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['started', 'completed', 'returned']));
  });
});

describe('return from a multi-instance step and from a sub-process', () => {
  it('a co-signer returning sends the whole step back: the other signers’ tasks are cancelled', async () => {
    const miKey = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> ${userTask('accept', 'clerk')}
      <bpmn:userTask id="sign" tongban:assigneeKind="user" tongban:assignee="a,b,c"><bpmn:multiInstanceLoopCharacteristics tongban:completion="all"/></bpmn:userTask>
      <bpmn:endEvent id="end"/> ${chain('start', 'accept', 'sign', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key: miKey });
    await complete(instanceId, 'accept', 'clerk');
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'sign', 'a')).id, actor: person('a'), outcome: 'approve' });
    await returnTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'sign', 'b')).id, actor: person('b'), targetNodeId: 'accept' });
    expect(await nodes(instanceId)).toEqual(['accept']);
    // Re-entered, the step starts over with all its signers.
    await complete(instanceId, 'accept', 'clerk');
    expect((await openTasks(kit.db, instanceId)).map((t) => t.assignee).sort()).toEqual(['a', 'b', 'c']);
  });

  it('returning from inside a sub-process to a step before it cancels the whole sub-process', async () => {
    const subKey = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> ${userTask('accept', 'clerk')}
      <bpmn:subProcess id="sub"><bpmn:startEvent id="s0"/> <bpmn:parallelGateway id="ss"/> ${userTask('in1', 'u')} ${userTask('in2', 'v')}
        <bpmn:parallelGateway id="sj"/> <bpmn:endEvent id="s9"/> ${chain('s0', 'ss')} ${flow('a', 'ss', 'in1')} ${flow('b', 'ss', 'in2')} ${flow('c', 'in1', 'sj')} ${flow('d', 'in2', 'sj')} ${chain('sj', 's9')}</bpmn:subProcess>
      <bpmn:endEvent id="end"/> ${chain('start', 'accept', 'sub', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key: subKey });
    await complete(instanceId, 'accept', 'clerk');
    await returnTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'in1')).id, actor: person('u'), targetNodeId: 'accept' });
    expect(await nodes(instanceId)).toEqual(['accept']);
    const left = await kit.db.query('SELECT node_id FROM wf_tokens WHERE instance_id = $1', [instanceId]);
    expect(left.rows.map((r) => r.node_id)).toEqual(['accept']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from './complete-task.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, codeOf, engineKit, flow, instanceStatus, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit();
});
afterAll(async () => kit.drop());

const decide = (condA: string, condB: string, withDefault: boolean) => bpmn(`
  <bpmn:startEvent id="start"/>
  <bpmn:exclusiveGateway id="gw" ${withDefault ? 'default="toC"' : ''}/>
  ${userTask('a', 'u')} ${userTask('b', 'u')} ${userTask('c', 'u')}
  <bpmn:endEvent id="end"/>
  ${flow('s', 'start', 'gw')}
  ${flow('toA', 'gw', 'a', condA)} ${flow('toB', 'gw', 'b', condB)} ${withDefault ? flow('toC', 'gw', 'c') : ''}
  ${flow('ae', 'a', 'end')} ${flow('be', 'b', 'end')} ${withDefault ? flow('ce', 'c', 'end') : ''}`);

describe('exclusive gateway', () => {
  it('takes the first true condition in document order', async () => {
    const key = await kit.deploy(decide('amount &gt; 10', 'amount &gt; 5', true));
    const { instanceId } = await startInstance(kit.env, { key, variables: { amount: 20 } });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['a']);
  });

  it('takes the default flow when no condition holds', async () => {
    const key = await kit.deploy(decide('amount &gt; 10', 'amount &gt; 5', true));
    const { instanceId } = await startInstance(kit.env, { key, variables: { amount: 1 } });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['c']);
  });
});

describe('parallel gateway', () => {
  it('waits at the join for every branch', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:parallelGateway id="split"/> <bpmn:parallelGateway id="join"/>
      ${userTask('x', 'u')} ${userTask('y', 'u')} ${userTask('after', 'u')} <bpmn:endEvent id="end"/>
      ${chain('start', 'split')} ${flow('sx', 'split', 'x')} ${flow('sy', 'split', 'y')}
      ${flow('xj', 'x', 'join')} ${flow('yj', 'y', 'join')} ${chain('join', 'after', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'x')).id, actor: person('u') });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['y']);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'y')).id, actor: person('u') });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'after')).id, actor: person('u') });
    expect(await instanceStatus(kit.db, instanceId)).toBe('completed');
  });
});

describe('inclusive gateway', () => {
  const model = () => bpmn(`
    <bpmn:startEvent id="start"/> <bpmn:inclusiveGateway id="split" default="toZ"/> <bpmn:inclusiveGateway id="join"/>
    ${userTask('x', 'u')} ${userTask('y', 'u')} ${userTask('z', 'u')} ${userTask('after', 'u')} <bpmn:endEvent id="end"/>
    ${chain('start', 'split')}
    ${flow('toX', 'split', 'x', 'fire == true')} ${flow('toY', 'split', 'y', 'food == true')} ${flow('toZ', 'split', 'z')}
    ${flow('xj', 'x', 'join')} ${flow('yj', 'y', 'join')} ${flow('zj', 'z', 'join')} ${chain('join', 'after', 'end')}`);

  it('splits on every true condition and joins the branches actually taken', async () => {
    const key = await kit.deploy(model());
    const { instanceId } = await startInstance(kit.env, { key, variables: { fire: true, food: true } });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id).sort()).toEqual(['x', 'y']);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'x')).id, actor: person('u') });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['y']);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'y')).id, actor: person('u') });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
  });

  it('passes straight through the join when one branch was taken', async () => {
    const key = await kit.deploy(model());
    const { instanceId } = await startInstance(kit.env, { key, variables: { fire: false, food: true } });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'y')).id, actor: person('u') });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
  });

  it('takes the default when no condition holds', async () => {
    const key = await kit.deploy(model());
    const { instanceId } = await startInstance(kit.env, { key, variables: { fire: false, food: false } });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['z']);
  });
});

describe('loops', () => {
  it('flows back to an earlier step while a condition holds', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> ${userTask('fill', 'u')} ${userTask('check', 'u')}
      <bpmn:exclusiveGateway id="ok" default="done"/> <bpmn:endEvent id="end"/>
      ${chain('start', 'fill', 'check', 'ok')} ${flow('again', 'ok', 'fill', "outcome == 'reject'")} ${flow('done', 'ok', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'fill')).id, actor: person('u') });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'check')).id, actor: person('u'), outcome: 'reject' });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'fill')).id, actor: person('u') });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'check')).id, actor: person('u'), outcome: 'approve' });
    expect(await instanceStatus(kit.db, instanceId)).toBe('completed');
  });

  it('rolls the whole step back when a condition cannot be evaluated', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> ${userTask('a', 'u')} ${userTask('b', 'u')} <bpmn:exclusiveGateway id="gw" default="other"/> <bpmn:endEvent id="end"/>
      ${chain('start', 'a', 'gw')} ${flow('big', 'gw', 'b', 'amount &gt; 10')} ${flow('other', 'gw', 'end')} ${chain('b', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    const a = await taskAt(kit.db, instanceId, 'a');
    // amount is missing: comparing null with a number is an error, not a silent "false".
    expect(await codeOf(completeTask(kit.env, { taskId: a.id, actor: person('u') }))).toBe('EXPRESSION_EVALUATION');
    expect((await taskAt(kit.db, instanceId, 'a')).status).toBe('open');
    await completeTask(kit.env, { taskId: a.id, actor: person('u'), formData: { amount: 20 } });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['b']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from './complete-task.ts';
import { BpmnError, handlerRegistry } from './handlers.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, codeOf, engineKit, flow, instanceStatus, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
const calls: string[] = [];
beforeAll(async () => {
  kit = await engineKit({
    handlers: handlerRegistry({
      score: ({ variables }) => ({ score: Number(variables.amount ?? 0) * 2 }),
      check: ({ variables }) => {
        calls.push('check');
        if (variables.blacklisted === true) throw new BpmnError('BLACKLISTED');
      },
    }),
  });
});
afterAll(async () => kit.drop());

const errors = '<bpmn:error id="Err_black" errorCode="BLACKLISTED"/> <bpmn:error id="Err_other" errorCode="OTHER"/>';

describe('embedded sub-process', () => {
  it('runs its inside as a scope and continues after it', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="s_start"/> ${userTask('inner', 'u')} <bpmn:endEvent id="s_end"/> ${chain('s_start', 'inner', 's_end')}</bpmn:subProcess>
      ${userTask('after', 'u')} <bpmn:endEvent id="end"/> ${chain('start', 'sub', 'after', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'inner')).id, actor: person('u') });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
  });

  it('a terminate end inside ends only the sub-process, cancelling its other paths', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/>
      <bpmn:subProcess id="sub">
        <bpmn:startEvent id="s_start"/> <bpmn:parallelGateway id="s_split"/> ${userTask('p1', 'u')} ${userTask('p2', 'u')}
        <bpmn:endEvent id="s_term"><bpmn:terminateEventDefinition/></bpmn:endEvent> <bpmn:endEvent id="s_end"/>
        ${chain('s_start', 's_split')} ${flow('a', 's_split', 'p1')} ${flow('b', 's_split', 'p2')} ${chain('p1', 's_term')} ${chain('p2', 's_end')}
      </bpmn:subProcess>
      ${userTask('after', 'u')} <bpmn:endEvent id="end"/> ${chain('start', 'sub', 'after', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'p1')).id, actor: person('u') });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
    const cancelled = await kit.db.query("SELECT status FROM wf_tasks WHERE instance_id = $1 AND node_id = 'p2'", [instanceId]);
    expect(cancelled.rows[0]!.status).toBe('cancelled');
  });

  it('a terminate end at process level ends the whole instance', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:parallelGateway id="split"/> ${userTask('p1', 'u')} ${userTask('p2', 'u')}
      <bpmn:endEvent id="term"><bpmn:terminateEventDefinition/></bpmn:endEvent> <bpmn:endEvent id="end"/>
      ${chain('start', 'split')} ${flow('a', 'split', 'p1')} ${flow('b', 'split', 'p2')} ${chain('p1', 'term')} ${chain('p2', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'p1')).id, actor: person('u') });
    expect(await instanceStatus(kit.db, instanceId)).toBe('completed');
    expect(await openTasks(kit.db, instanceId)).toHaveLength(0);
  });
});

describe('errors', () => {
  it('an error end event in a sub-process goes to the error boundary on it', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="s_start"/> ${userTask('inner', 'u')}
        <bpmn:endEvent id="s_err"><bpmn:errorEventDefinition errorRef="Err_black"/></bpmn:endEvent> ${chain('s_start', 'inner', 's_err')}</bpmn:subProcess>
      <bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="Err_black"/></bpmn:boundaryEvent>
      ${userTask('handle', 'u')} ${userTask('after', 'u')} <bpmn:endEvent id="end"/> <bpmn:endEvent id="end2"/>
      ${chain('start', 'sub', 'after', 'end')} ${chain('caught', 'handle', 'end2')}`, errors));
    const { instanceId } = await startInstance(kit.env, { key });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'inner')).id, actor: person('u') });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['handle']);
  });

  it('a BpmnError from a service handler goes to the error boundary on the service task', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:serviceTask id="check" tongban:handler="check"/>
      <bpmn:boundaryEvent id="refused" attachedToRef="check"><bpmn:errorEventDefinition errorRef="Err_black"/></bpmn:boundaryEvent>
      ${userTask('ok', 'u')} ${userTask('refuse', 'u')} <bpmn:endEvent id="end"/> <bpmn:endEvent id="end2"/>
      ${chain('start', 'check', 'ok', 'end')} ${chain('refused', 'refuse', 'end2')}`, errors));
    const good = await startInstance(kit.env, { key, variables: { blacklisted: false } });
    expect((await openTasks(kit.db, good.instanceId)).map((t) => t.node_id)).toEqual(['ok']);
    const bad = await startInstance(kit.env, { key, variables: { blacklisted: true } });
    expect((await openTasks(kit.db, bad.instanceId)).map((t) => t.node_id)).toEqual(['refuse']);
  });

  it('an error nobody catches fails the command with WORKFLOW_ERROR_UNCAUGHT and leaves nothing behind', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:serviceTask id="check" tongban:handler="check"/> <bpmn:endEvent id="end"/>
      ${chain('start', 'check', 'end')}`));
    expect(await codeOf(startInstance(kit.env, { key, businessKey: 'uncaught', variables: { blacklisted: true } }))).toBe('WORKFLOW_ERROR_UNCAUGHT');
    const rows = await kit.db.query("SELECT 1 FROM wf_instances WHERE business_key = 'uncaught'");
    expect(rows.rowCount).toBe(0);
  });

  it('a service task merges what its handler returns into the variables', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:serviceTask id="score" tongban:handler="score"/> <bpmn:exclusiveGateway id="gw" default="low"/>
      ${userTask('high', 'u')} ${userTask('lowTask', 'u')} <bpmn:endEvent id="end"/>
      ${chain('start', 'score', 'gw')} ${flow('hi', 'gw', 'high', 'score &gt;= 100')} ${flow('low', 'gw', 'lowTask')} ${chain('high', 'end')} ${chain('lowTask', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key, variables: { amount: 60 } });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['high']);
  });
});

describe('call activity', () => {
  it('runs the latest published version of the called process and resumes the parent when it ends', async () => {
    const childKey = `child_${Date.now()}`;
    await kit.deploy(bpmn(`<bpmn:startEvent id="c_start"/> ${userTask('c_task', 'u')} <bpmn:endEvent id="c_end"/> ${chain('c_start', 'c_task', 'c_end')}`, '', childKey));
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:callActivity id="call" calledElement="${childKey}"/> ${userTask('after', 'u')} <bpmn:endEvent id="end"/>
      ${chain('start', 'call', 'after', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key, businessKey: 'CALL-1' });
    const child = await kit.db.query<{ id: string; business_key: string }>('SELECT id, business_key FROM wf_instances WHERE parent_id = $1', [instanceId]);
    expect(child.rows[0]!.business_key).toBe('CALL-1');
    const task = await taskAt(kit.db, child.rows[0]!.id, 'c_task');
    await completeTask(kit.env, { taskId: task.id, actor: person('u'), formData: { childSaid: 'yes' } });
    expect(await instanceStatus(kit.db, child.rows[0]!.id)).toBe('completed');
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
    const vars = await kit.db.query<{ variables: Record<string, unknown> }>('SELECT variables FROM wf_instances WHERE id = $1', [instanceId]);
    expect(vars.rows[0]!.variables.childSaid).toBe('yes');
  });

  it('an error end in the child goes to the error boundary on the call activity', async () => {
    const childKey = `childerr_${Date.now()}`;
    await kit.deploy(bpmn(`<bpmn:startEvent id="c_start"/> ${userTask('c_task', 'u')} <bpmn:endEvent id="c_err"><bpmn:errorEventDefinition errorRef="Err_black"/></bpmn:endEvent> ${chain('c_start', 'c_task', 'c_err')}`, errors, childKey));
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:callActivity id="call" calledElement="${childKey}"/>
      <bpmn:boundaryEvent id="caught" attachedToRef="call"><bpmn:errorEventDefinition errorRef="Err_black"/></bpmn:boundaryEvent>
      ${userTask('after', 'u')} ${userTask('handle', 'u')} <bpmn:endEvent id="end"/> <bpmn:endEvent id="end2"/>
      ${chain('start', 'call', 'after', 'end')} ${chain('caught', 'handle', 'end2')}`, errors));
    const { instanceId } = await startInstance(kit.env, { key });
    const child = await kit.db.query<{ id: string }>('SELECT id FROM wf_instances WHERE parent_id = $1', [instanceId]);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, child.rows[0]!.id, 'c_task')).id, actor: person('u') });
    expect(await instanceStatus(kit.db, child.rows[0]!.id)).toBe('terminated');
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['handle']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from './complete-task.ts';
import { correlateMessage, startInstance } from './start-instance.ts';
import { fireDueTimers } from './timers.ts';
import { bpmn, chain, codeOf, engineKit, flow, instanceStatus, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit();
});
afterAll(async () => kit.drop());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('messages', () => {
  it('a receive task waits for its message, correlated by business key', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:receiveTask id="wait" messageRef="Msg_reply"/> ${userTask('after', 'u')} <bpmn:endEvent id="end"/>
      ${chain('start', 'wait', 'after', 'end')}`, '<bpmn:message id="Msg_reply" name="licence.reply"/>'));
    const one = await startInstance(kit.env, { key, businessKey: 'K-1' });
    const two = await startInstance(kit.env, { key, businessKey: 'K-2' });
    const result = await correlateMessage(kit.env, { messageName: 'licence.reply', businessKey: 'K-2', variables: { licenceNo: 'L9' } });
    expect(result).toEqual({ instanceId: two.instanceId, started: false });
    expect(await openTasks(kit.db, one.instanceId)).toHaveLength(0);
    expect((await openTasks(kit.db, two.instanceId)).map((t) => t.node_id)).toEqual(['after']);
    expect(await codeOf(correlateMessage(kit.env, { messageName: 'licence.reply', businessKey: 'K-2' }))).toBe('MESSAGE_NOT_CORRELATED');
  });

  it('an intermediate message catch event resumes the same way', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="Msg_paid"/></bpmn:intermediateCatchEvent>
      ${userTask('after', 'u')} <bpmn:endEvent id="end"/> ${chain('start', 'paid', 'after', 'end')}`, '<bpmn:message id="Msg_paid" name="fee.paid"/>'));
    const { instanceId } = await startInstance(kit.env, { key, businessKey: 'FEE-1' });
    await correlateMessage(kit.env, { messageName: 'fee.paid', businessKey: 'FEE-1' });
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
  });

  it('a message start event starts a process when nobody waits for the message', async () => {
    await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="Msg_apply"/></bpmn:startEvent> ${userTask('accept', 'u')} <bpmn:endEvent id="end"/>
      ${chain('start', 'accept', 'end')}`, '<bpmn:message id="Msg_apply" name="portal.applied"/>'));
    const result = await correlateMessage(kit.env, { messageName: 'portal.applied', businessKey: 'APP-1', variables: { a: 1 } });
    expect(result.started).toBe(true);
    expect((await openTasks(kit.db, result.instanceId)).map((t) => t.node_id)).toEqual(['accept']);
  });
});

describe('timers', () => {
  it('an intermediate timer fires once when due, not before', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:intermediateCatchEvent id="cool"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      ${userTask('after', 'u')} <bpmn:endEvent id="end"/> ${chain('start', 'cool', 'after', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    expect(await fireDueTimers(kit.env)).toBe(0);
    kit.clock.advance(2 * HOUR);
    expect(await fireDueTimers(kit.env)).toBe(1);
    expect(await fireDueTimers(kit.env)).toBe(0);
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['after']);
  });

  it('an interrupting timer boundary cancels the task and takes its own path', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> ${userTask('review', 'u')}
      <bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      ${userTask('escalated', 'boss')} <bpmn:endEvent id="end"/> <bpmn:endEvent id="end2"/>
      ${chain('start', 'review', 'end')} ${chain('late', 'escalated', 'end2')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    const review = await taskAt(kit.db, instanceId, 'review');
    kit.clock.advance(DAY);
    expect(await fireDueTimers(kit.env)).toBe(1);
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['escalated']);
    expect(await codeOf(completeTask(kit.env, { taskId: review.id, actor: person('u') }))).toBe('TASK_NOT_OPEN');
  });

  it('a non-interrupting timer boundary runs beside the task, which stays open; completing the task cancels the timer', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> ${userTask('review', 'u')}
      <bpmn:boundaryEvent id="remind" attachedToRef="review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      ${userTask('note', 'boss')} <bpmn:endEvent id="end"/> <bpmn:endEvent id="end2"/>
      ${chain('start', 'review', 'end')} ${chain('remind', 'note', 'end2')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    kit.clock.advance(HOUR);
    expect(await fireDueTimers(kit.env)).toBe(1);
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id).sort()).toEqual(['note', 'review']);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'review')).id, actor: person('u') });
    kit.clock.advance(HOUR);
    expect(await fireDueTimers(kit.env)).toBe(0);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'note')).id, actor: person('boss') });
    expect(await instanceStatus(kit.db, instanceId)).toBe('completed');
  });

  it('two concurrent sweeps fire each due timer exactly once', async () => {
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      ${userTask('after', 'u')} <bpmn:endEvent id="end"/> ${chain('start', 't', 'after', 'end')}`));
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push((await startInstance(kit.env, { key })).instanceId);
    kit.clock.advance(2 * 60_000);
    const [a, b] = await Promise.all([fireDueTimers(kit.env, 50), fireDueTimers(kit.env, 50)]);
    // A process busy in the other sweep is skipped, so a third sweep picks up any leftovers.
    const c = await fireDueTimers(kit.env, 50);
    expect(a + b + c).toBe(12);
    for (const id of ids) expect((await openTasks(kit.db, id)).map((t) => t.node_id)).toEqual(['after']);
    const fired = await kit.db.query("SELECT count(*)::int AS n FROM wf_history WHERE action = 'timerFired' AND instance_id = ANY($1)", [ids]);
    expect(fired.rows[0]!.n).toBe(12);
  });

  it('timers of a suspended process wait until it is resumed', async () => {
    const { suspendInstance, resumeInstance } = await import('./suspend-instance.ts');
    const key = await kit.deploy(bpmn(`
      <bpmn:startEvent id="start"/> <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      ${userTask('after', 'u')} <bpmn:endEvent id="end"/> ${chain('start', 't', 'after', 'end')}`));
    const { instanceId } = await startInstance(kit.env, { key });
    await suspendInstance(kit.env, { instanceId, actor: person('admin') });
    kit.clock.advance(2 * 60_000);
    expect(await fireDueTimers(kit.env)).toBe(0);
    await resumeInstance(kit.env, { instanceId, actor: person('admin') });
    expect(await fireDueTimers(kit.env)).toBe(1);
  });
});

describe('step time limits and timeout actions', () => {
  const limited = (action: string) => bpmn(`
    <bpmn:startEvent id="start"/> ${userTask('review', 'u', `tongban:limitDays="2" tongban:timeoutAction="${action}" ${action === 'escalate' ? 'tongban:escalateTo="chief"' : ''}`)}
    <bpmn:exclusiveGateway id="gw" default="no"/> ${userTask('yes', 'u')} ${userTask('noTask', 'u')} <bpmn:endEvent id="end"/>
    ${chain('start', 'review', 'gw')} ${flow('ok', 'gw', 'yes', "outcome == 'approve'")} ${flow('no', 'gw', 'noTask')} ${chain('yes', 'end')} ${chain('noTask', 'end')}`);

  it('sets the due date from the limit in working days (calendar days without a calendar)', async () => {
    const key = await kit.deploy(limited('remind'));
    const { instanceId } = await startInstance(kit.env, { key });
    const task = await taskAt(kit.db, instanceId, 'review');
    expect(task.due_at!.getTime() - kit.clock.now().getTime()).toBe(2 * DAY);
  });

  it('remind records an overdue reminder and leaves the task open', async () => {
    const key = await kit.deploy(limited('remind'));
    const { instanceId } = await startInstance(kit.env, { key });
    kit.clock.advance(2 * DAY);
    expect(await fireDueTimers(kit.env)).toBeGreaterThanOrEqual(1);
    expect((await taskAt(kit.db, instanceId, 'review')).status).toBe('open');
    const h = await kit.db.query("SELECT 1 FROM wf_history WHERE instance_id = $1 AND action = 'overdueReminded'", [instanceId]);
    expect(h.rowCount).toBe(1);
  });

  it('autoApprove and autoReject complete the task with that outcome', async () => {
    const approveKey = await kit.deploy(limited('autoApprove'));
    const rejectKey = await kit.deploy(limited('autoReject'));
    const a = await startInstance(kit.env, { key: approveKey });
    const r = await startInstance(kit.env, { key: rejectKey });
    kit.clock.advance(2 * DAY);
    expect(await fireDueTimers(kit.env)).toBe(2);
    expect((await openTasks(kit.db, a.instanceId)).map((t) => t.node_id)).toEqual(['yes']);
    expect((await openTasks(kit.db, r.instanceId)).map((t) => t.node_id)).toEqual(['noTask']);
  });

  it('escalate hands the task to a role', async () => {
    const key = await kit.deploy(limited('escalate'));
    const { instanceId } = await startInstance(kit.env, { key });
    kit.clock.advance(2 * DAY);
    await fireDueTimers(kit.env);
    const task = await taskAt(kit.db, instanceId, 'review');
    expect(task.assignee).toBeNull();
    expect(task.candidate_kind).toBe('role');
    expect(task.candidate_values).toEqual(['chief']);
    expect(await codeOf(completeTask(kit.env, { taskId: task.id, actor: person('u') }))).toBe('TASK_NOT_ASSIGNEE');
    await completeTask(kit.env, { taskId: task.id, actor: person('c1', { roles: ['chief'] }), outcome: 'approve' });
  });

  it('completing the task before its limit cancels the timeout', async () => {
    const key = await kit.deploy(limited('autoReject'));
    const { instanceId } = await startInstance(kit.env, { key });
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'review')).id, actor: person('u'), outcome: 'approve' });
    kit.clock.advance(3 * DAY);
    expect(await fireDueTimers(kit.env)).toBe(0);
  });
});

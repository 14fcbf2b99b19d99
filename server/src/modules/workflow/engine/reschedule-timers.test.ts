import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from './complete-task.ts';
import { getHistory } from './queries.ts';
import { rescheduleTimers, type StepTimer } from './reschedule-timers.ts';
import { startInstance } from './start-instance.ts';
import { resumeInstance, suspendInstance } from './suspend-instance.ts';
import { fireDueTimers } from './timers.ts';
import { bpmn, chain, codeOf, engineKit, flow, openTasks, person, taskAt, userTask, type Kit } from './testing.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit();
});
afterAll(async () => kit.drop());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** review (2 days, timeout action) → approve / reject paths on its outcome. */
const limited = (action: string) => bpmn(`
  <bpmn:startEvent id="start"/> ${userTask('review', 'u', `tongban:limitDays="2" tongban:timeoutAction="${action}" ${action === 'escalate' ? 'tongban:escalateTo="chief"' : ''}`)}
  <bpmn:exclusiveGateway id="gw" default="no"/> ${userTask('yes', 'u')} ${userTask('noTask', 'u')} <bpmn:endEvent id="end"/>
  ${chain('start', 'review', 'gw')} ${flow('ok', 'gw', 'yes', "outcome == 'approve'")} ${flow('no', 'gw', 'noTask')} ${chain('yes', 'end')} ${chain('noTask', 'end')}`);

/** A pause of `days` (calendar days here: the kit has no working-day calendar) moves a step's limit by as much. */
const pausedBy = (days: number) => (t: StepTimer) => new Date(t.limitDueAt.getTime() + days * DAY);

const pendingTimers = async (instanceId: string) =>
  (await kit.db.query<{ due_at: Date }>("SELECT due_at FROM wf_timers WHERE instance_id = $1 AND status = 'pending' ORDER BY due_at", [instanceId])).rows.map((r) => r.due_at.getTime());

describe('step timers move with a case pause (rescheduleTimers)', () => {
  it('a timer that would fire during the pause does not; it fires once, at the moved time', async () => {
    const key = await kit.deploy(limited('autoApprove'));
    const t0 = kit.clock.now().getTime();
    const { instanceId } = await startInstance(kit.env, { key });
    kit.clock.advance(DAY);
    const { moved } = await rescheduleTimers(kit.env, { instanceId, actor: person('clerk'), reason: 'paused', dueOf: pausedBy(3) });
    expect(moved.map((m) => [m.nodeId, m.from.getTime() - t0, m.to.getTime() - t0])).toEqual([['review', 2 * DAY, 5 * DAY]]);

    // Day 2 + 1 h: the original limit has passed, the paused step's has not.
    kit.clock.set(new Date(t0 + 2 * DAY + HOUR));
    expect(await fireDueTimers(kit.env)).toBe(0);
    expect((await taskAt(kit.db, instanceId, 'review')).status).toBe('open');
    kit.clock.set(new Date(t0 + 5 * DAY));
    expect(await fireDueTimers(kit.env)).toBe(1);
    expect(await fireDueTimers(kit.env)).toBe(0);
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['yes']);

    const history = await getHistory(kit.db, { instanceId });
    const rescheduled = history.entries.find((e) => e.action === 'timerRescheduled')!;
    expect(rescheduled.details).toMatchObject({ reason: 'paused', from: new Date(t0 + 2 * DAY).toISOString(), to: new Date(t0 + 5 * DAY).toISOString() });
    const done = history.entries.find((e) => e.action === 'completed' && e.nodeId === 'review')!;
    expect([done.opinion, done.details?.outcome]).toEqual(['超时自动通过', 'approve']);
  });

  it('is absolute: the same pauses again move nothing; a pause ended early moves the timer back', async () => {
    const key = await kit.deploy(limited('autoReject'));
    const t0 = kit.clock.now().getTime();
    const { instanceId } = await startInstance(kit.env, { key });
    await rescheduleTimers(kit.env, { instanceId, actor: null, reason: 'paused', dueOf: pausedBy(5) });
    expect((await rescheduleTimers(kit.env, { instanceId, actor: null, reason: 'paused', dueOf: pausedBy(5) })).moved).toEqual([]);
    expect(await pendingTimers(instanceId)).toEqual([t0 + 7 * DAY]);
    // Resumed after one day instead of five.
    await rescheduleTimers(kit.env, { instanceId, actor: null, reason: 'resumed', dueOf: pausedBy(1) });
    expect(await pendingTimers(instanceId)).toEqual([t0 + 3 * DAY]);
    kit.clock.set(new Date(t0 + 3 * DAY));
    expect(await fireDueTimers(kit.env)).toBe(1);
    expect((await openTasks(kit.db, instanceId)).map((t) => t.node_id)).toEqual(['noTask']);
    const history = await getHistory(kit.db, { instanceId });
    expect(history.entries.filter((e) => e.action === 'timerRescheduled').map((e) => e.details?.reason)).toEqual(['paused', 'resumed']);
    expect(history.entries.find((e) => e.action === 'completed' && e.nodeId === 'review')?.opinion).toBe('超时自动不通过');
  });

  it('keeps the step limit on the task as set when it opened; completed steps and other timers are untouched', async () => {
    const key = await kit.deploy(limited('remind'));
    const t0 = kit.clock.now().getTime();
    const { instanceId } = await startInstance(kit.env, { key });
    await rescheduleTimers(kit.env, { instanceId, actor: null, reason: 'paused', dueOf: pausedBy(2) });
    expect((await taskAt(kit.db, instanceId, 'review')).due_at!.getTime()).toBe(t0 + 2 * DAY);
    await completeTask(kit.env, { taskId: (await taskAt(kit.db, instanceId, 'review')).id, actor: person('u'), outcome: 'approve' });
    expect((await rescheduleTimers(kit.env, { instanceId, actor: null, reason: 'resumed', dueOf: pausedBy(9) })).moved).toEqual([]);
  });

  it('moves the timers of a suspended process too, which fire after resume at the moved time', async () => {
    const key = await kit.deploy(limited('escalate'));
    const t0 = kit.clock.now().getTime();
    const { instanceId } = await startInstance(kit.env, { key });
    await suspendInstance(kit.env, { instanceId, actor: person('admin') });
    await rescheduleTimers(kit.env, { instanceId, actor: null, reason: 'paused', dueOf: pausedBy(4) });
    await resumeInstance(kit.env, { instanceId, actor: person('admin') });
    kit.clock.set(new Date(t0 + 3 * DAY));
    expect(await fireDueTimers(kit.env)).toBe(0);
    kit.clock.set(new Date(t0 + 6 * DAY));
    expect(await fireDueTimers(kit.env)).toBe(1);
    const task = await taskAt(kit.db, instanceId, 'review');
    expect([task.candidate_kind, task.candidate_values]).toEqual(['role', ['chief']]);
  });

  it('an unknown instance is refused with its code', async () => {
    expect(await codeOf(rescheduleTimers(kit.env, { instanceId: '00000000-0000-0000-0000-000000000000', actor: null, reason: 'x', dueOf: pausedBy(1) }))).toBe('INSTANCE_NOT_FOUND');
  });
});

describe('timeout actions are in the history', () => {
  it('remind, escalate, autoApprove and autoReject each record the timer and what it did', async () => {
    const t0 = kit.clock.now().getTime();
    const ids: Record<string, string> = {};
    for (const action of ['remind', 'escalate', 'autoApprove', 'autoReject']) {
      ids[action] = (await startInstance(kit.env, { key: await kit.deploy(limited(action)) })).instanceId;
    }
    kit.clock.set(new Date(t0 + 2 * DAY));
    expect(await fireDueTimers(kit.env)).toBe(4);
    const actions = async (id: string) => (await getHistory(kit.db, { instanceId: id })).entries.filter((e) => e.nodeId === 'review').map((e) => e.action);
    expect(await actions(ids.remind!)).toEqual(['timerFired', 'overdueReminded']);
    expect(await actions(ids.escalate!)).toEqual(['timerFired', 'escalated']);
    expect(await actions(ids.autoApprove!)).toEqual(['timerFired', 'completed']);
    expect(await actions(ids.autoReject!)).toEqual(['timerFired', 'completed']);
    const escalated = (await getHistory(kit.db, { instanceId: ids.escalate! })).entries.find((e) => e.action === 'escalated')!;
    expect(escalated.details).toMatchObject({ toRole: 'chief', from: 'u' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories, type Department, type Item } from '../../../test/factories.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer } from '../../platform/events/consumer.ts';
import { clockState, formatIsoDate, nthWorkingDayFrom, toShanghai } from '../calendar/index.ts';
import { currentStepDues, loadClock } from '../cases/index.ts';
import { countersign, deployDefinition, fireDueTimers, legalClockCalculator, startInstance, task as step } from '../workflow/index.ts';
import { notifyConsumer } from './decide.ts';
import { STEP_THRESHOLDS, stepThresholds, warnStepDeadlines } from './deadline-warnings.ts';

/**
 * Deadline warnings with time travel: the test clock moves to each threshold
 * of a real step (a 7-working-day countersign, 联合验收会签, one task per
 * department), the sweep runs as on a node, and what each holder was told is
 * read back.
 */
let t: TestApp;
const f = factories(() => t);
/** 建设工程竣工联合验收's shape: the lead department reviews, it and a second department countersign in seven working days, the lead concludes. */
let item: Item;
let cosigner: Department;

beforeAll(async () => {
  t = await createTestApp();
  cosigner = await f.department();
  item = await f.item({
    itemType: 'joint', legalDays: 20, promisedDays: 12,
    steps: (lead) => [step('lead', '牵头受理审查', lead, 2), countersign('countersign', '联合验收会签', [lead, cosigner.code], 7), step('decide', '出具联合验收意见', lead, 3)],
  });
});
afterAll(() => t.close());

const post = (url: string, who: string, payload: object = {}) => f.as(who).post(url, payload);

async function decide() {
  await chainPending(t.ctx.db);
  const run = await drainConsumer(t.ctx.db, notifyConsumer(() => ({ quietHours: null }), () => t.clock.now()), () => t.clock.now());
  expect(run.error).toBeUndefined();
}

/** The sweep as a node runs it, until nothing is due. */
async function sweep() {
  for (let i = 0; i < 20; i++) if ((await warnStepDeadlines(t.ctx, { quietHours: null, limit: 50 })).looked < 50) return;
}

/** What the step's warnings put in the message centres: kind, person, body. */
async function told(taskId: string) {
  const { rows } = await t.ctx.db.query<{ kind: string; username: string; body: string }>(
    `SELECT i.kind, u.username, i.body FROM notify_inbox i JOIN users u ON u.id = i.user_id
      WHERE i.dedup_key LIKE $1 ORDER BY i.created_at, i.kind`,
    [`step-deadline:${taskId}:%`],
  );
  return rows;
}

const openTask = async (caseId: string, who: string) => (await f.openTask(caseId, who))!;

describe('deadline warnings for a step', () => {
  it('tell each holder at two thirds of the limit, with one working day left and when overdue, once each, and nobody after the step is done', async () => {
    const [approver_zjj, approver_zrzy] = [item.department.approver, cosigner.approver];
    const c = await f.submit(item);
    expect((await post(`/api/cases/${c.id}/accept`, 'clerk')).statusCode).toBe(200);
    const lead = await openTask(c.id, approver_zjj);
    expect((await post(`/api/tasks/${lead.id}/complete`, approver_zjj, { outcome: 'approved', opinion: '资料齐全，提请会签' })).statusCode).toBe(200);
    const zjj = await openTask(c.id, approver_zjj);
    const zrzy = await openTask(c.id, approver_zrzy);
    expect([zjj.name, zrzy.name]).toEqual(['联合验收会签', '联合验收会签']);
    await decide();

    const cc = await loadClock(t.ctx.db);
    const { rows: [task] } = await t.ctx.db.query<{ created_at: Date; due_at: Date }>('SELECT created_at, due_at FROM wf_tasks WHERE id = $1', [zjj.id]);
    const [due] = await currentStepDues(t.ctx.db, cc, [{ caseId: c.id, dueAt: task!.due_at, openedAt: task!.created_at }]);
    const [twoThirds, lastDay, overdue] = stepThresholds(cc.calendar, task!.created_at, due!, cc.yellowWorkdays);
    expect([twoThirds!.level, lastDay!.level, overdue!.level]).toEqual([STEP_THRESHOLDS.twoThirds, STEP_THRESHOLDS.lastDays, STEP_THRESHOLDS.overdue]);
    // Seven working days: two thirds used leaves two; the last-day warning is where the to-do list turns yellow.
    expect(clockState(cc.calendar, due!, twoThirds!.at).workdaysLeft).toBe(2);
    expect(clockState(cc.calendar, due!, lastDay!.at)).toMatchObject({ colour: 'yellow', workdaysLeft: 1 });
    expect(clockState(cc.calendar, due!, new Date(lastDay!.at.getTime() - 1)).colour).toBe('green');

    await sweep();
    t.clock.set(new Date(twoThirds!.at.getTime() - 1));
    await sweep();
    expect(await told(zjj.id)).toEqual([]);

    t.clock.set(twoThirds!.at);
    await sweep();
    await sweep();
    for (const [open, who] of [[zjj, approver_zjj], [zrzy, approver_zrzy]] as const) {
      const msgs = await told(open.id);
      expect(msgs.map((m) => [m.kind, m.username])).toEqual([['task.deadline_warning', who]]);
      expect(msgs[0]!.body).toContain(c.caseNo);
      expect(msgs[0]!.body).toContain('还剩2个工作日');
    }
    const sms = await t.ctx.db.query(`SELECT address FROM notify_outbox WHERE dedup_key LIKE $1 AND channel = 'sms'`, [`step-deadline:${zjj.id}:%`]);
    expect(sms.rowCount).toBe(1);

    // One department is done before the last day: its holder hears no more.
    expect((await post(`/api/tasks/${zrzy.id}/complete`, approver_zrzy, { outcome: 'approved', opinion: '规划核实通过' })).statusCode).toBe(200);
    t.clock.set(lastDay!.at);
    await sweep();
    // A replayed stream records nothing twice.
    await t.ctx.db.query(`UPDATE event_cursors SET last_seq = 0 WHERE consumer = 'notify.decide'`);
    await decide();
    await sweep();
    t.clock.set(new Date(overdue!.at.getTime() + 3_600_000));
    await sweep();
    await sweep();
    const zjjTold = await told(zjj.id);
    expect(zjjTold.map((m) => m.kind)).toEqual(['task.deadline_warning', 'task.deadline_warning', 'task.deadline']);
    expect(zjjTold[1]!.body).toContain('还剩1个工作日');
    expect(zjjTold[2]!.body).toContain('已到办理期限');
    expect((await told(zrzy.id)).map((m) => m.kind)).toEqual(['task.deadline_warning']);
    // Every threshold told: the step is no longer watched.
    const watched = await t.ctx.db.query('SELECT task_id FROM notify_step_deadlines WHERE task_id = ANY($1::uuid[])', [[zjj.id, zrzy.id]]);
    expect(watched.rows).toEqual([]);
  });

  it('follow the step\'s deadline when a pause of the case moves it', async () => {
    const c = await f.submit(item);
    expect((await post(`/api/cases/${c.id}/accept`, 'clerk')).statusCode).toBe(200);
    const lead = await openTask(c.id, item.department.approver);
    await decide();
    const cc = await loadClock(t.ctx.db);
    const { rows: [task] } = await t.ctx.db.query<{ created_at: Date; due_at: Date }>('SELECT created_at, due_at FROM wf_tasks WHERE id = $1', [lead.id]);
    const before = stepThresholds(cc.calendar, task!.created_at, task!.due_at, cc.yellowWorkdays);
    await sweep();

    // Paused for the next three working days (现场核查): every threshold moves three working days later.
    const today = toShanghai(t.clock.now()).day;
    const [firstDay, lastDay] = [0, 2].map((k) => formatIsoDate(nthWorkingDayFrom(cc.calendar, today + 1, k)));
    const paused = await post(`/api/cases/${c.id}/pauses`, item.department.approver, { type: 'inspection', reason: '现场核查', firstDay, expectedLastDay: lastDay });
    expect(paused.statusCode).toBe(200);
    await decide();
    const [due] = await currentStepDues(t.ctx.db, cc, [{ caseId: c.id, dueAt: task!.due_at, openedAt: task!.created_at }]);
    expect(due!.getTime()).toBeGreaterThan(task!.due_at.getTime());
    const after = stepThresholds(cc.calendar, task!.created_at, due!, cc.yellowWorkdays);
    const first = after[0]!;
    expect(first.at.getTime()).toBeGreaterThan(before[0]!.at.getTime());

    t.clock.set(before[0]!.at);
    await sweep();
    expect(await told(lead.id)).toEqual([]);
    t.clock.set(first.at);
    await sweep();
    expect((await told(lead.id)).map((m) => m.kind)).toEqual([first.level === STEP_THRESHOLDS.overdue ? 'task.deadline' : 'task.deadline_warning']);
  });

  it('leave overdue to the step\'s own timeout reminder while its timer waits: the holder hears it once', async () => {
    const holder = (await t.ctx.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [item.department.approver])).rows[0]!.id;
    const cc = await loadClock(t.ctx.db);
    const env = { db: t.ctx.db, clock: t.clock, dueDates: legalClockCalculator(cc.calendar) };
    const key = `remind_${Date.now()}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="http://tongban.org/schema/bpmn" id="d_${key}" targetNamespace="http://tongban.org/test">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="review" name="复核" tongban:assigneeKind="user" tongban:assignee="${holder}" tongban:limitDays="3" tongban:timeoutAction="remind"/>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/><bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;
    await deployDefinition(env, { xml, publish: true });
    const { instanceId } = await startInstance(env, { key });
    const { rows: [task] } = await t.ctx.db.query<{ id: string; created_at: Date; due_at: Date }>('SELECT id, created_at, due_at FROM wf_tasks WHERE instance_id = $1', [instanceId]);
    await decide();
    const overdue = stepThresholds(cc.calendar, task!.created_at, task!.due_at, cc.yellowWorkdays).at(-1)!;

    t.clock.set(new Date(overdue.at.getTime() + 1000));
    await sweep();
    expect((await told(task!.id)).map((m) => m.kind)).not.toContain('task.deadline');
    expect(await fireDueTimers(env)).toBe(1);
    await decide();
    t.clock.advance(10 * 60_000);
    await sweep();
    expect((await told(task!.id)).filter((m) => m.kind === 'task.deadline').map((m) => m.username)).toEqual([item.department.approver]);
    expect((await t.ctx.db.query('SELECT 1 FROM notify_step_deadlines WHERE task_id = $1', [task!.id])).rowCount).toBe(0);
  });
});


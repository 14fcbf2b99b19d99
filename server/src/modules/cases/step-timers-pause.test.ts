import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { fireDueTimers, getHistory, legalClockCalculator, task } from '../workflow/index.ts';
import { loadClock } from './clock.ts';

// Thursday 2026-09-24, 10:00 in Beijing. 9/25–9/27 中秋, 10/1–10/7 国庆.
const START = '2026-09-24T02:00:00Z';

let t: TestApp;
const f = factories(() => t);
/** A single review whose step has 2 working days and an overdue reminder. */
let item: Item;
beforeAll(async () => {
  t = await createTestApp(START);
  item = await f.item({ steps: (dept) => [task('decide', '审核决定', dept, 2, 'remind')] });
});
afterAll(() => t.close());

const { post } = requestsTo(() => t.app);
const sweep = async () => fireDueTimers({ db: t.ctx.db, clock: t.clock, dueDates: legalClockCalculator((await loadClock(t.ctx.db)).calendar) });

describe('a case pause moves its steps’ timeout timers', () => {
  it('a reminder due during the pause does not come; it comes once, at the step due date the case page shows', async () => {
    const c = await f.submit(item);
    expect((await post(`/api/cases/${c.id}/accept`, await login(t.app, 'clerk'))).statusCode).toBe(200);
    const approver = await login(t.app, item.department.approver);
    const timerDue = async () =>
      (await t.ctx.db.query("SELECT tm.due_at FROM wf_timers tm JOIN wf_instances i ON i.id = tm.instance_id WHERE i.case_id = $1 AND tm.status = 'pending'", [c.id])).rows.map((r) => r.due_at.toISOString());
    const shownDue = async () => (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: approver } })).json().tasks[0].dueAt;
    // Two working days after Thursday 9/24 (中秋 9/25–9/27 not counted): Tuesday 9/29, 17:30.
    expect(await timerDue()).toEqual(['2026-09-29T09:30:00.000Z']);

    // 现场核查 from Monday 9/28, expected to Wednesday 9/30: three working days, then 国庆.
    expect((await post(`/api/cases/${c.id}/pauses`, approver, { type: 'inspection', reason: '现场核查', firstDay: '2026-09-28', expectedLastDay: '2026-09-30' })).statusCode).toBe(200);
    expect(await timerDue()).toEqual(['2026-10-09T09:30:00.000Z']);
    expect(await timerDue()).toEqual([await shownDue()]);

    // Tuesday 9/29 18:00: the original limit has passed; the case is paused, no reminder.
    t.clock.set('2026-09-29T10:00:00Z');
    expect(await sweep()).toBe(0);
    // The inspection ended on 9/28 (one working day paused): the timer comes back to Wednesday 9/30.
    const again = await login(t.app, item.department.approver);
    expect((await post(`/api/cases/${c.id}/pauses/end`, again, { lastDay: '2026-09-28' })).statusCode).toBe(200);
    expect(await timerDue()).toEqual(['2026-09-30T09:30:00.000Z']);
    expect(await timerDue()).toEqual([await shownDue()]);
    expect(await sweep()).toBe(0);
    t.clock.set('2026-09-30T09:30:00Z');
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);

    const history = await getHistory(t.ctx.db, { caseId: c.id });
    expect(history.entries.filter((e) => e.nodeId === 'decide' && e.action !== 'started').map((e) => [e.action, e.details?.reason ?? null])).toEqual([
      ['timerRescheduled', 'paused'], ['timerRescheduled', 'resumed'], ['timerFired', null], ['overdueReminded', null],
    ]);
    const events = (await t.ctx.db.query("SELECT type FROM events WHERE case_id = $1 AND type IN ('process.timer_rescheduled', 'task.overdue') ORDER BY pos", [c.id])).rows.map((r) => r.type);
    expect(events).toEqual(['process.timer_rescheduled', 'process.timer_rescheduled', 'task.overdue']);
  });
});

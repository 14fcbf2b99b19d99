import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { fireDueTimers, getHistory, task } from '../workflow/index.ts';
import { concludeEndedProcesses } from './process-end.ts';

let t: TestApp;
const f = factories(() => t);
/** Single reviews with one working day and a timeout action: the last step decided by the timer. */
const items: Record<string, Item> = {};
beforeAll(async () => {
  t = await createTestApp('2026-09-28T02:00:00Z'); // Monday 10:00 in Beijing
  for (const action of ['autoApprove', 'autoReject'] as const) items[action] = await f.item({ steps: (dept) => [task('decide', '审核决定', dept, 1, action)] });
});
afterAll(() => t.close());

async function caseTimedOut(action: string) {
  t.clock.set('2026-09-28T02:00:00Z');
  const c = await f.submit(items[action]!);
  expect((await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: await login(t.app, 'clerk') }, payload: {} })).statusCode).toBe(200);
  t.clock.set('2026-09-29T09:30:00Z'); // Tuesday 17:30: one working day later
  expect(await fireDueTimers({ db: t.ctx.db, clock: t.clock })).toBeGreaterThanOrEqual(1);
  return c;
}

const view = async (id: string) => (await t.app.inject({ url: `/api/cases/${id}`, headers: { cookie: await login(t.app, 'citizen') } })).json();

describe('a step decided by its timeout action concludes the case end to end', () => {
  it('autoApprove on the last step: the sweep concludes the case 准予 with the timer’s opinion, event and notice', async () => {
    const c = await caseTimedOut('autoApprove');
    expect((await view(c.id)).status).toBe('accepted');
    expect(await concludeEndedProcesses(t.ctx)).toEqual([c.id]);
    expect(await concludeEndedProcesses(t.ctx)).toEqual([]);
    const v = await view(c.id);
    expect([v.status, v.resultNote]).toEqual(['approved', '超时自动通过']);
    const events = (await t.ctx.db.query(`SELECT type, actor_id, payload FROM events WHERE case_id = $1 AND type IN ('case.concluded', 'process.timer_fired', 'task.completed') ORDER BY pos`, [c.id])).rows;
    expect(events.map((e) => e.type)).toEqual(['process.timer_fired', 'task.completed', 'case.concluded']);
    expect(events[2]).toMatchObject({ actor_id: null, payload: { result: 'approved', byProcessEnd: true } });
    expect((await t.ctx.db.query("SELECT count(*)::int AS n FROM documents WHERE case_id = $1 AND kind = 'conclusion'", [c.id])).rows[0].n).toBe(1);
    const history = await getHistory(t.ctx.db, { caseId: c.id });
    expect(history.entries.filter((e) => e.nodeId === 'decide').map((e) => e.action)).toEqual(['timerFired', 'completed']);
  });

  it('autoReject on the last step: the case concludes 不予', async () => {
    const c = await caseTimedOut('autoReject');
    expect(await concludeEndedProcesses(t.ctx)).toEqual([c.id]);
    expect((await view(c.id)).status).toBe('denied');
  });
});

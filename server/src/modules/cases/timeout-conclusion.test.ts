import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, submitCase, type TestApp } from '../../../test/app.ts';
import { deployDefinition, fireDueTimers, getHistory } from '../workflow/index.ts';
import { concludeEndedProcesses } from './process-end.ts';

/** A single review by 市场监管 with one working day and a timeout action: the last step decided by the timer. */
const xml = (key: string, action: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="http://tongban.org/schema/bpmn" id="d_${key}" targetNamespace="http://tongban.org/test">
  <bpmn:process id="${key}" name="审核（超时自动决定）" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="decide" name="审核决定" tongban:assigneeKind="department" tongban:assignee="SCJG" tongban:limitDays="1" tongban:timeoutAction="${action}">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide"/><bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-09-28T02:00:00Z'); // Monday 10:00 in Beijing
  for (const action of ['autoApprove', 'autoReject']) await deployDefinition({ db: t.ctx.db, clock: t.clock }, { xml: xml(`review-${action}`, action), publish: true });
});
afterAll(() => t.close());

async function caseTimedOut(action: string) {
  t.clock.set('2026-09-28T02:00:00Z');
  await t.ctx.db.query('UPDATE service_items SET process_key = $1 WHERE code = $2', [`review-${action}`, 'SCJG-XK-001']);
  const c = await submitCase(t.app, await login(t.app, 'citizen'), 'SCJG-XK-001');
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Department, type Item } from '../../../test/factories.ts';
import { parallel, task } from '../workflow/index.ts';
import { buildCalendar, computeDeadline, setCalendarDay } from '../calendar/index.ts';
import { applyCalendarChanges } from './clock-commands.ts';
import { deemOverdueApplicationsAccepted } from './commands.ts';

// Thursday 2026-09-24, 10:00 in Beijing. 9/25–9/27 中秋, 10/1–10/7 国庆, 10/10 (Sat) a make-up working day.
const START = '2026-09-24T02:00:00Z';

let t: TestApp;
const f = factories(() => t);
/** Promised 5, legal 10 working days; its department's approver is `approver`, its head `head`. */
let item: Item;
/** Promised 10 natural days. */
let naturalDays: Item;
/** 并联: the lead's pre-review (2 working days), then two departments' reviews of 10 working days each side by side, then the lead decides. */
let joint: Item;
let reviewer: Department;
let citizen: string;
let clerk: string;
let approver: string;
let head: string;
/** Moves time and logs everyone in again (sessions last 7 days). */
async function travel(to: string) {
  t.clock.set(to);
  [citizen, clerk, approver, head] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, item.department.approver), login(t.app, item.department.head)]);
}
beforeAll(async () => {
  t = await createTestApp(START);
  item = await f.item({ legalDays: 10, promisedDays: 5 });
  naturalDays = await f.item({ limitUnit: 'day', legalDays: 20, promisedDays: 10 });
  reviewer = await f.department();
  const other = await f.department();
  joint = await f.item({
    itemType: 'joint', legalDays: 45, promisedDays: 30,
    steps: (lead) => [
      task('lead', '牵头预审', lead, 2),
      parallel({ id: 'split', name: '抄告相关部门' }, { id: 'join', name: '汇总意见' },
        [task('zjj', '住建局审查', reviewer.code, 10)], [task('zrzy', '自然资源局审查', other.code, 10)]),
      task('decide', '联审决定', lead, 5),
    ],
  });
  await travel(START);
});
afterAll(() => t.close());

const { post } = requestsTo(() => t.app);
const view = async (id: string, cookie = citizen) => (await t.app.inject({ url: `/api/cases/${id}`, headers: { cookie } })).json();

/** A case of `item`, accepted at the start. */
async function acceptedCase() {
  await travel(START);
  const c = await f.submit(item);
  expect((await post(`/api/cases/${c.id}/accept`, clerk)).statusCode).toBe(200);
  return c;
}

describe('the deadline of an accepted case', () => {
  it('counts promised and legal working days from acceptance, skipping holidays, like the CLI', async () => {
    const c = await acceptedCase();
    const v = await view(c.id);
    expect(v.clock.due).toBe('2026-10-09T17:30:00+08:00');
    expect(v.clock.legalDue).toBe('2026-10-15T17:30:00+08:00');
    expect(v.clock.ledger).toContain('10/1–10/7 国庆节不计');
    // The same computation the `tongban deadline` command line makes.
    const cli = computeDeadline(buildCalendar(), { from: START, limit: 5 });
    expect(v.clock.due).toBe(cli.due);
    expect(v.clock.colour).toBe('green');
    const todo = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json();
    expect(todo.items.find((i: { caseId: string }) => i.caseId === c.id).dueAt).toBe('2026-10-09T09:30:00.000Z');
  });

  it('turns yellow one working day before and red once overdue, the same in lists and pages', async () => {
    const c = await acceptedCase();
    await travel('2026-10-08T02:00:00Z'); // Thursday 10/8: one working day (10/9) left
    const row = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json().items.find((i: { caseId: string }) => i.caseId === c.id);
    expect([row.colour, row.workdaysLeft]).toEqual(['yellow', 1]);
    expect((await view(c.id)).clock.colour).toBe('yellow');
    await travel('2026-10-09T09:31:00Z'); // 17:31 on the due day
    expect((await view(c.id)).clock).toMatchObject({ colour: 'red', overdue: true });
    const all = (await t.app.inject({ url: '/api/cases?scope=all', headers: { cookie: clerk } })).json().items.find((i: { id: string }) => i.id === c.id);
    expect(all.colour).toBe('red');
  });
});

describe('limits in natural days', () => {
  it('counts every day and moves a last day that is a rest day to the next working day', async () => {
    await travel(START);
    const c = await f.submit(naturalDays);
    await post(`/api/cases/${c.id}/accept`, clerk);
    const v = await view(c.id);
    expect(v.clock.due).toBe('2026-10-08T17:30:00+08:00');
    expect(v.clock.ledger).toContain('10 个自然日');
  });
});

describe('pauses (补正, 第四十五条)', () => {
  it('stops the clock for the paused working days and resumes it, with events', async () => {
    const c = await acceptedCase();
    const paused = await post(`/api/cases/${c.id}/pauses`, approver, {
      type: 'inspection', reason: '现场核查', firstDay: '2026-09-28', expectedLastDay: '2026-09-30',
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json().clock.due).toBe('2026-10-13T17:30:00+08:00');
    expect((await post(`/api/cases/${c.id}/pauses`, approver, { type: 'testing', reason: '再次', expectedLastDay: '2026-10-09' })).json().code)
      .toBe('PAUSE_ALREADY_RUNNING');
    const resumed = await post(`/api/cases/${c.id}/pauses/end`, approver, { lastDay: '2026-09-29' });
    expect(resumed.json().clock.due).toBe('2026-10-12T17:30:00+08:00');
    expect(resumed.json().clock.pauses).toMatchObject([{ type: 'inspection', firstDay: '2026-09-28', lastDay: '2026-09-29', running: false }]);
    expect((await post(`/api/cases/${c.id}/pauses/end`, approver, {})).json().code).toBe('PAUSE_NOT_RUNNING');
    const events = (await t.ctx.db.query(`SELECT type FROM events WHERE case_id = $1 AND type LIKE 'case.%' ORDER BY pos`, [c.id])).rows.map((r) => r.type);
    expect(events).toEqual(['case.submitted', 'case.accepted', 'case.paused', 'case.deadline_changed', 'case.resumed', 'case.deadline_changed']);
  });

  it('pauses the current step too: a step with its own limit moves by the paused working days', async () => {
    await travel(START);
    const c = await f.submit(joint);
    await post(`/api/cases/${c.id}/accept`, clerk);
    const fgj = await login(t.app, joint.department.approver);
    const lead = (await t.app.inject({ url: '/api/tasks', headers: { cookie: fgj } })).json().items.find((i: { caseId: string }) => i.caseId === c.id);
    await post(`/api/tasks/${lead.id}/complete`, fgj, { outcome: 'approved', opinion: '抄告相关部门' }); // 牵头预审
    const zjj = await login(t.app, reviewer.approver);
    const stepDue = async () => (await t.app.inject({ url: '/api/tasks', headers: { cookie: zjj } })).json().items.find((i: { caseId: string }) => i.caseId === c.id).dueAt;
    expect(await stepDue()).toBe('2026-10-15T09:30:00.000Z');
    const manager = await login(t.app, 'manager');
    expect((await post(`/api/cases/${c.id}/pauses`, manager, { type: 'inspection', reason: '联合踏勘', firstDay: '2026-09-28', expectedLastDay: '2026-09-30' })).statusCode).toBe(200);
    expect(await stepDue()).toBe('2026-10-20T09:30:00.000Z');
    const detail = await view(c.id, manager);
    expect(detail.tasks.find((x: { name: string }) => x.name === '住建局审查').dueAt).toBe('2026-10-20T09:30:00.000Z');
  });

  it('refuses bad pauses with codes and changes nothing', async () => {
    const c = await acceptedCase();
    const due = async () => (await t.ctx.db.query('SELECT due_at FROM cases WHERE id = $1', [c.id])).rows[0].due_at.toISOString();
    const before = await due();
    expect((await post(`/api/cases/${c.id}/pauses`, approver, { type: 'hearing', reason: '听证', firstDay: '2026-10-09', expectedLastDay: '2026-10-08' })).json().code)
      .toBe('CALENDAR_PAUSE_INVERTED');
    expect((await post(`/api/cases/${c.id}/pauses`, approver, { type: 'hearing', reason: '听证', firstDay: '2026-09-01', expectedLastDay: '2026-09-30' })).json().code)
      .toBe('CALENDAR_PAUSE_BEFORE_START');
    expect((await post(`/api/cases/${c.id}/pauses`, approver, { type: 'hearing', reason: ' ', expectedLastDay: '2026-09-30' })).json().code).toBe('REASON_REQUIRED');
    expect((await post(`/api/cases/${c.id}/pauses`, clerk, { type: 'hearing', reason: '听证', expectedLastDay: '2026-09-30' })).json().code).toBe('FORBIDDEN');
    const other = await login(t.app, (await f.department()).approver);
    expect((await post(`/api/cases/${c.id}/pauses`, other, { type: 'hearing', reason: '听证', expectedLastDay: '2026-09-30' })).json().code).toBe('FORBIDDEN');
    expect(await due()).toBe(before);
    expect((await t.ctx.db.query('SELECT count(*)::int AS n FROM case_pauses WHERE case_id = $1', [c.id])).rows[0].n).toBe(0);
  });
});

describe('the extension (第四十二条)', () => {
  it('lets the agency head extend once, by at most 10 working days, with a reason', async () => {
    const c = await acceptedCase();
    expect((await post(`/api/cases/${c.id}/extension`, approver, { workdays: 10, reason: '需专家论证' })).json().code).toBe('FORBIDDEN');
    expect((await post(`/api/cases/${c.id}/extension`, head, { workdays: 11, reason: '需专家论证' })).json().code).toBe('CALENDAR_EXTENSION_TOO_LONG');
    const gov = await login(t.app, 'gov_head');
    expect((await post(`/api/cases/${c.id}/extension`, gov, { workdays: 10, reason: '需专家论证' })).json().code).toBe('CALENDAR_EXTENSION_WRONG_ROLE');
    expect((await post(`/api/cases/${c.id}/extension`, head, { workdays: 10, reason: ' ' })).json().code).toBe('CALENDAR_EXTENSION_REASON_REQUIRED');
    const ok = await post(`/api/cases/${c.id}/extension`, head, { workdays: 10, reason: '需专家论证' });
    expect(ok.json().clock.due).toBe('2026-10-22T17:30:00+08:00');
    expect(ok.json().clock.extension).toMatchObject({ workdays: 10, approverRole: 'agency_head' });
    expect((await post(`/api/cases/${c.id}/extension`, head, { workdays: 5, reason: '再延' })).json().code).toBe('CALENDAR_EXTENSION_REPEATED');
    // The applicant is told the reason.
    expect((await view(c.id)).timeline.find((e: { type: string }) => e.type === 'case.extended').note).toBe('需专家论证');
  });
});

describe('the 第三十二条 guard', () => {
  it('deems an application accepted from the day its materials arrived when no notice came within five working days', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    expect((await view(c.id)).clock.notice).toMatchObject({ due: '2026-10-09T17:30:00+08:00', state: 'open' });
    await travel('2026-10-09T09:00:00Z');
    expect(await deemOverdueApplicationsAccepted(t.ctx)).not.toContain(c.id);
    await travel('2026-10-09T09:31:00Z');
    expect(await deemOverdueApplicationsAccepted(t.ctx)).toContain(c.id);
    expect(await deemOverdueApplicationsAccepted(t.ctx)).not.toContain(c.id);
    const v = await view(c.id);
    expect(v.status).toBe('accepted');
    expect(v.acceptedAt).toBe(new Date(START).toISOString());
    expect(v.clock.notice.state).toBe('deemed_accepted');
    expect(v.clock.due).toBe('2026-10-09T17:30:00+08:00');
    const e = (await t.ctx.db.query(`SELECT payload FROM events WHERE case_id = $1 AND type = 'case.deemed_accepted'`, [c.id])).rows[0];
    expect(e.payload.violation).toBe('notice_not_issued_in_time');
  });

  it('accepts one complete notice in time, refuses a second, and takes the case back after the supplement', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    const materials = item.materials;
    expect((await post(`/api/cases/${c.id}/supplement-notice`, clerk, { items: [] })).json().code).toBe('SUPPLEMENT_ITEMS_REQUIRED');
    await travel('2026-09-29T02:00:00Z');
    const notice = await post(`/api/cases/${c.id}/supplement-notice`, clerk, {
      items: [{ materialId: materials[0]!.id, problem: 'irregular', note: '缺少法定代表人签字' }, { materialId: materials[1]!.id, problem: 'missing' }],
      note: '请一次性补齐',
    });
    expect(notice.json().status).toBe('supplement_requested');
    expect((await post(`/api/cases/${c.id}/supplement-notice`, clerk, { items: [{ materialId: materials[0]!.id, problem: 'missing' }] })).json().code)
      .toBe('SUPPLEMENT_NOTICE_EXISTS');
    // Past the window nothing is deemed: the notice came in time.
    await travel('2026-10-20T02:00:00Z');
    expect(await deemOverdueApplicationsAccepted(t.ctx)).not.toContain(c.id);
    const { uploadPdf } = await import('../../../test/app.ts');
    const one = await uploadPdf(t.app, citizen);
    expect((await post(`/api/cases/${c.id}/supplement`, citizen, { materials: [{ materialId: materials[0]!.id, uploadId: one }] })).json().code)
      .toBe('MATERIAL_MISSING');
    const two = await uploadPdf(t.app, citizen);
    const supplemented = await post(`/api/cases/${c.id}/supplement`, citizen, {
      materials: [{ materialId: materials[0]!.id, uploadId: one }, { materialId: materials[1]!.id, uploadId: two }],
    });
    expect(supplemented.json().status).toBe('submitted');
    expect((await post(`/api/cases/${c.id}/accept`, clerk)).json().status).toBe('accepted');
  });

  it('refuses a notice after the window has closed', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    await travel('2026-10-12T02:00:00Z');
    const materials = item.materials;
    expect((await post(`/api/cases/${c.id}/supplement-notice`, clerk, { items: [{ materialId: materials[0]!.id, problem: 'missing' }] })).json().code)
      .toBe('NOTICE_WINDOW_CLOSED');
  });
});

describe('a calendar change', () => {
  it('moves the open deadlines it reaches, each with an event', async () => {
    const c = await acceptedCase();
    const admin = (await t.ctx.db.query(`SELECT id FROM users WHERE username = 'admin'`)).rows[0];
    await setCalendarDay(t.ctx, { id: admin.id, role: 'admin' }, { region: 'CN', date: '2026-09-29', kind: 'holiday', name: '临时停工', reason: '测试' });
    expect(await applyCalendarChanges(t.ctx)).toBeGreaterThan(0);
    expect((await view(c.id)).clock.due).toBe('2026-10-10T17:30:00+08:00');
    const e = (await t.ctx.db.query(`SELECT payload FROM events WHERE case_id = $1 AND type = 'case.deadline_changed'`, [c.id])).rows[0];
    expect(e.payload).toMatchObject({ reason: 'calendar_changed', due: '2026-10-10T17:30:00+08:00' });
    expect(await applyCalendarChanges(t.ctx)).toBe(0);
  });
});

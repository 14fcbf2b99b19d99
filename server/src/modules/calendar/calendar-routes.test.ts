import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { applyCalendarChanges } from '../cases/index.ts';

let t: TestApp;
const f = factories(() => t);
/** An item of a department of its own (its approver handles the steps). */
let item: Item;
let admin: string;
beforeAll(async () => {
  t = await createTestApp('2026-09-24T02:00:00Z');
  item = await f.item({ legalDays: 10, promisedDays: 5 });
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

describe('calendar administration over HTTP', () => {
  it('computes the same deadline as the command line', async () => {
    const res = (await t.app.inject({ url: '/api/calendar/deadline?from=2026-09-24&days=20&pause=2026-10-12:2026-10-14', headers: { cookie: admin } })).json();
    expect(res.due).toBe('2026-11-03T17:30:00+08:00');
  });

  it('shows a year with holiday names and make-up working days', async () => {
    const res = (await t.app.inject({ url: '/api/calendar/CN/years/2026', headers: { cookie: admin } })).json();
    expect(res.days).toHaveLength(365);
    expect(res.days.find((d: { date: string }) => d.date === '2026-10-01')).toMatchObject({ work: false, name: '国庆节' });
    expect(res.days.find((d: { date: string }) => d.date === '2026-10-10')).toMatchObject({ work: true });
    expect(res.knownThrough).toBe('2026-12-31');
  });

  it('edits a day with an audit row; its recompute job moves the open deadlines', async () => {
    const citizen = await login(t.app, 'citizen');
    const clerk = await login(t.app, 'clerk');
    const c = await f.submit(item);
    await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: clerk }, payload: {} });
    const put = await t.app.inject({
      method: 'PUT', url: '/api/calendar/CN/days/2026-09-29', headers: { cookie: admin },
      payload: { kind: 'holiday', name: '防台风停工', reason: '县政府通知' },
    });
    expect(put.statusCode).toBe(200);
    // The edit answers at once; the recompute job (a background worker on a server) moves the deadline.
    expect(await applyCalendarChanges(t.ctx)).toBeGreaterThan(0);
    const v = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: citizen } })).json();
    expect(v.clock.due).toBe('2026-10-10T17:30:00+08:00');
    const edits = (await t.app.inject({ url: '/api/calendar/CN/edits', headers: { cookie: admin } })).json().items;
    expect(edits[0]).toMatchObject({ date: '2026-09-29', reason: '县政府通知', after: { kind: 'holiday', name: '防台风停工' } });
  });

  it('lets only the admin edit, and refuses bad input with codes', async () => {
    const manager = await login(t.app, 'manager');
    const asManager = await t.app.inject({
      method: 'PUT', url: '/api/calendar/CN/days/2026-11-02', headers: { cookie: manager }, payload: { kind: 'holiday', name: 'x', reason: 'y' },
    });
    expect(asManager.json().code).toBe('FORBIDDEN');
    const unknown = await t.app.inject({ url: '/api/calendar/XX/years/2026', headers: { cookie: admin } });
    expect(unknown.json().code).toBe('CALENDAR_REGION_UNKNOWN');
    const early = await t.app.inject({ url: '/api/calendar/CN/years/1999', headers: { cookie: admin } });
    expect(early.json().code).toBe('CALENDAR_YEAR_UNKNOWN');
    const badNotice = await t.app.inject({
      method: 'POST', url: '/api/calendar/CN/notice', headers: { cookie: admin }, payload: { format: 'json', content: '{not json' },
    });
    expect(badNotice.json().code).toBe('CALENDAR_NOTICE_INVALID');
  });

  it('imports next year\'s notice, which makes its deadlines final instead of provisional', async () => {
    const before = (await t.app.inject({ url: '/api/calendar/deadline?from=2026-12-20&days=20', headers: { cookie: admin } })).json();
    expect(before.provisional).toBe(true);
    const csv = 'name,from,to,workdays\n元旦,2027-01-01,2027-01-03,\n春节,2027-02-06,2027-02-13,2027-02-14\n';
    const res = await t.app.inject({
      method: 'POST', url: '/api/calendar/CN/notice', headers: { cookie: admin }, payload: { format: 'csv', year: 2027, content: csv },
    });
    expect(res.statusCode).toBe(200);
    const after = (await t.app.inject({ url: '/api/calendar/deadline?from=2026-12-20&days=20', headers: { cookie: admin } })).json();
    expect(after.provisional).toBe(false);
    expect(after.ledger.text).toContain('元旦');
  });

});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
/** An item of a department of its own (its approver handles the steps). */
let item: Item;
let citizen: string;
let other: string;
let clerk: string;
let approver: string;
let approverWjw: string;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  [citizen, clerk, approver, approverWjw] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, item.department.approver), login(t.app, (await f.department()).approver)]);
  const reg = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'wangwu', password: 'wangwu-password-1', displayName: '王五' } });
  other = `tb_session=${reg.cookies.find((c) => c.name === 'tb_session')!.value}`;
});
afterAll(() => t.close());

const { post, get } = requestsTo(() => t.app);

/** A case concluded by approval: submitted, accepted, approved. */
async function approvedCase() {
  const c = await f.submit(item);
  await post(`/api/cases/${c.id}/accept`, clerk, {});
  const todo = (await get('/api/tasks', approver)).json();
  const task = todo.items.find((i: { caseId: string }) => i.caseId === c.id);
  const done = await post(`/api/tasks/${task.id}/complete`, approver, { outcome: 'approved', opinion: '准予许可' });
  expect(done.json().status).toBe('approved');
  return c;
}

describe('rating a concluded case (好差评)', () => {
  it('takes one rating per case from its applicant, after it concludes', async () => {
    const open = await f.submit(item);
    expect((await post(`/api/portal/cases/${open.id}/rating`, citizen, { level: 'satisfied' })).json().code).toBe('RATING_CASE_NOT_CONCLUDED');

    const c = await approvedCase();
    expect((await post(`/api/portal/cases/${c.id}/rating`, other, { level: 'satisfied' })).json().code).toBe('CASE_NOT_FOUND');
    expect((await post(`/api/portal/cases/${c.id}/rating`, clerk, { level: 'satisfied' })).json().code).toBe('FORBIDDEN');
    expect((await post(`/api/portal/cases/${c.id}/rating`, undefined, { level: 'satisfied' })).json().code).toBe('UNAUTHENTICATED');
    expect((await post(`/api/portal/cases/${c.id}/rating`, citizen, { level: 'great' })).json().code).toBe('VALIDATION_FAILED');
    expect((await get(`/api/portal/cases/${c.id}/rating`, citizen)).json().rating).toBeNull();

    const rated = await post(`/api/portal/cases/${c.id}/rating`, citizen, { level: 'very_satisfied', comment: '办事很快' });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toMatchObject({ level: 'very_satisfied', score: 5, bad: false, comment: '办事很快' });
    expect((await post(`/api/portal/cases/${c.id}/rating`, citizen, { level: 'dissatisfied', comment: '改主意了' })).json().code).toBe('RATING_EXISTS');
    expect((await get(`/api/portal/cases/${c.id}/rating`, citizen)).json().rating.level).toBe('very_satisfied');
    expect((await get(`/api/portal/cases/${c.id}/rating`, approverWjw)).json().code).toBe('FORBIDDEN');
    expect((await get(`/api/portal/cases/${c.id}/rating`, other)).json().code).toBe('CASE_NOT_FOUND');
    const events = (await t.ctx.db.query(`SELECT payload, department_id FROM events WHERE type = 'case.rated' AND case_id = $1`, [c.id])).rows;
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ level: 'very_satisfied', label: '非常满意', score: 5, bad: false });
  });

  it('keeps a rating secret from the people rated: only its applicant, the supervision office and the center manager read it', async () => {
    const c = await approvedCase();
    await post(`/api/portal/cases/${c.id}/rating`, citizen, { level: 'very_dissatisfied', comment: '窗口态度差' });
    const readers = await Promise.all(['supervisor', 'manager'].map((u) => login(t.app, u)));
    for (const cookie of [citizen, ...readers]) expect((await get(`/api/portal/cases/${c.id}/rating`, cookie)).json().rating.level).toBe('very_dissatisfied');
    // The clerk who accepted, the approver who decided, the agency and government heads, the administrator.
    const rated = [clerk, approver, ...(await Promise.all([item.department.head, 'gov_head', 'admin'].map((u) => login(t.app, u))))];
    for (const cookie of rated) expect((await get(`/api/portal/cases/${c.id}/rating`, cookie)).json().code).toBe('FORBIDDEN');
    // Nor does the rating show on the staff timeline or on the public progress page; the applicant's own page keeps it.
    const types = async (cookie: string) => ((await get(`/api/cases/${c.id}`, cookie)).json().timeline as { type: string }[]).map((e) => e.type);
    for (const cookie of [clerk, approver, readers[1]!]) expect(await types(cookie)).not.toContain('case.rated');
    expect(await types(citizen)).toContain('case.rated');
    const progress = (await get(`/api/progress?caseNo=${c.caseNo}&queryCode=${c.queryCode}`)).json();
    expect(progress.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['case.accepted', 'case.concluded']));
    expect(progress.timeline.map((e: { type: string }) => e.type)).not.toContain('case.rated');
  });

  it('requires a reason for a bad review, which supervision sees as bad', async () => {
    const c = await f.submit(item);
    await post(`/api/cases/${c.id}/refuse`, clerk, { reason: '不属于受理范围' });
    expect((await post(`/api/portal/cases/${c.id}/rating`, citizen, { level: 'very_dissatisfied', comment: '  ' })).json().code).toBe('RATING_COMMENT_REQUIRED');
    expect((await t.ctx.db.query('SELECT count(*)::int AS n FROM portal_ratings WHERE case_id = $1', [c.id])).rows[0].n).toBe(0);
    const rated = await post(`/api/portal/cases/${c.id}/rating`, citizen, { level: 'very_dissatisfied', comment: '没有说明可以去哪里办' });
    expect(rated.json()).toMatchObject({ bad: true, score: 1 });
    const event = (await t.ctx.db.query(`SELECT payload FROM events WHERE type = 'case.rated' AND case_id = $1`, [c.id])).rows[0];
    expect(event.payload).toMatchObject({ bad: true, label: '非常不满意', comment: '没有说明可以去哪里办' });
  });

  it('records one rating when two arrive at once', async () => {
    const c = await approvedCase();
    const results = await Promise.all([
      post(`/api/portal/cases/${c.id}/rating`, citizen, { level: 'satisfied' }),
      post(`/api/portal/cases/${c.id}/rating`, citizen, { level: 'basically_satisfied' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await t.ctx.db.query('SELECT count(*)::int AS n FROM portal_ratings WHERE case_id = $1', [c.id])).rows[0].n).toBe(1);
  });
});

describe('public results list (办件结果公示)', () => {
  it('lists concluded cases with masked numbers and no personal data, page by page', async () => {
    const c = await approvedCase();
    const open = await f.submit(item);
    const page = (await get('/api/portal/results?page=1&pageSize=2')).json();
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items).toHaveLength(2);
    const all = (await get('/api/portal/results?pageSize=100')).json().items;
    const masked = `${c.caseNo.slice(0, 4)}****-${item.department.code}-**${c.caseNo.slice(-2)}`;
    expect(all.map((r: { caseNo: string }) => r.caseNo)).toContain(masked);
    const text = JSON.stringify(all);
    expect(text).not.toContain(c.caseNo);
    expect(text).not.toContain(`${open.caseNo.slice(0, 8)}-${item.department.code}`);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('测试内容');
    expect(Object.keys(all[0]).sort()).toEqual(['caseNo', 'concludedAt', 'departmentName', 'itemName', 'result']);
    expect((await get('/api/portal/results?pageSize=1000')).json().code).toBe('VALIDATION_FAILED');
  });
});

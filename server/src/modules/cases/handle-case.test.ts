import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
let citizen: string;
let clerk: string;
let approver: string;
/** A one-step item of its own department, whose approver is `approver`. */
let item: Item;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  [citizen, clerk, approver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, item.department.approver)]);
});
afterAll(() => t.close());

const { post } = requestsTo(() => t.app);

describe('accepting a case (受理)', () => {
  it('lets exactly one of two clerks accepting at once succeed', async () => {
    const c = await f.submit(item);
    const clerk2 = await login(t.app, 'clerk');
    const results = await Promise.all([post(`/api/cases/${c.id}/accept`, clerk), post(`/api/cases/${c.id}/accept`, clerk2)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('CASE_STATE_CONFLICT');
    const tasks = await t.ctx.db.query('SELECT count(*)::int AS n FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE i.case_id = $1', [c.id]);
    expect(tasks.rows[0].n).toBe(1);
  });

  it('puts the accepted case in the department to-do list', async () => {
    const c = await f.submit(item);
    const intake = (await t.app.inject({ url: '/api/cases?scope=intake', headers: { cookie: clerk } })).json();
    expect(intake.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect((await post(`/api/cases/${c.id}/accept`, clerk)).json().status).toBe('accepted');
    const todo = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json();
    expect(todo.items.map((i: { caseId: string }) => i.caseId)).toContain(c.id);
  });

  it('refuses only with a reason, and only once', async () => {
    const c = await f.submit(item);
    expect((await post(`/api/cases/${c.id}/refuse`, clerk, { reason: '   ' })).json().code).toBe('REASON_REQUIRED');
    const refused = await post(`/api/cases/${c.id}/refuse`, clerk, { reason: '不属于本中心受理范围' });
    expect(refused.json().status).toBe('refused');
    expect(refused.json().resultNote).toBe('不属于本中心受理范围');
    expect((await post(`/api/cases/${c.id}/accept`, clerk)).json().code).toBe('CASE_STATE_CONFLICT');
  });

  it('is for clerks only', async () => {
    const c = await f.submit(item);
    expect((await post(`/api/cases/${c.id}/accept`, citizen)).json().code).toBe('FORBIDDEN');
    expect((await post(`/api/cases/${c.id}/accept`, approver)).json().code).toBe('FORBIDDEN');
    expect((await t.app.inject({ url: '/api/cases?scope=intake', headers: { cookie: citizen } })).json().code).toBe('FORBIDDEN');
    expect((await post('/api/cases/00000000-0000-4000-8000-000000000000/accept', clerk)).json().code).toBe('CASE_NOT_FOUND');
  });
});

describe('deciding a case (审批)', () => {
  async function acceptedCase() {
    const c = await f.submit(item);
    await post(`/api/cases/${c.id}/accept`, clerk);
    const todo = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json();
    return { ...c, taskId: todo.items.find((i: { caseId: string }) => i.caseId === c.id)?.id as string };
  }

  it('concludes the case with the approver’s decision and shows it to the citizen', async () => {
    const c = await acceptedCase();
    expect((await post(`/api/tasks/${c.taskId}/complete`, approver, { outcome: 'approved', opinion: ' ' })).json().code).toBe('OPINION_REQUIRED');
    const done = await post(`/api/tasks/${c.taskId}/complete`, approver, { outcome: 'approved', opinion: '材料齐全，符合条件，准予许可' });
    expect(done.statusCode).toBe(200);
    const view = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: citizen } })).json();
    expect(view.status).toBe('approved');
    expect(view.timeline.map((e: { type: string }) => e.type)).toEqual(['case.submitted', 'case.accepted', 'task.completed', 'case.concluded']);
    expect((await post(`/api/tasks/${c.taskId}/complete`, approver, { outcome: 'denied', opinion: '再次' })).json().code).toBe('TASK_STATE_CONFLICT');
  });

  it("hides another department's task from an approver", async () => {
    const c = await acceptedCase();
    const other = await login(t.app, (await f.department()).approver);
    expect((await post(`/api/tasks/${c.taskId}/complete`, other, { outcome: 'approved', opinion: '越权' })).json().code).toBe('TASK_NOT_FOUND');
    expect((await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: other } })).json().code).toBe('CASE_NOT_FOUND');
  });
});

describe('who sees a case', () => {
  it("never shows a citizen another citizen's case", async () => {
    const c = await f.submit(item);
    const reg = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'wangwu', password: 'another-pass-9', displayName: '王五' } });
    const other = `tb_session=${reg.cookies.find((k) => k.name === 'tb_session')!.value}`;
    expect((await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: other } })).json().code).toBe('CASE_NOT_FOUND');
    const mine = (await t.app.inject({ url: '/api/cases?scope=all', headers: { cookie: other } })).json();
    expect(mine.items).toEqual([]);
  });

  it('answers the public progress lookup only with the right query code, without personal data', async () => {
    const c = await f.submit(item);
    const ok = await t.app.inject({ url: `/api/progress?caseNo=${c.caseNo}&queryCode=${c.queryCode.toLowerCase()}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('submitted');
    expect(JSON.stringify(ok.json())).not.toContain('张三');
    const wrong = await t.app.inject({ url: `/api/progress?caseNo=${c.caseNo}&queryCode=ZZZZZZ` });
    expect(wrong.json().code).toBe('PROGRESS_NOT_FOUND');
    const unknown = await t.app.inject({ url: `/api/progress?caseNo=19990101-XX-0001&queryCode=${c.queryCode}` });
    expect(unknown.json().code).toBe('PROGRESS_NOT_FOUND');
  });

  it('slows down a client guessing query codes', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({ url: '/api/progress?caseNo=20260924-SCJG-0001&queryCode=AAAAAA', remoteAddress: '10.9.9.9' });
      codes.push(res.json().code);
    }
    expect(codes.slice(0, 20).every((c) => c === 'PROGRESS_NOT_FOUND')).toBe(true);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    t.clock.advance(61_000);
    const later = await t.app.inject({ url: '/api/progress?caseNo=20260924-SCJG-0001&queryCode=AAAAAA', remoteAddress: '10.9.9.9' });
    expect(later.json().code).toBe('PROGRESS_NOT_FOUND');
  });
});

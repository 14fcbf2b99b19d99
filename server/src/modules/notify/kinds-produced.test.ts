import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { task } from '../workflow/index.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { drainConsumer } from '../../platform/events/consumer.ts';
import { notifyConsumer } from './decide.ts';

/**
 * Every kind issue 12 lists is produced by the real command that causes it
 * and reaches the right person (the deadline kinds: deadline-warnings.test.ts;
 * supervision cards: supervision/cards/routes.test.ts).
 */
let t: TestApp;
const f = factories(() => t);
/** A one-step item of a department of its own, and a two-step one (审查 → 决定) of the same department. */
let item: Item;
let twoSteps: Item;
/** Who the test speaks of: the demo's citizen, clerk and manager, and the department's approver and head. */
type User = 'citizen' | 'clerk' | 'approver' | 'head' | 'manager';
const usernames: Record<string, string> = {};
/** The account name of a User, or any other account's name as it is. */
const nameOf = (who: string) => usernames[who] ?? who;

beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  twoSteps = await f.item({ department: item.department, steps: (dept) => [task('review', '审查', dept), task('decide', '决定', dept)] });
  Object.assign(usernames, { approver: item.department.approver, head: item.department.head });
});
afterAll(() => t.close());

const post = (url: string, who: User, payload: object = {}) => f.as(nameOf(who)).post(url, payload);
const userId = async (who: string) => (await t.ctx.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [nameOf(who)])).rows[0]!.id;

async function decide() {
  await chainPending(t.ctx.db);
  const run = await drainConsumer(t.ctx.db, notifyConsumer(() => ({ quietHours: null }), () => t.clock.now()), () => t.clock.now());
  expect(run.error).toBeUndefined();
}

/** The kinds a person's message centre holds about a case (or, without one, all), with their texts. */
async function inbox(who: string, caseNo?: string) {
  const { rows } = await t.ctx.db.query<{ kind: string; body: string }>(
    `SELECT i.kind, i.body FROM notify_inbox i JOIN users u ON u.id = i.user_id
      WHERE u.username = $1 AND ($2::text IS NULL OR i.case_no = $2) ORDER BY i.created_at, i.id`,
    [nameOf(who), caseNo ?? null],
  );
  return rows;
}
/** Sorted: messages decided in one batch share their moment. */
const kinds = async (username: string, caseNo?: string) => (await inbox(username, caseNo)).map((m) => m.kind).sort();
const bodyOf = async (username: string, caseNo: string, kind: string) => (await inbox(username, caseNo)).find((m) => m.kind === kind)?.body;

const openTask = (caseId: string, who: User) => f.openTask(caseId, nameOf(who));

describe('what the applicant is told', () => {
  it('receipt, refusal with its reason, the supplement notice and the conclusion with its result, each naming the case', async () => {
    const refused = await f.submit(item);
    expect((await post(`/api/cases/${refused.id}/refuse`, 'clerk', { reason: '不属于本中心受理范围。' })).statusCode).toBe(200);

    const supplement = await f.submit(item);
    const notice = await post(`/api/cases/${supplement.id}/supplement-notice`, 'clerk', { items: [{ materialId: item.materials[0]!.id, problem: 'missing' }], note: '请补齐申请书' });
    expect(notice.statusCode).toBe(200);

    const concluded = await f.submit(item);
    expect((await post(`/api/cases/${concluded.id}/accept`, 'clerk')).statusCode).toBe(200);
    const step = (await openTask(concluded.id, 'approver'))!;
    expect((await post(`/api/tasks/${step.id}/complete`, 'approver', { outcome: 'approved', opinion: '符合条件，准予许可' })).statusCode).toBe(200);
    await decide();

    expect(await kinds('citizen', refused.caseNo)).toEqual(['case.received', 'case.refused']);
    expect(await bodyOf('citizen', refused.caseNo, 'case.refused')).toContain('理由：不属于本中心受理范围。');
    expect(await kinds('citizen', supplement.caseNo)).toEqual(['case.received', 'case.supplement']);
    expect(await bodyOf('citizen', supplement.caseNo, 'case.supplement')).toContain('请补齐申请书');
    expect(await kinds('citizen', concluded.caseNo)).toEqual(['case.accepted', 'case.concluded', 'case.received']);
    expect(await bodyOf('citizen', concluded.caseNo, 'case.concluded')).toContain('结果：准予许可');
    for (const c of [refused, supplement, concluded]) expect((await inbox('citizen', c.caseNo)).every((m) => m.body.includes(c.caseNo))).toBe(true);

    // A bad rating of the concluded case goes to those who may read ratings, never to the rated department.
    const rated = await post(`/api/portal/cases/${concluded.id}/rating`, 'citizen', { level: 'dissatisfied', comment: '等候时间太长' });
    expect(rated.statusCode).toBe(201);
    await decide();
    expect(await kinds('manager', concluded.caseNo)).toEqual(['rating.bad']);
    expect(await kinds('supervisor', concluded.caseNo)).toEqual(['rating.bad']);
    expect(await bodyOf('supervisor', concluded.caseNo, 'rating.bad')).toContain('不满意');
    expect(await kinds('approver', concluded.caseNo)).toEqual(['task.assigned']);
    expect(await kinds('head', concluded.caseNo)).toEqual([]);
  });
});

describe('what staff are told', () => {
  it('a new step, urging, a copy, a return, a delegation and a transfer, each to the step\'s holder or the person named', async () => {
    const c = await f.submit(twoSteps);
    expect((await post(`/api/cases/${c.id}/accept`, 'clerk')).statusCode).toBe(200);
    const review = (await openTask(c.id, 'approver'))!;
    expect((await post(`/api/tasks/${review.id}/urge`, 'manager', { message: '请加快' })).statusCode).toBe(200);
    expect((await post(`/api/cases/${c.id}/copies`, 'approver', { users: [await userId('manager')], taskId: review.id })).statusCode).toBe(200);
    expect((await post(`/api/tasks/${review.id}/complete`, 'approver', { outcome: 'approved', opinion: '审查通过' })).statusCode).toBe(200);
    const decision = (await openTask(c.id, 'approver'))!;
    expect(decision.name).toBe('决定');
    expect((await post(`/api/tasks/${decision.id}/return`, 'approver', { targetNodeId: 'review', opinion: '经营场所需复核' })).statusCode).toBe(200);
    await decide();
    // The return re-opens 审查 with a new step: told as "returned", not as a new one.
    expect(await kinds('approver', c.caseNo)).toEqual(['task.assigned', 'task.assigned', 'task.returned', 'task.urged']);
    expect(await bodyOf('approver', c.caseNo, 'task.urged')).toContain('催办');
    expect(await bodyOf('approver', c.caseNo, 'task.returned')).toContain('退回到“审查”');
    expect(await kinds('manager', c.caseNo)).toEqual(['task.copied']);

    const again = (await openTask(c.id, 'approver'))!;
    expect(again.name).toBe('审查');
    expect((await post(`/api/tasks/${again.id}/claim`, 'approver')).statusCode).toBe(200);
    expect((await post(`/api/tasks/${again.id}/delegate`, 'approver', { to: await userId('manager'), reason: '请协助核对' })).statusCode).toBe(200);
    await decide();
    expect(await kinds('manager', c.caseNo)).toEqual(['task.copied', 'task.delegated']);
    expect(await bodyOf('manager', c.caseNo, 'task.delegated')).toContain('委派给您');

    const other = await f.submit(item);
    expect((await post(`/api/cases/${other.id}/accept`, 'clerk')).statusCode).toBe(200);
    const step = (await openTask(other.id, 'approver'))!;
    expect((await post(`/api/tasks/${step.id}/transfer`, 'approver', { to: await userId('head'), reason: '局长亲自审' })).statusCode).toBe(200);
    await decide();
    expect(await kinds('head', other.caseNo)).toEqual(['task.transferred']);
    expect((await inbox('head', other.caseNo))[0]!.body).toContain(other.caseNo);
  });

  it('a complaint to the department\'s head and the supervision office, and its answer to the complainant', async () => {
    const departmentId = item.department.id;
    const sent = await post('/api/portal/messages', 'citizen', { kind: 'complaint', departmentId, subject: '窗口等候时间过长', body: '上午排队两个小时' });
    expect(sent.statusCode).toBe(201);
    await decide();
    for (const who of ['head', 'supervisor']) {
      const msgs = (await inbox(who)).filter((m) => m.kind === 'complaint.received');
      expect(msgs.map((m) => m.body)).toEqual([expect.stringContaining(sent.json().ticketNo)]);
    }
    expect((await inbox('approver')).some((m) => m.kind === 'complaint.received')).toBe(false);
    const answered = await post(`/api/portal/messages/${sent.json().id}/answer`, 'head', { answer: '已增开窗口' });
    expect(answered.statusCode).toBe(200);
    await decide();
    expect((await inbox('citizen')).filter((m) => m.kind === 'complaint.answered').map((m) => m.body)).toEqual([expect.stringContaining(sent.json().ticketNo)]);
  });
});

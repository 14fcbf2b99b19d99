import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { factories } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const f = factories(() => t);

describe('test factories', () => {
  it('publish an item of a new department with its materials, limits and process', async () => {
    const item = await f.item({ steps: 2, legalDays: 15, promisedDays: 7, materials: [{ name: '申请书' }, { name: '章程', required: false }] });
    const view = (await f.as().get(`/api/items/${item.id}`)).json();
    expect(view).toMatchObject({ code: item.code, departmentId: item.department.id, legalDays: 15, promisedDays: 7 });
    expect(view.materials.map((m: { name: string; required: boolean }) => [m.name, m.required])).toEqual([['申请书', true], ['章程', false]]);
    expect(item.stepIds).toEqual(['step1', 'step2']);
  });

  it('make cases in every state through the commands', async () => {
    const item = await f.item({ steps: 3 });
    const state = async (id: string) => (await f.as('clerk').get(`/api/cases/${id}`)).json().status;
    expect(await state((await f.caseIn(item, 'submitted')).id)).toBe('submitted');
    expect(await state((await f.caseIn(item, 'supplement_requested')).id)).toBe('supplement_requested');
    expect(await state((await f.caseIn(item, 'refused')).id)).toBe('refused');
    expect(await state((await f.caseIn(item, 'approved')).id)).toBe('approved');
    expect(await state((await f.caseIn(item, 'denied')).id)).toBe('denied');
    const second = await f.caseIn(item, { step: 2 });
    expect((await f.openTask(second.id, item.department.approver))).toMatchObject({ id: second.taskId, name: '第2步' });
    const paused = await f.caseIn(item, 'paused');
    const clock = (await f.as(item.department.approver).get(`/api/cases/${paused.id}`)).json().clock;
    expect(clock.pauses).toMatchObject([{ type: 'testing', running: true }]);
  });

  it("keep a department's steps to its own staff", async () => {
    const [a, b] = [await f.item(), await f.item()];
    const c = await f.caseIn(a, 'accepted');
    expect(await f.openTask(c.id, b.department.approver)).toBeUndefined();
    expect((await f.as(b.department.approver).post(`/api/tasks/${c.taskId}/complete`, { outcome: 'approved', opinion: '越权' })).json().code).toBe('TASK_NOT_FOUND');
  });
});

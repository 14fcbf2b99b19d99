import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { everyWidgetSpec } from '../../../../shared/forms/fixtures.ts';

let t: TestApp;
const f = factories(() => t);
let admin: string;
/** An item of its own, published with the factory's one-field form. */
let item: Item;
let itemId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  item = await f.item();
  itemId = item.id;
});
afterAll(() => t.close());

const { get } = requestsTo(() => t.app);
const save = (cookie: string, form: unknown, revision: number) =>
  t.app.inject({ method: 'PUT', url: `/api/admin/forms/${itemId}`, headers: { cookie }, payload: { form, revision } });

describe('designing an item form (表单设计器)', () => {
  it('lists every item with its form and reads one', async () => {
    const list = await get('/api/admin/forms', admin);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((i: { itemId: string }) => i.itemId)).toContain(itemId);
    const one = await get(`/api/admin/forms/${itemId}`, admin);
    expect(one.json()).toMatchObject({ itemId, code: item.code, revision: 0 });
    expect(one.json().form.schema.type).toBe('object');
  });

  it('saves a sound form: the catalogue serves it, the revision moves on, item.form_changed is recorded', async () => {
    const before = (await get(`/api/admin/forms/${itemId}`, admin)).json();
    const res = await save(admin, everyWidgetSpec(), before.revision);
    expect(res.statusCode).toBe(200);
    expect(res.json().revision).toBe(before.revision + 1);
    const served = (await t.app.inject({ url: `/api/items/${itemId}` })).json();
    expect(served.form.layout).toEqual(everyWidgetSpec().layout);
    expect(served.form.schema.properties.creditCode['x-showIf']).toEqual({ field: 'applicantType', equals: 'company' });
    const ev = await t.ctx.db.query(`SELECT actor_id, payload FROM events WHERE type = 'item.form_changed' ORDER BY occurred_at DESC LIMIT 1`);
    expect(ev.rows[0].payload).toMatchObject({ itemId, itemCode: item.code, revision: before.revision + 1 });
    expect(ev.rows[0].payload.added).toContain('creditCode');
  });

  it('refuses a malformed form, naming the field, and changes nothing', async () => {
    const current = (await get(`/api/admin/forms/${itemId}`, admin)).json();
    const bad = everyWidgetSpec();
    bad.schema.properties.count!.minimum = 99;
    bad.schema.properties.name!['x-showIf'] = { field: 'phone', filled: true };
    const res = await save(admin, bad, current.revision);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FORM_SPEC_INVALID');
    expect(res.json().details.problems).toEqual(expect.arrayContaining([
      { field: 'count', code: 'SPEC_RANGE' }, { field: 'name', code: 'SPEC_SHOW_IF' },
    ]));
    const after = (await get(`/api/admin/forms/${itemId}`, admin)).json();
    expect(after.revision).toBe(current.revision);
    expect(after.form).toEqual(current.form);
  });

  it('refuses a save over a newer revision (two admins at once)', async () => {
    const current = (await get(`/api/admin/forms/${itemId}`, admin)).json();
    const res = await save(admin, everyWidgetSpec(), current.revision - 1);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('FORM_SPEC_STALE');
  });

  it('checks a spec without saving it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/forms/check', headers: { cookie: admin }, payload: { form: { schema: 1 } } });
    expect(res.json().problems).toEqual([{ field: null, code: 'SPEC_SHAPE' }]);
  });

  it('is for administrators only', async () => {
    for (const user of ['clerk', 'manager', 'citizen']) {
      const cookie = await login(t.app, user);
      expect((await get('/api/admin/forms', cookie)).statusCode).toBe(403);
      expect((await save(cookie, everyWidgetSpec(), 0)).json().code).toBe('FORBIDDEN');
    }
    expect((await t.app.inject({ url: '/api/admin/forms' })).json().code).toBe('UNAUTHENTICATED');
  });
});

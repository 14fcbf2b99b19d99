import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, uploadPdf, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
let citizen: string;
/** An item of its own department, whose form has a phone and a date field. */
let item: Item;
beforeAll(async () => {
  t = await createTestApp();
  citizen = await login(t.app, 'citizen');
  item = await f.item({
    formFields: [
      { key: 'projectName', label: '项目名称', type: 'text', required: true },
      { key: 'contactPhone', label: '联系电话', type: 'phone', required: true },
      { key: 'plannedStart', label: '计划开工日期', type: 'date', required: true },
    ],
  });
});
afterAll(() => t.close());

describe('submitting an application (网上申报)', () => {
  it('numbers the case by date, department and sequence and gives a query code', async () => {
    const first = await f.submit(item);
    const second = await f.submit(await f.item({ department: item.department }));
    expect(first.caseNo).toBe(`20260924-${item.department.code}-0001`);
    expect(second.caseNo).toBe(`20260924-${item.department.code}-0002`);
    expect(first.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(first.status).toBe('submitted');
  });

  it('creates one case for a double-submitted application (same idempotency key)', async () => {
    const payload = await f.application(item, 'citizen', 'double-click-key-1');
    const send = () => t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const again = await send();
    expect(again.statusCode).toBe(200);
    expect(again.json().caseNo).toBe(a.json().caseNo);
    const count = await t.ctx.db.query('SELECT count(*)::int AS n FROM cases WHERE idempotency_key = $1', ['double-click-key-1']);
    expect(count.rows[0].n).toBe(1);
  });

  it('rejects a form with missing or malformed fields, listing every problem', async () => {
    const payload = await f.application(item);
    payload.formData = { ...payload.formData, contactPhone: '12', plannedStart: 'tomorrow' };
    delete payload.formData.projectName;
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FORM_INVALID');
    expect(res.json().details.fields).toEqual(expect.arrayContaining([
      { path: 'contactPhone', code: 'FORM_PHONE' }, { path: 'plannedStart', code: 'FORM_DATE' }, { path: 'projectName', code: 'FORM_REQUIRED' },
    ]));
    expect(res.json().details.fields).toHaveLength(3);
  });

  it('refuses an application missing a required material', async () => {
    const payload = await f.application(item);
    payload.materials = payload.materials.slice(1);
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload });
    expect(res.json().code).toBe('MATERIAL_MISSING');
  });

  it("writes nothing when an upload is someone else's, not even a case number", async () => {
    const other = await t.app.inject({
      method: 'POST', url: '/api/auth/register',
      payload: { username: 'lisi', password: 'secret-pass-1', displayName: '李四' },
    });
    const otherCookie = `tb_session=${other.cookies.find((c) => c.name === 'tb_session')!.value}`;
    const foreignUpload = await uploadPdf(t.app, otherCookie);
    const payload = await f.application(item);
    payload.materials[0]!.uploadId = foreignUpload;
    const before = await t.ctx.db.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM events)::int AS events,
      (SELECT coalesce(sum(last_value),0)::int FROM case_sequences) AS seq`);
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload });
    expect(res.json().code).toBe('UPLOAD_NOT_FOUND');
    const after = await t.ctx.db.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM events)::int AS events,
      (SELECT coalesce(sum(last_value),0)::int FROM case_sequences) AS seq`);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('does not let one upload serve two applications', async () => {
    const first = await f.application(item);
    expect((await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload: first })).statusCode).toBe(201);
    const second = await f.application(item);
    second.materials[0]!.uploadId = first.materials[0]!.uploadId;
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload: second });
    expect(res.json().code).toBe('UPLOAD_ALREADY_USED');
  });

  it('lets only applicants apply, and only when logged in', async () => {
    const payload = await f.application(item);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/cases', payload });
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    const clerk = await login(t.app, 'clerk');
    const asClerk = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: clerk }, payload });
    expect(asClerk.json().code).toBe('FORBIDDEN');
  });

  it('rejects an unknown item and a malformed body with codes', async () => {
    const payload = await f.application(item);
    const unknown = await t.app.inject({
      method: 'POST', url: '/api/cases', headers: { cookie: citizen },
      payload: { ...payload, itemId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.json().code).toBe('ITEM_NOT_FOUND');
    const malformed = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload: { itemId: 'x' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uploadPdf, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { everyWidgetSpec } from '../../../../shared/forms/fixtures.ts';

let t: TestApp;
const f = factories(() => t);
/** An item whose designed form has every widget: an ID card, a date range, a region, a show-if (企业 → 统一社会信用代码) and a table; and one with the plain field list. */
let rich: Item;
let plain: Item;
beforeAll(async () => {
  t = await createTestApp();
  rich = await f.item({ form: everyWidgetSpec() });
  plain = await f.item();
});
afterAll(() => t.close());

const submit = (payload: object) => f.as('citizen').post('/api/cases', payload);
const count = async (sql: string) => (await t.ctx.db.query(sql)).rows[0].n as number;

describe('submitting an application against its dynamic form', () => {
  it('refuses a wrong ID card check digit with FORM_INVALID and the field path, storing nothing', async () => {
    const payload = await f.application(rich);
    payload.formData.idCard = '110105194912310021';
    const before = [await count('SELECT count(*)::int AS n FROM cases'), await count('SELECT count(*)::int AS n FROM case_sequences')];
    const res = await submit(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FORM_INVALID');
    expect(res.json().details.fields).toEqual([{ path: 'idCard', code: 'FORM_ID_CARD_CHECKSUM' }]);
    expect([await count('SELECT count(*)::int AS n FROM cases'), await count('SELECT count(*)::int AS n FROM case_sequences')]).toEqual(before);
    const attached = await t.ctx.db.query('SELECT count(*)::int AS n FROM uploads WHERE id = $1 AND case_id IS NOT NULL', [payload.materials[0]!.uploadId]);
    expect(attached.rows[0].n).toBe(0);
  });

  it('names every problem, inside table rows too, in Chinese by default', async () => {
    const payload = await f.application(rich);
    payload.formData.members = [
      { memberName: '张三', memberId: '11010519491231002X', share: 10 },
      { memberName: '', memberId: '11010519491231002', share: 1.234 },
    ];
    payload.formData.capital = 'many';
    const res = await submit(payload);
    expect(res.json().code).toBe('FORM_INVALID');
    expect(res.json().message).toMatch(/申请表/);
    expect(res.json().details.fields).toEqual([
      { path: 'capital', code: 'FORM_TYPE' },
      { path: 'members[1].memberName', code: 'FORM_REQUIRED' },
      { path: 'members[1].memberId', code: 'FORM_ID_CARD_FORMAT' },
      { path: 'members[1].share', code: 'FORM_MONEY' },
    ]);
  });

  it('refuses a region that does not exist and a date out of range', async () => {
    const payload = await f.application(rich);
    Object.assign(payload.formData, { region: '440100', startDate: '2026-09-23' });
    expect((await submit(payload)).json().details.fields).toEqual([
      { path: 'startDate', code: 'FORM_DATE_RANGE' }, { path: 'region', code: 'FORM_REGION' },
    ]);
  });

  it('requires a field its show-if reveals, and drops the value of a hidden one', async () => {
    const payload = await f.application(rich);
    delete payload.formData.creditCode;
    payload.formData.applicantType = 'company';
    expect((await submit(payload)).json().details.fields).toEqual([{ path: 'creditCode', code: 'FORM_REQUIRED' }]);
    payload.formData.applicantType = 'person';
    payload.formData.creditCode = '91350100M000100Y43';
    const res = await submit(payload);
    expect(res.statusCode).toBe(201);
    const stored = await t.ctx.db.query('SELECT form_data FROM cases WHERE id = $1', [res.json().id]);
    expect(stored.rows[0].form_data).not.toHaveProperty('creditCode');
    // Shown, the credit code is stored in its normal form (upper case, no spaces).
    const shown = await f.application(rich);
    Object.assign(shown.formData, { applicantType: 'company', creditCode: ' 91350100m000100y43 ' });
    const company = await submit(shown);
    expect(company.statusCode).toBe(201);
    expect((await t.ctx.db.query('SELECT form_data FROM cases WHERE id = $1', [company.json().id])).rows[0].form_data.creditCode).toBe('91350100M000100Y43');
    // The case page gets the form to show the data in its own words.
    const detail = (await f.as('citizen').get(`/api/cases/${company.json().id}`)).json();
    expect(detail.form.schema.properties.applicantType['x-enumTitles']).toContain('企业');
    expect(detail.formData).toMatchObject({ applicantType: 'company', creditCode: '91350100M000100Y43' });
  });

  it('stores a table and attaches the files of attachment fields to the case', async () => {
    const current = (await f.as('admin').get(`/api/admin/forms/${plain.id}`)).json();
    current.form.schema.properties.floorPlan = { type: 'string', 'x-widget': 'attachment', title: '平面布局图', format: 'uuid' };
    current.form.schema.required.push('floorPlan');
    current.form.layout.push({ field: 'floorPlan' });
    const saved = await f.as('admin').put(`/api/admin/forms/${plain.id}`, { form: current.form, revision: current.revision });
    expect(saved.statusCode).toBe(200);
    const payload = await f.application(plain);
    const plan = payload.formData.floorPlan as string;
    expect(plan).toMatch(/^[0-9a-f-]{36}$/);
    const res = await submit(payload);
    expect(res.statusCode).toBe(201);
    const upload = await t.ctx.db.query('SELECT case_id, material_id FROM uploads WHERE id = $1', [plan]);
    expect(upload.rows[0]).toEqual({ case_id: res.json().id, material_id: null });
    // Someone else's file cannot be smuggled in through a form field.
    const other = await uploadPdf(t.app, await f.as('admin').cookie());
    const again = await f.application(plain);
    again.formData.floorPlan = other;
    expect((await submit(again)).json().code).toBe('UPLOAD_NOT_FOUND');
  });

  it('refuses a body whose form data is not field → value', async () => {
    const payload = await f.application(plain);
    const res = await submit({ ...payload, formData: { applicantName: { nested: true } } });
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationFor, createTestApp, login, uploadPdf, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let citizen: string;
beforeAll(async () => {
  t = await createTestApp();
  citizen = await login(t.app, 'citizen');
});
afterAll(() => t.close());

const submit = (payload: object) => t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload });
const count = async (sql: string) => (await t.ctx.db.query(sql)).rows[0].n as number;

describe('submitting an application against its dynamic form', () => {
  it('refuses a wrong ID card check digit with FORM_INVALID and the field path, storing nothing', async () => {
    const payload = await applicationFor(t.app, citizen, 'GAJ-HJ-001');
    payload.formData.idNumber = '110105194912310021';
    const before = [await count('SELECT count(*)::int AS n FROM cases'), await count('SELECT count(*)::int AS n FROM case_sequences')];
    const res = await submit(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FORM_INVALID');
    expect(res.json().details.fields).toEqual([{ path: 'idNumber', code: 'FORM_ID_CARD_CHECKSUM' }]);
    expect([await count('SELECT count(*)::int AS n FROM cases'), await count('SELECT count(*)::int AS n FROM case_sequences')]).toEqual(before);
    const attached = await t.ctx.db.query('SELECT count(*)::int AS n FROM uploads WHERE id = $1 AND case_id IS NOT NULL', [payload.materials[0]!.uploadId]);
    expect(attached.rows[0].n).toBe(0);
  });

  it('names every problem, inside table rows too, in Chinese by default', async () => {
    const payload = await applicationFor(t.app, citizen, 'SCJG-DJ-003');
    payload.formData.shareholders = [
      { name: '张三', idNumber: '11010519491231002X', contribution: 10 },
      { name: '', idNumber: '11010519491231002', contribution: 1.234 },
    ];
    payload.formData.registeredCapital = 'many';
    const res = await submit(payload);
    expect(res.json().code).toBe('FORM_INVALID');
    expect(res.json().message).toMatch(/申请表/);
    expect(res.json().details.fields).toEqual([
      { path: 'registeredCapital', code: 'FORM_TYPE' },
      { path: 'shareholders[1].name', code: 'FORM_REQUIRED' },
      { path: 'shareholders[1].idNumber', code: 'FORM_ID_CARD_FORMAT' },
      { path: 'shareholders[1].contribution', code: 'FORM_MONEY' },
    ]);
  });

  it('refuses a region that does not exist and a moving date out of range', async () => {
    const payload = await applicationFor(t.app, citizen, 'GAJ-HJ-001');
    Object.assign(payload.formData, { fromRegion: '440100', moveDate: '2026-09-23' });
    expect((await submit(payload)).json().details.fields).toEqual([
      { path: 'fromRegion', code: 'FORM_REGION' }, { path: 'moveDate', code: 'FORM_DATE_RANGE' },
    ]);
  });

  it('requires a field its show-if reveals, and drops the value of a hidden one', async () => {
    const payload = await applicationFor(t.app, citizen, 'WJW-XK-001');
    payload.formData.placeType = 'swimming';
    expect((await submit(payload)).json().details.fields).toEqual([{ path: 'poolArea', code: 'FORM_REQUIRED' }]);
    payload.formData.placeType = 'hotel';
    payload.formData.poolArea = 300;
    payload.formData.creditCode = ' 91350100m000100y43 ';
    const res = await submit(payload);
    expect(res.statusCode).toBe(201);
    const stored = await t.ctx.db.query('SELECT form_data FROM cases WHERE id = $1', [res.json().id]);
    expect(stored.rows[0].form_data).not.toHaveProperty('poolArea');
    expect(stored.rows[0].form_data.creditCode).toBe('91350100M000100Y43');
    // The case page gets the form to show the data in its own words.
    const detail = (await t.app.inject({ url: `/api/cases/${res.json().id}`, headers: { cookie: citizen } })).json();
    expect(detail.form.schema.properties.placeType['x-enumTitles']).toContain('住宿场所');
    expect(detail.formData).toMatchObject({ placeType: 'hotel', creditCode: '91350100M000100Y43' });
  });

  it('stores a table and attaches the files of attachment fields to the case', async () => {
    const admin = await login(t.app, 'admin');
    const items = (await t.app.inject({ url: '/api/items' })).json() as { id: string; code: string }[];
    const itemId = items.find((i) => i.code === 'WJW-XK-002')!.id;
    const current = (await t.app.inject({ url: `/api/admin/forms/${itemId}`, headers: { cookie: admin } })).json();
    current.form.schema.properties.floorPlan = { type: 'string', 'x-widget': 'attachment', title: '平面布局图', format: 'uuid' };
    current.form.schema.required.push('floorPlan');
    current.form.layout.push({ field: 'floorPlan' });
    const saved = await t.app.inject({ method: 'PUT', url: `/api/admin/forms/${itemId}`, headers: { cookie: admin }, payload: { form: current.form, revision: current.revision } });
    expect(saved.statusCode).toBe(200);
    const payload = await applicationFor(t.app, citizen, 'WJW-XK-002');
    const plan = payload.formData.floorPlan as string;
    expect(plan).toMatch(/^[0-9a-f-]{36}$/);
    const res = await submit(payload);
    expect(res.statusCode).toBe(201);
    const upload = await t.ctx.db.query('SELECT case_id, material_id FROM uploads WHERE id = $1', [plan]);
    expect(upload.rows[0]).toEqual({ case_id: res.json().id, material_id: null });
    // Someone else's file cannot be smuggled in through a form field.
    const other = await uploadPdf(t.app, admin);
    const again = await applicationFor(t.app, citizen, 'WJW-XK-002');
    again.formData.floorPlan = other;
    expect((await submit(again)).json().code).toBe('UPLOAD_NOT_FOUND');
  });

  it('refuses a body whose form data is not field → value', async () => {
    const payload = await applicationFor(t.app, citizen, 'SCJG-XK-001');
    const res = await submit({ ...payload, formData: { applicantName: { nested: true } } });
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

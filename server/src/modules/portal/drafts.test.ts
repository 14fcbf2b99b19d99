import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, uploadPdf, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
/** A complete application for a new item of its own: one draft per applicant and item, so each test has its item. */
const application = async (opts: Parameters<typeof f.item>[0] = {}) => {
  const item = await f.item(opts);
  return { item, full: await f.application(item) };
};
let citizen: string;
let other: string;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp();
  [citizen, clerk] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk')]);
  const reg = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'lisi', password: 'lisi-password-1', displayName: '李四' } });
  other = `tb_session=${reg.cookies.find((c) => c.name === 'tb_session')!.value}`;
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const count = async (sql: string, params: unknown[] = []) => (await t.ctx.db.query(sql, params)).rows[0].n as number;

describe('application drafts (草稿)', () => {
  it('saves a half-filled form with its uploads, and it survives a logout', async () => {
    const { item, full } = await application({ name: '医疗机构执业登记', formFields: [{ key: 'applicantName', label: '申请单位', type: 'text', required: true }] });
    const saved = await req('PUT', '/api/portal/drafts', citizen, { itemId: full.itemId, formData: { applicantName: '仁心诊所' }, materials: full.materials.slice(0, 1) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ itemId: full.itemId, itemName: item.name, formData: { applicantName: '仁心诊所' } });
    expect(saved.json().materials).toHaveLength(1);
    expect(saved.json().materials[0].originalName).toBe('材料.pdf');

    await req('POST', '/api/auth/logout', citizen, {});
    const again = await login(t.app, 'citizen');
    const list = (await req('GET', '/api/portal/drafts', again)).json();
    expect(list.items.map((d: { id: string }) => d.id)).toContain(saved.json().id);
    const forItem = (await req('GET', `/api/portal/drafts/by-item/${full.itemId}`, again)).json();
    expect(forItem.draft.id).toBe(saved.json().id);
    citizen = again;

    // Saving again replaces the same draft (one per applicant and item).
    const resaved = await req('PUT', '/api/portal/drafts', citizen, { itemId: full.itemId, formData: { applicantName: '仁心诊所（改）' }, materials: [] });
    expect(resaved.json().id).toBe(saved.json().id);
    expect(await count('SELECT count(*)::int AS n FROM portal_drafts WHERE item_id = $1', [full.itemId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'portal.draft.saved'`)).toBeGreaterThanOrEqual(2);
  });

  it('submits from the draft: the case is created and the draft removed together', async () => {
    const { item, full } = await application();
    const draft = (await req('PUT', '/api/portal/drafts', citizen, { itemId: full.itemId, formData: full.formData, materials: full.materials })).json();
    const res = await req('POST', `/api/portal/drafts/${draft.id}/submit`, citizen, { idempotencyKey: 'draft-submit-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json().caseNo).toMatch(new RegExp(`^\\d{8}-${item.department.code}-\\d{4}$`));
    expect((await req('GET', `/api/portal/drafts/by-item/${full.itemId}`, citizen)).json().draft).toBeNull();
    const c = (await req('GET', `/api/cases/${res.json().id}`, citizen)).json();
    expect(c.materials).toHaveLength(full.materials.length);
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'portal.draft.submitted' AND case_id = $1`, [res.json().id])).toBe(1);
    expect((await req('POST', `/api/portal/drafts/${draft.id}/submit`, citizen, { idempotencyKey: 'draft-submit-2' })).json().code).toBe('DRAFT_NOT_FOUND');
  });

  it('leaves the draft and writes no case when the application is incomplete', async () => {
    const { full } = await application({ formFields: [{ key: 'companyName', label: '企业名称', type: 'text', required: true }] });
    const draft = (await req('PUT', '/api/portal/drafts', citizen, { itemId: full.itemId, formData: { applicantName: '某公司' }, materials: [] })).json();
    const cases = await count('SELECT count(*)::int AS n FROM cases');
    const res = await req('POST', `/api/portal/drafts/${draft.id}/submit`, citizen, { idempotencyKey: 'incomplete-1' });
    expect(res.json().code).toBe('FORM_INVALID');
    const missing = await req('POST', `/api/portal/drafts/${draft.id}/submit`, citizen, { idempotencyKey: 'incomplete-2', formData: full.formData });
    expect(missing.json().code).toBe('MATERIAL_MISSING');
    expect(await count('SELECT count(*)::int AS n FROM cases')).toBe(cases);
    expect((await req('GET', `/api/portal/drafts/by-item/${full.itemId}`, citizen)).json().draft.id).toBe(draft.id);
    // With the form and materials as they now stand on screen it goes through.
    const ok = await req('POST', `/api/portal/drafts/${draft.id}/submit`, citizen, { idempotencyKey: 'incomplete-3', formData: full.formData, materials: full.materials });
    expect(ok.statusCode).toBe(201);
  });

  it("keeps each applicant's drafts to themselves and refuses others' files", async () => {
    const { full } = await application();
    const draft = (await req('PUT', '/api/portal/drafts', citizen, { itemId: full.itemId, formData: {}, materials: [] })).json();
    expect((await req('GET', '/api/portal/drafts', other)).json().items).toEqual([]);
    expect((await req('DELETE', `/api/portal/drafts/${draft.id}`, other)).json().code).toBe('DRAFT_NOT_FOUND');
    expect((await req('POST', `/api/portal/drafts/${draft.id}/submit`, other, { idempotencyKey: 'steal-1234' })).json().code).toBe('DRAFT_NOT_FOUND');
    const foreign = await uploadPdf(t.app, other);
    const materialId = full.materials[0]!.materialId;
    const refused = await req('PUT', '/api/portal/drafts', citizen, { itemId: full.itemId, formData: {}, materials: [{ materialId, uploadId: foreign }] });
    expect(refused.json().code).toBe('DRAFT_UPLOAD_INVALID');
    const unknown = await req('PUT', '/api/portal/drafts', citizen, {
      itemId: full.itemId, formData: {}, materials: [{ materialId: '00000000-0000-4000-8000-000000000000', uploadId: full.materials[0]!.uploadId }],
    });
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    expect((await req('PUT', '/api/portal/drafts', citizen, { itemId: '00000000-0000-4000-8000-000000000000', formData: {}, materials: [] })).json().code).toBe('ITEM_NOT_FOUND');
    expect((await req('DELETE', `/api/portal/drafts/${draft.id}`, citizen)).statusCode).toBe(204);
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'portal.draft.deleted'`)).toBe(1);
  });

  it('keeps table rows and other structured values of the form', async () => {
    const { full } = await application();
    const formData = { companyName: '示范科技有限公司', shareholders: [{ name: '张三', share: 60 }, { name: '李四', share: 40 }] };
    const saved = await req('PUT', '/api/portal/drafts', citizen, { itemId: full.itemId, formData, materials: [] });
    expect(saved.statusCode).toBe(200);
    expect((await req('GET', `/api/portal/drafts/by-item/${full.itemId}`, citizen)).json().draft.formData).toEqual(formData);
    await req('DELETE', `/api/portal/drafts/${saved.json().id}`, citizen);
  });

  it('is for applicants only', async () => {
    expect((await req('GET', '/api/portal/drafts')).json().code).toBe('UNAUTHENTICATED');
    expect((await req('GET', '/api/portal/drafts', clerk)).json().code).toBe('FORBIDDEN');
    expect((await req('PUT', '/api/portal/drafts', clerk, { itemId: '00000000-0000-4000-8000-000000000000', formData: {}, materials: [] })).json().code).toBe('FORBIDDEN');
  });
});

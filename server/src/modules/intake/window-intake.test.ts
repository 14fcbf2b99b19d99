import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp, login, uploadPdf, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item as Made } from '../../../test/factories.ts';
import { creditCodeCheckChar, idCardCheckChar } from '../../../../shared/identity.ts';
import { reportOverdueOwedMaterials } from './commands.ts';
import { hasPoppler, pdfText } from '../documents/testing.ts';

let t: TestApp;
const f = factories(() => t);
let citizen: string;
let clerk: string;
let approver: string;
/** The applicant's fields every item's form starts with (the demo items' too). */
const applicantFields = [
  { key: 'applicantName', label: '申请人姓名/名称', type: 'text', required: true },
  { key: 'contactPhone', label: '联系电话', type: 'phone', required: true },
] as const;
/**
 * 项目备案 (a promised item: project name and investment), 并联审批 of the
 * same project (name and address), 税务登记 (an immediate item, no process,
 * asking for the credit code), a licence with three materials, and 施工许可
 * whose 审查合格书 may be owed (容缺受理).
 */
let filing: Made;
let joint: Made;
let immediate: Made;
let licence: Made;
let works: Made;
beforeAll(async () => {
  t = await createTestApp('2026-09-24T02:00:00Z');
  filing = await f.item({ formFields: [...applicantFields, { key: 'projectName', label: '项目名称', type: 'text', required: true }, { key: 'totalInvestment', label: '总投资（万元）', type: 'number', required: true }] });
  joint = await f.item({
    itemType: 'joint',
    formFields: [
      ...applicantFields, { key: 'projectName', label: '项目名称', type: 'text', required: true },
      { key: 'projectAddress', label: '建设地点', type: 'text', required: true }, { key: 'totalInvestment', label: '总投资（万元）', type: 'number', required: true },
    ],
  });
  immediate = await f.item({
    itemType: 'immediate', steps: 0, legalDays: 30, promisedDays: 0, materials: [{ name: '营业执照复印件' }, { name: '经办人身份证件' }],
    formFields: [...applicantFields, { key: 'creditCode', label: '统一社会信用代码', type: 'text', required: true }],
  });
  licence = await f.item({ materials: [{ name: '申请书' }, { name: '营业执照' }, { name: '经营场所证明' }] });
  works = await f.item({ materials: [{ name: '建设工程规划许可证' }, { name: '施工合同' }, { name: '施工图设计文件审查合格书' }] });
  [citizen, clerk, approver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, filing.department.approver)]);
});
afterAll(() => t.close());

const { post, put, get } = requestsTo(() => t.app);
const count = async (sql: string, params: unknown[] = []) => (await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

let seq = 0;
/** A valid credit code, different each call; `wrong` spoils its check character. */
function creditCode(wrong = false): string {
  const body = `91330106MA27XL${String(++seq).padStart(3, '0')}`;
  const check = creditCodeCheckChar(body);
  return body + (wrong ? (check === '0' ? '1' : '0') : check);
}
function idCard(wrong = false): string {
  const body = `33010619850312${String(100 + ++seq).slice(-3)}`;
  const check = idCardCheckChar(body);
  return body + (wrong ? (check === '0' ? '1' : '0') : check);
}

interface Item { id: string; code: string; itemType: string; formFields: { key: string; type: string; required: boolean }[]; materials: { id: string; name: string; required: boolean }[] }
/** The item as the window's form sees it. */
const item = async (made: Made): Promise<Item> => (await t.app.inject({ url: `/api/items/${made.id}` })).json();
function formFor(i: Item, values: Record<string, string | number> = {}): Record<string, string | number> {
  const data: Record<string, string | number> = {};
  for (const f of i.formFields) {
    if (!f.required) continue;
    data[f.key] = values[f.key] ?? (f.type === 'number' ? 100 : f.type === 'phone' ? '13800138000' : f.type === 'date' ? '2026-10-08' : '测试内容');
  }
  return data;
}
const enterprise = (number: string, extra: object = {}) => ({
  kind: 'enterprise', idNumber: number, name: '示范县云帆科技有限公司', phone: '13900001111', address: '示范县人民路 1 号',
  legalRepresentative: '陈云帆', contactPerson: '刘联络', ...extra,
});
async function walkIn(made: Made, applicant: object, values: Record<string, string | number> = {}, key = `w-${Math.random()}`) {
  const i = await item(made);
  return post('/api/intake/cases', clerk, { itemId: i.id, applicant, formData: formFor(i, values), materials: [], idempotencyKey: key });
}

describe('registering a walk-in applicant', () => {
  it('refuses a credit code or ID number with a wrong check digit, storing nothing', async () => {
    const before = [await count('applicants'), await count('cases')];
    const bad = creditCode(true);
    expect((await get(`/api/intake/applicants/lookup?kind=enterprise&number=${bad}`, clerk)).json().code).toBe('INVALID_CREDIT_CODE');
    expect((await walkIn(filing, enterprise(bad))).json().code).toBe('INVALID_CREDIT_CODE');
    expect((await get(`/api/intake/applicants/lookup?kind=person&number=${idCard(true)}`, clerk)).json().code).toBe('INVALID_ID_CARD');
    expect((await walkIn(licence, { kind: 'person', idNumber: idCard(true), name: '王五' })).json().code).toBe('INVALID_ID_CARD');
    // A person number given as an enterprise is refused by the enterprise rule.
    expect((await walkIn(filing, enterprise(idCard()))).json().code).toBe('INVALID_CREDIT_CODE');
    expect([await count('applicants'), await count('cases')]).toEqual(before);
  });

  it('needs the legal representative of an enterprise', async () => {
    expect((await walkIn(filing, enterprise(creditCode(), { legalRepresentative: ' ' }))).json().code).toBe('APPLICANT_INCOMPLETE');
  });

  it('is for clerks at a window', async () => {
    expect((await get(`/api/intake/applicants/lookup?kind=enterprise&number=${creditCode()}`, citizen)).json().code).toBe('FORBIDDEN');
    const i = await item(filing);
    const body = { itemId: i.id, applicant: enterprise(creditCode()), formData: formFor(i), materials: [], idempotencyKey: 'x-12345678' };
    expect((await post('/api/intake/cases', citizen, body)).json().code).toBe('FORBIDDEN');
    expect((await post('/api/intake/cases', approver, body)).json().code).toBe('FORBIDDEN');
    const seat = await t.ctx.db.query<{ window_id: string }>(`SELECT window_id FROM users WHERE username = 'clerk'`);
    await t.ctx.db.query(`UPDATE users SET window_id = NULL WHERE username = 'clerk'`);
    try {
      expect((await post('/api/intake/cases', clerk, body)).json().code).toBe('WINDOW_REQUIRED');
    } finally {
      await t.ctx.db.query(`UPDATE users SET window_id = $1 WHERE username = 'clerk'`, [seat.rows[0]!.window_id]);
    }
  });
});

describe('walk-in submission and prefill (解决二次录入)', () => {
  it('submits for the enterprise, recording the clerk and the window, once per key', async () => {
    const code = creditCode();
    const lookup = (await get(`/api/intake/applicants/lookup?kind=enterprise&number=${code.toLowerCase()}&itemId=${(await item(immediate)).id}`, clerk)).json();
    expect(lookup.applicant).toBeNull();
    expect(lookup.idNumber).toBe(code);
    expect(lookup.formData.creditCode).toBe(code);

    const i = await item(filing);
    const body = { itemId: i.id, applicant: enterprise(code), formData: formFor(i, { projectName: '云帆智能制造项目', totalInvestment: 880 }), materials: [], idempotencyKey: 'walk-in-0001' };
    const res = await post('/api/intake/cases', clerk, body);
    expect(res.statusCode).toBe(201);
    const again = await post('/api/intake/cases', clerk, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(res.json().id);

    const d = (await get(`/api/cases/${res.json().id}`, clerk)).json();
    expect(d).toMatchObject({ status: 'submitted', channel: 'window', windowName: '1 号综合受理窗口', submittedByName: '李窗口', applicantName: '示范县云帆科技有限公司' });
    const ev = await t.ctx.db.query(`SELECT type, payload FROM events WHERE case_id = $1 AND type = 'case.submitted'`, [d.id]);
    expect(ev.rows[0].payload).toMatchObject({ channel: 'window', applicantProfileId: res.json().applicantId });
    expect(await count(`events WHERE type = 'applicant.registered' AND payload->>'applicantId' = $1`, [res.json().applicantId])).toBe(1);
    // The applicant has no account: nobody sees the case under 我的办件.
    expect((await get('/api/cases?scope=mine', citizen)).json().items.map((c: { id: string }) => c.id)).not.toContain(d.id);
  });

  it('refuses a form rendered from an older item version (ITEM_VERSION_STALE), storing nothing', async () => {
    const i = await item(filing);
    const stale = '00000000-0000-4000-8000-000000000000';
    const before = [await count('applicants'), await count('cases')];
    const body = { itemId: i.id, applicant: enterprise(creditCode()), formData: formFor(i), materials: [], idempotencyKey: 'walk-in-stale-1', itemVersionId: stale };
    expect((await post('/api/intake/cases', clerk, body)).json().code).toBe('ITEM_VERSION_STALE');
    expect([await count('applicants'), await count('cases')]).toEqual(before);
    const ok = await post('/api/intake/cases', clerk, { ...body, idempotencyKey: 'walk-in-stale-2', itemVersionId: (await get(`/api/items/${i.id}`, clerk)).json().versionId });
    expect(ok.statusCode).toBe(201);
  });

  it('fills the next form from the profile and the last application, and saves updates back', async () => {
    const code = creditCode();
    await walkIn(filing, enterprise(code), { projectName: '云帆二期项目', totalInvestment: 1200 });
    const next = await item(joint);
    const lookup = (await get(`/api/intake/applicants/lookup?kind=enterprise&number=${code}&itemId=${next.id}`, clerk)).json();
    expect(lookup.applicant).toMatchObject({ name: '示范县云帆科技有限公司', legalRepresentative: '陈云帆', contactPerson: '刘联络', phone: '13900001111' });
    expect(lookup.formData).toMatchObject({ applicantName: '示范县云帆科技有限公司', contactPhone: '13900001111', projectName: '云帆二期项目', totalInvestment: 1200 });
    expect(lookup.sources.applicantName).toEqual({ kind: 'profile' });
    expect(lookup.sources.projectName.kind).toBe('case');
    expect(lookup.formData.projectAddress).toBeUndefined();

    const res = await walkIn(joint, enterprise(code, { phone: '13911112222' }), { projectName: '云帆二期项目', projectAddress: '开发区 8 号' });
    expect(res.statusCode).toBe(201);
    const after = (await get(`/api/intake/applicants/lookup?kind=enterprise&number=${code}&itemId=${next.id}`, clerk)).json();
    expect(after.applicant.phone).toBe('13911112222');
    expect(after.formData.projectAddress).toBe('开发区 8 号');
    const updated = await t.ctx.db.query(`SELECT payload FROM events WHERE type = 'applicant.updated' AND payload->>'applicantId' = $1`, [after.applicant.id]);
    expect(updated.rows.map((r) => r.payload.fields)).toEqual([['phone']]);
  });

  it('gives online cases their account profile, as before', async () => {
    const c = await f.submit(licence);
    const row = await t.ctx.db.query(`SELECT c.channel, a.user_id = c.applicant_id AS linked FROM cases c JOIN applicants a ON a.id = c.applicant_profile_id WHERE c.id = $1`, [c.id]);
    expect(row.rows[0]).toEqual({ channel: 'online', linked: true });
  });

  it('attaches the clerk\'s scans to the case', async () => {
    const i = await item(filing);
    const uploadId = await uploadPdf(t.app, clerk, '扫描件.pdf');
    const res = await post('/api/intake/cases', clerk, {
      itemId: i.id, applicant: enterprise(creditCode()), formData: formFor(i), materials: [{ materialId: i.materials[0]!.id, uploadId }], idempotencyKey: 'scan-0001',
    });
    expect((await get(`/api/cases/${res.json().id}`, clerk)).json().materials.map((m: { uploadId: string }) => m.uploadId)).toEqual([uploadId]);
  });
});

describe('material checklist and pre-review (预审)', () => {
  it('records each material, refuses an irregular one without a note, and drafts the one-time notice', async () => {
    const c = await f.submit(licence);
    const i = await item(licence);
    const [a, b, c3] = i.materials;
    const url = `/api/intake/cases/${c.id}/checklist`;
    expect((await put(url, clerk, { items: [{ materialId: a!.id, status: 'irregular', note: ' ' }] })).json().code).toBe('CHECK_NOTE_REQUIRED');
    expect((await put(url, clerk, { items: [{ materialId: (await item(filing)).materials[0]!.id, status: 'received' }] })).json().code).toBe('VALIDATION_FAILED');
    expect((await put(url, citizen, { items: [{ materialId: a!.id, status: 'received' }] })).json().code).toBe('FORBIDDEN');
    expect(await count('case_material_checks WHERE case_id = $1', [c.id])).toBe(0);

    const saved = await put(url, clerk, {
      items: [
        { materialId: a!.id, status: 'received', originalSeen: true, copies: 1 },
        { materialId: b!.id, status: 'irregular', note: '复印件不清晰' },
        { materialId: c3!.id, status: 'missing' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const list = saved.json();
    expect(list.items.find((k: { materialId: string }) => k.materialId === a!.id)).toMatchObject({ status: 'received', originalSeen: true, copies: 1, checkedByName: '李窗口' });
    expect(list.noticeDraft).toEqual([
      { materialId: b!.id, problem: 'irregular', note: '复印件不清晰' },
      { materialId: c3!.id, problem: 'missing', note: '' },
    ]);
    const ev = await t.ctx.db.query(`SELECT payload FROM events WHERE case_id = $1 AND type = 'case.materials_checked'`, [c.id]);
    expect(ev.rows[0].payload).toEqual({ received: [a!.id], missing: [c3!.id], irregular: [b!.id] });

    // The drafted lines are exactly what the one-time notice takes.
    const notice = await post(`/api/cases/${c.id}/supplement-notice`, clerk, { items: list.noticeDraft, note: '' });
    expect(notice.json().status).toBe('supplement_requested');
    // Pre-review goes on while the applicant supplements; once decided, the checklist is closed.
    expect((await put(url, clerk, { items: [{ materialId: b!.id, status: 'received' }] })).statusCode).toBe(200);
    const other = await f.submit(licence);
    await post(`/api/cases/${other.id}/accept`, clerk);
    expect((await put(`/api/intake/cases/${other.id}/checklist`, clerk, { items: [{ materialId: a!.id, status: 'received' }] })).json().code).toBe('CASE_STATE_CONFLICT');
  });
});

describe('容缺受理 (accept with deficiencies)', () => {
  const deferrable = async (code: string, allows: boolean, deferrableNames: string[]) => {
    await t.ctx.db.query('UPDATE service_items SET allows_deficient_acceptance = $2 WHERE code = $1', [code, allows]);
    await t.ctx.db.query(
      `UPDATE item_materials m SET is_deferrable = (m.name = ANY($2)) FROM service_items i WHERE i.id = m.item_id AND i.code = $1`, [code, deferrableNames],
    );
  };

  it('is refused where the item does not allow it, for a non-deferrable material, and without owed items', async () => {
    const i = await item(works);
    await deferrable(works.code, false, ['施工图设计文件审查合格书']);
    const c = await f.submit(works);
    const owe = (materialIds: string[]) => post(`/api/intake/cases/${c.id}/accept-deficient`, clerk, { materialIds, workdays: 5 });
    const deferred = i.materials.find((m) => m.name === '施工图设计文件审查合格书')!.id;
    expect((await owe([deferred])).json().code).toBe('DEFICIENT_NOT_ALLOWED');
    await deferrable(works.code, true, ['施工图设计文件审查合格书']);
    expect((await owe([i.materials[0]!.id])).json().code).toBe('MATERIAL_NOT_DEFERRABLE');
    expect((await owe([])).json().code).toBe('OWED_ITEMS_REQUIRED');
    // A non-deferrable material the checklist found missing needs the one-time notice instead.
    await put(`/api/intake/cases/${c.id}/checklist`, clerk, { items: [{ materialId: i.materials[1]!.id, status: 'missing' }] });
    expect((await owe([deferred])).json().code).toBe('MATERIAL_NOT_DEFERRABLE');
    expect((await post(`/api/intake/cases/${c.id}/accept-deficient`, citizen, { materialIds: [deferred], workdays: 5 })).json().code).toBe('FORBIDDEN');
    expect((await get(`/api/cases/${c.id}`, clerk)).json().status).toBe('submitted');
    expect(await count('case_owed_materials WHERE case_id = $1', [c.id])).toBe(0);
    expect(await count('documents WHERE case_id = $1', [c.id])).toBe(0);
  });

  it('accepts with the owed material due in working days, shows it to the applicant, and reports it overdue once', async () => {
    t.clock.set('2026-09-30T02:00:00Z');
    onTestFinished(() => t.clock.set('2026-09-24T02:00:00Z'));
    await deferrable(works.code, true, ['施工图设计文件审查合格书']);
    const i = await item(works);
    const deferred = i.materials.find((m) => m.name === '施工图设计文件审查合格书')!;
    const c = await f.submit(works);
    await put(`/api/intake/cases/${c.id}/checklist`, clerk, {
      items: i.materials.map((m) => ({ materialId: m.id, status: m.id === deferred.id ? 'missing' : 'received' })),
    });
    const res = await post(`/api/intake/cases/${c.id}/accept-deficient`, clerk, { materialIds: [deferred.id], workdays: 2 });
    expect(res.statusCode).toBe(200);
    // 国庆 1–7 October are not working days: the 2nd working day after 30 September is 9 October.
    expect(res.json()).toMatchObject({ status: 'accepted', owedMaterials: [{ materialId: deferred.id, name: deferred.name, dueDate: '2026-10-09', receivedAt: null, overdue: false }] });
    const mine = (await get(`/api/cases/${c.id}`, citizen)).json();
    expect(mine.owedMaterials[0].dueDate).toBe('2026-10-09');
    const types = (await t.ctx.db.query(`SELECT type FROM events WHERE case_id = $1 AND (type LIKE 'case.accept%' OR type = 'document.issued') ORDER BY pos`, [c.id])).rows.map((r) => r.type);
    expect(types).toEqual(['case.accepted', 'case.accepted_deficient', 'document.issued']);
    // The 受理通知书 tells the applicant what is still owed and by when.
    const notice = (await get(`/api/cases/${c.id}/documents`, citizen)).json().items.find((d: { kind: string }) => d.kind === 'acceptance');
    const pdf = await get(`/api/documents/${notice.id}`, citizen);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (hasPoppler) {
      const text = pdfText(pdf.rawPayload);
      for (const s of ['予以容缺受理', '尚需补交的材料', '施工图设计文件审查合格书', '2026年10月9日']) expect(text).toContain(s);
    }
    expect(await count(`wf_instances WHERE case_id = $1`, [c.id])).toBe(1);

    expect(await reportOverdueOwedMaterials(t.ctx)).toBe(0);
    t.clock.set('2026-10-12T02:00:00Z');
    // Sessions last seven days: sign in again after the journey in time.
    const clerkNow = await login(t.app, 'clerk');
    const citizenNow = await login(t.app, 'citizen');
    expect(await reportOverdueOwedMaterials(t.ctx)).toBe(1);
    expect(await reportOverdueOwedMaterials(t.ctx)).toBe(0);
    expect(await count(`events WHERE case_id = $1 AND type = 'case.owed_material_overdue'`, [c.id])).toBe(1);
    const overdue = (await get('/api/intake/owed?overdue=true', clerkNow)).json().items;
    expect(overdue).toContainEqual(expect.objectContaining({ caseId: c.id, materialId: deferred.id, overdue: true }));
    expect((await get('/api/intake/owed', citizenNow)).json().code).toBe('FORBIDDEN');

    const receive = (materialId: string) => post(`/api/intake/cases/${c.id}/owed/${materialId}/receive`, clerkNow, {});
    expect((await receive(i.materials[0]!.id)).json().code).toBe('OWED_NOT_FOUND');
    const got = await receive(deferred.id);
    expect(got.json().owedMaterials[0]).toMatchObject({ overdue: false });
    expect(got.json().owedMaterials[0].receivedAt).not.toBeNull();
    expect((await receive(deferred.id)).json().code).toBe('OWED_ALREADY_RECEIVED');
    const ev = await t.ctx.db.query(`SELECT payload FROM events WHERE case_id = $1 AND type = 'case.owed_material_received'`, [c.id]);
    expect(ev.rows[0].payload).toMatchObject({ materialId: deferred.id, late: true });
    expect((await get('/api/intake/owed?overdue=true', clerkNow)).json().items.map((r: { caseId: string }) => r.caseId)).not.toContain(c.id);
  });
});

describe('即办件当场办结 (immediate item concluded at the window)', () => {
  it('refuses a promised item and an unchecked immediate one, then concludes with the 办结通知书', async () => {
    const promised = await walkIn(filing, enterprise(creditCode()));
    expect((await post(`/api/intake/cases/${promised.json().id}/conclude`, clerk, {})).json().code).toBe('NOT_IMMEDIATE_ITEM');

    const i = await item(immediate);
    expect(i.itemType).toBe('immediate');
    const res = await walkIn(immediate, enterprise(creditCode()));
    const id = res.json().id;
    const conclude = () => post(`/api/intake/cases/${id}/conclude`, clerk, { opinion: '' });
    expect((await conclude()).json().code).toBe('CHECKLIST_INCOMPLETE');
    await put(`/api/intake/cases/${id}/checklist`, clerk, { items: [{ materialId: i.materials[0]!.id, status: 'received' }, { materialId: i.materials[1]!.id, status: 'missing' }] });
    expect((await conclude()).json().code).toBe('CHECKLIST_INCOMPLETE');
    expect(await count('documents WHERE case_id = $1', [id])).toBe(0);
    expect((await post(`/api/intake/cases/${id}/conclude`, citizen, {})).json().code).toBe('FORBIDDEN');

    await put(`/api/intake/cases/${id}/checklist`, clerk, { items: i.materials.map((m) => ({ materialId: m.id, status: 'received', originalSeen: true, copies: 1 })) });
    const done = await conclude();
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'approved', resultNote: '材料齐全，当场办结', hasProcess: false });
    expect(done.json().acceptedAt).toBe(done.json().concludedAt);
    const docs = (await get(`/api/cases/${id}/documents`, clerk)).json().items;
    expect(docs.map((d: { kind: string; title: string }) => [d.kind, d.title])).toEqual([['conclusion', '办结通知书']]);
    const types = (await t.ctx.db.query(`SELECT type FROM events WHERE case_id = $1 AND type IN ('case.accepted', 'case.concluded', 'document.issued') ORDER BY pos`, [id])).rows.map((r) => r.type);
    expect(types).toEqual(['case.accepted', 'case.concluded', 'document.issued']);
    expect(await count('wf_instances WHERE case_id = $1', [id])).toBe(0);
    expect((await conclude()).json().code).toBe('CASE_STATE_CONFLICT');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationFor, createTestApp, login, submitCase, type TestApp, requestsTo } from '../../../test/app.ts';
import { checkFormSpec, type FormSpec } from '../../../../shared/forms/index.ts';
import { validate } from '../workflow/index.ts';
import { checkContent, itemContentSchema } from '../catalog/index.ts';
import { items } from './data.ts';
import { moreItems } from './more-items.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
let citizen: string;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp('2026-09-24T02:00:00Z');
  [citizen, clerk] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk')]);
});
afterAll(() => t.close());

const { post, put, get } = requestsTo(() => t.app);

interface CatalogueRow {
  code: string; item_type: string; dept: string; process_key: string; form_spec: FormSpec;
  materials: number; deferrable: number; allows: boolean; category: string | null; content: unknown;
}

describe('the demo catalogue', () => {
  it('holds at least 30 published items across at least 8 departments, each complete and valid', async () => {
    const { rows } = await t.ctx.db.query<CatalogueRow>(
      `SELECT i.code, i.item_type, d.code AS dept, i.process_key, i.form_spec, i.allows_deficient_acceptance AS allows, c.code AS category, v.content,
              (SELECT count(*)::int FROM item_materials m WHERE m.item_id = i.id AND NOT m.retired) AS materials,
              (SELECT count(*)::int FROM item_materials m WHERE m.item_id = i.id AND m.is_deferrable) AS deferrable
         FROM service_items i JOIN departments d ON d.id = i.department_id
         JOIN item_versions v ON v.id = i.current_version_id AND v.status = 'published'
         LEFT JOIN item_categories c ON c.id = i.category_id
        WHERE i.enabled ORDER BY i.code`,
    );
    expect(rows.length).toBe(items.length);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((r) => r.dept)).size).toBeGreaterThanOrEqual(8);
    // Every type is there, joint ones and 容缺受理 several times.
    const byType = (type: string) => rows.filter((r) => r.item_type === type).length;
    expect(byType('immediate')).toBeGreaterThanOrEqual(4);
    expect(byType('joint')).toBeGreaterThanOrEqual(3);
    expect(byType('reported')).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.allows && r.deferrable > 0).length).toBeGreaterThanOrEqual(3);

    const published = new Map<string, string>();
    for (const d of (await t.ctx.db.query<{ key: string; bpmn_xml: string }>(
      `SELECT DISTINCT ON (key) key, bpmn_xml FROM wf_definitions WHERE status = 'published' ORDER BY key, version DESC`)).rows) {
      published.set(d.key, d.bpmn_xml);
    }
    for (const r of rows) {
      expect(r.materials, r.code).toBeGreaterThanOrEqual(1);
      expect(r.category, r.code).not.toBeNull();
      expect(checkFormSpec(r.form_spec), r.code).toEqual([]);
      const content = itemContentSchema.safeParse(r.content);
      expect(content.success, `${r.code}: ${content.error?.message}`).toBe(true);
      expect(checkContent(content.data!), r.code).toEqual([]);
      const xml = published.get(r.process_key);
      expect(xml, `${r.code} binds ${r.process_key}`).toBeDefined();
      const { model, findings } = await validate(xml!);
      expect(model, r.process_key).not.toBeNull();
      expect(findings.filter((f) => f.severity === 'error'), r.process_key).toEqual([]);
    }
  });

  it('new items identify the applicant: enterprises by credit code, persons by ID card; richer widgets where natural', async () => {
    const { rows } = await t.ctx.db.query<{ code: string; form_spec: FormSpec }>('SELECT code, form_spec FROM service_items WHERE code = ANY($1)', [moreItems.map((i) => i.code)]);
    expect(rows).toHaveLength(moreItems.length);
    const widgets = new Map(rows.map((r) => [r.code, Object.values(r.form_spec.schema.properties).map((f) => f['x-widget'])]));
    for (const [code, w] of widgets) expect(w.includes('creditCode') || w.includes('idCard'), code).toBe(true);
    expect(widgets.get('GAJ-SFZ-001')).toEqual(expect.arrayContaining(['idCard', 'region', 'select']));
    expect(widgets.get('SCJG-LB-001')).toEqual(expect.arrayContaining(['table', 'money', 'region', 'idCard']));
    expect(rows.filter((r) => Object.values(r.form_spec.schema.properties).some((f) => f['x-showIf'])).length).toBeGreaterThanOrEqual(8);
  });

  it('loads once: a second run changes nothing', async () => {
    const before = (await t.ctx.db.query('SELECT count(*)::int AS n FROM service_items')).rows[0].n;
    expect(await seedDemo(t.ctx.db)).toBe(false);
    expect((await t.ctx.db.query('SELECT count(*)::int AS n FROM service_items')).rows[0].n).toBe(before);
  });
});

/** Completes every open step of the case that the approvers may handle, round after round, until it concludes. Returns the steps done in order. */
async function approveThrough(caseId: string, approvers: string[]): Promise<string[]> {
  const cookies = await Promise.all(approvers.map((a) => login(t.app, a)));
  const done: string[] = [];
  for (let round = 0; round < 10; round++) {
    let progressed = false;
    for (const [i, cookie] of cookies.entries()) {
      const tasks = (await get('/api/tasks', cookie)).json().items as { id: string; caseId: string; name: string }[];
      for (const task of tasks.filter((x) => x.caseId === caseId)) {
        const res = await post(`/api/tasks/${task.id}/complete`, cookie, { outcome: 'approved', opinion: '审查通过，同意。' });
        expect(res.statusCode, res.body).toBe(200);
        done.push(`${approvers[i]}:${task.name}`);
        progressed = true;
      }
    }
    const status = (await get(`/api/cases/${caseId}`, clerk)).json().status;
    if (status !== 'accepted') return done;
    if (!progressed) throw new Error(`case ${caseId} is stuck after ${done.join(', ')}`);
  }
  throw new Error('too many rounds');
}

async function submitAndAccept(code: string) {
  const c = await submitCase(t.app, citizen, code);
  const accepted = await post(`/api/cases/${c.id}/accept`, clerk);
  expect(accepted.statusCode, accepted.body).toBe(200);
  return c;
}

describe('one new item of each type, applied for and accepted through the API', () => {
  it('即办件: 发票领用 is concluded at the window once every material is checked', async () => {
    const c = await submitCase(t.app, citizen, 'SWJ-FP-001');
    const checklist = (await get(`/api/intake/cases/${c.id}/checklist`, clerk)).json();
    expect(checklist.immediate).toBe(true);
    const items = checklist.items as { materialId: string }[];
    expect(items.length).toBe(3);
    const checked = await put(`/api/intake/cases/${c.id}/checklist`, clerk, {
      items: items.map((m) => ({ materialId: m.materialId, status: 'received', originalSeen: true, copies: 1 })),
    });
    expect(checked.statusCode, checked.body).toBe(200);
    const done = await post(`/api/intake/cases/${c.id}/conclude`, clerk, { opinion: '' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await get(`/api/cases/${c.id}`, citizen)).json().status).toBe('approved');
  });

  it('承诺件: 人力资源服务许可 runs 审查 → 决定 in 人社局', async () => {
    const c = await submitAndAccept('RSJ-XK-001');
    expect(await approveThrough(c.id, ['approver_rsj'])).toEqual(['approver_rsj:审查', 'approver_rsj:决定']);
    expect((await get(`/api/cases/${c.id}`, citizen)).json().status).toBe('approved');
  });

  it('承诺件 of a department that had no approver: 居民身份证换领 is handled by 公安局', async () => {
    const c = await submitAndAccept('GAJ-SFZ-001');
    expect(await approveThrough(c.id, ['approver_gaj'])).toEqual(['approver_gaj:审查', 'approver_gaj:决定']);
  });

  it('联办件: 存量房转移登记 is reviewed by 自然资源 and 税务 at once, then recorded', async () => {
    const c = await submitAndAccept('ZRZY-DJ-002');
    const steps = await approveThrough(c.id, ['approver_zrzy', 'approver_swj']);
    expect(steps.slice(0, 2)).toEqual(['approver_zrzy:登记审核', 'approver_swj:税费核定征收']);
    expect(steps.slice(2)).toEqual(['approver_zrzy:登簿发证']);
    expect((await get(`/api/cases/${c.id}`, citizen)).json().status).toBe('approved');
  });

  it('联办件: 企业开办“一件事” goes from 市场监管 to 公安、税务、人社 together and back', async () => {
    const c = await submitAndAccept('SCJG-LB-001');
    const steps = await approveThrough(c.id, ['approver', 'approver_gaj', 'approver_swj', 'approver_rsj']);
    expect(steps[0]).toBe('approver:设立登记');
    expect(steps.slice(1, 4).sort()).toEqual(['approver_gaj:公章刻制备案', 'approver_rsj:社会保险登记', 'approver_swj:税务信息确认与发票申领'].sort());
    expect(steps[4]).toBe('approver:统一出件');
  });

  it('联办件: 竣工联合验收 is countersigned by 住建 and 自然资源', async () => {
    const c = await submitAndAccept('ZJJ-LB-001');
    const steps = await approveThrough(c.id, ['approver_zjj', 'approver_zrzy']);
    expect(steps).toEqual(expect.arrayContaining(['approver_zjj:联合验收会签', 'approver_zrzy:联合验收会签']));
    expect(steps.at(-1)).toBe('approver_zjj:出具联合验收意见');
  });

  it('上报件: 农用地转用和土地征收审查报批 is examined, agreed and reported up', async () => {
    const c = await submitAndAccept('ZRZY-BP-001');
    expect(await approveThrough(c.id, ['approver_zrzy'])).toEqual(['approver_zrzy:初审', 'approver_zrzy:局务会审议', 'approver_zrzy:组卷上报']);
  });

  it('容缺受理: 商品房预售许可 is accepted with its progress proof owed', async () => {
    const c = await submitCase(t.app, citizen, 'ZJJ-XK-002');
    const id = c.id;
    const item = (await t.app.inject({ url: `/api/items/${(await applicationFor(t.app, citizen, 'ZJJ-XK-002')).itemId}` })).json() as { materials: { id: string; name: string }[] };
    const owed = item.materials.find((m) => m.name === '工程施工进度证明')!;
    // The clerk finds the progress proof missing (the upload is not the signed proof) and lets it be owed.
    await put(`/api/intake/cases/${id}/checklist`, clerk, {
      items: item.materials.map((m) => ({ materialId: m.id, status: m.id === owed.id ? 'missing' : 'received' })),
    });
    const accepted = await post(`/api/intake/cases/${id}/accept-deficient`, clerk, { materialIds: [owed.id], workdays: 5 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', owedMaterials: [{ materialId: owed.id, name: '工程施工进度证明' }] });
  });
});

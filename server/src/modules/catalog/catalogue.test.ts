import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, uploadPdf, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
let admin: string;
let citizen: string;
let clerk: string;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  [admin, citizen, clerk, manager] = await Promise.all([login(t.app, 'admin'), login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, 'manager')]);
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

interface ItemView {
  id: string; versionId: string; version: number; promisedDays: number; materials: { id: string; name: string }[]; [k: string]: unknown;
}
async function itemByCode(code: string): Promise<ItemView> {
  const list = (await t.app.inject({ url: '/api/items' })).json() as { id: string; code: string }[];
  return (await t.app.inject({ url: `/api/items/${list.find((i) => i.code === code)!.id}` })).json();
}

/** Opens the item's draft and returns its content. */
async function draftOf(itemId: string) {
  const d = (await req('POST', `/api/admin/catalog/items/${itemId}/draft`, admin)).json();
  const v = (await req('GET', `/api/admin/catalog/versions/${d.versionId}`, admin)).json();
  return { versionId: d.versionId as string, version: d.version as number, content: v.content, updatedAt: v.updatedAt as string };
}

describe('item versions: draft → published → superseded', () => {
  it('gives every demo item a published version 1 with its standard elements', async () => {
    const item = await itemByCode('ZRZY-DJ-001');
    expect(item.version).toBe(1);
    expect(item).toMatchObject({
      feeFree: false, feeItems: [{ name: '不动产登记费（住宅类）', amount: 80 }], complaintPhone: '12345', allowsDeficientAcceptance: false,
      basicCode: '0700601001', implementationCode: '1133012200247106570700601001', handlingCode: '113301220024710657070060100101',
    });
    const food = await itemByCode('SCJG-XK-001');
    expect(food).toMatchObject({ allowsDeficientAcceptance: true, categoryName: '经营许可' });
    expect(food.materials.find((m) => m.name === '食品安全管理制度文本')).toMatchObject({ deferrable: true, requirement: 'conditional', required: false });
    const versions = await t.ctx.db.query(`SELECT count(*)::int AS n FROM item_versions WHERE status = 'published'`);
    const items = await t.ctx.db.query('SELECT count(*)::int AS n FROM service_items');
    expect(versions.rows[0].n).toBe(items.rows[0].n);
  });

  it('edits a draft, publishes it as version 2, supersedes version 1, and keeps material ids', async () => {
    const made = await f.item({ legalDays: 20, promisedDays: 1 });
    const item = await itemByCode(made.code);
    const d = await draftOf(item.id);
    expect(d.version).toBe(2);
    // Opening again returns the same draft.
    expect((await req('POST', `/api/admin/catalog/items/${item.id}/draft`, admin)).json().versionId).toBe(d.versionId);
    const content = {
      ...d.content, promisedDays: 2, conditions: '股东符合法定人数；有公司名称和住所。', location: '示范县政务服务中心 3 号窗口',
      materials: [...d.content.materials, {
        name: '住所使用证明', originalOrCopy: 'copy', copies: 1, requirement: 'conditional', condition: '住所为租赁房屋的',
        medium: 'both', sampleUploadId: null, elicenceType: null, deferrable: false,
      }],
    };
    t.clock.advance(1000);
    const saved = await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content, expectedUpdatedAt: d.updatedAt });
    expect(saved.statusCode).toBe(200);
    // A save based on the old draft is refused.
    expect((await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content, expectedUpdatedAt: d.updatedAt })).json().code)
      .toBe('ITEM_DRAFT_STALE');
    // The public guide still shows version 1 until publishing.
    expect((await itemByCode(made.code)).promisedDays).toBe(1);
    const pub = await req('POST', `/api/admin/catalog/items/${item.id}/publish`, admin);
    expect(pub.json()).toMatchObject({ version: 2 });
    const after = await itemByCode(made.code);
    expect(after).toMatchObject({ version: 2, promisedDays: 2, location: '示范县政务服务中心 3 号窗口' });
    expect(after.materials.map((m) => m.id).slice(0, item.materials.length)).toEqual(item.materials.map((m) => m.id));
    expect(after.materials.at(-1)).toMatchObject({ name: '住所使用证明', requirement: 'conditional', required: false, form: '纸质件和电子件' });
    const versions = (await req('GET', `/api/admin/catalog/items/${item.id}/versions`, admin)).json();
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'superseded']]);
    expect(versions[0].publishedBy).toBe('系统管理员');
    const diff = (await req('GET', `/api/admin/catalog/items/${item.id}/diff?from=${versions[1].id}&to=${versions[0].id}`, admin)).json();
    expect(diff.map((e: { path: string }) => e.path)).toEqual(['promisedDays', 'conditions', 'location', 'materials[住所使用证明]']);
    expect(diff[0]).toEqual({ path: 'promisedDays', before: 1, after: 2 });
    const events = await t.ctx.db.query(`SELECT type, actor_role FROM events WHERE type LIKE 'catalog.%' AND payload->>'itemId' = $1 ORDER BY pos`, [item.id]);
    expect(events.rows.map((e) => e.type)).toEqual(['catalog.item_created', 'catalog.item_published', 'catalog.draft_started', 'catalog.draft_saved', 'catalog.item_published']);
  });

  it('refuses to change a published version, through the API and in the database', async () => {
    const item = await itemByCode((await f.item()).code);
    const v1 = (await req('GET', `/api/admin/catalog/versions/${item.versionId}`, admin)).json();
    const res = await req('PUT', `/api/admin/catalog/versions/${item.versionId}`, admin, { content: { ...v1.content, name: '改名' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ITEM_VERSION_IMMUTABLE');
    await expect(t.ctx.db.query(`UPDATE item_versions SET content = content || '{"name":"x"}' WHERE id = $1`, [item.versionId])).rejects.toThrow(/immutable/);
    expect((await req('POST', `/api/admin/catalog/items/${item.id}/publish`, admin)).json().code).toBe('ITEM_DRAFT_NOT_FOUND');
  });

  it('checks every element of a draft with its own code and writes nothing', async () => {
    const item = await itemByCode((await f.item()).code);
    const d = await draftOf(item.id);
    const bad = {
      ...d.content, promisedDays: 30, legalDays: 10, contactPhone: '电话', fee: { free: false, items: [] },
      codeParts: { ...d.content.codeParts, implementerCode: '11330122002471051A' },
      materials: [{ ...d.content.materials[0], requirement: 'conditional', condition: '', deferrable: true }, { ...d.content.materials[0], id: undefined }],
    };
    const res = await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ITEM_LIMITS_INVERTED');
    expect(res.json().details.problems.map((p: { path: string; code: string }) => `${p.path}:${p.code}`).sort()).toEqual([
      'codeParts.implementerCode:ITEM_CODE_PART_INVALID', 'contactPhone:ITEM_PHONE_INVALID', 'fee.items:ITEM_FEE_INVALID',
      'materials.0.condition:MATERIAL_CONDITION_REQUIRED', 'materials.0.deferrable:MATERIAL_DEFERRABLE_NOT_ALLOWED',
      'materials.1.name:MATERIAL_NAME_DUPLICATE', 'promisedDays:ITEM_LIMITS_INVERTED',
    ]);
    const shape = await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content: { ...d.content, legalDays: 'ten', name: undefined } });
    expect(shape.json().details.problems).toEqual(expect.arrayContaining([{ path: 'legalDays', code: 'CATALOG_VALUE_INVALID' }, { path: 'name', code: 'CATALOG_VALUE_REQUIRED' }]));
    const taken = await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content: { ...d.content, code: (await f.item()).code } });
    expect(taken.json().code).toBe('ITEM_CODE_TAKEN');
    const process = await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content: { ...d.content, processKey: 'no-such-process' } });
    expect(process.json().code).toBe('ITEM_PROCESS_UNKNOWN');
    // A path that names no item is the request's error, whatever the body (a non-uuid once reached the database as a 500).
    expect((await req('PUT', '/api/admin/catalog/items/not-an-item/draft', admin, { content: d.content })).json().code).toBe('VALIDATION_FAILED');
    expect((await req('PUT', '/api/admin/catalog/versions/not-a-version', admin, { content: d.content })).json().code).toBe('VALIDATION_FAILED');
    const stored = (await req('GET', `/api/admin/catalog/versions/${d.versionId}`, admin)).json();
    expect(stored.content).toEqual(d.content);
    expect((await req('DELETE', `/api/admin/catalog/items/${item.id}/draft`, admin)).json()).toEqual({ ok: true });
  });

  it('creates a new item as an unpublished draft, public only once published', async () => {
    const base = (await req('GET', `/api/admin/catalog/versions/${(await itemByCode((await f.item()).code)).versionId}`, admin)).json().content;
    const content = {
      ...base, code: 'TEST-SB-009', name: '失业登记', materials: base.materials.map((m: object) => ({ ...m, id: undefined })),
      codeParts: { typeCode: null, mainCode: null, subCode: null, implementerCode: null, handlingSeq: null },
    };
    const created = await req('POST', '/api/admin/catalog/items', admin, { content });
    expect(created.statusCode).toBe(201);
    const { itemId } = created.json();
    expect((await t.app.inject({ url: `/api/items/${itemId}` })).json().code).toBe('ITEM_NOT_FOUND');
    const unpublished = (await req('GET', '/api/admin/catalog/items?status=unpublished', admin)).json();
    expect(unpublished.map((i: { code: string }) => i.code)).toEqual(['TEST-SB-009']);
    expect((await req('DELETE', `/api/admin/catalog/items/${itemId}/draft`, admin)).json().code).toBe('ITEM_NEVER_PUBLISHED');
    await req('POST', `/api/admin/catalog/items/${itemId}/publish`, admin);
    const pub = (await t.app.inject({ url: `/api/items/${itemId}` })).json();
    expect(pub).toMatchObject({ name: '失业登记', version: 1 });
    expect(pub.materials.map((m: { id: string }) => m.id)).not.toEqual(base.materials.map((m: { id: string }) => m.id));
  });
});

describe('cases and item versions', () => {
  it('records the version a case started on and keeps it after a newer one is published', async () => {
    const made = await f.item({ materials: [{ name: '申请书' }, { name: '营业执照' }, { name: '场所平面图' }] });
    const before = await itemByCode(made.code);
    const c = await f.submit(made);
    const row = async () => (await t.ctx.db.query('SELECT item_version_id FROM cases WHERE id = $1', [c.id])).rows[0].item_version_id;
    expect(await row()).toBe(before.versionId);
    const d = await draftOf(before.id);
    const removed = d.content.materials.at(-1);
    await req('PUT', `/api/admin/catalog/items/${before.id}/draft`, admin, { content: { ...d.content, promisedDays: 8, materials: d.content.materials.slice(0, -1) } });
    await req('POST', `/api/admin/catalog/items/${before.id}/publish`, admin);
    expect(await row()).toBe(before.versionId);
    // The dropped material stays for the case that uploaded it, but leaves the current guide.
    const kept = await t.ctx.db.query('SELECT retired FROM item_materials WHERE id = $1', [removed.id]);
    expect(kept.rows[0].retired).toBe(true);
    expect((await itemByCode(made.code)).materials.map((m) => m.id)).not.toContain(removed.id);
    const accepted = await req('POST', `/api/cases/${c.id}/accept`, clerk, {});
    expect(accepted.json().status, accepted.body).toBe('accepted');
    const next = await f.submit(made);
    expect((await t.ctx.db.query('SELECT item_version_id FROM cases WHERE id = $1', [next.id])).rows[0].item_version_id).toBe(d.versionId);
  });

  it('refuses a submission whose form was rendered from an older version (ITEM_VERSION_STALE)', async () => {
    const made = await f.item();
    const item = await itemByCode(made.code);
    const payload = { ...(await f.application(made)), itemVersionId: item.versionId };
    const d = await draftOf(item.id);
    await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content: { ...d.content, hours: '工作日 9:00—17:00' } });
    await req('POST', `/api/admin/catalog/items/${item.id}/publish`, admin);
    const stale = await req('POST', '/api/cases', citizen, payload);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('ITEM_VERSION_STALE');
    expect((await t.ctx.db.query('SELECT count(*)::int AS n FROM cases WHERE idempotency_key = $1', [payload.idempotencyKey])).rows[0].n).toBe(0);
    const fresh = await req('POST', '/api/cases', citizen, { ...payload, itemVersionId: d.versionId, idempotencyKey: `${payload.idempotencyKey}-2` });
    expect(fresh.statusCode).toBe(201);
  });
});

describe('a portal draft and item versions', () => {
  it('refuses to submit a draft whose form came from an older version, and keeps the draft', async () => {
    const made = await f.item();
    const item = await itemByCode(made.code);
    const app = await f.application(made);
    const saved = await req('PUT', '/api/portal/drafts', citizen, { itemId: item.id, formData: app.formData, materials: app.materials });
    expect(saved.statusCode, saved.body).toBe(200);
    const d = await draftOf(item.id);
    await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content: { ...d.content, location: '示范县政务服务中心 2 楼' } });
    await req('POST', `/api/admin/catalog/items/${item.id}/publish`, admin);
    const stale = await req('POST', `/api/portal/drafts/${saved.json().id}/submit`, citizen, { idempotencyKey: 'draft-stale-1', itemVersionId: item.versionId });
    expect(stale.json().code).toBe('ITEM_VERSION_STALE');
    expect((await t.ctx.db.query('SELECT count(*)::int AS n FROM portal_drafts WHERE id = $1', [saved.json().id])).rows[0].n).toBe(1);
    const fresh = (await itemByCode(made.code)).versionId;
    const ok = await req('POST', `/api/portal/drafts/${saved.json().id}/submit`, citizen, { idempotencyKey: 'draft-stale-2', itemVersionId: fresh });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('the form designer and item versions', () => {
  it('publishes a form change as the next version, keeps the open draft on top, and refuses forms rendered before', async () => {
    const made = await f.item();
    const item = await itemByCode(made.code);
    const d = await draftOf(item.id);
    expect(d.version).toBe(2);
    const designer = (await req('GET', `/api/admin/forms/${item.id}`, admin)).json();
    const form = structuredClone(designer.form);
    const first = Object.keys(form.schema.properties)[0]!;
    form.schema.properties[first].title = '申请单位名称（全称）';
    const saved = await req('PUT', `/api/admin/forms/${item.id}`, admin, { form, revision: designer.revision });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await itemByCode(made.code);
    expect(after.version).toBe(2);
    expect(after.versionId).not.toBe(item.versionId);
    const versions = (await req('GET', `/api/admin/catalog/items/${item.id}/versions`, admin)).json();
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[3, 'draft'], [2, 'published'], [1, 'superseded']]);
    const draft = (await req('GET', `/api/admin/catalog/versions/${d.versionId}`, admin)).json();
    expect(draft.content.formSpec.schema.properties[first].title).toBe('申请单位名称（全称）');
    const stale = await req('POST', '/api/cases', citizen, { ...(await f.application(made)), itemVersionId: item.versionId });
    expect(stale.json().code).toBe('ITEM_VERSION_STALE');
    // Publishing the draft keeps the designer's form.
    await req('POST', `/api/admin/catalog/items/${item.id}/publish`, admin);
    const v3 = (await req('GET', `/api/admin/forms/${item.id}`, admin)).json();
    expect(v3.form.schema.properties[first].title).toBe('申请单位名称（全称）');
  });
});

describe('category tree', () => {
  it('creates, moves and deletes categories; filters the public list by a category and its descendants', async () => {
    // A category with an item of its own and a sub-category of three items, and an item elsewhere.
    const category = async (code: string, parentId: string | null) =>
      (await req('POST', '/api/admin/catalog/categories', admin, { code, name: `分类${code}`, parentId, sortOrder: 100 })).json().id as string;
    const qyId = await category('QY-T', null);
    const kbId = await category('QY-T-KB', qyId);
    const inside = [await f.item({ categoryId: qyId })];
    for (let i = 0; i < 3; i++) inside.push(await f.item({ categoryId: kbId }));
    const outside = await f.item();
    const cats = (await t.app.inject({ url: '/api/item-categories' })).json() as { id: string; code: string; itemCount: number }[];
    const qy = cats.find((c) => c.code === 'QY-T')!;
    const kb = cats.find((c) => c.code === 'QY-T-KB')!;
    expect(kb.itemCount).toBeGreaterThanOrEqual(3);
    const all = (await t.app.inject({ url: `/api/items?categoryId=${qy.id}` })).json().map((i: { code: string }) => i.code);
    expect(all).toEqual(expect.arrayContaining(inside.map((i) => i.code)));
    expect(all).not.toContain(outside.code);
    const created = await req('POST', '/api/admin/catalog/categories', admin, { code: 'QY-T-ZX', name: '注销登记', parentId: qy.id, sortOrder: 9 });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await req('POST', '/api/admin/catalog/categories', admin, { code: 'QY-T-ZX', name: '重复', parentId: null, sortOrder: 0 })).json().code).toBe('CATEGORY_CODE_TAKEN');
    expect((await req('PUT', `/api/admin/catalog/categories/${qy.id}`, admin, { code: 'QY-T', name: '分类QY-T', parentId: id, sortOrder: 0 })).json().code).toBe('CATEGORY_CYCLE');
    expect((await req('DELETE', `/api/admin/catalog/categories/${kb.id}`, admin)).json().code).toBe('CATEGORY_NOT_EMPTY');
    expect((await req('DELETE', `/api/admin/catalog/categories/${id}`, admin)).json()).toEqual({ ok: true });
  });
});

describe('who may edit the catalogue', () => {
  it('refuses everyone but the administrator; statistics also for managers', async () => {
    const item = await f.item();
    for (const cookie of [citizen, clerk, manager]) {
      expect((await req('POST', `/api/admin/catalog/items/${item.id}/draft`, cookie)).json().code).toBe('FORBIDDEN');
      expect((await req('POST', `/api/admin/catalog/items/${item.id}/publish`, cookie)).json().code).toBe('FORBIDDEN');
      expect((await req('GET', '/api/admin/catalog/export?format=json', cookie)).json().code).toBe('FORBIDDEN');
      expect((await req('POST', '/api/admin/catalog/categories', cookie, { code: 'X', name: 'x', parentId: null, sortOrder: 0 })).json().code).toBe('FORBIDDEN');
    }
    expect((await t.app.inject({ url: '/api/admin/catalog/items' })).json().code).toBe('UNAUTHENTICATED');
    expect((await req('GET', '/api/catalog/statistics?from=2026-09-01&to=2026-09-30', clerk)).json().code).toBe('FORBIDDEN');
    expect((await req('GET', '/api/catalog/statistics?from=2026-09-01&to=2026-09-30', manager)).statusCode).toBe(200);
  });

  it('serves a material sample file to anyone', async () => {
    const made = await f.item();
    const item = await itemByCode(made.code);
    const uploadId = await uploadPdf(t.app, admin, '报告表样表.pdf');
    const d = await draftOf(item.id);
    d.content.materials[0].sampleUploadId = uploadId;
    expect((await req('PUT', `/api/admin/catalog/items/${item.id}/draft`, admin, { content: d.content })).statusCode).toBe(200);
    await req('POST', `/api/admin/catalog/items/${item.id}/publish`, admin);
    const m = (await itemByCode(made.code)).materials[0]!;
    const res = await t.app.inject({ url: `/api/items/${item.id}/materials/${m.id}/sample` });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('%PDF')).toBe(true);
    const none = (await itemByCode(made.code)).materials[1]!;
    expect((await t.app.inject({ url: `/api/items/${item.id}/materials/${none.id}/sample` })).json().code).toBe('UPLOAD_NOT_FOUND');
  });
});

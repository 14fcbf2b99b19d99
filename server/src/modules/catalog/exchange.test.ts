import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, multipartFile, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { createTestDb } from '../../../test/db.ts';
import { ManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import type { App } from '../../platform/http/app.ts';
import { buildApp } from '../../app.ts';
import { hashPassword } from '../iam/index.ts';
import { deployDefinition } from '../workflow/index.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

/**
 * A system with the source's organisation (center, departments, published
 * processes) and an administrator, but an empty catalogue: where an exported
 * catalogue goes.
 */
async function emptyCatalogue(): Promise<{ app: App; admin: string; db: Awaited<ReturnType<typeof createTestDb>>; close(): Promise<void> }> {
  const db = await createTestDb();
  const clock = new ManualClock('2026-09-24T02:00:00Z');
  const c = await db.db.query<{ id: string }>('INSERT INTO centers (code, name) VALUES ($1, $2) RETURNING id', ['SFX', '示范县政务服务中心']);
  const departments = await t.ctx.db.query<{ code: string; name: string }>('SELECT code, name FROM departments ORDER BY sort_order, code');
  for (const [i, d] of departments.rows.entries()) {
    await db.db.query('INSERT INTO departments (center_id, code, name, sort_order) VALUES ($1,$2,$3,$4)', [c.rows[0]!.id, d.code, d.name, i]);
  }
  const processes = await t.ctx.db.query<{ bpmn_xml: string }>(
    `SELECT DISTINCT ON (key) bpmn_xml FROM wf_definitions WHERE status = 'published' ORDER BY key, version DESC`);
  await db.db.query(`INSERT INTO users (username, password_hash, display_name, role) VALUES ('admin', $1, '管理员', 'admin')`, [await hashPassword(DEMO_PASSWORD)]);
  const tx = await db.db.connect();
  try {
    await tx.query('BEGIN');
    const env = { db: db.db, tx, clock };
    for (const p of processes.rows) await deployDefinition(env, { xml: p.bpmn_xml, publish: true });
    await tx.query('COMMIT');
  } finally {
    tx.release();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-files-'));
  const app = await buildApp({ db: db.db, clock, config: { ...loadConfig({}), dataDir }, uploadsDir: path.join(dataDir, 'uploads') });
  await app.ready();
  return {
    app, db, admin: await login(app, 'admin'),
    close: async () => { await app.close(); await db.drop(); fs.rmSync(dataDir, { recursive: true, force: true }); },
  };
}

async function importFile(app: App, cookie: string, name: string, bytes: Buffer, query = '') {
  const body = multipartFile(name, bytes);
  return app.inject({ method: 'POST', url: `/api/admin/catalog/import${query}`, headers: { ...body.headers, cookie }, payload: body.payload });
}
const exportJson = async (app: App, cookie: string) => (await app.inject({ url: '/api/admin/catalog/export?format=json', headers: { cookie } })).json();
const exportXlsx = async (app: App, cookie: string) => (await app.inject({ url: '/api/admin/catalog/export?format=xlsx', headers: { cookie } })).rawPayload;
const counts = async (q: { query: (s: string) => Promise<{ rows: { n: number }[] }> }) => ({
  items: (await q.query('SELECT count(*)::int AS n FROM service_items')).rows[0]!.n,
  versions: (await q.query('SELECT count(*)::int AS n FROM item_versions')).rows[0]!.n,
  categories: (await q.query('SELECT count(*)::int AS n FROM item_categories')).rows[0]!.n,
  events: (await q.query(`SELECT count(*)::int AS n FROM events WHERE type LIKE 'catalog.%'`)).rows[0]!.n,
});

let t: TestApp;
const f = factories(() => t);
let admin: string;
let source: { format: string; categories: unknown[]; items: { code: string; name: string; materials: unknown[] }[] };
/** Two items of the catalogue exported: one in a category of its own, taking 容缺受理, with four materials; one that an import changes. */
let food: Item;
let changed: Item;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  const category = (await f.as('admin').post('/api/admin/catalog/categories', { code: 'TEST-JY', name: '经营许可（测试）', parentId: null, sortOrder: 100 })).json().id as string;
  food = await f.item({ categoryId: category, allowsDeficientAcceptance: true, materials: ['申请书', '营业执照', '经营场所证明', '食品安全管理制度'].map((name) => ({ name })) });
  changed = await f.item({ name: '就业创业证申领' });
  source = await exportJson(t.app, admin);
});
afterAll(() => t.close());

describe('export', () => {
  it('holds every published item with its materials, form and process, categories by code', async () => {
    expect(source.format).toBe('tongban-catalogue');
    expect(source.items.length).toBeGreaterThanOrEqual(12);
    expect(source.categories.length).toBe((await counts(t.ctx.db)).categories);
    const exported = source.items.find((i) => i.code === food.code)!;
    expect(exported).toMatchObject({ departmentCode: food.department.code, categoryCode: 'TEST-JY', processKey: food.processKey, allowsDeficientAcceptance: true });
    expect(exported.materials).toHaveLength(4);
    const res = await t.app.inject({ url: '/api/admin/catalog/export?format=xlsx', headers: { cookie: admin } });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事项', '材料', '分类']);
    expect(wb.getWorksheet('事项')!.rowCount).toBe(source.items.length + 1);
  });
});

describe('round trip into an empty catalogue', () => {
  it('JSON: export → import (published) → export gives the same file', async () => {
    const target = await emptyCatalogue();
    try {
      const res = await importFile(target.app, target.admin, 'catalogue.json', Buffer.from(JSON.stringify(source)), '?publish=1');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ categoriesCreated: source.categories.length, itemsCreated: source.items.length, published: source.items.length, warnings: [] });
      expect(await exportJson(target.app, target.admin)).toEqual(source);
      // The same file again changes nothing.
      const again = await importFile(target.app, target.admin, 'catalogue.json', Buffer.from(JSON.stringify(source)));
      expect(again.json()).toMatchObject({ itemsCreated: 0, draftsSaved: 0, unchanged: source.items.length });
    } finally {
      await target.close();
    }
  });

  it('Excel: export → import (published) → export gives the same catalogue', async () => {
    const target = await emptyCatalogue();
    try {
      const res = await importFile(target.app, target.admin, 'catalogue.xlsx', await exportXlsx(t.app, admin), '?publish=1');
      expect(res.statusCode, res.body).toBe(200);
      expect(await exportJson(target.app, target.admin)).toEqual(source);
      const wbA = new ExcelJS.Workbook();
      const wbB = new ExcelJS.Workbook();
      await wbA.xlsx.load((await exportXlsx(t.app, admin)) as unknown as ArrayBuffer);
      await wbB.xlsx.load((await exportXlsx(target.app, target.admin)) as unknown as ArrayBuffer);
      for (const sheet of ['事项', '材料', '分类']) {
        const rows = (wb: ExcelJS.Workbook) => wb.getWorksheet(sheet)!.getSheetValues();
        expect(rows(wbB), sheet).toEqual(rows(wbA));
      }
    } finally {
      await target.close();
    }
  });
});

describe('import with bad rows', () => {
  it('reports every bad cell by sheet, row and column with its code, and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(t.app, admin)) as unknown as ArrayBuffer);
    const items = wb.getWorksheet('事项')!;
    const header = (ws: ExcelJS.Worksheet, name: string) => (ws.getRow(1).values as string[]).indexOf(name);
    items.getRow(3).getCell(header(items, '法定时限')).value = '十天';
    items.getRow(4).getCell(header(items, '实施部门编码')).value = 'NOPE';
    items.getRow(5).getCell(header(items, '承诺时限')).value = 999;
    items.getRow(6).getCell(header(items, '咨询电话')).value = '请拨打';
    const materials = wb.getWorksheet('材料')!;
    materials.getRow(2).getCell(header(materials, '提交要求')).value = '按条件提交';
    materials.getRow(2).getCell(header(materials, '适用情形')).value = '';
    materials.getRow(3).getCell(header(materials, '事项编码')).value = 'NO-SUCH-ITEM';
    const cats = wb.getWorksheet('分类')!;
    cats.getRow(2).getCell(header(cats, '上级分类编码')).value = 'GHOST';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await counts(t.ctx.db);
    const res = await importFile(t.app, admin, 'bad.xlsx', bytes, '?publish=1');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_INVALID');
    const found = res.json().details.problems.map((p: { sheet: string; row: number; column: string; code: string }) => `${p.sheet}!${p.row}!${p.column}!${p.code}`);
    expect(found).toEqual(expect.arrayContaining([
      '事项!3!法定时限!CATALOG_VALUE_INVALID',
      '事项!4!实施部门编码!ITEM_DEPARTMENT_UNKNOWN',
      '事项!5!承诺时限!ITEM_LIMITS_INVERTED',
      '事项!6!咨询电话!ITEM_PHONE_INVALID',
      '材料!2!适用情形!MATERIAL_CONDITION_REQUIRED',
      '材料!3!事项编码!CATALOG_VALUE_INVALID',
      '分类!2!上级分类编码!CATEGORY_NOT_FOUND',
    ]));
    expect(res.json().details.problems[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(await counts(t.ctx.db)).toEqual(before);
  });

  it('refuses a file that is neither a catalogue JSON nor a workbook', async () => {
    expect((await importFile(t.app, admin, 'x.json', Buffer.from('{"hello": 1}'))).json().code).toBe('IMPORT_FILE_UNREADABLE');
    expect((await importFile(t.app, admin, 'x.xlsx', Buffer.from('PK\u0003\u0004garbage'))).json().code).toBe('IMPORT_FILE_UNREADABLE');
    const clerk = await login(t.app, 'clerk');
    expect((await importFile(t.app, clerk, 'x.json', Buffer.from(JSON.stringify(source)))).json().code).toBe('FORBIDDEN');
  });

  it('turns changed items into drafts for review; a dry run writes nothing', async () => {
    const edited = structuredClone(source);
    edited.items.find((i) => i.code === changed.code)!.name = '就业创业证申领（含补领）';
    const before = await counts(t.ctx.db);
    const dry = await importFile(t.app, admin, 'c.json', Buffer.from(JSON.stringify(edited)), '?dryRun=1');
    expect(dry.json()).toMatchObject({ draftsSaved: 1, unchanged: source.items.length - 1 });
    expect(await counts(t.ctx.db)).toEqual(before);
    const res = await importFile(t.app, admin, 'c.json', Buffer.from(JSON.stringify(edited)));
    expect(res.json()).toMatchObject({ draftsSaved: 1, itemsCreated: 0, published: 0 });
    const drafts = (await t.app.inject({ url: '/api/admin/catalog/items?status=draft', headers: { cookie: admin } })).json();
    expect(drafts.map((d: { code: string; draftVersion: number }) => [d.code, d.draftVersion])).toEqual([[changed.code, 2]]);
    const list = (await t.app.inject({ url: '/api/items' })).json() as { code: string; name: string }[];
    expect(list.find((i) => i.code === changed.code)!.name).toBe('就业创业证申领');
  });
});

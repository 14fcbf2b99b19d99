import ExcelJS from 'exceljs';
import { cellText } from '../../platform/xlsx-cell.ts';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError, messageFor } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withContentDefaults, type ContentMaterial, type ItemContent, type StoredContent } from './content.ts';
import type { CatalogErrorCode } from './errors.ts';
import { MEDIUM_LABEL, ORIGINAL_LABEL, type Problem } from './rules.ts';
import { checkAll, createItem, loadRefs, publishDraft, saveDraft, snapshotFromTables } from './versions.ts';
import { existingUploads } from '../files/index.ts';

/**
 * The whole catalogue as a portable file — categories, items with their
 * materials, forms and process keys, departments and categories by code —
 * in JSON or Excel (.xlsx, sheets 分类 / 事项 / 材料). Import checks
 * everything first and writes in one transaction: existing items (same code)
 * get a draft, new items are created as drafts; nothing is written when any
 * row is wrong.
 */

export interface PortableCategory { code: string; name: string; parentCode: string | null; sortOrder: number }
export type PortableMaterial = Omit<ContentMaterial, 'id'>;
export type PortableItem = Omit<ItemContent, 'departmentId' | 'categoryId' | 'materials'> & {
  departmentCode: string; categoryCode: string | null; materials: PortableMaterial[];
};
export interface CatalogueFile { format: 'tongban-catalogue'; formatVersion: 1; categories: PortableCategory[]; items: PortableItem[] }

/** Where a problem is: sheet (分类 / 事项 / 材料, or categories / items in JSON), row (1-based, header row counted in Excel) and column. */
export interface ImportProblem { sheet: string; row: number; column: string; code: CatalogErrorCode; message: string }

// ---------------------------------------------------------------- export

/** The published catalogue, in a stable order (categories by order and code, items by code). */
export async function exportCatalogue(q: Queryable): Promise<CatalogueFile> {
  const cats = await q.query<{ id: string; code: string; name: string; parent_code: string | null; sort_order: number }>(
    `SELECT c.id, c.code, c.name, p.code AS parent_code, c.sort_order FROM item_categories c LEFT JOIN item_categories p ON p.id = c.parent_id
      ORDER BY c.sort_order, c.code`);
  const depts = await q.query<{ id: string; code: string }>('SELECT id, code FROM departments');
  const deptCode = new Map(depts.rows.map((d) => [d.id, d.code]));
  const catCode = new Map(cats.rows.map((c) => [c.id, c.code]));
  const items = await q.query<{ content: StoredContent }>(
    `SELECT v.content FROM service_items i JOIN item_versions v ON v.id = i.current_version_id ORDER BY i.code`);
  return {
    format: 'tongban-catalogue',
    formatVersion: 1,
    categories: cats.rows.map((c) => ({ code: c.code, name: c.name, parentCode: c.parent_code, sortOrder: c.sort_order })),
    items: items.rows.map(({ content }) => toPortable(withContentDefaults(content), deptCode, catCode)),
  };
}

function toPortable(c: StoredContent, deptCode: Map<string, string>, catCode: Map<string, string>): PortableItem {
  const { departmentId, categoryId, materials, ...rest } = c;
  return {
    ...rest,
    formSpec: rest.formSpec ?? null,
    departmentCode: deptCode.get(departmentId) ?? '',
    categoryCode: categoryId ? catCode.get(categoryId) ?? null : null,
    materials: materials.map(({ id: _id, ...m }) => m),
  };
}

// The columns of the Excel sheets: header, how a value is written and read.
type Kind = 'text' | 'nullableText' | 'int' | 'bool' | 'json' | { labels: Record<string, string> };
/** `optional`: a column added later, which a workbook written before it may lack (the content's default then applies). */
interface Column { header: string; path: string; kind: Kind; width?: number; optional?: true }

const ITEM_TYPE_LABEL = { immediate: '即办件', promised: '承诺件', joint: '联办件', reported: '上报件' };
const UNIT_LABEL = { workday: '工作日', day: '自然日', hour: '小时' };
const REQUIREMENT_LABEL = { required: '必要', conditional: '按条件提交' };

const CATEGORY_SHEET = '分类';
const ITEM_SHEET = '事项';
const MATERIAL_SHEET = '材料';

const CATEGORY_COLUMNS: Column[] = [
  { header: '分类编码', path: 'code', kind: 'text', width: 14 },
  { header: '分类名称', path: 'name', kind: 'text', width: 24 },
  { header: '上级分类编码', path: 'parentCode', kind: 'nullableText', width: 14 },
  { header: '排序', path: 'sortOrder', kind: 'int', width: 8 },
];
const ITEM_COLUMNS: Column[] = [
  { header: '事项编码', path: 'code', kind: 'text', width: 16 },
  { header: '事项名称', path: 'name', kind: 'text', width: 30 },
  { header: '实施部门编码', path: 'departmentCode', kind: 'text', width: 12 },
  { header: '分类编码', path: 'categoryCode', kind: 'nullableText', width: 12 },
  { header: '办件类型', path: 'itemType', kind: { labels: ITEM_TYPE_LABEL }, width: 10 },
  { header: '法定时限', path: 'legalDays', kind: 'int', width: 9 },
  { header: '承诺时限', path: 'promisedDays', kind: 'int', width: 9 },
  { header: '时限单位', path: 'limitUnit', kind: { labels: UNIT_LABEL }, width: 9 },
  { header: '设定依据', path: 'legalBasis', kind: 'text', width: 40 },
  { header: '事项说明', path: 'description', kind: 'text', width: 40 },
  { header: '受理条件', path: 'conditions', kind: 'text', width: 40 },
  { header: '事项类型代码', path: 'codeParts.typeCode', kind: 'nullableText', width: 8 },
  { header: '主项编码', path: 'codeParts.mainCode', kind: 'nullableText', width: 10 },
  { header: '子项编码', path: 'codeParts.subCode', kind: 'nullableText', width: 8 },
  { header: '实施主体编码', path: 'codeParts.implementerCode', kind: 'nullableText', width: 22 },
  { header: '业务办理项顺序码', path: 'codeParts.handlingSeq', kind: 'nullableText', width: 8 },
  { header: '是否免费', path: 'fee.free', kind: 'bool', width: 8 },
  { header: '收费项目（JSON）', path: 'fee.items', kind: 'json', width: 30 },
  { header: '办理地点', path: 'location', kind: 'text', width: 30 },
  { header: '办理时间', path: 'hours', kind: 'text', width: 30 },
  { header: '咨询电话', path: 'contactPhone', kind: 'text', width: 14 },
  { header: '监督投诉电话', path: 'complaintPhone', kind: 'text', width: 14 },
  { header: '容缺受理', path: 'allowsDeficientAcceptance', kind: 'bool', width: 8 },
  { header: '申请人受理人回避', path: 'separateDuties', kind: 'bool', width: 10, optional: true },
  { header: '绑定流程', path: 'processKey', kind: 'nullableText', width: 16 },
  { header: '申请表字段（JSON）', path: 'formFields', kind: 'json', width: 30 },
  { header: '表单设计（JSON）', path: 'formSpec', kind: 'json', width: 30 },
];
const MATERIAL_COLUMNS: Column[] = [
  { header: '事项编码', path: 'itemCode', kind: 'text', width: 16 },
  { header: '材料名称', path: 'name', kind: 'text', width: 36 },
  { header: '原件/复印件', path: 'originalOrCopy', kind: { labels: ORIGINAL_LABEL }, width: 12 },
  { header: '份数', path: 'copies', kind: 'int', width: 6 },
  { header: '提交要求', path: 'requirement', kind: { labels: REQUIREMENT_LABEL }, width: 10 },
  { header: '适用情形', path: 'condition', kind: 'text', width: 30 },
  { header: '材料形式', path: 'medium', kind: { labels: MEDIUM_LABEL }, width: 14 },
  { header: '电子证照类型', path: 'elicenceType', kind: 'nullableText', width: 16 },
  { header: '可容缺', path: 'deferrable', kind: 'bool', width: 8 },
  { header: '样表文件', path: 'sampleUploadId', kind: 'nullableText', width: 38 },
];

const getPath = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], o);
function setPath(o: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = o;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
}

function toCell(kind: Kind, v: unknown): string | number {
  if (kind === 'bool') return v ? '是' : '否';
  if (kind === 'json') return v === null || v === undefined ? '' : JSON.stringify(v);
  if (kind === 'int') return v as number;
  if (typeof kind === 'object') return (kind.labels as Record<string, string>)[v as string] ?? String(v);
  return (v as string | null) ?? '';
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: unknown[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.path, width: c.width ?? 12 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => toCell(c.kind, getPath(r, c.path))));
}

export async function catalogueToXlsx(file: CatalogueFile): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tongban';
  addSheet(wb, ITEM_SHEET, ITEM_COLUMNS, file.items);
  addSheet(wb, MATERIAL_SHEET, MATERIAL_COLUMNS, file.items.flatMap((i) => i.materials.map((m) => ({ ...m, itemCode: i.code }))));
  addSheet(wb, CATEGORY_SHEET, CATEGORY_COLUMNS, file.categories);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading

/** A raw record read from the file, with where each of its fields came from. */
interface Located<T> { value: T; sheet: string; row: number; column: (path: string) => string }

const problem = (sheet: string, row: number, column: string, code: CatalogErrorCode): ImportProblem =>
  ({ sheet, row, column, code, message: messageFor(code, 'zh-CN') });

function fromCell(kind: Kind, raw: string): { ok: true; value: unknown } | { ok: false } {
  if (kind === 'text') return { ok: true, value: raw };
  if (kind === 'nullableText') return { ok: true, value: raw === '' ? null : raw };
  if (kind === 'int') return /^-?\d+$/.test(raw) ? { ok: true, value: Number(raw) } : { ok: false };
  if (kind === 'bool') return raw === '是' || raw === 'true' ? { ok: true, value: true } : raw === '否' || raw === 'false' || raw === '' ? { ok: true, value: false } : { ok: false };
  if (kind === 'json') {
    if (raw === '') return { ok: true, value: null };
    try { return { ok: true, value: JSON.parse(raw) }; } catch { return { ok: false }; }
  }
  const entry = Object.entries(kind.labels).find(([code, label]) => raw === label || raw === code);
  return entry ? { ok: true, value: entry[0] } : { ok: false };
}

function readSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], problems: ImportProblem[]): Located<Record<string, unknown>>[] {
  const ws = wb.getWorksheet(name);
  if (!ws) { problems.push(problem(name, 0, '', 'CATALOG_VALUE_REQUIRED')); return []; }
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headers.set(cellText(cell.value), col));
  for (const c of columns) if (!headers.has(c.header) && !c.optional) problems.push(problem(name, 1, c.header, 'CATALOG_VALUE_REQUIRED'));
  const out: Located<Record<string, unknown>>[] = [];
  const byPath = new Map(columns.map((c) => [c.path, c.header]));
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const texts = columns.map((c) => (headers.has(c.header) ? cellText(row.getCell(headers.get(c.header)!).value) : ''));
    if (texts.every((t) => t === '')) return;
    const value: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      if (!headers.has(c.header)) return;
      const parsed = fromCell(c.kind, texts[i]!);
      if (parsed.ok) setPath(value, c.path, parsed.value);
      else problems.push(problem(name, n, c.header, 'CATALOG_VALUE_INVALID'));
    });
    out.push({ value, sheet: name, row: n, column: (p) => byPath.get(p) ?? p });
  });
  return out;
}

interface RawFile {
  categories: Located<Record<string, unknown>>[];
  items: (Located<Record<string, unknown>> & { materials: Located<Record<string, unknown>>[] })[];
}

function readXlsxFile(wb: ExcelJS.Workbook, problems: ImportProblem[]): RawFile {
  const categories = readSheet(wb, CATEGORY_SHEET, CATEGORY_COLUMNS, problems);
  const items = readSheet(wb, ITEM_SHEET, ITEM_COLUMNS, problems).map((i) => ({ ...i, materials: [] as Located<Record<string, unknown>>[] }));
  const byCode = new Map(items.map((i) => [i.value.code, i]));
  for (const m of readSheet(wb, MATERIAL_SHEET, MATERIAL_COLUMNS, problems)) {
    const owner = byCode.get(m.value.itemCode);
    if (!owner) { problems.push(problem(MATERIAL_SHEET, m.row, '事项编码', 'CATALOG_VALUE_INVALID')); continue; }
    delete m.value.itemCode;
    owner.materials.push(m);
  }
  return { categories, items };
}

function readJsonFile(data: unknown): RawFile {
  const f = data as Partial<CatalogueFile> | null;
  if (!f || f.format !== 'tongban-catalogue' || !Array.isArray(f.categories) || !Array.isArray(f.items)) {
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  return {
    categories: f.categories.map((c, i) => ({ value: c as unknown as Record<string, unknown>, sheet: 'categories', row: i + 1, column: (p) => p })),
    items: f.items.map((item, i) => {
      const materials = Array.isArray(item?.materials) ? item.materials : [];
      return {
        value: item as unknown as Record<string, unknown>, sheet: 'items', row: i + 1, column: (p: string) => p,
        materials: materials.map((m, j) => ({
          value: m as unknown as Record<string, unknown>, sheet: 'items', row: i + 1, column: (p: string) => `materials.${j}.${p}`,
        })),
      };
    }),
  };
}

/** Reads a JSON or .xlsx catalogue file (told apart by its first bytes). */
export async function readCatalogueFile(bytes: Buffer, problems: ImportProblem[]): Promise<RawFile> {
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AppError('IMPORT_FILE_UNREADABLE');
    }
    return readXlsxFile(wb, problems);
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  return readJsonFile(data);
}

// ---------------------------------------------------------------- import

export interface ImportResult {
  categoriesCreated: number;
  categoriesUpdated: number;
  itemsCreated: number;
  draftsSaved: number;
  unchanged: number;
  published: number;
  /** Sample files the target system does not hold: dropped, not an error. */
  warnings: ImportProblem[];
}

interface PlannedItem { code: string; itemId: string | null; content: ItemContent }

const CATEGORY_CODE = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Checks the whole file against the database and, when every row is right,
 * writes it in one transaction. `publish` publishes every new draft at once
 * (moving a catalogue to a new system); otherwise they wait for review.
 */
export async function importCatalogue(
  ctx: AppContext, actor: Actor, bytes: Buffer, opts: { publish: boolean; dryRun?: boolean },
): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const file = await readCatalogueFile(bytes, problems);
  return withTx(ctx.db, async (tx) => {
    // One import at a time, and no catalogue edit in between.
    await tx.query('LOCK TABLE item_categories IN SHARE ROW EXCLUSIVE MODE');
    await tx.query('LOCK TABLE service_items IN SHARE ROW EXCLUSIVE MODE');
    const existingCats = await tx.query<{ id: string; code: string; name: string; parent_id: string | null; sort_order: number }>(
      'SELECT id, code, name, parent_id, sort_order FROM item_categories');
    const catId = new Map(existingCats.rows.map((c) => [c.code, c.id]));
    const catPlan: { id: string; code: string; name: string; parentCode: string | null; sortOrder: number; isNew: boolean; changed: boolean }[] = [];
    const seenCat = new Set<string>();
    for (const c of file.categories) {
      const v = c.value;
      const code = typeof v.code === 'string' ? v.code : '';
      const name = typeof v.name === 'string' ? v.name.trim() : '';
      const parentCode = typeof v.parentCode === 'string' && v.parentCode !== '' ? v.parentCode : null;
      const sortOrder = Number.isInteger(v.sortOrder) ? (v.sortOrder as number) : 0;
      if (!CATEGORY_CODE.test(code)) { problems.push(problem(c.sheet, c.row, c.column('code'), code ? 'CATALOG_VALUE_INVALID' : 'CATALOG_VALUE_REQUIRED')); continue; }
      if (seenCat.has(code)) { problems.push(problem(c.sheet, c.row, c.column('code'), 'CATEGORY_CODE_TAKEN')); continue; }
      seenCat.add(code);
      if (!name || name.length > 100) problems.push(problem(c.sheet, c.row, c.column('name'), name ? 'CATALOG_TEXT_TOO_LONG' : 'CATALOG_VALUE_REQUIRED'));
      const existing = existingCats.rows.find((e) => e.code === code);
      const id = existing?.id ?? randomUUID();
      catId.set(code, id);
      catPlan.push({ id, code, name, parentCode, sortOrder, isNew: !existing, changed: false });
    }
    // Parents exist and the tree has no cycle (file parents override stored ones).
    const parentOf = new Map(existingCats.rows.map((c) => [c.id, c.parent_id]));
    for (const c of catPlan) {
      const loc = file.categories.find((x) => x.value.code === c.code)!;
      if (c.parentCode && !catId.has(c.parentCode)) { problems.push(problem(loc.sheet, loc.row, loc.column('parentCode'), 'CATEGORY_NOT_FOUND')); continue; }
      parentOf.set(c.id, c.parentCode ? catId.get(c.parentCode)! : null);
    }
    for (const c of catPlan) {
      const seen = new Set<string>();
      let at: string | null | undefined = c.id;
      while (at && !seen.has(at)) { seen.add(at); at = parentOf.get(at); }
      if (at) {
        const loc = file.categories.find((x) => x.value.code === c.code)!;
        problems.push(problem(loc.sheet, loc.row, loc.column('parentCode'), 'CATEGORY_CYCLE'));
      }
    }
    for (const c of catPlan) {
      const e = existingCats.rows.find((x) => x.id === c.id);
      c.changed = !!e && (e.name !== c.name || e.sort_order !== c.sortOrder || e.parent_id !== parentOf.get(c.id));
    }

    const refs = await loadRefs(tx);
    for (const id of catId.values()) refs.categories.add(id);
    const depts = await tx.query<{ id: string; code: string }>('SELECT id, code FROM departments');
    const deptId = new Map(depts.rows.map((d) => [d.code, d.id]));
    const items = await tx.query<{ id: string; code: string }>('SELECT id, code FROM service_items');
    const itemId = new Map(items.rows.map((i) => [i.code, i.id]));
    const samples = file.items.flatMap((i) => i.materials.map((m) => m.value.sampleUploadId)).filter((s): s is string => typeof s === 'string');
    const uploads = await existingUploads(tx, samples.filter((s) => /^[0-9a-f-]{36}$/i.test(s)));
    const warnings: ImportProblem[] = [];
    const plan: PlannedItem[] = [];
    const seenItem = new Set<string>();
    for (const it of file.items) {
      const v = it.value;
      const code = typeof v.code === 'string' ? v.code : '';
      if (code && seenItem.has(code)) { problems.push(problem(it.sheet, it.row, it.column('code'), 'ITEM_CODE_TAKEN')); continue; }
      seenItem.add(code);
      const dept = typeof v.departmentCode === 'string' ? deptId.get(v.departmentCode) : undefined;
      if (!dept) problems.push(problem(it.sheet, it.row, it.column('departmentCode'), 'ITEM_DEPARTMENT_UNKNOWN'));
      const catCode = typeof v.categoryCode === 'string' && v.categoryCode !== '' ? v.categoryCode : null;
      if (catCode && !catId.has(catCode)) problems.push(problem(it.sheet, it.row, it.column('categoryCode'), 'ITEM_CATEGORY_UNKNOWN'));
      const materials = it.materials.map((m) => {
        const s = m.value.sampleUploadId;
        if (typeof s === 'string' && !uploads.has(s)) {
          warnings.push(problem(m.sheet, m.row, m.column('sampleUploadId'), 'MATERIAL_SAMPLE_UNKNOWN'));
          return { ...m.value, sampleUploadId: null };
        }
        return { ...m.value, sampleUploadId: s ?? null };
      });
      const { departmentCode: _d, categoryCode: _c, ...rest } = v;
      const raw = {
        ...rest,
        departmentId: dept ?? '00000000-0000-4000-8000-000000000000',
        categoryId: catCode ? catId.get(catCode) ?? null : null,
        formSpec: v.formSpec ?? null,
        formFields: v.formFields ?? [],
        materials,
      };
      const checked = checkAll(raw, refs);
      for (const p of checked.problems) {
        if (p.code === 'ITEM_DEPARTMENT_UNKNOWN' || p.code === 'ITEM_CATEGORY_UNKNOWN') continue;
        problems.push(locate(it, p));
      }
      if (checked.content && dept) plan.push({ code, itemId: itemId.get(code) ?? null, content: checked.content });
    }
    if (problems.length) throw new AppError('IMPORT_INVALID', { problems });

    const result: ImportResult = { categoriesCreated: 0, categoriesUpdated: 0, itemsCreated: 0, draftsSaved: 0, unchanged: 0, published: 0, warnings };
    // Categories: parents first (new ones without parent, then link).
    for (const c of catPlan.filter((x) => x.isNew)) {
      await tx.query('INSERT INTO item_categories (id, code, name, parent_id, sort_order) VALUES ($1,$2,$3,NULL,$4)', [c.id, c.code, c.name, c.sortOrder]);
      result.categoriesCreated++;
    }
    for (const c of catPlan) {
      if (!c.isNew && !c.changed) continue;
      await tx.query('UPDATE item_categories SET name = $2, parent_id = $3, sort_order = $4 WHERE id = $1', [c.id, c.name, parentOf.get(c.id), c.sortOrder]);
      if (!c.isNew) result.categoriesUpdated++;
    }
    for (const p of plan) {
      let id = p.itemId;
      if (!id) {
        id = (await createItem(ctx, actor, p.content, tx)).itemId;
        result.itemsCreated++;
      } else {
        const current = await currentContent(tx, id);
        if (sameContent(current, p.content)) { result.unchanged++; continue; }
        const matched = { ...p.content, materials: p.content.materials.map((m) => ({ ...m, id: current.materials.find((x) => x.name === m.name)?.id })) };
        await saveDraft(ctx, actor, id, matched, undefined, tx);
        result.draftsSaved++;
      }
      if (opts.publish) { await publishDraft(ctx, actor, id, tx); result.published++; }
    }
    await appendEvent(tx, {
      type: 'catalog.imported', actor: { id: actor.id, role: actor.role }, occurredAt: ctx.clock.now(),
      payload: { ...result, warnings: warnings.length, publish: opts.publish },
    });
    if (opts.dryRun) throw new DryRun(result);
    return result;
  }).catch((err: unknown) => {
    if (err instanceof DryRun) return err.result;
    throw err;
  });
}

class DryRun extends Error {
  constructor(readonly result: ImportResult) { super('dry run'); }
}

function locate(it: RawFile['items'][number], p: Problem): ImportProblem {
  const m = /^materials\.(\d+)\.?(.*)$/.exec(p.path);
  if (m) {
    const mat = it.materials[Number(m[1])];
    if (mat) return problem(mat.sheet, mat.row, mat.column(m[2] || 'name'), p.code);
  }
  return problem(it.sheet, it.row, it.column(p.path), p.code);
}

/** The item's working content: its draft if one is open, else its published version, else its tables. */
async function currentContent(tx: Tx, itemId: string): Promise<StoredContent> {
  const { rows } = await tx.query<{ content: StoredContent }>(
    `SELECT content FROM item_versions WHERE item_id = $1 AND status IN ('draft','published') ORDER BY (status = 'draft') DESC LIMIT 1`, [itemId]);
  return rows[0] ? withContentDefaults(rows[0].content) : snapshotFromTables(tx, itemId);
}

const withoutIds = (c: ItemContent) => ({ ...c, formSpec: c.formSpec ?? null, materials: c.materials.map(({ id: _id, ...m }) => m) });
const sameContent = (a: ItemContent, b: ItemContent): boolean => isDeepStrictEqual(withoutIds(a), withoutIds(b));

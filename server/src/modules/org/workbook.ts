import ExcelJS from 'exceljs';
import { cellText as typedText } from '../../platform/xlsx-cell.ts';

/** A cell's text without the spaces around it (a hand-filled sheet has them in any cell kind). */
const cellText = (v: ExcelJS.CellValue): string => typedText(v).trim();
import { messageFor, type ErrorCode } from '../../platform/errors.ts';

/**
 * The organisation as a workbook (组织机构导入导出): four sheets — 服务中心,
 * 部门, 窗口, 人员 — whose rows refer to each other by code, never by id, so
 * a county's sheet can be filled in by hand or moved between systems. This
 * file knows the sheets and their cells; exchange.ts reads them against the
 * database.
 */

export type SheetKey = 'centers' | 'departments' | 'windows' | 'staff';

interface Column { key: string; header: string; required?: true }
interface Sheet { name: string; columns: readonly Column[] }

export const SHEETS: Record<SheetKey, Sheet> = {
  centers: {
    name: '服务中心',
    columns: [
      { key: 'code', header: '编码', required: true }, { key: 'name', header: '名称', required: true }, { key: 'level', header: '层级', required: true },
      { key: 'parentCode', header: '上级中心编码' }, { key: 'phone', header: '电话' }, { key: 'address', header: '地址' }, { key: 'sortOrder', header: '排序' },
    ],
  },
  departments: {
    name: '部门',
    columns: [
      { key: 'code', header: '编码', required: true }, { key: 'name', header: '名称', required: true }, { key: 'centerCode', header: '所属中心编码', required: true },
      { key: 'parentCode', header: '上级部门编码' }, { key: 'sortOrder', header: '排序' }, { key: 'enabled', header: '启用' },
    ],
  },
  windows: {
    name: '窗口',
    columns: [
      { key: 'code', header: '窗口编号', required: true }, { key: 'name', header: '名称', required: true }, { key: 'centerCode', header: '所属中心编码', required: true },
      { key: 'departmentCode', header: '所属部门编码' }, { key: 'hallPosition', header: '大厅位置' }, { key: 'phone', header: '电话' },
      { key: 'items', header: '受理事项编码' }, { key: 'enabled', header: '启用' },
    ],
  },
  staff: {
    name: '人员',
    columns: [
      { key: 'username', header: '用户名', required: true }, { key: 'displayName', header: '姓名', required: true }, { key: 'roleCode', header: '角色代码', required: true },
      { key: 'centerCode', header: '所属中心编码', required: true }, { key: 'departmentCode', header: '部门编码' }, { key: 'windowCode', header: '窗口编号' },
      { key: 'phone', header: '手机号' }, { key: 'secondFactor', header: '要求两步验证' }, { key: 'initialPassword', header: '初始密码' },
      { key: 'extraRoleCodes', header: '兼任角色代码' },
    ],
  },
};

/** The level of a center as the sheet writes it; the code itself is read too. */
export const LEVEL_LABELS: Record<string, string> = { city: '市级', county: '县（区）级', township: '乡镇（街道）' };

/** A row as read: its number in the sheet and its cells by column key (trimmed text, '' when empty). */
export interface SheetRow { row: number; cells: Record<string, string> }

/** One thing wrong, where it is: the sheet, the row (1 is the header), the column's header. */
export interface ImportProblem { sheet: string; row: number; column: string; code: ErrorCode; message: string }

export const problemAt = (sheet: SheetKey, row: number, key: string, code: ErrorCode): ImportProblem => ({
  sheet: SHEETS[sheet].name, row, column: SHEETS[sheet].columns.find((c) => c.key === key)?.header ?? key, code, message: messageFor(code, 'zh-CN'),
});

/** Reads the workbook's four sheets; a sheet left out holds no rows, a required column left out is a problem. */
export async function readOrgWorkbook(bytes: Buffer, problems: ImportProblem[]): Promise<Record<SheetKey, SheetRow[]> | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const out = { centers: [], departments: [], windows: [], staff: [] } as Record<SheetKey, SheetRow[]>;
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const ws = wb.getWorksheet(SHEETS[key].name);
    if (!ws) continue;
    const at = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => at.set(cellText(cell.value), col));
    for (const c of SHEETS[key].columns) if (c.required && !at.has(c.header)) problems.push(problemAt(key, 1, c.key, 'ORG_IMPORT_VALUE_REQUIRED'));
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cells: Record<string, string> = {};
      for (const c of SHEETS[key].columns) cells[c.key] = at.has(c.header) ? cellText(row.getCell(at.get(c.header)!).value) : '';
      if (Object.values(cells).every((t) => t === '')) return;
      out[key].push({ row: n, cells });
    });
  }
  return out;
}

/** The workbook of these rows (cells by column key), one sheet each, headers bold and frozen. */
export async function writeOrgWorkbook(rows: Record<SheetKey, Record<string, string | number>[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tongban';
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const sheet = SHEETS[key];
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 3) }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows[key]) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

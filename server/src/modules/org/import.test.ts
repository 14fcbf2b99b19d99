import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, multipartFile, requestsTo, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { writeOrgWorkbook } from './workbook.ts';

// 组织机构导入 (issue 14): the organisation and its staff from a workbook, with a dry run
// that reports and writes nothing, and a refusal that names sheet, row and column.
let t: TestApp;
const f = factories(() => t);
let admin: string;
const { get } = requestsTo(() => t.app);
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const importBook = async (bytes: Buffer, dryRun: boolean, cookie = admin) => {
  const body = multipartFile('组织机构.xlsx', bytes);
  return t.app.inject({ method: 'POST', url: `/api/admin/org/import?dryRun=${dryRun ? 1 : 0}`, headers: { ...body.headers, cookie }, payload: body.payload });
};
const exported = async () => (await get('/api/admin/org/export.xlsx', admin)).rawPayload;
const written = async () => (await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type LIKE 'org.%' OR type LIKE 'staff.%'`)).rows[0]!.n;
const codes = async () => (await get('/api/admin/org', admin)).json() as { centers: { id: string; code: string; level: string; parentId: string | null }[]; departments: { code: string }[]; windows: { code: string; itemIds: string[] }[] };
const empty = { centers: [], departments: [], windows: [], staff: [] };

describe('export and import', () => {
  it('reads back its own export as nothing to change', async () => {
    const before = await written();
    const res = await importBook(await exported(), false);
    expect(res.statusCode, res.body).toBe(200);
    const org = await codes();
    expect(res.json()).toMatchObject({ dryRun: false, centers: { created: 0, updated: 0, unchanged: org.centers.length }, windows: { created: 0, updated: 0 }, staff: { created: 0, updated: 0 } });
    expect(res.json().staff.unchanged).toBeGreaterThan(10);
    // Only the import's own event.
    expect(await written()).toBe(before + 1);
  });

  it('dry-runs a station with its department, window and clerk (report, nothing written), then imports it; the clerk signs in', async () => {
    const item = await f.item();
    const county = (await codes()).centers.find((c) => c.level === 'county')!;
    const book = await writeOrgWorkbook({
      centers: [{ code: 'IMP-ZHEN', name: '导入镇便民服务中心', level: '乡镇（街道）', parentCode: county.code, phone: '', address: '导入镇人民路 1 号', sortOrder: 5 }],
      departments: [{ code: 'IMPZ', name: '导入镇综合办', centerCode: 'IMP-ZHEN', parentCode: '', sortOrder: '', enabled: '是' }],
      windows: [{ code: 'IMP-01', name: '导入镇一号窗口', centerCode: 'IMP-ZHEN', departmentCode: 'IMPZ', hallPosition: '一楼', phone: '', items: item.code, enabled: '' }],
      staff: [{
        username: 'imported_clerk', displayName: '导入窗口', roleCode: 'clerk', centerCode: 'IMP-ZHEN', departmentCode: '', windowCode: 'IMP-01', phone: '13900001111',
        secondFactor: '否', initialPassword: 'Imported-clerk-2026', extraRoleCodes: 'supervisor',
      }],
    });
    const before = await written();
    const dry = await importBook(book, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const report = { centers: { created: 1, updated: 0, unchanged: 0 }, departments: { created: 1, updated: 0, unchanged: 0 }, windows: { created: 1, updated: 0, unchanged: 0 }, staff: { created: 1, updated: 0, unchanged: 0 } };
    expect(dry.json()).toEqual({ dryRun: true, ...report });
    expect(await written()).toBe(before);
    expect((await codes()).centers.map((c) => c.code)).not.toContain('IMP-ZHEN');

    const done = await importBook(book, false);
    expect(done.json()).toEqual({ dryRun: false, ...report });
    const org = await codes();
    expect(org.windows.find((w) => w.code === 'IMP-01')!.itemIds).toEqual([item.id]);
    const imported = (await t.ctx.db.query('SELECT payload FROM events WHERE type = $1', ['org.imported'])).rows.at(-1)!.payload;
    expect(imported).toMatchObject(report);
    const clerk = await login(t.app, 'imported_clerk', 'Imported-clerk-2026');
    // 兼任角色代码: held beside the main role.
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: clerk } })).json().user.roles.map((r: { code: string }) => r.code)).toEqual(['clerk', 'supervisor']);
    // The same file again: all there, nothing to do.
    expect((await importBook(book, false)).json()).toMatchObject({ centers: { unchanged: 1 }, departments: { unchanged: 1 }, windows: { unchanged: 1 }, staff: { unchanged: 1 } });
  });

  it('refuses a file with wrong rows, naming sheet, row and column, and writes none of its right rows', async () => {
    const book = await writeOrgWorkbook({
      ...empty,
      centers: [
        { code: 'BAD-ONE', name: '好的中心', level: '市级', parentCode: '', phone: '', address: '', sortOrder: 0 },
        { code: 'BAD-TWO', name: '层级错', level: '省级', parentCode: '', phone: '', address: '', sortOrder: 0 },
        { code: 'BAD-ONE', name: '重复', level: '市级', parentCode: '', phone: '', address: '', sortOrder: 0 },
      ],
      departments: [{ code: 'BADD', name: '无主部门', centerCode: 'NO-SUCH', parentCode: '', sortOrder: '', enabled: '也许' }],
      staff: [
        { username: 'weak_pw', displayName: '弱密码', roleCode: 'clerk', centerCode: 'BAD-ONE', departmentCode: '', windowCode: '', phone: '', secondFactor: '', initialPassword: 'short' },
        { username: 'no_role', displayName: '无角色', roleCode: 'no_such_role', centerCode: 'BAD-ONE', departmentCode: '', windowCode: '', phone: '', secondFactor: '', initialPassword: 'Long-enough-2026' },
        { username: 'no_extra', displayName: '兼任错', roleCode: 'clerk', centerCode: 'BAD-ONE', departmentCode: '', windowCode: '', phone: '', secondFactor: '', initialPassword: 'Long-enough-2026', extraRoleCodes: 'supervisor、ghost_role' },
        // The command's own refusals land at the column they are about, not at the password's.
        { username: 'two_duties', displayName: '三员兼任', roleCode: 'clerk', centerCode: 'BAD-ONE', departmentCode: '', windowCode: '', phone: '', secondFactor: '', initialPassword: 'Long-enough-2026', extraRoleCodes: 'audit_admin' },
        { username: 'no_dept', displayName: '无部门审批人', roleCode: 'approver', centerCode: 'BAD-ONE', departmentCode: '', windowCode: '', phone: '', secondFactor: '', initialPassword: 'Long-enough-2026' },
      ],
    });
    const before = await written();
    const res = await importBook(book, false);
    expect(res.json().code).toBe('ORG_IMPORT_INVALID');
    const problems = (res.json().details.problems as { sheet: string; row: number; column: string; code: string }[]).map((p) => [p.sheet, p.row, p.column, p.code]);
    expect(problems).toEqual(expect.arrayContaining([
      ['服务中心', 4, '编码', 'ORG_IMPORT_DUPLICATE'],
      ['服务中心', 3, '层级', 'ORG_IMPORT_VALUE_INVALID'],
      ['部门', 2, '所属中心编码', 'ORG_IMPORT_REFERENCE_UNKNOWN'],
      ['部门', 2, '启用', 'ORG_IMPORT_VALUE_INVALID'],
      ['人员', 2, '初始密码', 'PASSWORD_TOO_SHORT'],
      ['人员', 3, '角色代码', 'ORG_IMPORT_REFERENCE_UNKNOWN'],
      ['人员', 4, '兼任角色代码', 'ORG_IMPORT_REFERENCE_UNKNOWN'],
      ['人员', 5, '兼任角色代码', 'STAFF_ROLES_SEPARATED'],
      ['人员', 6, '部门编码', 'STAFF_ROLE_INVALID'],
    ]));
    expect(await written()).toBe(before);
    expect((await codes()).centers.map((c) => c.code)).not.toContain('BAD-ONE');
  });

  it('refuses what is not a workbook, a sheet without its required column, and anyone but the system administrator', async () => {
    expect((await importBook(Buffer.from('not a workbook'), true)).json().code).toBe('ORG_IMPORT_UNREADABLE');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('服务中心').addRow(['名称', '层级']);
    const res = await importBook(Buffer.from(await wb.xlsx.writeBuffer()), true);
    expect(res.json().code).toBe('ORG_IMPORT_INVALID');
    expect(res.json().details.problems[0]).toMatchObject({ sheet: '服务中心', row: 1, column: '编码', code: 'ORG_IMPORT_VALUE_REQUIRED' });
    expect((await importBook(await exported(), true, await login(t.app, 'secadmin'))).json().code).toBe('FORBIDDEN');
    expect((await get('/api/admin/org/export.xlsx', await login(t.app, 'manager'))).json().code).toBe('FORBIDDEN');
  });
});

import type { Scenario } from '../run.ts';
import { assert, expect } from '../expect.ts';
import { checkPage } from '../axe.ts';
import { chooseInDialog, logIn, newPerson, signedIn } from '../steps.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeOrgWorkbook } from '../../server/src/modules/org/workbook.ts';

/**
 * 组织机构 and 人员管理 in the admin console (issue #14): the administrator
 * puts a township station (乡镇便民服务中心) under the demo county, gives it a
 * window that takes in a county item (代收代办), creates its clerk, who signs in,
 * and deactivates them again; both pages pass axe and reflow.
 */
export const scenarios: Scenario[] = [
  {
    name: 'organisation: a station under the county with its window and clerk, made and checked in the browser (admin)',
    async run(ctx) {
      const admin = await signedIn(ctx, 'admin', '/admin/org');
      await expect(admin.getByRole('heading', { name: '组织机构', level: 1 })).toBeVisible();
      await expect(admin.getByRole('heading', { name: '部门' })).toBeVisible();
      await checkPage(admin, 'admin organisation');

      // The demo county is chosen first: a sub-center of it is a township.
      await admin.getByRole('button', { name: '新建下级中心' }).click();
      const dialog = admin.getByRole('dialog', { name: '新建下级中心' });
      await dialog.getByLabel('名称').fill('城关镇便民服务中心');
      await dialog.getByLabel('编码').fill('CGZ');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(admin.getByRole('heading', { name: /城关镇便民服务中心/ })).toBeVisible();
      await expect(admin.locator('nav .tb-org-tree')).toContainText('乡镇（街道）');

      await admin.getByRole('button', { name: '新建窗口' }).click();
      const windowDialog = admin.getByRole('dialog', { name: '新建窗口' });
      await windowDialog.getByLabel('窗口编号').fill('CG-01');
      await windowDialog.getByLabel('名称').fill('城关镇综合受理窗口');
      await windowDialog.getByLabel('大厅位置').fill('便民服务中心一楼');
      await chooseInDialog(admin, '受理事项', '食品经营许可', { search: true });
      await windowDialog.getByRole('button', { name: '保存' }).click();
      await expect(admin.locator('main table')).toContainText('城关镇综合受理窗口');
      await expect(admin.locator('main table')).toContainText('1 项');
      await checkPage(admin, 'admin organisation, a station chosen');

      await admin.goto('/admin/staff');
      await expect(admin.getByRole('heading', { name: '人员管理', level: 1 })).toBeVisible();
      // The first page, by name: the demo's staff from 冯 on (the list pages by ten).
      await expect(admin.locator('main table')).toContainText('周主任');
      await checkPage(admin, 'admin staff');
      await admin.getByRole('button', { name: '新建工作人员' }).click();
      const staffDialog = admin.getByRole('dialog', { name: '新建工作人员' });
      await staffDialog.getByLabel('用户名').fill('clerk_cgz');
      await staffDialog.getByLabel('初始密码').fill('Chengguan-window-2026');
      await staffDialog.getByLabel('姓名').fill('城关窗口');
      await chooseInDialog(admin, '所在中心', '城关镇便民服务中心');
      await chooseInDialog(admin, '窗口', '城关镇综合受理窗口', { exact: true });
      await staffDialog.getByRole('button', { name: '保存' }).click();
      await expect(admin.locator('main table')).toContainText('clerk_cgz');

      // The new clerk signs in and reaches the intake queue.
      const clerk = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(clerk, 'clerk_cgz', 'Chengguan-window-2026');
      await clerk.goto('/workbench/intake');
      await expect(clerk.getByRole('heading', { level: 1 })).toBeVisible();

      // Deactivated (never deleted): the row stays, marked 已停用. The station's staff only.
      await admin.getByLabel('按中心筛选').click();
      await admin.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '城关镇便民服务中心' }).click();
      await expect(admin.locator('main tbody tr.ant-table-row')).toHaveCount(1);
      const row = admin.locator('main tr').filter({ hasText: 'clerk_cgz' });
      await row.getByRole('button', { name: /停用/ }).click();
      await admin.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
      await expect(admin.locator('main tr').filter({ hasText: 'clerk_cgz' })).toContainText('已停用');
    },
  },
  {
    name: 'organisation import: the administrator checks a workbook (nothing written), imports it, and a wrong one is refused cell by cell (admin)',
    async run(ctx) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-org-import-'));
      const station = { code: 'SFX-DQ', name: '东桥镇便民服务中心', level: '乡镇（街道）', parentCode: 'SFX', phone: '', address: '东桥镇中心街 2 号', sortOrder: 3 };
      const good = path.join(dir, '东桥镇.xlsx');
      fs.writeFileSync(good, await writeOrgWorkbook({
        centers: [station],
        departments: [],
        windows: [{ code: 'DQ-01', name: '东桥镇综合窗口', centerCode: 'SFX-DQ', departmentCode: '', hallPosition: '一楼大厅', phone: '', items: '', enabled: '是' }],
        staff: [{ username: 'clerk_dq', displayName: '东桥窗口', roleCode: 'clerk', centerCode: 'SFX-DQ', departmentCode: '', windowCode: 'DQ-01', phone: '', secondFactor: '否', initialPassword: 'Dongqiao-window-2026' }],
      }));
      const bad = path.join(dir, '有错.xlsx');
      fs.writeFileSync(bad, await writeOrgWorkbook({ centers: [{ ...station, code: 'SFX-XX', level: '省级' }], departments: [], windows: [], staff: [] }));

      const admin = await signedIn(ctx, 'admin', '/admin/org');
      await admin.getByRole('button', { name: '导入 / 导出' }).click();
      const dialog = admin.getByRole('dialog', { name: '导入组织机构和人员' });
      await expect(dialog.getByRole('link', { name: /下载当前组织机构/ })).toBeVisible();
      await dialog.getByLabel('选择 Excel 文件').setInputFiles(bad);
      await dialog.getByRole('button', { name: '检查（不写入）' }).click();
      await expect(dialog.getByRole('alert')).toContainText('层级');
      await expect(dialog.getByRole('alert')).toContainText('ORG_IMPORT_VALUE_INVALID');

      await dialog.getByLabel('选择 Excel 文件').setInputFiles(good);
      await dialog.getByRole('button', { name: '检查（不写入）' }).click();
      await expect(dialog.getByRole('status')).toContainText('检查通过，尚未写入');
      await checkPage(admin, 'admin organisation import, checked');
      assert(!(await admin.locator('nav .tb-org-tree').innerText()).includes('东桥镇'), 'a check writes nothing');
      await dialog.getByRole('button', { name: '导入', exact: true }).click();
      await expect(dialog.getByRole('status')).toContainText('已导入');
      await dialog.getByRole('button', { name: /Close|关闭/ }).click();
      await expect(admin.locator('nav .tb-org-tree')).toContainText('东桥镇便民服务中心');

      // The imported clerk signs in with the password from the sheet.
      const clerk = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(clerk, 'clerk_dq', 'Dongqiao-window-2026');
      await clerk.goto('/workbench/intake');
      await expect(clerk.getByRole('heading', { level: 1 })).toBeVisible();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
];

import type { Page } from 'playwright-core';
import type { Scenario } from '../run.ts';
import { checkPage } from '../axe.ts';
import { generate } from 'otplib';
import { creditCodeCheckChar } from '../../shared/identity.ts';
import { expect } from '../expect.ts';
import { startServer } from '../harness.ts';
import { reviewProcess } from '../processes.ts';
import { approveOpenCase, chooseInDialog, logIn, newPerson, openCase } from '../steps.ts';
import { registerSecondApp, startSecondApp } from '../second-app.ts';

/**
 * A center of its own, from nothing but the administrator (issue #14, done
 * when): a server started without the demo data, whose one account is the
 * administrator of TONGBAN_ADMIN_PASSWORD. In the browser they build three
 * levels of centers (市 → 县 → 镇), a county department, a process and an item
 * of that department, a station window that takes the item in (代收代办) and
 * the staff, among them a security administrator (三员分立) who makes the
 * station's own role 乡镇代办员 from 窗口人员; the station clerk, holding that
 * role, takes in an application at the window, and the county approver
 * (two-step verification) decides it from the to-do list, then signs in to
 * the center's archive system through Tongban's single sign-on and is signed
 * out of it with Tongban.
 */
const ADMIN_PASSWORD = 'Qingzhou-admin-2026';
const STAFF_PASSWORD = 'Qingshan-staff-2026';
const DEPT = 'QSSC';
const PROCESS_KEY = 'qs_food_review';
const ITEM_CODE = 'QS-SCJG-001';
const ITEM_NAME = '小餐饮经营许可';

/** start → 审查 (the county department, 5 working days) → end. */
const PROCESS = reviewProcess({ key: PROCESS_KEY, name: '小餐饮许可审查', department: DEPT, limitDays: 5 });

/** A center under the one chosen in the tree (or a top-level one), saved through its dialog. */
async function newCenter(admin: Page, button: '新建顶级中心' | '新建下级中心', name: string, code: string): Promise<void> {
  await admin.getByRole('button', { name: button }).click();
  const dialog = admin.getByRole('dialog', { name: button });
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByLabel('编码').fill(code);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await chooseCenter(admin, name);
}

async function chooseCenter(admin: Page, name: string): Promise<void> {
  await admin.locator('nav .tb-org-tree').getByText(name, { exact: true }).click();
  await expect(admin.getByRole('heading', { name: new RegExp(name) })).toBeVisible();
}

/** Chooses `text` in the antd select labelled `label` on a page (not a dialog). */
async function choose(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor();
  // The list slides open; a click during the motion can miss.
  await page.waitForTimeout(200);
  await option.click();
  await expect(page.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) })).toContainText(text);
}

/** A staff account through 新建工作人员. */
async function newStaff(admin: Page, p: { username: string; name: string; role: string; search?: true; center: string; department?: string; window?: string; secondFactor?: true }): Promise<void> {
  await admin.getByRole('button', { name: '新建工作人员' }).click();
  const dialog = admin.getByRole('dialog', { name: '新建工作人员' });
  await dialog.getByLabel('用户名').fill(p.username);
  await dialog.getByLabel('初始密码').fill(STAFF_PASSWORD);
  await dialog.getByLabel('姓名').fill(p.name);
  // A role the center made sorts below the built-in ones, out of the list's first screen: typed to find it.
  await chooseInDialog(admin, '角色', p.role, { exact: true, search: p.search ?? false });
  await chooseInDialog(admin, '所在中心', p.center, { exact: true });
  if (p.department) await chooseInDialog(admin, '部门', p.department, { exact: true });
  if (p.window) await chooseInDialog(admin, '窗口', p.window, { exact: true });
  if (p.secondFactor) await dialog.getByRole('switch', { name: '要求两步验证' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.locator('main table')).toContainText(p.username);
}

export const scenarios: Scenario[] = [
  {
    name: 'new center: set up in the browser from nothing but the administrator (three levels, a department, a process, an item served at a station, staff); the station takes in the county item and the county approves it',
    long: true,
    async run(ctx) {
      const server = await startServer({ env: { TONGBAN_NO_DEMO: '1', TONGBAN_ADMIN_PASSWORD: ADMIN_PASSWORD } });
      const rp = await startSecondApp();
      try {
        const admin = await newPerson(ctx.browser, server.url);
        await logIn(admin, 'admin', ADMIN_PASSWORD);
        await admin.goto('/admin/org');
        await expect(admin.getByRole('heading', { name: '组织机构', level: 1 })).toBeVisible();
        await checkPage(admin, 'admin organisation, empty');

        // Three levels: the city, its county, the county's township station.
        await newCenter(admin, '新建顶级中心', '青州市政务服务中心', 'QZS');
        await newCenter(admin, '新建下级中心', '青山县政务服务中心', 'QSX');
        await admin.getByRole('button', { name: '新建部门' }).click();
        const deptDialog = admin.getByRole('dialog', { name: '新建部门' });
        await deptDialog.getByLabel('编码').fill(DEPT);
        await deptDialog.getByLabel('名称').fill('青山县市场监督管理局');
        await deptDialog.getByRole('button', { name: '保存' }).click();
        await expect(deptDialog).toBeHidden();
        await expect(admin.locator('main table').first()).toContainText('青山县市场监督管理局');
        await newCenter(admin, '新建下级中心', '城关镇便民服务中心', 'CGZ');
        await expect(admin.locator('nav .tb-org-tree')).toContainText('乡镇（街道）');
        await checkPage(admin, 'admin organisation, three levels');
        await ctx.shot(admin, 'new-center-1-organisation');

        // The county department's process, imported into the designer and published.
        await admin.goto('/admin/processes');
        await admin.getByRole('link', { name: '新建' }).click();
        const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), admin.getByRole('button', { name: '导入 .bpmn' }).click()]);
        await chooser.setFiles({ name: `${PROCESS_KEY}.bpmn`, mimeType: 'application/xml', buffer: Buffer.from(PROCESS) });
        await admin.getByRole('button', { name: '保存为草稿' }).click();
        await expect(admin.getByText('已保存为草稿（第 1 版）')).toBeVisible();
        await admin.getByRole('button', { name: '发布' }).click();
        await expect(admin.getByText('已发布第 1 版')).toBeVisible();

        // The item, run by the county department on that process.
        await admin.goto('/admin/catalog/new');
        await admin.getByLabel('事项编码（本系统唯一）').fill(ITEM_CODE);
        await admin.getByLabel('事项名称').fill(ITEM_NAME);
        await choose(admin, '实施部门', '青山县市场监督管理局');
        await choose(admin, '绑定的审批流程', PROCESS_KEY);
        await admin.getByLabel('设定依据').fill('《中华人民共和国食品安全法》第三十五条');
        await admin.getByLabel('材料名称').first().fill('营业执照复印件');
        await admin.getByRole('button', { name: '保存草稿' }).click();
        await expect(admin.getByText('草稿已保存')).toBeVisible();
        await admin.getByRole('button', { name: '发布' }).click();
        await admin.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
        await expect(admin.getByText('已发布第 1 版')).toBeVisible();
        await checkPage(admin, 'admin item editor, new center');

        // The station's window takes the county item in (代收代办).
        await admin.goto('/admin/org');
        await chooseCenter(admin, '城关镇便民服务中心');
        await admin.getByRole('button', { name: '新建窗口' }).click();
        const windowDialog = admin.getByRole('dialog', { name: '新建窗口' });
        await windowDialog.getByLabel('窗口编号').fill('CG-01');
        await windowDialog.getByLabel('名称').fill('城关镇综合受理窗口');
        await windowDialog.getByLabel('大厅位置').fill('便民服务中心一楼');
        await chooseInDialog(admin, '受理事项', ITEM_NAME, { search: true });
        await windowDialog.getByRole('button', { name: '保存' }).click();
        await expect(admin.locator('main table').last()).toContainText('城关镇综合受理窗口');

        // 三员分立: roles are the security administrator's, whom the system administrator appoints first.
        await admin.goto('/admin/staff');
        await newStaff(admin, { username: 'sec_qz', name: '青州安全管理员', role: '安全管理员', center: '青州市政务服务中心' });
        const security = await newPerson(ctx.browser, server.url);
        await logIn(security, 'sec_qz', STAFF_PASSWORD);
        await security.goto('/admin/roles');
        await expect(security.getByRole('heading', { name: '角色管理', level: 1 })).toBeVisible();
        await security.getByRole('button', { name: '新建角色' }).click();
        const roleDialog = security.getByRole('dialog', { name: '新建角色' });
        await roleDialog.getByLabel('角色代码').fill('station_clerk');
        await roleDialog.getByLabel('名称', { exact: true }).fill('乡镇代办员');
        await chooseInDialog(security, '复制权限自', '窗口人员', { exact: true });
        await roleDialog.getByRole('button', { name: '保存' }).click();
        await expect(roleDialog).toBeHidden();
        await expect(security.locator('main table')).toContainText('乡镇代办员');

        // The staff: the station's clerk at that window in the station's role, the county's approver (two-step verification required).
        await admin.reload();
        await newStaff(admin, { username: 'clerk_cgz', name: '城关窗口', role: '乡镇代办员', search: true, center: '城关镇便民服务中心', window: '城关镇综合受理窗口' });
        await newStaff(admin, { username: 'approver_qssc', name: '青山审批', role: '审批人员', center: '青山县政务服务中心', department: '青山县市场监督管理局', secondFactor: true });
        await checkPage(admin, 'admin staff, new center');
        await ctx.shot(admin, 'new-center-2-staff');

        // The station clerk takes in an enterprise's application for the county item, and accepts it.
        const clerk = await newPerson(ctx.browser, server.url);
        await logIn(clerk, 'clerk_cgz', STAFF_PASSWORD);
        await clerk.goto('/workbench/walk-in');
        await expect(clerk.getByRole('heading', { name: '窗口接件登记' })).toBeVisible();
        await clerk.getByLabel('办理事项').click();
        await clerk.getByLabel('办理事项').fill(ITEM_NAME);
        await clerk.keyboard.press('Enter');
        const body = `91330106MA28${String(Date.now()).slice(-5)}`;
        await clerk.getByLabel('申请人统一社会信用代码').fill(body + creditCodeCheckChar(body));
        await clerk.getByRole('button', { name: '查询档案' }).click();
        await expect(clerk.getByText('未找到档案')).toBeVisible();
        await clerk.getByLabel('企业名称').fill('城关镇小山餐饮店');
        await clerk.getByLabel('法定代表人').fill('王小山');
        await clerk.getByLabel('联系人', { exact: true }).fill('王小山');
        await clerk.getByLabel('申请人联系电话').fill('13900002222');
        await clerk.getByLabel('申请人地址').fill('城关镇人民路 12 号');
        await clerk.getByRole('button', { name: '代为提交申请' }).click();
        await expect(clerk.getByRole('heading', { name: /^办件详情 \d{8}-/ })).toBeVisible();
        const caseNo = (await clerk.getByRole('heading', { name: /^办件详情 / }).innerText()).replace('办件详情', '').trim();
        await expect(clerk.getByText('城关镇综合受理窗口').first()).toBeVisible();
        await clerk.getByRole('button', { name: '受理', exact: true }).click();
        await expect(clerk.getByText('审批中').first()).toBeVisible();
        await checkPage(clerk, 'workbench case, station clerk');

        // The county approver signs in for the first time: password, then the authenticator, then the recovery codes.
        const approver = await newPerson(ctx.browser, server.url);
        await approver.goto('/login');
        await approver.getByLabel('用户名').fill('approver_qssc');
        await approver.getByLabel('密码').fill(STAFF_PASSWORD);
        await approver.getByRole('button', { name: '登录' }).click();
        await expect(approver.getByRole('heading', { name: '两步验证', level: 1 })).toBeVisible();
        const secret = (await approver.getByTestId('totp-secret').innerText()).trim();
        await approver.getByLabel('动态验证码').fill(await generate({ secret }));
        await approver.getByRole('button', { name: '验证并登录' }).click();
        await approver.getByRole('dialog', { name: '请保存恢复码' }).getByRole('button', { name: '我已保存' }).click();
        await expect(approver.getByRole('button', { name: '退出' })).toBeVisible();
        // The station's case is the county department's step: it decides it.
        await openCase(approver, '/workbench/tasks', caseNo);
        await approveOpenCase(approver, '经审查，符合小餐饮经营条件，准予许可。');
        await expect(approver.getByText('办理结果：准予许可')).toBeVisible();
        await ctx.shot(approver, 'new-center-3-approved');

        // The center's archive system signs its people in through Tongban (OIDC) and out with it.
        await admin.goto('/admin/sso');
        await registerSecondApp(admin, rp, server.url);
        // Already signed in to Tongban (with the second factor): the archive system lets them in without a prompt.
        await approver.goto(`${rp.url}/`);
        await approver.getByRole('link', { name: '通过通办登录' }).click();
        await expect(approver.locator('#who')).toContainText('已登录：青山审批');
        await approver.goto('/workbench');
        await approver.getByRole('button', { name: '退出' }).click();
        await expect(approver.getByRole('button', { name: '退出' })).toBeHidden();
        await approver.goto(`${rp.url}/`);
        await expect(approver.locator('#who')).toContainText('未登录');
        // This server stops before the harness closes the pages: close them first, or their live
        // streams, ended by the stopping server, would try to reconnect and log errors.
        for (const context of ctx.browser.contexts()) await context.close();
      } finally {
        await rp.close();
        await server.stop();
      }
    },
  },
];

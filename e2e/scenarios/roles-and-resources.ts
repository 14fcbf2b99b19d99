import type { Scenario } from '../run.ts';
import { assert, expect } from '../expect.ts';
import { checkPage } from '../axe.ts';
import { logIn, newPerson, signedIn } from '../steps.ts';

/**
 * 角色管理, 权限管理 and 资源管理 (issue #14): the security administrator
 * makes a role and binds a page to it on the page that shows every resource
 * with all its roles (三员分立: the system administrator's console has neither
 * page); the system administrator disables a page in the resource tree: it
 * leaves the menu and its routes answer 403, until it is enabled again; last,
 * a child node is added, moved up and deleted.
 */
export const scenarios: Scenario[] = [
  {
    name: 'roles and resources: the security administrator binds a new role to a page, and a page the system administrator disables leaves the menu',
    long: true,
    async run(ctx) {
      const security = await signedIn(ctx, 'secadmin', '/admin');
      await expect(security.getByRole('heading', { name: '角色管理', level: 1 })).toBeVisible();
      const securityMenu = security.getByRole('navigation', { name: '管理控制台菜单' });
      await expect(securityMenu.getByRole('link', { name: '权限管理' })).toBeVisible();
      await expect(securityMenu.getByRole('link', { name: '人员管理' })).toHaveCount(0);
      await security.getByRole('button', { name: '新建角色' }).click();
      const dialog = security.getByRole('dialog', { name: '新建角色' });
      await dialog.getByLabel('角色代码').fill('hall_lead');
      await dialog.getByLabel('名称', { exact: true }).fill('大厅值班长');
      await dialog.getByLabel('说明').fill('现场调度和工作交接');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toBeHidden();
      await expect(security.locator('main table')).toContainText('大厅值班长');
      await checkPage(security, 'admin roles');

      // 权限管理: every resource with all its roles; one tick binds the page to the new role.
      await security.goto('/admin/permissions');
      await expect(security.getByRole('heading', { name: '权限管理', level: 1 })).toBeVisible();
      const tick = security.getByRole('checkbox', { name: '大厅值班长：工作交接' });
      await expect(tick).toBeVisible();
      assert(!(await tick.isChecked()), 'the new role starts bound to nothing');
      await Promise.all([security.waitForResponse((r) => r.url().includes('/api/admin/permissions/') && r.status() === 200), tick.click()]);
      // Bound on the server: the table comes back from it with the box ticked.
      await security.reload();
      await expect(tick).toBeVisible();
      assert(await tick.isChecked(), 'the page is bound to the new role');
      await checkPage(security, 'admin permissions');

      // The system administrator's console has neither page; the workbench's menu shows them 工作交接, for now.
      const admin = await signedIn(ctx, 'admin', '/admin/resources');
      await expect(admin.getByRole('heading', { name: '资源管理', level: 1 })).toBeVisible();
      await expect(admin.getByRole('link', { name: '角色管理' })).toHaveCount(0);
      await expect(admin.getByRole('link', { name: '权限管理' })).toHaveCount(0);
      await admin.goto('/workbench');
      const menu = admin.getByRole('navigation', { name: '工作台菜单' });
      await expect(menu.getByRole('link', { name: '工作交接' })).toBeVisible();

      // 资源管理: 工作交接 disabled in the tree.
      await admin.goto('/admin/resources');
      await expect(admin.getByRole('heading', { name: '资源管理', level: 1 })).toBeVisible();
      await admin.getByRole('tree').getByText('工作交接', { exact: true }).click();
      await expect(admin.getByRole('heading', { name: '工作交接', level: 2 })).toBeVisible();
      await admin.getByRole('button', { name: '修改属性' }).click();
      const edit = admin.getByRole('dialog', { name: '修改属性' });
      await edit.getByRole('switch', { name: '启用' }).click();
      await edit.getByRole('button', { name: '保存' }).click();
      await expect(edit).toBeHidden();
      await expect(admin.getByRole('tree').getByText('已停用')).toBeVisible();
      await checkPage(admin, 'admin resources');

      // Gone from the menu, and its route refuses.
      await admin.goto('/workbench');
      await expect(menu).toBeVisible();
      await expect(menu.getByRole('link', { name: '工作交接' })).toBeHidden();
      const refused = await admin.request.get('/api/staff/workload');
      assert(refused.status() === 403 && (await refused.json()).code === 'RESOURCE_DISABLED', `workload refused, saw ${refused.status()}`);

      // Enabled again: back in the menu.
      await admin.goto('/admin/resources');
      await admin.getByRole('tree').getByText('工作交接', { exact: true }).click();
      await admin.getByRole('button', { name: '修改属性' }).click();
      await edit.getByRole('switch', { name: '启用' }).click();
      await edit.getByRole('button', { name: '保存' }).click();
      await expect(edit).toBeHidden();
      await admin.goto('/workbench');
      await expect(menu.getByRole('link', { name: '工作交接' })).toBeVisible();

      // 添加子节点, 节点上移, 删除子节点 on the admin console's shell node.
      await admin.goto('/admin/resources');
      await admin.getByRole('tree').getByText('后台管理', { exact: true }).click();
      await admin.getByRole('button', { name: '添加子节点' }).click();
      const child = admin.getByRole('dialog', { name: '添加子节点' });
      await child.getByLabel('代码').fill('/admin/reports');
      await child.getByLabel('名称', { exact: true }).fill('月度报表');
      await child.getByRole('button', { name: '保存' }).click();
      await expect(admin.getByRole('heading', { name: '月度报表', level: 2 })).toBeVisible();
      const adminChildren = async () => {
        const tree = (await (await admin.request.get('/api/admin/resources')).json()) as { code: string; children: { code: string; children: { code: string }[] }[] };
        return tree.children.find((c) => c.code === '/admin')!.children.map((c) => c.code);
      };
      const before = await adminChildren();
      assert(before.at(-1) === '/admin/reports', `added last, saw ${before.join(' ')}`);
      await Promise.all([admin.waitForResponse((r) => r.url().includes('/move') && r.status() === 200), admin.getByRole('button', { name: '上移' }).click()]);
      const after = await adminChildren();
      assert(after.at(-2) === '/admin/reports', `moved up one, saw ${after.join(' ')}`);
      await admin.getByRole('button', { name: '删除' }).click();
      await admin.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
      await expect(admin.getByRole('tree').getByText('月度报表', { exact: true })).toBeHidden();
    },
  },
  {
    name: 'roles matched to people: the security administrator gives a window clerk the supervisor role beside their own, and the clerk switches to it and back',
    async run(ctx) {
      // A clerk of their own: no other scenario signs in as them.
      const admin = await signedIn(ctx, 'admin');
      const org = (await (await admin.request.get('/api/admin/org')).json()) as { centers: { id: string; parentId: string | null }[] };
      const made = await admin.request.post('/api/admin/staff', {
        headers: { origin: ctx.baseUrl },
        data: {
          username: 'dual_clerk', initialPassword: 'Dual-clerk-pass-2026', displayName: '兼任监察的窗口人员', role: 'clerk',
          centerId: org.centers.find((c) => c.parentId === null)!.id, departmentId: null, windowId: null, phone: null,
        },
      });
      assert(made.status() === 201, `staff created: ${made.status()} ${await made.text()}`);

      // 人员匹配 on the role's page: 监察人员 held beside the main role.
      const security = await signedIn(ctx, 'secadmin', '/admin/roles');
      await security.getByRole('button', { name: /^人员匹配\s*监察人员$/ }).click();
      const dialog = security.getByRole('dialog', { name: '人员匹配：监察人员' });
      await expect(dialog.getByText('以此为主角色')).toBeVisible();
      await dialog.getByLabel('兼任人员').click();
      await dialog.getByLabel('兼任人员').fill('兼任监察');
      await security.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'dual_clerk' }).click();
      // The administrators of a separated duty are not offered (三员分立).
      await expect(security.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('secadmin')).toHaveCount(0);
      // Closes the list, which covers the dialog's buttons.
      await dialog.getByText('人员匹配：监察人员').click();
      await expect(security.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
      await checkPage(security, 'admin role people');
      await Promise.all([
        security.waitForResponse((r) => r.url().includes('/people') && r.request().method() === 'PUT' && r.status() === 200),
        dialog.getByRole('button', { name: '保存' }).click(),
      ]);
      await expect(dialog).toBeHidden();

      // The clerk signs in in their main role and switches in the header; the supervision platform opens.
      const clerk = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(clerk, 'dual_clerk', 'Dual-clerk-pass-2026');
      await clerk.goto('/workbench');
      const roleSwitch = clerk.getByRole('combobox', { name: '切换角色' });
      await expect(roleSwitch).toBeVisible();
      await expect(clerk.locator('header')).toContainText('窗口人员');
      await checkPage(clerk, 'workbench with a role switch');
      await ctx.shot(clerk, 'roles-switch-workbench');
      await roleSwitch.click();
      await clerk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '监察人员' }).click();
      await expect(clerk.getByText('已切换为“监察人员”').first()).toBeVisible();
      await clerk.waitForURL(/\/supervision/);
      await expect(clerk.locator('.tb-sv-nav')).toBeVisible();
      await checkPage(clerk, 'supervision after a role switch');
      await ctx.shot(clerk, 'roles-switch-supervision');
      const me = (await (await clerk.request.get('/api/auth/me')).json()) as { user: { role: string } };
      assert(me.user.role === 'supervisor', `acting as ${me.user.role}`);

      // And back: the workbench again.
      await clerk.getByRole('combobox', { name: '切换角色' }).click();
      await clerk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '窗口人员' }).click();
      await clerk.waitForURL(/\/workbench/);
      await expect(clerk.getByRole('navigation', { name: '工作台菜单' })).toBeVisible();
    },
  },
];

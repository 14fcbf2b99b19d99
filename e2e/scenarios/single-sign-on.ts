import type { Scenario } from '../run.ts';
import { assert, expect } from '../expect.ts';
import { checkPage } from '../axe.ts';
import { newPerson, signedIn } from '../steps.ts';
import { registerSecondApp, startSecondApp } from '../second-app.ts';

/**
 * 单点登录 (issue #14): the administrator registers a second application on
 * the new 单点登录 page; a staff member opens that application, signs in
 * through Tongban's own sign-in page and is back in it under their name;
 * signing out of Tongban signs them out of the application as well (a
 * back-channel logout token, delivered by the server's worker); signing out
 * from the application (RP-initiated logout) signs them out of Tongban.
 */
export const scenarios: Scenario[] = [
  {
    name: 'single sign-on: a second application signs a staff member in through Tongban and is signed out with it',
    async run(ctx) {
      const rp = await startSecondApp();
      try {
        const admin = await signedIn(ctx, 'admin', '/admin/sso');
        await expect(admin.getByRole('heading', { name: '单点登录 · 接入系统', level: 1 })).toBeVisible();
        await registerSecondApp(admin, rp, ctx.baseUrl);
        await checkPage(admin, 'admin single sign-on');

        // The staff member opens the application, which sends them to Tongban's sign-in page and back.
        const staff = await newPerson(ctx.browser, ctx.baseUrl);
        await staff.goto(`${rp.url}/`);
        await expect(staff.locator('#who')).toContainText('未登录');
        await staff.getByRole('link', { name: '通过通办登录' }).click();
        await expect(staff.getByLabel('用户名')).toBeVisible();
        await staff.getByLabel('用户名').fill('approver');
        await staff.getByLabel('密码').fill('Tongban@2026');
        await staff.getByRole('button', { name: '登录' }).click();
        await expect(staff.locator('#who')).toContainText('已登录：王审批（市场监管）');

        // Signing out of Tongban (the workbench's 退出) signs them out of the application too.
        await staff.goto('/workbench');
        await staff.getByRole('button', { name: '退出' }).click();
        await expect(staff.getByRole('button', { name: '退出' })).toBeHidden();
        await staff.goto(`${rp.url}/`);
        await expect(staff.locator('#who')).toContainText('未登录');
        assert(rp.logouts === 1, `one logout token, saw ${rp.logouts}`);

        // Signed in again, they sign out from the application: Tongban asks, signs them out of itself too, and
        // sends the browser back to the application (the confirmation's form may lead there: its CSP says so).
        await staff.getByRole('link', { name: '通过通办登录' }).click();
        await staff.getByLabel('用户名').fill('approver');
        await staff.getByLabel('密码').fill('Tongban@2026');
        await staff.getByRole('button', { name: '登录' }).click();
        await expect(staff.locator('#who')).toContainText('已登录：王审批（市场监管）');
        await staff.getByRole('link', { name: '退出' }).click();
        await expect(staff.getByRole('heading', { name: '退出通办及所有已登录的系统？' })).toBeVisible();
        await staff.getByRole('button', { name: '退出 · Sign out' }).click();
        await expect(staff.locator('#who')).toContainText('未登录');
        await staff.goto('/workbench');
        await expect(staff.getByLabel('用户名')).toBeVisible();
      } finally {
        await rp.close();
      }
    },
  },
];

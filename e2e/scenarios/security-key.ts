import type { Scenario } from '../run.ts';
import { checkPage } from '../axe.ts';
import { assert, expect, type Page } from '../expect.ts';
import { DEMO_PASSWORD, newPerson, signedIn } from '../steps.ts';

/** The password step of the sign-in form; the second step (两步验证) follows for an account with a second factor. */
async function enterPassword(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '两步验证', level: 1 })).toBeVisible();
}

export const scenarios: Scenario[] = [
  {
    name: 'security key: a new staff member adds a security key (WebAuthn) in the account dialog, signs out, signs in with the password and the key; opened by IP address, keys are refused with a clear message',
    async run(ctx) {
      // A security key is bound to a domain name, and 127.0.0.1 is none: the same server under the name localhost.
      const site = new URL(ctx.baseUrl);
      assert(site.hostname === '127.0.0.1', `the harness serves at 127.0.0.1, saw ${site.hostname}`);
      site.hostname = 'localhost';
      const siteUrl = site.origin;

      // A staff member of their own (scenarios share the server, in any order): made by the administrator through the API.
      const admin = await signedIn(ctx, 'admin');
      const staff = (await (await admin.request.get('/api/admin/staff')).json()) as { items: { username: string; centerId: string }[] };
      const centerId = staff.items.find((s) => s.username === 'admin')!.centerId;
      const departments = (await (await admin.request.get('/api/departments')).json()) as { id: string }[];
      const username = `keyholder_${Date.now().toString(36)}`;
      const created = await admin.request.post('/api/admin/staff', {
        headers: { origin: ctx.baseUrl },
        data: { username, displayName: '密钥测试员', role: 'approver', centerId, departmentId: departments[0]!.id, windowId: null, phone: null, initialPassword: DEMO_PASSWORD },
      });
      assert(created.ok(), `staff member made, saw ${created.status()} ${await created.text()}`);
      await admin.context().close();

      // Chromium's virtual authenticator stands in for the key (a platform one, like a fingerprint reader).
      const person = await newPerson(ctx.browser, siteUrl);
      const cdp = await person.context().newCDPSession(person);
      await cdp.send('WebAuthn.enable');
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
      });
      await person.goto('/login');
      await person.getByLabel('用户名').fill(username);
      await person.getByLabel('密码').fill(DEMO_PASSWORD);
      await person.getByRole('button', { name: '登录' }).click();
      // The workbench's page settled (its code loads after the shell), so the dialog is not opened on a shell about to re-render.
      await expect(person.getByRole('heading', { name: '待办任务' })).toBeVisible();

      await person.getByRole('button', { name: '两步验证' }).click();
      const dialog = person.getByRole('dialog', { name: '两步验证' });
      await expect(dialog.getByRole('heading', { name: '安全密钥（WebAuthn）' })).toBeVisible();
      await expect(dialog).toContainText('还没有安全密钥');
      await dialog.getByLabel('密钥名称').fill('办公电脑指纹');
      await dialog.getByRole('button', { name: '添加安全密钥' }).click();
      await expect(dialog.locator('.ant-list-item')).toHaveCount(1);
      await expect(dialog.locator('.ant-list-item')).toContainText('办公电脑指纹');
      await expect(dialog.locator('.ant-list-item')).toContainText('尚未用于登录');
      await expect(dialog).toContainText('已开启');
      await checkPage(person, 'two-step verification dialog with a security key');
      await ctx.shot(person, 'security-key-1-added');
      await dialog.getByRole('button', { name: /Close|关闭/ }).first().click();
      await person.getByRole('button', { name: '退出' }).click();
      await expect(person.getByRole('button', { name: '退出' })).toBeHidden();

      // The password, then the key instead of a code.
      await enterPassword(person, username);
      await expect(person.getByText('您的账号已登记安全密钥')).toBeVisible();
      await checkPage(person, 'sign-in: security key step');
      await person.getByRole('button', { name: '使用安全密钥' }).click();
      await expect(person.getByRole('heading', { name: '待办任务' })).toBeVisible();
      assert(new URL(person.url()).pathname.startsWith('/workbench'), `signed in to the workbench, at ${person.url()}`);
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      assert(credentials.length === 1 && credentials[0]!.signCount >= 1, `one key, used: ${JSON.stringify(credentials.map((c) => c.signCount))}`);
      await person.getByRole('button', { name: '两步验证' }).click();
      await expect(dialog.locator('.ant-list-item')).toContainText('最近使用');

      // The same account opened by IP address: the key step says to open the site by its domain name.
      const byIp = await newPerson(ctx.browser, ctx.baseUrl);
      await enterPassword(byIp, username);
      await byIp.getByRole('button', { name: '使用安全密钥' }).click();
      await expect(byIp.getByRole('alert')).toContainText('域名');
      await expect(byIp.getByRole('button', { name: '退出' })).toHaveCount(0);
    },
  },
];

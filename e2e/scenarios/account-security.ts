import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Scenario, ScenarioContext } from '../run.ts';
import { checkPage } from '../axe.ts';
import { assert, expect } from '../expect.ts';
import { generate } from 'otplib';
import { DEMO_PASSWORD, logIn, newPerson, signedIn } from '../steps.ts';


/**
 * Another site: a page served on this machine under the name localhost (the app is at 127.0.0.1, and
 * two host names are two sites to a browser). A real loopback server, so that Chromium's
 * private-network rules do not block the frame before the app's own headers are tested.
 */
async function startEvilSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>prize</title><p>win a prize</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Ends every session the person still has from earlier scenarios on this
 * server (they share it, in any order), so the devices a scenario counts are
 * its own: a sign-in, then 退出所有设备 through the API.
 */
async function endEarlierSessions(ctx: ScenarioContext, username: string): Promise<void> {
  const page = await signedIn(ctx, username);
  const res = await page.request.post('/api/auth/logout-everywhere', { headers: { origin: ctx.baseUrl } });
  assert(res.status() === 204, `signed out everywhere, saw ${res.status()}`);
  await page.context().close();
}

export const scenarios: Scenario[] = [
  {
    name: 'account security: the administrator requires two-step verification of an approver, who sets up an authenticator at sign-in, keeps the recovery codes, signs in with one; the administrator resets it',
    async run(ctx) {
      // 公安's approver: an account no other scenario signs in with.
      const admin = await signedIn(ctx, 'admin', '/admin/staff');
      const row = admin.locator('main tr').filter({ hasText: 'approver_gaj' });
      // The list pages by ten: the approver is on the page after the first.
      const showRow = async () => {
        await expect(admin.locator('main tbody tr.ant-table-row').first()).toBeVisible();
        while ((await row.count()) === 0) await admin.locator('main .ant-pagination-next button').click();
      };
      await showRow();
      await row.getByRole('button', { name: /^修改/ }).click();
      const edit = admin.getByRole('dialog', { name: '修改工作人员' });
      await edit.getByRole('switch', { name: '要求两步验证' }).click();
      await edit.getByRole('button', { name: '保存' }).click();
      await expect(row).toContainText('待设置');

      // The first sign-in after: the password, then the QR code to scan and the first code.
      const person = await newPerson(ctx.browser, ctx.baseUrl);
      await person.goto('/login');
      await person.getByLabel('用户名').fill('approver_gaj');
      await person.getByLabel('密码').fill(DEMO_PASSWORD);
      await person.getByRole('button', { name: '登录' }).click();
      await expect(person.getByRole('heading', { name: '两步验证', level: 1 })).toBeVisible();
      await expect(person.getByRole('img', { name: /两步验证二维码/ })).toBeVisible();
      await checkPage(person, 'sign-in: set up two-step verification');
      await ctx.shot(person, 'account-4-enrol');
      const secret = (await person.getByTestId('totp-secret').innerText()).trim();
      await person.getByLabel('动态验证码').fill('000000');
      await person.getByRole('button', { name: '验证并登录' }).click();
      await expect(person.getByRole('alert')).toContainText('不正确');
      await person.getByLabel('动态验证码').fill(await generate({ secret }));
      await person.getByRole('button', { name: '验证并登录' }).click();
      const codes = person.getByRole('dialog', { name: '请保存恢复码' });
      await expect(codes.locator('li')).toHaveCount(10);
      await checkPage(person, 'recovery codes');
      const recovery = (await codes.locator('li').first().innerText()).trim();
      await codes.getByRole('button', { name: '我已保存' }).click();
      await expect(person.getByRole('button', { name: '退出' })).toBeVisible();

      // The header's dialog: on, ten codes, and no way to turn it off (required).
      await person.getByRole('button', { name: '两步验证' }).click();
      const dialog = person.getByRole('dialog', { name: '两步验证' });
      await expect(dialog).toContainText('已开启');
      await expect(dialog).toContainText('剩余恢复码 10 个');
      await expect(dialog).toContainText('不能关闭');
      await expect(dialog.getByRole('button', { name: '关闭身份验证器应用' })).toHaveCount(0);
      await checkPage(person, 'two-step verification dialog');
      await ctx.shot(person, 'account-5-second-factor');
      await dialog.getByRole('button', { name: /Close|关闭/ }).first().click();

      // Another sign-in: the password alone is not enough; a recovery code signs in, once.
      const again = await newPerson(ctx.browser, ctx.baseUrl);
      await again.goto('/login');
      await again.getByLabel('用户名').fill('approver_gaj');
      await again.getByLabel('密码').fill(DEMO_PASSWORD);
      await again.getByRole('button', { name: '登录' }).click();
      await again.getByLabel('动态验证码或恢复码').fill(recovery);
      await again.getByRole('button', { name: '验证并登录' }).click();
      await expect(again.getByRole('button', { name: '退出' })).toBeVisible();

      // A lost phone: the administrator resets it; the person's sessions end.
      await admin.reload();
      await showRow();
      await expect(row).toContainText('已开启');
      await row.getByRole('button', { name: /重置两步验证/ }).click();
      await admin.getByRole('tooltip').getByRole('button', { name: '重置两步验证' }).or(admin.locator('.ant-popconfirm').getByRole('button', { name: '重置两步验证' })).first().click();
      await expect(row).toContainText('待设置');
      await again.goto('/workbench');
      await expect(again.getByRole('button', { name: '登录' })).toBeVisible();
    },
  },
  {
    name: 'account security: an approver sees the devices signed in, signs one out, then signs out everywhere',
    async run(ctx) {
      await endEarlierSessions(ctx, 'approver');
      const desk = await newPerson(ctx.browser, ctx.baseUrl);
      const phone = await signedIn(ctx, 'approver');
      await logIn(desk, 'approver');
      await desk.goto('/workbench');
      await desk.getByRole('button', { name: '在线设备' }).click();
      const dialog = desk.getByRole('dialog', { name: '在线设备与登录会话' });
      await expect(dialog.locator('.tb-session')).toHaveCount(2);
      await expect(dialog.getByText('本设备')).toBeVisible();
      await expect(dialog.getByText(/Chrome · Linux/).first()).toBeVisible();
      await checkPage(desk, 'signed-in devices dialog');
      await ctx.shot(desk, 'account-1-devices');

      // Sign the other device out: its next request finds no session.
      await dialog.locator('.tb-session').filter({ hasNotText: '本设备' }).getByRole('button', { name: '退出该设备' }).click();
      await expect(dialog.locator('.tb-session')).toHaveCount(1);
      await phone.goto('/workbench');
      await expect(phone.getByRole('button', { name: '登录' })).toBeVisible();

      await dialog.getByRole('button', { name: '退出所有设备' }).click();
      await desk.getByRole('button', { name: '确 定' }).or(desk.getByRole('button', { name: '确定' })).click();
      await expect(desk.getByRole('link', { name: '登录' }).first()).toBeVisible();
      await desk.goto('/workbench');
      await expect(desk.getByRole('button', { name: '登录' })).toBeVisible();
    },
  },
  {
    name: 'account security: a staff member changes their password from the header (current one required, 12 characters); their other device is signed out; every shell offers it',
    async run(ctx) {
      // 人社's approver: an account no other scenario signs in with (its password changes here).
      const desk = await newPerson(ctx.browser, ctx.baseUrl);
      const phone = await signedIn(ctx, 'approver_rsj');
      await logIn(desk, 'approver_rsj');
      await desk.goto('/workbench');
      await desk.getByRole('button', { name: '修改密码' }).click();
      const dialog = desk.getByRole('dialog', { name: '修改密码' });
      await expect(dialog.getByText('至少 12 位').first()).toBeVisible();
      await checkPage(desk, 'change password dialog');

      // A wrong current password is refused on its field; a short new one is refused before sending.
      await dialog.getByLabel('当前密码').fill('Not-my-password-1');
      await dialog.getByLabel('新密码', { exact: true }).fill('Renshe-2027-ok!');
      await dialog.getByLabel('确认新密码').fill('Renshe-2027-ok!');
      await dialog.getByRole('button', { name: '确认修改' }).click();
      await expect(dialog.getByText('当前密码不正确')).toBeVisible();
      await dialog.getByLabel('当前密码').fill('Tongban@2026');
      await dialog.getByLabel('新密码', { exact: true }).fill('Renshe-27!');
      await dialog.getByLabel('确认新密码').fill('Renshe-27!');
      await dialog.getByRole('button', { name: '确认修改' }).click();
      await expect(dialog.getByText('新密码至少 12 位')).toBeVisible();
      await checkPage(desk, 'change password dialog with its errors');
      await ctx.shot(desk, 'account-2-password-errors');

      await dialog.getByLabel('新密码', { exact: true }).fill('Renshe-2027-ok!');
      await dialog.getByLabel('确认新密码').fill('Renshe-2027-ok!');
      await dialog.getByRole('button', { name: '确认修改' }).click();
      await expect(desk.getByText('密码已修改，已退出其他 1 处登录').first()).toBeVisible();
      await expect(dialog).toBeHidden();

      // The other device is out; this one stays in; only the new password signs in.
      await phone.goto('/workbench');
      await expect(phone.getByRole('button', { name: '登录' })).toBeVisible();
      await desk.reload();
      await expect(desk.getByRole('button', { name: '修改密码' })).toBeVisible();
      await logIn(phone, 'approver_rsj', 'Renshe-2027-ok!');
      await expect(phone.getByRole('button', { name: '修改密码' })).toBeVisible();

      // Every shell's header has it: the portal, the admin console and the supervision platform.
      for (const [username, path] of [['citizen', '/'], ['admin', '/admin'], ['supervisor2', '/supervision']] as const) {
        const page = await newPerson(ctx.browser, ctx.baseUrl);
        await logIn(page, username);
        await page.goto(path);
        await expect(page.getByRole('button', { name: '修改密码' })).toBeVisible();
        // Signed out again: the next scenario counts the citizen's sessions.
        await page.getByRole('button', { name: '退出' }).click();
        await expect(page.getByRole('button', { name: '修改密码' })).toBeHidden();
      }
    },
  },
  {
    name: 'account security: a citizen finds 在线设备 on the portal; another site can neither write with the session nor frame the pages',
    async run(ctx) {
      await endEarlierSessions(ctx, 'citizen');
      const citizen = await signedIn(ctx, 'citizen');
      await citizen.getByRole('button', { name: '在线设备' }).click();
      await expect(citizen.getByRole('dialog').locator('.tb-session')).toHaveCount(1);
      await checkPage(citizen, 'portal signed-in devices dialog');
      await citizen.keyboard.press('Escape');

      // A page of another site submits a form to the API (riding the citizen's cookie if it could) and frames the portal.
      const evil = await startEvilSite();
      const EVIL = evil.url;
      const attacker = await citizen.context().newPage();
      await attacker.goto(`${EVIL}/`);
      const answer = attacker.waitForResponse((r) => r.url().endsWith('/api/auth/logout-everywhere'));
      await attacker.evaluate(`(() => {
        const f = document.createElement('form');
        f.method = 'POST';
        f.action = ${JSON.stringify(ctx.baseUrl + '/api/auth/logout-everywhere')};
        document.body.appendChild(f);
        f.submit();
      })()`);
      const refused = await answer;
      assert(refused.status() === 403, `a cross-site form post is refused with 403 (got ${refused.status()})`);
      assert((await refused.text()).includes('CROSS_SITE_REQUEST'), 'with the code CROSS_SITE_REQUEST');
      await attacker.goto(`${EVIL}/`);
      await attacker.evaluate(`(() => { const f = document.createElement('iframe'); f.src = ${JSON.stringify(ctx.baseUrl + '/')}; document.body.appendChild(f); })()`);
      await attacker.waitForTimeout(1500);
      const framed = attacker.frames().find((f) => f !== attacker.mainFrame());
      // A blocked frame holds the browser's error page, not the app's root element.
      const rendered = framed ? await framed.evaluate(`!!document.getElementById('root')`).catch(() => false) : false;
      assert(framed !== undefined && rendered === false, `the portal must not render inside another site's frame (frame ${framed?.url()})`);
      await attacker.close();
      await evil.close();

      // The citizen is still signed in: the refused write changed nothing.
      await citizen.reload();
      await expect(citizen.getByRole('button', { name: '退出' })).toBeVisible();
    },
  },
];

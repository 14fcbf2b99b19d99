import { expect, type Page } from './expect.ts';
import type { Browser } from 'playwright-core';

/** Reusable steps of a person using Tongban, in the words the screens use. */

export const DEMO_PASSWORD = 'Tongban@2026';

/** A fresh browser context (own cookies) with a page that fails the test on console errors. */
export async function newPerson(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // 4xx answers the UI handles (e.g. 401 on /api/auth/me when logged out) are logged by the browser; they are expected.
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) errors.push(msg.text());
  });
  (page as Page & { consoleErrors: string[] }).consoleErrors = errors;
  return page;
}

export function consoleErrors(page: Page): string[] {
  return (page as Page & { consoleErrors?: string[] }).consoleErrors ?? [];
}

/** A new person registers an account on the portal (and is logged in); the page is ready for the next step. */
export async function register(page: Page, who: { username: string; name: string; phone: string; password: string }): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('姓名').fill(who.name);
  await page.getByLabel('手机号码').fill(who.phone);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByLabel('确认密码').fill(who.password);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
}

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeHidden();
}

/** A small but real PDF file, as a scanned material would be. */
export function pdfFile(name: string): { name: string; mimeType: string; buffer: Buffer } {
  const body = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body) };
}

/** Uploads a file for one material through the file chooser, as a person does. */
export async function uploadMaterial(page: Page, materialName: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: `选择文件：${materialName}` }).click(),
  ]);
  await chooser.setFiles(pdfFile(`${materialName}.pdf`));
  await expect(page.getByText(`${materialName}.pdf`).first()).toBeVisible();
}

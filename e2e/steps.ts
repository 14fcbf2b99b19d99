import { assert, expect, type Page } from './expect.ts';
import type { Browser } from 'playwright-core';

/** Reusable steps of a person using Tongban, in the words the screens use. */

export const DEMO_PASSWORD = 'Tongban@2026';

interface ConsoleWatch {
  errors: string[];
  expected: RegExp[];
}

/** Every page newPerson made since the harness last took them: it checks each for console errors after the scenario. */
const watched: Page[] = [];

const watchOf = (page: Page): ConsoleWatch | undefined => (page as Page & { consoleWatch?: ConsoleWatch }).consoleWatch;

/**
 * A fresh browser context (own cookies) with a page whose console errors and
 * uncaught exceptions are recorded; the harness fails the scenario on any
 * (e2e/run.ts), so scenarios do not check them one by one.
 */
export async function newPerson(browser: Browser, baseUrl: string): Promise<Page> {
  // Reduced motion, as a person may ask of their system: no dialog is still zooming open when it is clicked.
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const watch: ConsoleWatch = { errors: [], expected: [] };
  const record = (text: string) => {
    if (!watch.expected.some((p) => p.test(text))) watch.errors.push(text);
  };
  page.on('pageerror', (err) => record(err.message));
  page.on('console', (msg) => {
    // 4xx answers the UI handles (e.g. 401 on /api/auth/me when logged out) are logged by the browser; they are expected.
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) record(msg.text());
  });
  (page as Page & { consoleWatch: ConsoleWatch }).consoleWatch = watch;
  watched.push(page);
  return page;
}

/** The console errors and uncaught exceptions the page has shown, but those declared expected. */
export function consoleErrors(page: Page): string[] {
  return watchOf(page)?.errors ?? [];
}

/** Fails when the page has shown a console error or an uncaught exception (`when` says at which point of the scenario). */
export function assertNoConsoleErrors(page: Page, when: string): void {
  const errors = consoleErrors(page);
  assert(errors.length === 0, `console errors ${when}: ${errors.join(' | ')}`);
}

/** From now on, console errors matching `pattern` on this page are expected: a scenario that provokes one on purpose says so. */
export function expectConsoleErrors(page: Page, pattern: RegExp): void {
  watchOf(page)?.expected.push(pattern);
}

/** The pages made since the last call (the harness checks them after each scenario). */
export function takeWatchedPages(): Page[] {
  return watched.splice(0);
}

/**
 * Chooses `text` in the antd select labelled `label` inside an open dialog:
 * opens it, types to filter long lists (`search`), clicks the option, closes
 * the list, and checks the choice shows in the field — trying again when a
 * click landed while the list was still opening.
 */
export async function chooseInDialog(page: Page, label: string, text: string, opts: { search?: boolean; exact?: boolean } = {}): Promise<void> {
  const field = page.getByLabel(label, { exact: opts.exact ?? false });
  // The field shows the choice as text (a tag in a multiple select); what is typed to search is an input's value, not text.
  const chosen = page.locator('.ant-modal .ant-select').filter({ has: field }).filter({ hasText: text });
  for (let attempt = 0; attempt < 3; attempt++) {
    await field.click();
    if (opts.search) await page.keyboard.type(text);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
    await option.waitFor();
    // The list slides open; a click during the motion can miss.
    await page.waitForTimeout(200);
    await option.click();
    // A multiple select stays open: close it by clicking the dialog's title.
    await page.locator('.ant-modal-title').last().click();
    for (let i = 0; i < 20; i++) {
      if (await chosen.first().isVisible().catch(() => false)) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`could not choose ${text} in ${label}`);
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

/** A new person (own browser context) signed in as `username` with the demo password, on `path` when given. */
export async function signedIn(ctx: { browser: Browser; baseUrl: string }, username: string, path?: string): Promise<Page> {
  const page = await newPerson(ctx.browser, ctx.baseUrl);
  await logIn(page, username);
  if (path) await page.goto(path);
  return page;
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
  // The file's name shows while it is still uploading: the step ends once the server has stored it,
  // so a draft saved next keeps it.
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/uploads' && r.request().method() === 'POST' && r.ok()),
    chooser.setFiles(pdfFile(`${materialName}.pdf`)),
  ]);
  await expect(page.getByText(`${materialName}.pdf`).first()).toBeVisible();
}

/** The citizen's application through the API in their own browser session (the portal form is other scenarios' subject). */
export async function submitByApi(citizen: Page, itemCode: string): Promise<{ id: string; caseNo: string }> {
  const items = (await (await citizen.request.get('/api/items')).json()) as { id: string; code: string }[] | { items: { id: string; code: string }[] };
  const list = Array.isArray(items) ? items : items.items;
  const itemId = list.find((i) => i.code === itemCode)!.id;
  const item = (await (await citizen.request.get(`/api/items/${itemId}`)).json()) as {
    formFields: { key: string; type: string; required: boolean }[];
    materials: { id: string; name: string; required: boolean }[];
  };
  const formData: Record<string, string | number> = {};
  for (const f of item.formFields) {
    if (!f.required) continue;
    formData[f.key] = f.type === 'number' ? 3200 : f.type === 'phone' ? '13700003333' : f.type === 'date' ? '2026-12-01' : '云帆智能装备产业园';
  }
  const materials = [];
  for (const m of item.materials.filter((x) => x.required)) {
    const up = await citizen.request.post('/api/uploads', { multipart: { file: pdfFile(`${m.name}.pdf`) } });
    assert(up.status() === 201, `upload ${m.name}: ${up.status()} ${await up.text()}`);
    materials.push({ materialId: m.id, uploadId: ((await up.json()) as { id: string }).id });
  }
  const res = await citizen.request.post('/api/cases', { data: { itemId, formData, materials, idempotencyKey: `e2e-${itemCode}-${Date.now()}` } });
  assert(res.status() === 201, `submit ${itemCode}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { id: string; caseNo: string };
}

/** Opens a case from a workbench list (the intake queue, the to-do list …) by its number. */
export async function openCase(page: Page, list: string, caseNo: string): Promise<void> {
  await page.goto(list);
  await page.getByRole('row').filter({ hasText: caseNo }).getByRole('link').first().click();
}

/** On an open case page, the approver's decision: the opinion, then 准予许可. */
export async function approveOpenCase(page: Page, opinion: string): Promise<void> {
  await page.getByLabel('审批意见').fill(opinion);
  await page.getByRole('button', { name: '准予许可' }).click();
}

/** An approver opens the case from their to-do list and approves their step with an opinion. */
export async function approveFromTasks(page: Page, caseNo: string, opinion: string): Promise<void> {
  await openCase(page, '/workbench/tasks', caseNo);
  await approveOpenCase(page, opinion);
}

/** The window clerk accepts the application from the intake queue. */
export async function acceptAtIntake(clerk: Page, caseNo: string): Promise<void> {
  await openCase(clerk, '/workbench/intake', caseNo);
  await clerk.getByRole('button', { name: '受理', exact: true }).click();
  await expect(clerk.getByText('审批中').first()).toBeVisible();
}

export const FOOD_LICENCE = '食品经营许可（新办）';
export const FOOD_LICENCE_MATERIALS = ['食品经营许可申请书', '营业执照复印件', '与食品经营相适应的主要设备设施布局、操作流程等文件'];

/**
 * Types words into the home page's item search and waits until the table has
 * filtered to them (it does after a pause in typing and the server's answer;
 * a row clicked before then may move away under the click).
 */
export async function filterHomeItems(page: Page, words: string): Promise<void> {
  await page.getByLabel('搜索事项').fill(words);
  await expect(page.locator('.tb-home-items[aria-busy="false"]')).toBeVisible();
}

/**
 * A citizen registers and applies for the food business licence on the portal
 * form with every material; returns the page and the case number and query
 * code the success message shows.
 */
export async function applyForFoodLicence(
  browser: Browser, baseUrl: string,
  who: { username: string; name: string; phone: string; password: string; shop: string; address: string },
): Promise<{ citizen: Page; caseNo: string; queryCode: string }> {
  const citizen = await newPerson(browser, baseUrl);
  await register(citizen, { username: who.username, name: who.name, phone: who.phone, password: who.password });
  await citizen.goto('/');
  await filterHomeItems(citizen, '食品经营');
  await citizen.getByRole('link', { name: FOOD_LICENCE }).click();
  await expect(citizen.getByRole('heading', { name: FOOD_LICENCE })).toBeVisible();
  await citizen.getByLabel('申请人姓名/名称').fill(who.shop);
  await citizen.getByLabel('联系电话').fill(who.phone);
  await citizen.getByLabel('经营场所地址').fill(who.address);
  await citizen.getByLabel('经营项目').fill('热食类食品制售');
  for (const m of FOOD_LICENCE_MATERIALS) await uploadMaterial(citizen, m);
  await submitApplicationForm(citizen);
  const [caseNo, queryCode] = (await citizen.locator('.tb-case-number').allInnerTexts()).map((x) => x.trim());
  assert(/^\d{8}-SCJG-\d{4}$/.test(caseNo ?? ''), `case number shown: ${caseNo}`);
  assert(/^[A-Z2-9]{10}$/.test(queryCode ?? ''), `query code shown: ${queryCode}`);
  return { citizen, caseNo: caseNo!, queryCode: queryCode! };
}

/**
 * Submits the application form on `page` (提交申请) and waits for the answer
 * 申请已提交. A click under load is now and then lost (nothing is sent, no
 * message shown); it is clicked again then, up to three times, never once the
 * submission was sent (the form's idempotency key would keep a second one from
 * making a second case anyway). For a form that passes its own checks.
 */
export async function submitApplicationForm(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: '提交申请' });
  const sent = (r: import('playwright-core').Request) =>
    r.method() === 'POST' && (new URL(r.url()).pathname === '/api/cases' || /^\/api\/portal\/drafts\/[^/]+\/submit$/.test(new URL(r.url()).pathname));
  for (let attempt = 0; ; attempt++) {
    const request = page.waitForRequest(sent, { timeout: 5_000 }).then(() => true, () => false);
    await button.click();
    if (await request) break;
    if (attempt === 2) throw new Error('提交申请 sent nothing after three clicks');
  }
  await expect(page.getByRole('status').filter({ hasText: '申请已提交' })).toBeVisible();
}

/**
 * Clicks a dialog's confirming button (`name`) and waits for the dialog to
 * close. Under load a click during the dialog's opening motion is now and
 * then lost: the dialog stays open and nothing is sent. It is clicked again
 * then, never while the button shows that its request is under way. For
 * confirmations that close the dialog (a refusal by the server closes it
 * too); not for a form left open by its own validation.
 */
export async function confirmDialog(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name });
  for (let attempt = 0; attempt < 3; attempt++) {
    await button.click();
    if (await button.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) return;
    if ((await button.getAttribute('class'))?.includes('ant-btn-loading')) {
      await button.waitFor({ state: 'hidden', timeout: 30_000 });
      return;
    }
  }
  throw new Error(`the dialog of ${name} stayed open after three clicks`);
}


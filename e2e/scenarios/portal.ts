import type { Page } from 'playwright-core';
import type { Scenario, ScenarioContext } from '../run.ts';
import { checkKeyboard, checkPage } from '../axe.ts';
import { assert, expect } from '../expect.ts';
import { consoleErrors, logIn, newPerson, uploadMaterial } from '../steps.ts';

const FOOD = '食品经营许可（新办）';
const FOOD_MATERIALS = ['食品经营许可申请书', '营业执照复印件', '与食品经营相适应的主要设备设施布局、操作流程等文件'];

/** Waits longer than `expect` for a step that runs a server transaction on a busy machine. */
async function eventually(page: Page, locator: ReturnType<Page['getByRole']>) {
  await locator.first().waitFor({ state: 'visible', timeout: 30_000 });
}

function noConsoleErrors(...pages: Page[]) {
  for (const page of pages) assert(consoleErrors(page).length === 0, `console errors: ${consoleErrors(page).join('; ')}`);
}

/** Opens an item's guide from the home page's search box, typing its pinyin initials. */
async function openItemByPinyin(page: Page, initials: string, name: string) {
  await page.goto('/');
  await page.getByLabel('搜索事项').fill(initials);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page.getByText(/搜索结果：共 \d+ 个事项/)).toBeVisible();
  await expect(page.getByText('拼音首字母匹配').first()).toBeVisible();
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Concludes a case through the API as the clerk (受理) and the department's approver (准予许可). */
async function concludeCase(ctx: ScenarioContext, caseNo: string) {
  const clerk = await newPerson(ctx.browser, ctx.baseUrl);
  await logIn(clerk, 'clerk');
  const intake = (await (await clerk.request.get('/api/cases?scope=intake')).json()) as { items: { id: string; caseNo: string }[] };
  const c = intake.items.find((i) => i.caseNo === caseNo);
  assert(c, `case ${caseNo} in the intake queue`);
  assert((await clerk.request.post(`/api/cases/${c.id}/accept`, { data: {} })).ok(), 'accepted');
  const approver = await newPerson(ctx.browser, ctx.baseUrl);
  await logIn(approver, 'approver');
  const tasks = (await (await approver.request.get('/api/tasks')).json()) as { items: { id: string; caseId: string }[] };
  const task = tasks.items.find((t) => t.caseId === c.id);
  assert(task, 'an approval task for the case');
  const done = await approver.request.post(`/api/tasks/${task.id}/complete`, { data: { outcome: 'approved', opinion: '材料齐全，准予许可。' } });
  assert(done.ok(), `approved: ${await done.text()}`);
  return c.id;
}

export const scenarios: Scenario[] = [
  {
    name: 'portal: a citizen saves a draft, logs out, resumes it after logging in, submits, and rates the concluded case',
    async run(ctx) {
      const citizen = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(citizen, 'citizen');
      await openItemByPinyin(citizen, 'spjy', FOOD);
      await citizen.getByLabel('申请人姓名/名称').fill('张记面馆');
      await citizen.getByLabel('联系电话').fill('13912345678');
      await uploadMaterial(citizen, FOOD_MATERIALS[0]!);
      await citizen.getByRole('button', { name: '保存草稿' }).click();
      await expect(citizen.getByText(/草稿已保存/).first()).toBeVisible();
      await ctx.shot(citizen, 'portal-1-draft-saved');

      // Log out, log in again: the draft is on the server.
      await citizen.getByRole('button', { name: '退出' }).click();
      await expect(citizen.getByRole('link', { name: '登录' }).first()).toBeVisible();
      await logIn(citizen, 'citizen');
      await citizen.goto('/my/drafts');
      await expect(citizen.getByRole('heading', { name: FOOD })).toBeVisible();
      await checkPage(citizen, 'my drafts');
      await citizen.getByRole('link', { name: `继续填写：${FOOD}` }).click();
      await expect(citizen.getByText(/已恢复您保存的草稿/)).toBeVisible();
      assert((await citizen.getByLabel('申请人姓名/名称').inputValue()) === '张记面馆', 'the saved name is back');
      await expect(citizen.getByText(`${FOOD_MATERIALS[0]}.pdf`).first()).toBeVisible();
      await checkPage(citizen, 'apply form with a restored draft');

      await citizen.getByLabel('经营场所地址').fill('示范县解放路 3 号');
      await citizen.getByLabel('经营项目').fill('面食制售');
      for (const m of FOOD_MATERIALS.slice(1)) await uploadMaterial(citizen, m);
      await citizen.getByRole('button', { name: '提交申请' }).click();
      await eventually(citizen, citizen.getByRole('status').filter({ hasText: '申请已提交' }));
      const caseNo = (await citizen.locator('.tb-case-number').first().innerText()).trim();
      await citizen.goto('/my/drafts');
      await expect(citizen.getByText('没有草稿')).toBeVisible();

      // The case concludes; the citizen rates it on the case page.
      const caseId = await concludeCase(ctx, caseNo);
      await citizen.goto('/my/cases');
      await checkPage(citizen, 'my cases');
      await citizen.getByRole('link', { name: caseNo }).click();
      await expect(citizen.getByRole('heading', { name: '评价（好差评）' })).toBeVisible();
      await checkPage(citizen, 'case detail with the rating form');
      await citizen.locator('label').filter({ hasText: /^不满意$/ }).click();
      await citizen.getByRole('button', { name: '提交评价' }).click();
      await expect(citizen.getByText('选择“不满意”或“非常不满意”时，请填写原因')).toBeVisible();
      await citizen.locator('label').filter({ hasText: /^满意$/ }).click();
      await citizen.getByLabel('评价内容（选填）').fill('窗口指导耐心。');
      await citizen.getByRole('button', { name: '提交评价' }).click();
      await expect(citizen.getByRole('status').filter({ hasText: '您的评价' })).toBeVisible();
      await expect(citizen.getByText('窗口指导耐心。').first()).toBeVisible();
      const rating = (await (await citizen.request.get(`/api/portal/cases/${caseId}/rating`)).json()) as { rating: { level: string } };
      assert(rating.rating.level === 'satisfied', `stored rating ${JSON.stringify(rating)}`);
      await ctx.shot(citizen, 'portal-2-rated');

      // The concluded case appears in the public results list, number masked, no name.
      const visitor = await newPerson(ctx.browser, ctx.baseUrl);
      await visitor.goto('/results');
      const masked = `${caseNo.slice(0, 4)}****-SCJG-**${caseNo.slice(-2)}`;
      await expect(visitor.getByRole('row').filter({ hasText: masked })).toBeVisible();
      await expect(visitor.getByText('张记面馆')).toHaveCount(0);
      noConsoleErrors(citizen, visitor);
    },
  },
  {
    name: 'portal: a citizen consults about an item, the department answers in the workbench, the citizen reads the answer',
    async run(ctx) {
      const citizen = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(citizen, 'citizen');
      await citizen.goto('/consult');
      await citizen.getByLabel('涉及事项').click();
      await citizen.getByLabel('涉及事项').fill('食品经营');
      await citizen.locator('.ant-select-item-option').filter({ hasText: '食品经营许可（新办）' }).click();
      await citizen.getByLabel('标题').fill('小吃店面积要求');
      await citizen.getByLabel('内容').fill('二十平方米的小吃店可以申请食品经营许可吗？');
      await citizen.getByRole('button', { name: '提交', exact: true }).click();
      await eventually(citizen, citizen.getByRole('status').filter({ hasText: '提交成功' }));
      const ticketNo = (await citizen.locator('.tb-case-number').first().innerText()).trim();
      assert(/^ZX\d{8}-\d{4}$/.test(ticketNo), `ticket number ${ticketNo}`);

      const approver = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(approver, 'approver');
      await approver.goto('/workbench');
      await approver.getByRole('link', { name: '咨询投诉' }).click();
      await approver.getByRole('button', { name: `答复 ${ticketNo}` }).click();
      await expect(approver.getByText('二十平方米的小吃店可以申请食品经营许可吗？')).toBeVisible();
      await approver.getByLabel('答复内容').fill('可以。食品经营许可对面积没有统一下限，按经营项目核查布局。');
      await approver.getByRole('button', { name: '发送答复' }).click();
      await expect(approver.getByText(`已答复 ${ticketNo}`).first()).toBeVisible();
      await ctx.shot(approver, 'portal-3-answered');

      // Another department does not see it.
      const other = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(other, 'approver_wjw');
      await other.goto('/workbench/consultations');
      await other.locator('label').filter({ hasText: /^全部$/ }).click();
      await expect(other.getByText('没有咨询或投诉')).toBeVisible();

      await citizen.goto('/my/messages');
      await expect(citizen.getByText('可以。食品经营许可对面积没有统一下限，按经营项目核查布局。')).toBeVisible();
      await checkPage(citizen, 'my consultations');
      noConsoleErrors(citizen, approver, other);
    },
  },
  {
    name: 'portal: every public page passes axe and reflows at 320 px; news written in the admin console shows as text',
    async run(ctx) {
      // The administrator publishes a notice whose body tries to inject HTML.
      const admin = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(admin, 'admin');
      await admin.goto('/admin/portal');
      await admin.getByRole('button', { name: '新建文章' }).click();
      await admin.getByLabel('标题').fill('关于国庆期间窗口服务时间的通知');
      await admin.getByLabel('正文').fill('# 服务时间\n国庆期间 **综合窗口** 照常受理。\n- 上午 9:00—12:00\n- 下午 13:30—17:00\n<img src=x onerror=alert(1)>');
      await admin.getByRole('button', { name: '保存' }).click();
      await expect(admin.getByText('已保存').first()).toBeVisible();
      await expect(admin.getByRole('row').filter({ hasText: '关于国庆期间窗口服务时间的通知' })).toBeVisible();

      const visitor = await newPerson(ctx.browser, ctx.baseUrl);
      await visitor.goto('/');
      await expect(visitor.getByRole('link', { name: '关于国庆期间窗口服务时间的通知' })).toBeVisible();
      await checkPage(visitor, 'home');
      // Keyboard: the skip link first, then the navigation, the news and the search, each with a visible focus ring.
      const reached = await checkKeyboard(visitor, 'home', 25);
      assert(reached[0] === '跳到主要内容', `first tab stop: ${reached[0]}`);
      assert(reached.includes('搜索事项') || reached.some((r) => r.includes('输入事项名称')), `search field reachable by keyboard: ${reached.join(' | ')}`);
      await visitor.getByRole('link', { name: '关于国庆期间窗口服务时间的通知' }).click();
      await expect(visitor.getByRole('heading', { name: '服务时间' })).toBeVisible();
      await expect(visitor.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
      assert((await visitor.locator('.tb-article-body img').count()) === 0, 'no element made from the body');
      await checkPage(visitor, 'article');
      await visitor.goto('/news');
      await checkPage(visitor, 'news list');

      // Pinyin initials find 医疗机构执业登记.
      await visitor.goto('/');
      await visitor.getByLabel('搜索事项').fill('yljg');
      await visitor.getByLabel('搜索事项').press('Enter');
      await expect(visitor.getByRole('link', { name: '医疗机构执业登记' })).toBeVisible();
      await checkPage(visitor, 'search results');
      await visitor.getByRole('link', { name: '医疗机构执业登记' }).click();
      await expect(visitor.getByRole('heading', { name: '医疗机构执业登记', level: 1 })).toBeVisible();
      await checkPage(visitor, 'item guide');

      await visitor.goto('/results');
      await checkPage(visitor, 'results list');
      await visitor.goto('/progress');
      await checkPage(visitor, 'progress lookup');
      await visitor.goto('/login');
      await checkPage(visitor, 'login');
      await visitor.goto('/register');
      await checkPage(visitor, 'register');

      // An anonymous complaint needs a phone; the answer is read with the ticket number and query code.
      await visitor.goto('/consult');
      await checkPage(visitor, 'consultation');
      await checkKeyboard(visitor, 'consultation', 20);
      await visitor.locator('label').filter({ hasText: /^投诉$/ }).click();
      await visitor.getByLabel('涉及部门').click();
      await visitor.locator('.ant-select-item-option').filter({ hasText: '卫生健康委员会' }).click();
      await visitor.getByLabel('标题').fill('窗口等候时间长');
      await visitor.getByLabel('内容').fill('上午排队一个多小时。');
      await visitor.getByRole('button', { name: '提交', exact: true }).click();
      await expect(visitor.getByText('未登录提交须填写联系电话')).toBeVisible();
      await checkPage(visitor, 'consultation with errors');
      await visitor.getByLabel('联系电话').fill('13800138000');
      await visitor.getByRole('button', { name: '提交', exact: true }).click();
      await eventually(visitor, visitor.getByRole('status').filter({ hasText: '提交成功' }));
      const [ticketNo, queryCode] = (await visitor.locator('.tb-case-number').allInnerTexts()).map((s) => s.trim());
      await visitor.getByLabel('受理编号').fill(ticketNo!);
      await visitor.getByLabel('查询码').fill(queryCode!);
      await visitor.getByRole('button', { name: '查询', exact: true }).click();
      await expect(visitor.getByText('部门尚未答复', { exact: false }).first()).toBeVisible();

      // The pages behind login: apply form, drafts, my cases, case detail.
      const citizen = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(citizen, 'citizen');
      await openItemByPinyin(citizen, 'gtgsh', '个体工商户设立登记');
      await checkPage(citizen, 'apply form');
      await citizen.goto('/my/drafts');
      await checkPage(citizen, 'my drafts (empty)');
      await citizen.goto('/my/messages');
      await checkPage(citizen, 'my consultations (empty)');
      await citizen.goto('/my/cases');
      await checkPage(citizen, 'my cases (empty)');
      noConsoleErrors(admin, visitor, citizen);
    },
  },
];

import type { Page } from 'playwright-core';
import type { Scenario, ScenarioContext } from '../run.ts';
import { checkKeyboard, checkPage } from '../axe.ts';
import { assert, expect } from '../expect.ts';
import { logIn, newPerson, signedIn, submitApplicationForm, uploadMaterial } from '../steps.ts';

const FOOD = '食品经营许可（新办）';
const FOOD_MATERIALS = ['食品经营许可申请书', '营业执照复印件', '与食品经营相适应的主要设备设施布局、操作流程等文件'];

/** Waits longer than `expect` for a step that runs a server transaction on a busy machine. */
async function eventually(page: Page, locator: ReturnType<Page['getByRole']>) {
  await locator.first().waitFor({ state: 'visible', timeout: 30_000 });
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

const ID_RENEWAL = '居民身份证换领';

/** Opens an item's guide straight from the public item list, by its name; returns the item's id. */
async function openGuide(page: Page, name: string): Promise<string> {
  const items = (await (await page.request.get('/api/items')).json()) as { id: string; name: string }[];
  const item = items.find((i) => i.name === name);
  assert(item, `demo item ${name}`);
  await page.goto(`/items/${item.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return item.id;
}

/** Concludes a case through the API as the clerk (受理) and the department's approver (准予许可). */
async function concludeCase(ctx: ScenarioContext, caseNo: string) {
  const clerk = await signedIn(ctx, 'clerk');
  const intake = (await (await clerk.request.get('/api/cases?scope=intake')).json()) as { items: { id: string; caseNo: string }[] };
  const c = intake.items.find((i) => i.caseNo === caseNo);
  assert(c, `case ${caseNo} in the intake queue`);
  assert((await clerk.request.post(`/api/cases/${c.id}/accept`, { data: {} })).ok(), 'accepted');
  const approver = await signedIn(ctx, 'approver');
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
      const citizen = await signedIn(ctx, 'citizen');
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
      await submitApplicationForm(citizen);
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
    },
  },
  {
    name: 'portal: a citizen consults about an item, the department answers in the workbench, the citizen reads the answer',
    async run(ctx) {
      const citizen = await signedIn(ctx, 'citizen', '/consult');
      await citizen.getByLabel('涉及事项').click();
      await citizen.getByLabel('涉及事项').fill('食品经营');
      await citizen.locator('.ant-select-item-option').filter({ hasText: '食品经营许可（新办）' }).click();
      await citizen.getByLabel('标题').fill('小吃店面积要求');
      await citizen.getByLabel('内容').fill('二十平方米的小吃店可以申请食品经营许可吗？');
      await citizen.getByRole('button', { name: '提交', exact: true }).click();
      await eventually(citizen, citizen.getByRole('status').filter({ hasText: '提交成功' }));
      const ticketNo = (await citizen.locator('.tb-case-number').first().innerText()).trim();
      assert(/^ZX\d{8}-\d{4}$/.test(ticketNo), `ticket number ${ticketNo}`);

      const approver = await signedIn(ctx, 'approver', '/workbench');
      await approver.getByRole('link', { name: '咨询投诉' }).click();
      await approver.getByRole('button', { name: `答复 ${ticketNo}` }).click();
      await expect(approver.getByText('二十平方米的小吃店可以申请食品经营许可吗？')).toBeVisible();
      await approver.getByLabel('答复内容').fill('可以。食品经营许可对面积没有统一下限，按经营项目核查布局。');
      await approver.getByRole('button', { name: '发送答复' }).click();
      await expect(approver.getByText(`已答复 ${ticketNo}`).first()).toBeVisible();
      await ctx.shot(approver, 'portal-3-answered');

      // Another department does not see it.
      const other = await signedIn(ctx, 'approver_wjw', '/workbench/consultations');
      await other.locator('label').filter({ hasText: /^全部$/ }).click();
      // Scenarios share one server in any order: the list may hold the department's own
      // tickets (a complaint from the public pages' scenario), never this one.
      await expect(other.getByText('没有咨询或投诉').or(other.getByRole('button', { name: /^(答复|查看) (ZX|TS)/ }))).toBeVisible();
      await expect(other.getByText(ticketNo)).toHaveCount(0);

      await citizen.goto('/my/messages');
      await expect(citizen.getByText('可以。食品经营许可对面积没有统一下限，按经营项目核查布局。')).toBeVisible();
      await checkPage(citizen, 'my consultations');
    },
  },
  {
    name: 'portal: every public page passes axe and reflows at 320 px; news written in the admin console shows as text',
    long: true,
    async run(ctx) {
      // The administrator publishes a notice whose body tries to inject HTML.
      const admin = await signedIn(ctx, 'admin', '/admin/portal');
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

      // The whole guide of 居民身份证换领 (natural days, a fee, an e-licence, a conditional material), read as the public.
      const renewalId = await openGuide(visitor, ID_RENEWAL);
      const renewal = (await (await visitor.request.get(`/api/items/${renewalId}`)).json()) as {
        handlingCode: string | null; code: string; categoryName: string | null; materials: { name: string; copies: number }[];
      };
      await expect(visitor.getByRole('heading', { name: '基本信息', level: 2 })).toBeVisible();
      await expect(visitor.getByText(renewal.handlingCode ?? renewal.code, { exact: true })).toBeVisible();
      if (renewal.categoryName) await expect(visitor.getByText(renewal.categoryName, { exact: true })).toBeVisible();
      await expect(visitor.getByText('60 个自然日', { exact: true })).toBeVisible();
      await expect(visitor.getByText('20 个自然日', { exact: true })).toBeVisible();
      await expect(visitor.getByRole('heading', { name: '受理条件', level: 2 })).toBeVisible();
      await expect(visitor.getByText('本县常住户口居民，居民身份证有效期满（可在期满前 3 个月内申请）、严重损坏或登记项目变更。')).toBeVisible();
      await expect(visitor.getByText('示范县政务服务中心（人民路 88 号）1 号、2 号综合受理窗口')).toBeVisible();
      await expect(visitor.getByText('工作日 上午 9:00—12:00，下午 13:30—17:00（法定节假日除外）')).toBeVisible();
      const enquiries = visitor.getByRole('link', { name: '拨打咨询电话 0571-12345110' });
      await expect(enquiries).toBeVisible();
      assert((await enquiries.getAttribute('href')) === 'tel:057112345110', 'the enquiry number is a tel: link');
      assert((await visitor.getByRole('link', { name: '拨打监督投诉电话 12345' }).getAttribute('href')) === 'tel:12345', 'the complaint number is a tel: link');
      const fee = visitor.locator('.tb-fee-list li').filter({ hasText: '居民身份证工本费' });
      await expect(fee).toContainText('20.00 元');
      await expect(fee).toContainText('收费依据：《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）');
      const book = visitor.getByRole('row').filter({ hasText: '居民户口簿' });
      for (const text of ['原件', '纸质件', '必需', '可用电子证照：居民户口簿']) await expect(book).toContainText(text);
      // Columns: 序号, 材料名称, 原件/复印件, 份数, …
      const bookCopies = renewal.materials.find((m) => m.name === '居民户口簿')?.copies;
      assert((await book.getByRole('cell').nth(3).innerText()).trim() === String(bookCopies), `copies of 居民户口簿: ${bookCopies}`);
      const photo = visitor.getByRole('row').filter({ hasText: '数码相片回执' });
      for (const text of ['电子件', '按条件提交', '适用情形：未在窗口现场采集人像的']) await expect(photo).toContainText(text);
      await expect(visitor.getByText('《中华人民共和国居民身份证法》第十一条、第十二条')).toBeVisible();
      await ctx.shot(visitor, 'portal-4-guide');
      await checkPage(visitor, 'item guide with fees and conditional materials');
      // On a phone the materials are a list that keeps every detail.
      await visitor.setViewportSize({ width: 320, height: 800 });
      const photoItem = visitor.locator('.tb-material-list li').filter({ hasText: '数码相片回执' });
      for (const text of ['电子件', '按条件提交', '适用情形：未在窗口现场采集人像的', '原件']) await expect(photoItem).toContainText(text);
      await ctx.shot(visitor, 'portal-5-guide-320');
      await visitor.setViewportSize({ width: 1280, height: 900 });

      // 户口迁入 counts in natural days; a material needed only in some cases says when.
      await openGuide(visitor, '户口迁入（投靠类）');
      await expect(visitor.getByText('20 个自然日', { exact: true })).toBeVisible();
      await expect(visitor.getByText('10 个自然日', { exact: true })).toBeVisible();
      await expect(visitor.getByText(/个工作日/)).toHaveCount(0);
      const kinship = visitor.getByRole('row').filter({ hasText: '亲属关系证明' });
      for (const text of ['原件和复印件', '纸质件', '按条件提交', '适用情形：户口簿不能证明亲属关系的，提供结婚证或出生医学证明']) await expect(kinship).toContainText(text);

      // 容缺受理: the item says so, and the material that may be owed is marked in words.
      await openGuide(visitor, '药品零售企业经营许可');
      await expect(visitor.getByText('本事项支持容缺受理', { exact: false })).toBeVisible();
      await expect(visitor.getByRole('row').filter({ hasText: '执业药师注册证及身份证明' })).toContainText('可容缺');

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
      const citizen = await signedIn(ctx, 'citizen');
      await openItemByPinyin(citizen, 'gtgsh', '个体工商户设立登记');
      await checkPage(citizen, 'apply form');
      await citizen.goto('/my/drafts');
      await checkPage(citizen, 'my drafts (empty)');
      await citizen.goto('/my/messages');
      await checkPage(citizen, 'my consultations (empty)');
      await citizen.goto('/my/cases');
      await checkPage(citizen, 'my cases (empty)');
    },
  },
];

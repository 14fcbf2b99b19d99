import type { Scenario } from '../run.ts';
import type { Page } from '../expect.ts';
import { assert, expect } from '../expect.ts';
import { creditCodeCheckChar } from '../../shared/identity.ts';
import { signedIn } from '../steps.ts';
import { assertNoticeSays, followQr, readNotice } from '../notices.ts';

// A fresh enterprise each run: 91 (enterprise), 330106 (region), organisation code, check character.
const BODY = `91330106MA27${String(Date.now()).slice(-5)}`;
const CODE = BODY + creditCodeCheckChar(BODY);
const WRONG = BODY + (CODE.endsWith('0') ? '1' : '0');
const COMPANY = '示范县云帆智造有限公司';

async function startWalkIn(page: Page, itemName: string): Promise<void> {
  await page.goto('/workbench/walk-in');
  await expect(page.getByRole('heading', { name: '窗口接件登记' })).toBeVisible();
  await page.getByLabel('办理事项').click();
  await page.getByLabel('办理事项').fill(itemName);
  await page.keyboard.press('Enter');
  await expect(page.getByTitle(new RegExp(`^${itemName.replace(/[()（）]/g, '.')}`))).toBeVisible();
}

async function lookUp(page: Page, code: string): Promise<void> {
  await page.getByLabel('申请人统一社会信用代码').fill(code);
  await page.getByRole('button', { name: '查询档案' }).click();
}

/** Checks every material on the case page; `missing` ones are recorded as 缺件. */
async function checkMaterials(page: Page, missing: string[] = []): Promise<void> {
  const selects = page.getByRole('combobox', { name: /^核验结果：/ });
  await expect(selects.first()).toBeVisible();
  const labels = await selects.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  for (const label of labels) {
    // Keyboard, as a clerk at speed does: the list opens on 已收到, 缺件 is one below.
    const select = page.getByRole('combobox', { name: label });
    await select.focus();
    await page.keyboard.press('Enter');
    if (missing.some((m) => label.endsWith(m))) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('.ant-table-row').filter({ hasText: label.replace('核验结果：', '') }).getByTitle(missing.some((m) => label.endsWith(m)) ? '缺件' : '已收到')).toBeVisible();
  }
  await page.getByRole('button', { name: '保存核验结果' }).click();
  await expect(page.getByText('核验结果已保存')).toBeVisible();
}

async function submit(page: Page): Promise<string> {
  await page.getByRole('button', { name: '代为提交申请' }).click();
  await expect(page.getByRole('heading', { name: /^办件详情 \d{8}-/ })).toBeVisible();
  const title = await page.getByRole('heading', { name: /^办件详情 / }).innerText();
  return title.replace('办件详情', '').trim();
}

export const scenarios: Scenario[] = [
  {
    name: 'walk-in: an enterprise registered by credit code, prefilled on its second visit, 即办件 concluded at the window, 容缺受理',
    async run(ctx) {
      const clerk = await signedIn(ctx, 'clerk');

      // First visit: 企业投资项目备案. A wrong check digit is caught before anything else.
      await startWalkIn(clerk, '企业投资项目备案');
      await lookUp(clerk, WRONG);
      await expect(clerk.getByText('统一社会信用代码校验位不正确')).toBeVisible();
      await lookUp(clerk, CODE);
      await expect(clerk.getByText('未找到档案')).toBeVisible();
      await clerk.getByLabel('企业名称').fill(COMPANY);
      await clerk.getByLabel('法定代表人').fill('陈云帆');
      await clerk.getByLabel('联系人', { exact: true }).fill('刘联络');
      await clerk.getByLabel('申请人联系电话').fill('13900001111');
      await clerk.getByLabel('申请人地址').fill('示范县经济开发区 8 号');
      // Typed once: the form's applicant fields follow.
      assert((await clerk.getByLabel('申请人姓名/名称').inputValue()) === COMPANY, 'applicant name copied into the form');
      await clerk.getByLabel('项目名称').fill('云帆智能装备生产线');
      await clerk.getByLabel('总投资（万元）').fill('2600');
      await ctx.shot(clerk, 'walk-in-1-registration');
      const first = await submit(clerk);
      await expect(clerk.getByText('1 号综合受理窗口').first()).toBeVisible();
      await checkMaterials(clerk);
      await clerk.getByRole('button', { name: '受理', exact: true }).click();
      await expect(clerk.getByText('审批中').first()).toBeVisible();
      await expect(clerk.getByText('受理通知书').first()).toBeVisible();

      // Second visit, another item: the profile and the last application fill the form.
      await startWalkIn(clerk, '工业投资项目并联审批');
      await lookUp(clerk, CODE);
      await expect(clerk.getByText('已找到申请人档案')).toBeVisible();
      assert((await clerk.getByLabel('企业名称').inputValue()) === COMPANY, 'profile name prefilled');
      assert((await clerk.getByLabel('法定代表人').inputValue()) === '陈云帆', 'legal representative prefilled');
      assert((await clerk.getByLabel('申请人姓名/名称').inputValue()) === COMPANY, 'form applicant prefilled');
      assert((await clerk.getByLabel('联系电话', { exact: true }).inputValue()) === '13900001111', 'form phone prefilled');
      assert((await clerk.getByLabel('项目名称').inputValue()) === '云帆智能装备生产线', 'project name from the last application');
      await expect(clerk.getByText(`已带出：办件 ${first}`).first()).toBeVisible();
      await ctx.shot(clerk, 'walk-in-2-prefilled');
      await clerk.getByLabel('建设地点').fill('示范县经济开发区 8 号');
      const second = await submit(clerk);
      assert(second !== first, 'a second case');

      // 即办件: 税务登记, concluded at the window with its 办结通知书.
      await startWalkIn(clerk, '税务登记（首次办税综合事项）');
      await lookUp(clerk, CODE);
      await expect(clerk.getByText('已找到申请人档案')).toBeVisible();
      assert((await clerk.getByLabel('统一社会信用代码', { exact: true }).inputValue()) === CODE, 'credit code field prefilled');
      const immediate = await submit(clerk);
      await checkMaterials(clerk);
      await clerk.getByRole('button', { name: '当场办结（即办件）' }).click();
      await clerk.getByRole('dialog').getByRole('button', { name: '当场办结（即办件）' }).click();
      await expect(clerk.getByText('已当场办结')).toBeVisible();
      await expect(clerk.getByRole('list', { name: '通知书' }).getByText('办结通知书')).toBeVisible();
      const conclusion = await readNotice(clerk, '办结通知书');
      assertNoticeSays(conclusion, '办结通知书', [
        '示范县政务服务中心', immediate, COMPANY, '税务登记（首次办税综合事项）', '税务局', '准予许可', '1 号综合受理窗口', '0571-12345601',
      ]);
      await followQr(ctx.browser, conclusion, immediate, '准予许可');
      await ctx.shot(clerk, 'walk-in-3-concluded');

      // 容缺受理 on an item that allows it: the deferrable drawing review certificate is owed.
      await startWalkIn(clerk, '建筑工程施工许可证核发');
      await lookUp(clerk, CODE);
      await expect(clerk.getByText('已找到申请人档案')).toBeVisible();
      await clerk.getByLabel('工程名称').fill('云帆二期厂房');
      await clerk.getByLabel('建设地址').fill('示范县经济开发区 9 号');
      await clerk.getByLabel('合同价格（万元）').fill('1800');
      await clerk.getByLabel('计划开工日期').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
      await submit(clerk);
      await checkMaterials(clerk, ['施工图设计文件审查合格书']);
      await clerk.getByRole('button', { name: '容缺受理' }).click();
      const dialog = clerk.getByRole('dialog');
      await expect(dialog.getByRole('checkbox', { name: '施工图设计文件审查合格书' })).toBeVisible();
      await dialog.getByRole('button', { name: '容缺受理' }).click();
      await expect(clerk.getByText('已容缺受理')).toBeVisible();
      const owed = clerk.locator('.tb-owed-list');
      await expect(owed.getByText('施工图设计文件审查合格书')).toBeVisible();
      await expect(owed.getByText('待补交')).toBeVisible();
      assertNoticeSays(await readNotice(clerk, '受理通知书'), '受理通知书 (容缺受理)', ['予以容缺受理', '尚需补交的材料', '施工图设计文件审查合格书', '补交期限']);
      await ctx.shot(clerk, 'walk-in-4-deficient');
      await clerk.goto('/workbench/owed');
      await expect(clerk.getByRole('row').filter({ hasText: '施工图设计文件审查合格书' })).toBeVisible();

    },
  },
];

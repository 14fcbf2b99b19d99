import type { Scenario } from '../run.ts';
import { assert, expect, type Page } from '../expect.ts';
import { approveOpenCase, filterHomeItems, newPerson, openCase, pdfFile, register, signedIn, submitApplicationForm, uploadMaterial } from '../steps.ts';
import { assertNoticeSays, chineseDay, followQr, readNotice } from '../notices.ts';

/**
 * The front office end to end: a citizen applies online for two items (one
 * saved as a draft first); the clerk issues a one-time supplement notice on
 * one, the citizen supplements, the clerk accepts; the other is refused; the
 * department concludes the first. Every notice is read back from its PDF and
 * its QR code followed to the public progress page.
 */

const CENTER = '示范县政务服务中心';
const FOOD = '食品经营许可（新办）';
const FOOD_MATERIALS = ['食品经营许可申请书', '营业执照复印件', '与食品经营相适应的主要设备设施布局、操作流程等文件'];
const FILING = '企业投资项目备案';
const FILING_MATERIALS = ['项目备案信息表', '企业营业执照'];
const SHOP = '何记早餐店';
const NOTICED = FOOD_MATERIALS[0]!;
const NOTICE_NOTE = '申请书缺少经营者签字';
const REFUSAL = '该项目属于核准管理范围，不适用备案，请改为申请项目核准。';
const OPINION = '经现场核查，符合食品经营许可条件，准予许可。';

async function searchAndOpen(page: Page, keyword: string, item: string): Promise<void> {
  await page.goto('/');
  await filterHomeItems(page, keyword);
  await page.getByRole('link', { name: item }).click();
  await expect(page.getByRole('heading', { name: item })).toBeVisible();
}

async function submitApplication(page: Page): Promise<{ caseNo: string; queryCode: string }> {
  await submitApplicationForm(page);
  const [caseNo, queryCode] = (await page.locator('.tb-case-number').allInnerTexts()).map((s) => s.trim());
  assert(caseNo && queryCode, 'case number and query code shown');
  return { caseNo, queryCode };
}

/** Opens the case from a list and waits for its page; returns the page's path. */
async function openCaseDetail(page: Page, list: string, caseNo: string): Promise<string> {
  await openCase(page, list, caseNo);
  await expect(page.getByRole('heading', { name: `办件详情 ${caseNo}` })).toBeVisible();
  return new URL(page.url()).pathname;
}

export const scenarios: Scenario[] = [
  {
    name: 'front office: two online applications (one from a draft), one-time notice, supplement, acceptance, refusal and conclusion — every notice PDF read back and its QR code followed',
    async run(ctx) {
      const citizen = await newPerson(ctx.browser, ctx.baseUrl);
      await register(citizen, { username: 'hejing', name: '何静', phone: '13700002222', password: 'he-jing-2026' });

      // The food licence is begun and saved as a draft …
      await searchAndOpen(citizen, '食品经营', FOOD);
      await citizen.getByLabel('申请人姓名/名称').fill(SHOP);
      await citizen.getByLabel('联系电话').fill('13700002222');
      await uploadMaterial(citizen, FOOD_MATERIALS[0]!);
      await citizen.getByRole('button', { name: '保存草稿' }).click();
      await expect(citizen.getByText(/草稿已保存/).first()).toBeVisible();

      // … the project filing is applied for in one go …
      await searchAndOpen(citizen, '项目备案', FILING);
      await citizen.getByLabel('申请人姓名/名称').fill('何静');
      await citizen.getByLabel('联系电话').fill('13700002222');
      await citizen.getByLabel('项目名称').fill('何记中央厨房');
      await citizen.getByLabel('总投资（万元）').fill('300');
      for (const m of FILING_MATERIALS) await uploadMaterial(citizen, m);
      const filing = await submitApplication(citizen);

      // … and the draft is finished and submitted.
      await citizen.goto('/my/drafts');
      await citizen.getByRole('link', { name: `继续填写：${FOOD}` }).click();
      await expect(citizen.getByText(/已恢复您保存的草稿/)).toBeVisible();
      assert((await citizen.getByLabel('申请人姓名/名称').inputValue()) === SHOP, 'the draft keeps the name');
      await citizen.getByLabel('经营场所地址').fill('示范县解放路 18 号');
      await citizen.getByLabel('经营项目').fill('热食类食品制售');
      for (const m of FOOD_MATERIALS.slice(1)) await uploadMaterial(citizen, m);
      const food = await submitApplication(citizen);
      await citizen.goto('/my/cases');
      await expect(citizen.getByRole('row').filter({ hasText: food.caseNo })).toBeVisible();
      await expect(citizen.getByRole('row').filter({ hasText: filing.caseNo })).toBeVisible();

      // The clerk issues one complete supplement notice on the food licence: 补正材料通知书.
      const clerk = await signedIn(ctx, 'clerk');
      const foodUrl = await openCaseDetail(clerk, '/workbench/intake', food.caseNo);
      await clerk.getByRole('button', { name: '一次性告知' }).click();
      const dialog = clerk.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: NOTICED }).check();
      await clerk.getByLabel(`${NOTICED}的说明`).fill(NOTICE_NOTE);
      await clerk.getByRole('button', { name: '发出告知' }).click();
      await expect(clerk.getByText(`${food.caseNo} 已一次性告知`).first()).toBeVisible();
      const supplement = await readNotice(clerk, '补正材料通知书');
      assertNoticeSays(supplement, '补正材料通知书', [
        // Addressed to the account holder who applied (the form's shop name is a field of the application).
        CENTER, '补正材料通知书', food.caseNo, '何静：', FOOD, '市场监督管理局', NOTICED, NOTICE_NOTE,
        '1 号综合受理窗口', '0571-12345601', `查询码：${food.queryCode}`,
      ]);
      await followQr(ctx.browser, supplement, food.caseNo, '待补正');
      await ctx.shot(clerk, 'front-office-1-supplement-notice');

      // The citizen finds the same notice on the case page, supplements, and the clerk accepts: 受理通知书.
      await citizen.getByRole('link', { name: food.caseNo }).click();
      await expect(citizen.getByRole('list', { name: '通知书' }).getByText('补正材料通知书')).toBeVisible();
      assertNoticeSays(await readNotice(citizen, '补正材料通知书'), '补正材料通知书 (as the applicant)', [food.caseNo, NOTICE_NOTE]);
      const form = citizen.locator('.tb-supplement-form');
      const correction = pdfFile(`${NOTICED}（补正）.pdf`);
      const [chooser] = await Promise.all([citizen.waitForEvent('filechooser'), form.getByRole('button', { name: `选择文件：${NOTICED}` }).click()]);
      await chooser.setFiles(correction);
      await expect(form.locator('.ant-upload-list-item-done').filter({ hasText: correction.name })).toBeVisible();
      await citizen.getByRole('button', { name: '提交补正材料' }).click();
      await expect(citizen.getByText('补正材料已提交').first()).toBeVisible();

      await clerk.goto(foodUrl);
      await clerk.getByRole('button', { name: '受理', exact: true }).click();
      await expect(clerk.getByText('审批中').first()).toBeVisible();
      const promised = chineseDay(await clerk.getByTestId('promised-due').innerText());
      const acceptance = await readNotice(clerk, '受理通知书');
      assertNoticeSays(acceptance, '受理通知书', [
        CENTER, '受理通知书', food.caseNo, '何静：', FOOD, '予以受理', `承诺办结期限：${promised}`, '1 号综合受理窗口', '0571-12345601',
      ]);
      await followQr(ctx.browser, acceptance, food.caseNo, '审批中');

      // The project filing is refused with a reason: 不予受理通知书.
      await openCaseDetail(clerk, '/workbench/intake', filing.caseNo);
      await clerk.getByRole('button', { name: '不予受理' }).click();
      await clerk.getByLabel('不予受理理由').fill(REFUSAL);
      await clerk.getByRole('button', { name: '确认不予受理' }).click();
      await expect(clerk.getByText(`${filing.caseNo} 已不予受理`).first()).toBeVisible();
      const refusal = await readNotice(clerk, '不予受理通知书');
      assertNoticeSays(refusal, '不予受理通知书', [CENTER, '不予受理通知书', filing.caseNo, '何静：', FILING, '发展和改革局', REFUSAL, '行政复议', '行政诉讼']);
      await followQr(ctx.browser, refusal, filing.caseNo, '不予受理');

      // The department decides; the applicant reads the 办结通知书 on the portal.
      const approver = await signedIn(ctx, 'approver');
      await openCaseDetail(approver, '/workbench/tasks', food.caseNo);
      await approveOpenCase(approver, OPINION);
      await expect(approver.getByText('准予许可').first()).toBeVisible();

      await citizen.reload();
      await expect(citizen.getByRole('list', { name: '通知书' }).getByText('办结通知书')).toBeVisible();
      const conclusion = await readNotice(citizen, '办结通知书');
      assertNoticeSays(conclusion, '办结通知书', [
        CENTER, '办结通知书', food.caseNo, '何静：', FOOD, '准予许可', OPINION, '5 号市场监管窗口', '0571-12345605', '按期办结',
      ]);
      await followQr(ctx.browser, conclusion, food.caseNo, '准予许可');
      await ctx.shot(citizen, 'front-office-2-notices-on-the-portal');
    },
  },
];

import type { Scenario, ScenarioContext } from '../run.ts';
import { assert, expect, type Page } from '../expect.ts';
import { approveFromTasks, approveOpenCase, chooseInDialog, confirmDialog, filterHomeItems, newPerson, openCase, register, signedIn, submitApplicationForm, uploadMaterial } from '../steps.ts';

const ITEM = '医疗机构执业登记';
const OPINION_RETURN = '会签意见与初审结论不一致，请初审重新核对执业范围。';

/** A citizen registers, reads the item page and applies with every material; returns the case number. */
async function apply(ctx: ScenarioContext, username: string): Promise<{ citizen: Page; caseNo: string }> {
  const citizen = await newPerson(ctx.browser, ctx.baseUrl);
  await register(citizen, { username, name: '吴医生', phone: '13700002222', password: 'wu-yisheng-2026' });

  await citizen.goto('/');
  await filterHomeItems(citizen, '医疗机构');
  await citizen.getByRole('link', { name: ITEM }).click();
  await expect(citizen.getByRole('heading', { name: ITEM })).toBeVisible();
  const values: Record<string, string> = { '申请人姓名/名称': '仁和诊所有限公司', 联系电话: '13700002222', 医疗机构名称: '仁和社区诊所' };
  for (const [label, value] of Object.entries(values)) await citizen.getByLabel(label).fill(value);
  // Every material the item page lists gets a file.
  const buttons = await citizen.getByRole('button', { name: /^选择文件：/ }).allInnerTexts();
  const names = await citizen.getByRole('button', { name: /^选择文件：/ }).evaluateAll((els) =>
    els.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/^选择文件：/, '')),
  );
  assert(names.length >= 3 && buttons.length === names.length, `materials listed: ${names.join(', ')}`);
  for (const m of names) await uploadMaterial(citizen, m);
  await submitApplicationForm(citizen);
  const [caseNo] = (await citizen.locator('.tb-case-number').allInnerTexts()).map((s) => s.trim());
  assert(/^\d{8}-WJW-\d{4}$/.test(caseNo ?? ''), `case number shown: ${caseNo}`);
  return { citizen, caseNo: caseNo! };
}

/** The diagram shape of a step carries the marker of its state. */
function shape(page: Page, nodeId: string, marker: 'tb-done' | 'tb-active' | 'tb-returned') {
  return page.locator(`.tb-proc-canvas [data-element-id="${nodeId}"].${marker}`);
}

export const scenarios: Scenario[] = [
  {
    name: 'process: diagram highlights, countersign, return with an opinion, history, urge throttled',
    async run(ctx) {
      const { citizen, caseNo } = await apply(ctx, 'process_applicant');

      const clerk = await signedIn(ctx, 'clerk');
      await openCase(clerk, '/workbench/intake', caseNo);
      await clerk.getByRole('button', { name: '受理', exact: true }).click();
      await expect(clerk.getByText('审批中').first()).toBeVisible();

      // 初审 by 卫健委: afterwards the diagram shows 初审 done and 部门会签 active.
      const wjw = await signedIn(ctx, 'approver_wjw');
      await approveFromTasks(wjw, caseNo, '初审：材料齐全，同意提交会签。');
      await expect(shape(wjw, 'first', 'tb-done')).toBeVisible();
      await expect(shape(wjw, 'countersign', 'tb-active')).toBeVisible();
      await expect(wjw.getByText('在办：部门会签').first()).toBeVisible();
      const caseUrl = new URL(wjw.url()).pathname;
      await ctx.shot(wjw, 'process-1-first-done');

      // 部门会签: 卫健委 and 生态环境局 both sign.
      await approveOpenCase(wjw, '会签（卫健委）：同意。');
      await expect(wjw.getByText(/已办：初审/).first()).toBeVisible();
      const sthj = await signedIn(ctx, 'approver_sthj');
      await approveFromTasks(sthj, caseNo, '会签（生态环境局）：医疗废物处置方案可行，同意。');
      await expect(shape(sthj, 'decide', 'tb-active')).toBeVisible();

      // 审批决定: 卫健委 returns it to 初审 with an opinion.
      await wjw.goto(caseUrl);
      await expect(wjw.getByText('当前环节：审批决定')).toBeVisible();
      await wjw.getByRole('button', { name: '退回', exact: true }).click();
      await wjw.getByRole('button', { name: '确认退回' }).click();
      await expect(wjw.getByText('请选择退回到的环节').first()).toBeVisible();
      await chooseInDialog(wjw, '退回到环节', '初审');
      await wjw.getByLabel('退回意见').fill(OPINION_RETURN);
      await confirmDialog(wjw, '确认退回');
      await expect(wjw.getByText('已退回到「初审」').first()).toBeVisible();
      const returnedRow = wjw.getByRole('row').filter({ hasText: OPINION_RETURN });
      await expect(returnedRow).toContainText('退回');
      await expect(returnedRow).toContainText('审批决定');
      await expect(returnedRow).toContainText('退回至：初审');
      await expect(shape(wjw, 'decide', 'tb-returned')).toBeVisible();
      await expect(shape(wjw, 'first', 'tb-active')).toBeVisible();
      await ctx.shot(wjw, 'process-2-returned');

      // A manager urges the open step once; the second urge within the hour is refused by the server.
      const manager = await signedIn(ctx, 'manager');
      await manager.goto(caseUrl);
      // Only steps the process rests at can be urged (the returned 审批决定 is not one).
      await expect(manager.getByRole('button', { name: '催办：初审' })).toBeVisible();
      await expect(manager.getByRole('button', { name: '催办：审批决定' })).toBeHidden();
      await manager.getByRole('button', { name: '催办：初审' }).click();
      await manager.getByRole('button', { name: '确认催办' }).click();
      await expect(manager.getByText('已催办「初审」').first()).toBeVisible();
      await expect(manager.getByRole('row').filter({ hasText: '催办' }).first()).toBeVisible();
      await manager.getByRole('button', { name: '催办：初审' }).click();
      await manager.getByRole('button', { name: '确认催办' }).click();
      await expect(manager.getByText('同一任务每小时只能催办一次').first()).toBeVisible();
      await ctx.shot(manager, 'process-3-urged');

      // The applicant sees the diagram and the history, without the staff's names.
      await citizen.goto('/my/cases');
      await citizen.getByRole('link', { name: caseNo }).click();
      await expect(shape(citizen, 'first', 'tb-active')).toBeVisible();
      // The case timeline names the process step of each decision.
      await expect(citizen.getByText('审批办理：部门会签').first()).toBeVisible();
      await expect(citizen.getByRole('row').filter({ hasText: OPINION_RETURN })).toContainText('退回');
      const history = citizen.locator('[id^="process-history-"]');
      await expect(history.getByRole('row').filter({ hasText: '初审' }).first()).toContainText('办理机关');
      await expect(history.getByText('赵审批（卫健）')).toBeHidden();
      await ctx.shot(citizen, 'process-4-applicant');
    },
  },
];

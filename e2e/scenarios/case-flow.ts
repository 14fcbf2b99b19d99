import type { Page } from 'playwright-core';
import type { Scenario } from '../run.ts';
import { assert, expect } from '../expect.ts';
import { applyForFoodLicence, approveFromTasks, FOOD_LICENCE, newPerson, openCase, signedIn } from '../steps.ts';
import { checkPage } from '../axe.ts';

const ITEM = FOOD_LICENCE;

/** A citizen registers and applies; returns the case number and query code shown on success. */
const registerAndApply = (ctx: Parameters<Scenario['run']>[0], username: string) =>
  applyForFoodLicence(ctx.browser, ctx.baseUrl, { username, name: '陈小明', phone: '13912345678', password: 'chen-xiaoming-2026', shop: '陈记小吃店', address: '示范县人民路 12 号' });

/** Picks the page size under a list (antd Select outside a dialog). */
async function choosePageSize(page: Page, label: string): Promise<void> {
  await page.getByLabel('每次加载条数').click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first();
  await option.waitFor();
  await page.waitForTimeout(200);
  await option.click();
}

export const scenarios: Scenario[] = [
  {
    name: 'citizen applies, clerk accepts, approver approves, citizen and the public see the result',
    async run(ctx) {
      const { citizen, caseNo, queryCode } = await registerAndApply(ctx, 'chenxm');
      await ctx.shot(citizen, 'flow-1-submitted');

      // The window clerk accepts it from the intake queue.
      const clerk = await signedIn(ctx, 'clerk');
      await openCase(clerk, '/workbench/intake', caseNo);
      await expect(clerk.getByText('陈记小吃店').first()).toBeVisible();
      await clerk.getByRole('button', { name: '受理', exact: true }).click();
      await expect(clerk.getByText('审批中').first()).toBeVisible();
      await ctx.shot(clerk, 'flow-2-accepted');

      // The approver of 市场监督管理局 approves it from the to-do list.
      const approver = await signedIn(ctx, 'approver');
      await approveFromTasks(approver, caseNo, '材料齐全，现场核查符合要求，准予许可。');
      await expect(approver.getByText('准予许可').first()).toBeVisible();
      await ctx.shot(approver, 'flow-3-approved');

      // The citizen sees the timeline and the result.
      await citizen.goto('/my/cases');
      await citizen.getByRole('link', { name: caseNo }).click();
      await expect(citizen.getByText('准予许可').first()).toBeVisible();
      for (const step of ['提交申请', '受理', '审批办理', '办结']) await expect(citizen.getByText(step).first()).toBeVisible();
      await expect(citizen.getByText('材料齐全，现场核查符合要求，准予许可。').first()).toBeVisible();
      await ctx.shot(citizen, 'flow-4-result');

      // Anyone looks up the progress with the case number and query code, without logging in.
      const visitor = await newPerson(ctx.browser, ctx.baseUrl);
      await visitor.goto('/progress');
      await visitor.getByLabel('办件编号').fill(caseNo);
      await visitor.getByLabel('查询码').fill(queryCode);
      await visitor.getByRole('button', { name: '查询' }).click();
      await expect(visitor.getByText('准予许可').first()).toBeVisible();
      await expect(visitor.getByText(ITEM).first()).toBeVisible();
      await ctx.shot(visitor, 'flow-5-progress');

      // A wrong query code is told plainly.
      await visitor.getByLabel('查询码').fill('ZZZZZZ');
      await visitor.getByRole('button', { name: '查询' }).click();
      await expect(visitor.getByText('办件编号或查询码不正确').first()).toBeVisible();
    },
  },
  {
    name: 'clerk refuses with a reason; supervisor watches the case on the event stream',
    async run(ctx) {
      const { citizen, caseNo } = await registerAndApply(ctx, 'refused_applicant');
      const clerk = await signedIn(ctx, 'clerk');
      await openCase(clerk, '/workbench/intake', caseNo);
      await clerk.getByRole('button', { name: '不予受理' }).click();
      await clerk.getByRole('button', { name: '确认不予受理' }).click();
      await expect(clerk.getByText('请填写不予受理理由').first()).toBeVisible();
      await clerk.getByLabel('不予受理理由').fill('经营场所位于规划禁止区域，不属于许可范围。');
      await clerk.getByRole('button', { name: '确认不予受理' }).click();
      await expect(clerk.getByText(`${caseNo} 已不予受理`).first()).toBeVisible();

      await citizen.goto('/my/cases');
      await citizen.getByRole('link', { name: caseNo }).click();
      await expect(citizen.getByText('经营场所位于规划禁止区域，不属于许可范围。').first()).toBeVisible();

      const supervisor = await signedIn(ctx, 'supervisor', '/supervision/events');
      await supervisor.getByLabel('按办件编号筛选').fill(caseNo);
      await supervisor.getByRole('button', { name: '筛选', exact: true }).click();
      await expect(supervisor.getByRole('row').filter({ hasText: '不予受理' })).toBeVisible();
      await expect(supervisor.getByRole('row').filter({ hasText: '提交申请' })).toBeVisible();
      await expect(supervisor.getByText(/哈希链完整/).first()).toBeVisible();
      await ctx.shot(supervisor, 'supervision-stream');
    },
  },
  {
    name: 'lists page by cursor and filter on the server: all cases, intake, to-do, copies, my cases, the event stream',
    long: true,
    async run(ctx) {
      // The demo center's sample cases: more than one page of ten for the manager.
      const manager = await signedIn(ctx, 'manager', '/workbench/cases');
      await expect(manager.locator('.tb-load-more')).toContainText(/已显示全部\s*\d+\s*条/);
      const total = Number((await manager.locator('.tb-load-more').innerText()).match(/\d+/)![0]);
      assert(total > 10, `demo cases: ${total}`);
      await choosePageSize(manager, '10 条');
      await expect(manager.locator('.tb-load-more')).toContainText(/已显示\s*10\s*条/);
      assert((await manager.locator('tbody tr.ant-table-row').count()) === 10, 'first page of ten');
      await manager.getByRole('button', { name: '加载更多' }).click();
      await expect(manager.locator('.tb-load-more')).toContainText(new RegExp(`已显示全部\\s*${total}\\s*条`));
      assert((await manager.locator('tbody tr.ant-table-row').count()) === total, 'every case after loading more');
      await checkPage(manager, 'all cases, paged');
      // The case number filter asks the server: one case.
      const caseNo = (await manager.locator('tbody tr.ant-table-row').first().getByRole('link').first().innerText()).trim();
      await manager.getByLabel('办件编号').fill(caseNo);
      await manager.getByLabel('办件编号').press('Enter');
      await expect(manager.locator('.tb-load-more')).toContainText(/已显示全部\s*1\s*条/);
      await manager.getByRole('button', { name: '清除筛选' }).click();
      // The pages loaded before the filter come back as they were.
      await expect(manager.locator('.tb-load-more')).toContainText(new RegExp(`已显示全部\\s*${total}\\s*条`));
      // The applicant prefix: the demo citizen's cases only.
      await manager.getByLabel('申请人').fill('张');
      await manager.getByLabel('申请人').press('Enter');
      await expect(manager.locator('.tb-load-more')).toContainText(/已显示(全部)?\s*\d+\s*条/);
      for (const name of await manager.locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts()) assert(name.startsWith('张'), `applicant ${name}`);
      await ctx.shot(manager, 'lists-all-cases');

      // The intake queue, the to-do, the copies and the citizen's own cases page the same way.
      const clerk = await signedIn(ctx, 'clerk');
      const approver = await signedIn(ctx, 'approver');
      const citizen = await signedIn(ctx, 'citizen');
      for (const [page, path] of [[clerk, '/workbench/intake'], [approver, '/workbench/tasks'], [manager, '/workbench/copies'], [citizen, '/my/cases']] as const) {
        await page.goto(path);
        await expect(page.locator('.tb-load-more')).toContainText(/已显示全部\s*\d+\s*条/);
        await checkPage(page, `${path}, paged`);
      }

      // The supervision stream: the newest page first, older ones on demand.
      const supervisor = await signedIn(ctx, 'supervisor', '/supervision/events');
      await expect(supervisor.locator('.tb-load-more')).toContainText(/已显示\s*50\s*条/);
      const newest = Number(await supervisor.locator('tbody tr.ant-table-row').first().locator('td').nth(1).innerText());
      await supervisor.getByRole('button', { name: '加载更多' }).click();
      await expect(supervisor.locator('.tb-load-more')).toContainText(/已显示\s*100\s*条/);
      const seqs = (await supervisor.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()).map(Number);
      assert(seqs[0] === newest && seqs.every((s, i) => i === 0 || s === seqs[i - 1]! - 1), `stream newest first without gaps: ${seqs.slice(0, 5).join(',')}…`);
      await checkPage(supervisor, 'event stream, paged');
    },
  },
];

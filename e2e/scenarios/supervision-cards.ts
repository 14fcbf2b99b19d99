import type { Scenario } from '../run.ts';
import { assert, expect } from '../expect.ts';
import { checkPage } from '../axe.ts';
import { signedIn } from '../steps.ts';

/**
 * 预警纠错 in the browser: the supervisor's card list with tomorrow's forecast,
 * the rules page saving a new version, the home page's forecast, and 我的监察卡
 * in an approver's workbench; axe on each, no console errors.
 */
export const scenarios: Scenario[] = [
  {
    name: 'supervision cards: list, forecast, rules saved as a new version, my cards in the workbench',
    async run(ctx) {
      const supervisor = await signedIn(ctx, 'supervisor', '/supervision');
      await expect(supervisor.getByRole('heading', { name: '明天将变黄 / 变红' })).toBeVisible();

      await supervisor.getByRole('link', { name: '预警纠错' }).click();
      await expect(supervisor.getByRole('heading', { name: '预警与红黄牌' })).toBeVisible();
      await expect(supervisor.getByText(/预警 \d+ · 黄牌 \d+ · 红牌 \d+/)).toBeVisible();
      await supervisor.getByLabel('办件编号').fill('NO-SUCH-CASE');
      await supervisor.getByRole('button', { name: '查询' }).click();
      await expect(supervisor.getByText('预警 0 · 黄牌 0 · 红牌 0')).toBeVisible();
      await supervisor.mouse.move(0, 0);
      await ctx.shot(supervisor, 'supervision-cards-list');
      await checkPage(supervisor, 'card list');

      await supervisor.getByRole('link', { name: '监察规则' }).click();
      await expect(supervisor.getByRole('heading', { name: '预警纠错规则' })).toBeVisible();
      await expect(supervisor.getByText(/当前第 \d+ 版/)).toBeVisible();
      const threshold = supervisor.getByLabel('临近办理时限 阈值');
      await threshold.fill('2');
      await supervisor.getByLabel('修改说明').fill('黄牌提前到剩余两个工作日');
      await supervisor.getByRole('button', { name: '保存为新版本' }).click();
      await expect(supervisor.getByText(/已保存为第 \d+ 版/)).toBeVisible();
      await expect(supervisor.getByText(/黄牌提前到剩余两个工作日/)).toBeVisible();
      await supervisor.mouse.move(0, 0);
      await ctx.shot(supervisor, 'supervision-rules');
      await checkPage(supervisor, 'rules page');

      const approver = await signedIn(ctx, 'approver', '/workbench/my-cards');
      await expect(approver.getByRole('heading', { name: '我的监察卡' })).toBeVisible();
      await expect(approver.getByText('涉及本人办理环节')).toBeVisible();
      await checkPage(approver, 'my cards');
      // A staff member does not edit the rules: the server says no.
      const rules = await approver.request.get('/api/supervision/rules');
      assert(rules.status() === 403, `approver reading rules: ${rules.status()}`);
    },
  },
];

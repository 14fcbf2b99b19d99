import type { Scenario } from '../run.ts';
import { expect } from '../expect.ts';
import { checkPage } from '../axe.ts';
import { signedIn } from '../steps.ts';

/**
 * 审计日志 (issue #14, 三员分立): a clerk's look at a case is on the log; the
 * audit administrator lands on it, finds the look, verifies the hash chain; the
 * page passes axe and reflow; the system administrator's console has no such page.
 */
export const scenarios: Scenario[] = [
  {
    name: 'audit log: the audit administrator finds a clerk’s look at a case and verifies the chain (auditor, admin)',
    async run(ctx) {
      const clerk = await signedIn(ctx, 'clerk', '/workbench/intake');
      const first = clerk.locator('main a[href^="/workbench/cases/"]').first();
      await first.waitFor({ timeout: 20_000 });
      await first.click();
      await expect(clerk.locator('main')).toContainText('办件');

      const auditor = await signedIn(ctx, 'auditor', '/admin');
      await expect(auditor.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();
      await expect(auditor.locator('main table')).toContainText('查阅办件（case.read）');
      await expect(auditor.locator('main table')).toContainText('李窗口');
      await checkPage(auditor, 'audit log');
      await auditor.getByLabel('操作人').fill('李窗');
      await auditor.getByRole('button', { name: '查询' }).click();
      await expect(auditor.locator('main tbody tr.ant-table-row').first()).toContainText('李窗口');
      await auditor.getByRole('button', { name: '校验哈希链' }).click();
      await expect(auditor.getByRole('status')).toContainText('哈希链完整');
      // The side menu has the audit log alone.
      await expect(auditor.getByRole('link', { name: '审计日志' })).toBeVisible();
      await expect(auditor.getByRole('link', { name: '组织机构' })).toHaveCount(0);
      await expect(auditor.getByRole('link', { name: '流程设计' })).toHaveCount(0);

      const admin = await signedIn(ctx, 'admin', '/admin/org');
      await expect(admin.getByRole('heading', { name: '组织机构', level: 1 })).toBeVisible();
      await expect(admin.getByRole('link', { name: '审计日志' })).toHaveCount(0);
    },
  },
];

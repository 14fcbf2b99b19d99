import type { Page } from 'playwright-core';
import type { Scenario } from '../run.ts';
import { expect } from '../expect.ts';
import { checkPage, expectNoAxeViolations } from '../axe.ts';
import { signedIn } from '../steps.ts';

/**
 * Every page of the staff shells — the workbench, the admin console and the
 * supervision platform — through axe (WCAG 2.0–2.2 A/AA) and the reflow check
 * at 320 and 640 px, as the portal's pages are (portal.ts), each opened by a
 * person whose role has it in the menu, on the demo center's data. The
 * process and form designers are checked by axe only: a diagram canvas and a
 * field editor side by side are two-dimensional content, which WCAG 1.4.10
 * exempts from reflow.
 */

/** Opens a page and waits until its heading is shown and nothing is loading any more. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main').getByRole('heading').first()).toBeVisible();
  await expect(page.locator('main .ant-spin-spinning, main .ant-skeleton-active')).toHaveCount(0);
  // Hover effects of the last click must not count: the pointer rests outside the page's content.
  await page.mouse.move(0, 0);
}

/** Checks each page in turn; `axeOnly` pages skip the reflow check (two-dimensional content). */
async function checkAll(page: Page, pages: [path: string, what: string, axeOnly?: boolean][]): Promise<void> {
  for (const [path, what, axeOnly] of pages) {
    await open(page, path);
    if (axeOnly) await expectNoAxeViolations(page, what);
    else await checkPage(page, what);
  }
}

/** The path of the first link in the main landmark's table whose href starts with `prefix` (a detail page of demo data). */
async function firstDetail(page: Page, listPath: string, prefix: string): Promise<string> {
  await open(page, listPath);
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await link.waitFor({ timeout: 20_000 });
  return (await link.getAttribute('href'))!;
}

export const scenarios: Scenario[] = [
  {
    name: 'axe in every shell: each page of the workbench passes axe and reflows (clerk, approver, manager)',
    long: true,
    async run(ctx) {
      const clerk = await signedIn(ctx, 'clerk');
      await checkAll(clerk, [
        ['/workbench/intake', 'workbench intake queue'],
        ['/workbench/walk-in', 'workbench walk-in submission'],
        ['/workbench/owed', 'workbench owed materials'],
        ['/workbench/my-cards', 'workbench my cards'],
        ['/workbench/messages', 'workbench message center'],
      ]);
      const atIntake = await firstDetail(clerk, '/workbench/intake', '/workbench/cases/');
      await checkAll(clerk, [[atIntake, 'workbench case at intake']]);

      const approver = await signedIn(ctx, 'approver');
      await checkAll(approver, [
        ['/workbench/tasks', 'workbench to-do list'],
        ['/workbench/copies', 'workbench copies'],
        ['/workbench/consultations', 'workbench consultations'],
      ]);
      const inApproval = await firstDetail(approver, '/workbench/tasks', '/workbench/cases/');
      await checkAll(approver, [[inApproval, 'workbench case in approval']]);

      const manager = await signedIn(ctx, 'manager');
      await checkAll(manager, [
        ['/workbench/cases', 'workbench all cases'],
        ['/workbench/calendar', 'workbench calendar'],
        ['/workbench/handover', 'workbench handover'],
      ]);
    },
  },
  {
    name: 'axe in every shell: each page of the admin console passes axe and reflows (admin, secadmin, auditor)',
    long: true,
    async run(ctx) {
      const admin = await signedIn(ctx, 'admin');
      await checkAll(admin, [
        ['/admin/processes', 'admin process list'],
        ['/admin/processes/new', 'admin process designer', true],
        ['/admin/portal', 'admin portal articles'],
        ['/admin/forms', 'admin form list'],
        ['/admin/catalog', 'admin catalogue'],
        ['/admin/catalog/new', 'admin new item'],
        ['/admin/statistics', 'admin statistics'],
        ['/admin/notify/templates', 'admin notification templates'],
        ['/admin/notify/outbox', 'admin SMS and e-mail'],
        ['/admin/org', 'admin organisation'],
        ['/admin/staff', 'admin staff'],
        ['/admin/sso', 'admin single sign-on'],
        ['/admin/resources', 'admin resource tree'],
      ]);
      const process = await firstDetail(admin, '/admin/processes', '/admin/processes/');
      const form = await firstDetail(admin, '/admin/forms', '/admin/forms/');
      const item = await firstDetail(admin, '/admin/catalog', '/admin/catalog/items/');
      await checkAll(admin, [
        [process, 'admin process in the designer', true],
        [form, 'admin form designer', true],
        [item, 'admin item editor'],
      ]);

      // 三员分立: the security administrator's two pages, the audit administrator's one.
      const security = await signedIn(ctx, 'secadmin');
      await checkAll(security, [
        ['/admin/roles', 'admin roles (security administrator)'],
        ['/admin/permissions', 'admin permissions (security administrator)'],
      ]);
      const auditor = await signedIn(ctx, 'auditor');
      await checkAll(auditor, [['/admin/audit', 'admin audit log (audit administrator)']]);
    },
  },
  {
    // The monitoring pages and card details are checked in supervision-monitoring.ts, the card list and rules in
    // supervision-cards.ts, the event stream in case-flow.ts; what is left of the shell is its message center.
    name: 'axe in every shell: the supervision platform\'s message center passes axe and reflows (supervisor)',
    async run(ctx) {
      const supervisor = await signedIn(ctx, 'supervisor');
      await checkAll(supervisor, [['/supervision/messages', 'supervision message center']]);
    },
  },
];

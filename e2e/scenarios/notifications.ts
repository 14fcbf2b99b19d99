import type { Scenario } from '../run.ts';
import { assert, expect, type Page } from '../expect.ts';
import { expectNoAxeViolations } from '../axe.ts';
import { acceptAtIntake, chooseInDialog, logIn, newPerson, register, signedIn, submitByApi } from '../steps.ts';
import { REFUSED_NUMBER_PREFIX } from '../harness.ts';
import type { TestSmsc } from '../../server/src/modules/notify/testing.ts';

/**
 * Notifications end to end: the server sends its SMS to the test SMPP server
 * the harness started (e2e/harness.ts). A citizen's acceptance and the next
 * approver's new step each reach the gateway and the person's message centre;
 * a copy to someone whose number the gateway refuses becomes a dead letter
 * that the administrator sees and re-sends.
 */

async function smsTo(smsc: TestSmsc, match: (to: string, text: string) => boolean, what: string) {
  for (let i = 0; i < 100; i++) {
    const m = smsc.received.find((r) => match(r.to, r.text));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no SMS at the gateway: ${what}`);
}

async function openMessageCentre(page: Page, unreadAtLeast = 1) {
  const bell = page.locator('a.tb-message-bell');
  await expect(bell).toBeVisible();
  // The unread count arrives live (server-sent events) or with the first read.
  for (let i = 0; i < 50; i++) {
    const label = (await bell.getAttribute('aria-label')) ?? '';
    const n = Number(/(\d+) 条未读/.exec(label)?.[1] ?? 0);
    if (n >= unreadAtLeast) break;
    await page.waitForTimeout(200);
  }
  await bell.click();
  await expect(page.getByRole('heading', { name: '消息中心', level: 2 })).toBeVisible();
}

export const scenarios: Scenario[] = [
  {
    name: 'notifications: acceptance and the next step reach the SMPP gateway and the message centres; an admin sees sent and dead letters',
    long: true,
    async run(ctx) {
      const smsc = ctx.server.smsc;
      const citizen = await newPerson(ctx.browser, ctx.baseUrl);
      await register(citizen, { username: 'notify_citizen', name: '林小通', phone: '13912340001', password: 'lin-xiaotong-2026' });
      const { caseNo } = await submitByApi(citizen, 'SCJG-XK-001');

      const clerk = await signedIn(ctx, 'clerk');
      await acceptAtIntake(clerk, caseNo);

      // The citizen's acceptance: an SMS naming the case number, in UCS-2, and an in-app message.
      const accepted = await smsTo(smsc, (to, text) => to === '13912340001' && text.includes(caseNo) && text.includes('已受理'), 'acceptance');
      assert(accepted.dataCoding === 8, `UCS-2 data coding: ${accepted.dataCoding}`);
      await citizen.goto('/my/cases');
      await openMessageCentre(citizen);
      await expect(citizen.getByText('申请已受理').first()).toBeVisible();
      await expect(citizen.getByText(new RegExp(`${caseNo}.*已受理|已受理.*${caseNo}`)).first()).toBeVisible();
      await expectNoAxeViolations(citizen, 'portal message centre');
      await ctx.shot(citizen, 'notify-1-citizen-messages');

      // The citizen prefers English: the switch in the header keeps it, and the next SMS comes in English.
      await citizen.getByRole('button', { name: 'English' }).click();
      await expect(citizen.getByText(/written in your preferred language: English/).first()).toBeVisible();
      await expectNoAxeViolations(citizen, 'portal message centre in English');
      const second = await submitByApi(citizen, 'SCJG-XK-001');
      const received = await smsTo(smsc, (to, text) => to === '13912340001' && text.includes(second.caseNo), 'receipt in English');
      assert(/has been received/.test(received.text), `English receipt: ${received.text}`);
      // On another device (nothing in its storage) the screens follow the person after sign-in.
      const elsewhere = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(elsewhere, 'notify_citizen', 'lin-xiaotong-2026');
      await elsewhere.goto('/my/notifications');
      await expect(elsewhere.getByRole('button', { name: '中文' })).toBeVisible();
      await expect(elsewhere.getByText(/Your application for .* has been received/).first()).toBeVisible();
      await elsewhere.getByRole('button', { name: '中文' }).click();
      await expect(elsewhere.getByRole('button', { name: 'English' })).toBeVisible();
      await ctx.shot(elsewhere, 'notify-1b-citizen-language');

      // The next approver's new step: an SMS to the approver's mobile and an in-app message linking to the case.
      const step = await smsTo(smsc, (to, text) => to.startsWith('1390571') && text.includes(caseNo) && text.includes('新的待办'), 'new step');
      assert(/^1390571\d{4}$/.test(step.to), `approver's number: ${step.to}`);
      const approver = await signedIn(ctx, 'approver', '/workbench/tasks');
      await openMessageCentre(approver);
      const item = approver.getByRole('listitem').filter({ hasText: caseNo }).filter({ hasText: '新的待办' });
      await expect(item.first()).toBeVisible();
      await expectNoAxeViolations(approver, 'workbench message centre');
      await ctx.shot(approver, 'notify-2-approver-messages');

      // The manager gives a number the gateway refuses (a wrong one first: refused with its code's message).
      const manager = await signedIn(ctx, 'manager', '/workbench/messages');
      const saveContact = manager.getByRole('button', { name: /保存号码与邮箱/ });
      await manager.getByLabel('手机号').fill('12345');
      await saveContact.click();
      await expect(manager.getByText('手机号码格式不正确').first()).toBeVisible();
      await manager.getByLabel('手机号').fill(`${REFUSED_NUMBER_PREFIX}0000`);
      await saveContact.click();
      await expect(manager.getByText('当前：139****0000').first()).toBeVisible();

      // The approver copies the case to the manager: the gateway refuses that SMS, twice: a dead letter.
      await item.first().getByRole('link', { name: '查看办件' }).click();
      await expect(approver.getByRole('heading', { name: /办件详情/ })).toBeVisible();
      await approver.getByRole('button', { name: '抄送', exact: true }).click();
      await chooseInDialog(approver, '工作人员（可多选）', '周主任', { search: true });
      await approver.getByRole('button', { name: '确认抄送' }).click();
      await expect(approver.getByText('已抄送').first()).toBeVisible();

      // The administrator: sent messages (numbers masked) and the dead letter with the gateway's error, re-sent.
      const admin = await signedIn(ctx, 'admin', '/admin/notify/outbox');
      await expect(admin.getByRole('heading', { name: '短信与邮件' })).toBeVisible();
      await expect(admin.getByRole('row').filter({ hasText: '139****0001' }).filter({ hasText: caseNo }).first()).toBeVisible();
      await expectNoAxeViolations(admin, 'sent messages');
      await ctx.shot(admin, 'notify-3-sent');
      const deadRow = admin.getByRole('row').filter({ hasText: '139****0000' });
      for (let i = 0; i < 30; i++) {
        await admin.getByRole('tab', { name: '投递失败' }).click();
        if (await deadRow.first().isVisible().catch(() => false)) break;
        await admin.getByRole('tab', { name: '已发送' }).click();
        await admin.waitForTimeout(500);
      }
      await expect(deadRow.first()).toContainText('command_status 0x0000000b');
      await expectNoAxeViolations(admin, 'dead letters');
      await ctx.shot(admin, 'notify-4-dead-letters');
      await deadRow.first().getByRole('button', { name: '重发' }).click();
      await expect(admin.getByText('已重新排队发送').first()).toBeVisible();

      // Templates: an unknown variable is refused at save; the preview fills sample values.
      await admin.goto('/admin/notify/templates');
      await admin.getByRole('button', { name: '编辑：已受理' }).click();
      const body = admin.getByLabel('中文正文（短信、邮件、站内消息）');
      await body.fill('【{center}】办件{caseNo}已受理，费用{fee}。');
      await admin.getByRole('button', { name: '保存', exact: true }).click();
      await expect(admin.getByText('模板使用了该通知没有的变量').first()).toBeVisible();
      await body.fill('【{center}】办件{caseNo}已受理，请留意短信。');
      await admin.getByRole('button', { name: '预览' }).click();
      await expect(admin.getByText('【示范县政务服务中心】办件20260924-SCJG-0007已受理，请留意短信。')).toBeVisible();
      await expectNoAxeViolations(admin, 'template editor');
      await ctx.shot(admin, 'notify-5-template');

    },
  },
];

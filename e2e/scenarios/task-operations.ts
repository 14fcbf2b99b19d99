import type { Scenario, ScenarioContext } from '../run.ts';
import { assert, expect, type Page } from '../expect.ts';
import { acceptAtIntake, approveOpenCase, chooseInDialog, confirmDialog, logIn, newPerson, submitByApi } from '../steps.ts';
import { checkPage } from '../axe.ts';

/**
 * The workflow's task operations end to end in the workbench, on the demo
 * processes: 并联审批 (FGJ-LB-001: 牵头预审 → 住建 ∥ 自然资源 ∥ 生态环境 → 联审决定)
 * with 签收 / 退回签收, 撤回 before and after the next person acts, 抄送 with its
 * read receipt, a return from one branch past the split, 挂起 / 恢复 and the
 * second round to the end; and 会签 (WJW-XK-002) with 加签 and 减签, 委派 and
 * 委派办结, to the end.
 */

/** Opens the case from the person's to-do list (the link names the step). */
async function openFromTasks(page: Page, caseNo: string, step?: string): Promise<void> {
  await page.goto('/workbench/tasks');
  const row = page.getByRole('row').filter({ hasText: caseNo });
  await (step ? row.filter({ hasText: step }) : row).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /办件详情/ })).toBeVisible();
}

function shape(page: Page, nodeId: string, marker: 'tb-done' | 'tb-active' | 'tb-returned') {
  return page.locator(`.tb-proc-canvas [data-element-id="${nodeId}"].${marker}`);
}

function history(page: Page) {
  return page.locator('[id^="process-history-"]');
}

async function people(ctx: ScenarioContext, ...usernames: string[]): Promise<Page[]> {
  const pages: Page[] = [];
  for (const u of usernames) {
    const p = await newPerson(ctx.browser, ctx.baseUrl);
    await logIn(p, u);
    pages.push(p);
  }
  return pages;
}

/** Runs the steps; on failure keeps a screenshot of every person's page (named by login) before rethrowing. */
async function withShots(ctx: ScenarioContext, pages: Record<string, Page>, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    for (const [who, page] of Object.entries(pages)) await ctx.shot(page, `task-ops-failed-${who}`).catch(() => undefined);
    throw error;
  }
}


export const scenarios: Scenario[] = [
  {
    name: 'task operations: 并联审批 — claim, withdraw before and after, copy with receipt, return past the split, suspend, to the end',
    long: true,
    async run(ctx) {
      const [citizen, clerk, fgj, zjj, zrzy, sthj, manager] = await people(ctx, 'citizen', 'clerk', 'approver_fgj', 'approver_zjj', 'approver_zrzy', 'approver_sthj', 'manager');
      await withShots(ctx, { citizen: citizen!, clerk: clerk!, fgj: fgj!, zjj: zjj!, zrzy: zrzy!, sthj: sthj!, manager: manager! }, async () => {
        const { caseNo } = await submitByApi(citizen!, 'FGJ-LB-001');
        await acceptAtIntake(clerk!, caseNo);

        // 牵头预审 by 发改局: 签收, 退回签收, then handled.
        await openFromTasks(fgj!, caseNo);
        const caseUrl = new URL(fgj!.url()).pathname;
        await expect(fgj!.getByText('当前环节：牵头预审')).toBeVisible();
        await fgj!.getByRole('button', { name: '签收', exact: true }).click();
        await expect(fgj!.getByText('签收后此环节由您办理')).toBeVisible();
        await confirmDialog(fgj!, '确认签收');
        await expect(fgj!.getByText('已签收').first()).toBeVisible();
        await expect(fgj!.getByRole('button', { name: '签收', exact: true })).toBeHidden();
        await fgj!.getByRole('button', { name: '退回签收' }).click();
        await confirmDialog(fgj!, '确认退回签收');
        await expect(fgj!.getByText('已退回签收').first()).toBeVisible();
        await expect(fgj!.getByRole('button', { name: '签收', exact: true })).toBeVisible();
        await approveOpenCase(fgj!, '材料齐全，抄告住建、自然资源、生态环境部门。');
        await expect(shape(fgj!, 'lead', 'tb-done')).toBeVisible();

        // 撤回 before anyone acts on the next steps: the three reviews go away, 牵头预审 is open again.
        await fgj!.getByRole('button', { name: '撤回', exact: true }).click();
        await confirmDialog(fgj!, '确认撤回');
        await expect(fgj!.getByText('已撤回').first()).toBeVisible();
        await expect(shape(fgj!, 'lead', 'tb-active')).toBeVisible();
        await expect(history(fgj!).getByRole('row').filter({ hasText: '因撤回取消' }).first()).toBeVisible();
        await approveOpenCase(fgj!, '材料齐全，抄告住建、自然资源、生态环境部门。');
        await expect(fgj!.getByRole('button', { name: '撤回', exact: true })).toBeVisible();

        // 住建局 claims its review: the next person has acted, so a withdrawal now is refused by the server.
        await openFromTasks(zjj!, caseNo);
        await zjj!.getByRole('button', { name: '签收', exact: true }).click();
        await confirmDialog(zjj!, '确认签收');
        await expect(zjj!.getByText('已签收').first()).toBeVisible();
        await fgj!.getByRole('button', { name: '撤回', exact: true }).click();
        await confirmDialog(fgj!, '确认撤回');
        await expect(fgj!.getByText('下一环节已办理，不能撤回').first()).toBeVisible();
        await expect(fgj!.getByRole('button', { name: '撤回', exact: true })).toBeHidden();
        await ctx.shot(fgj!, 'task-ops-1-withdraw-refused');

        // 住建局 copies the case to the center's manager, then approves.
        await zjj!.getByRole('button', { name: '抄送', exact: true }).click();
        await chooseInDialog(zjj!, '工作人员（可多选）', '周主任', { search: true });
        await confirmDialog(zjj!, '确认抄送');
        await expect(zjj!.getByText('已抄送').first()).toBeVisible();
        await expect(zjj!.getByRole('table', { name: '抄送及已读回执' }).getByRole('row').filter({ hasText: '周主任' })).toContainText('未读');
        await approveOpenCase(zjj!, '符合建设工程规划条件。');
        await expect(shape(zjj!, 'zjj', 'tb-done')).toBeVisible();

        // 生态环境局 returns its review to 牵头预审, before the split: 自然资源局's open review is cancelled, saying why.
        await openFromTasks(sthj!, caseNo);
        await sthj!.getByRole('button', { name: '退回', exact: true }).click();
        await chooseInDialog(sthj!, '退回到环节', '牵头预审');
        const why = '环评批复中的建设地点与申请不符，请牵头部门核实后重新抄告。';
        await sthj!.getByLabel('退回意见').fill(why);
        await confirmDialog(sthj!, '确认退回');
        await expect(sthj!.getByText('已退回到「牵头预审」').first()).toBeVisible();
        await expect(history(sthj!).getByRole('row').filter({ hasText: why })).toContainText('退回至：牵头预审');
        const cancelled = history(sthj!).getByRole('row').filter({ hasText: '因退回到分支之前取消' });
        await expect(cancelled).toContainText('自然资源局审查');
        await expect(shape(sthj!, 'sthj', 'tb-returned')).toBeVisible();
        await expect(shape(sthj!, 'lead', 'tb-active')).toBeVisible();
        await ctx.shot(sthj!, 'task-ops-2-returned-past-split');
        // 自然资源局 has nothing left to do on the case.
        await zrzy!.goto('/workbench/tasks');
        await expect(zrzy!.getByRole('row').filter({ hasText: caseNo })).toBeHidden();

        // The manager's 抄送我的: unread, opened, read — and 住建局 sees the receipt.
        await manager!.goto('/workbench');
        await manager!.getByRole('link', { name: '抄送我的' }).click();
        const copyRow = manager!.getByRole('row').filter({ hasText: caseNo });
        await expect(copyRow).toContainText('未读');
        await expect(copyRow).toContainText('住建局审查');
        await ctx.shot(manager!, 'task-ops-3-copies-unread');
        await copyRow.getByRole('button', { name: /查看/ }).click();
        await expect(manager!.getByRole('heading', { name: /办件详情/ })).toBeVisible();
        await manager!.goto('/workbench/copies');
        await expect(manager!.getByRole('row').filter({ hasText: caseNo })).toContainText('已读');
        await zjj!.goto(caseUrl);
        await expect(zjj!.getByRole('table', { name: '抄送及已读回执' }).getByRole('row').filter({ hasText: '周主任' })).toContainText('已读（');
        await ctx.shot(zjj!, 'task-ops-4-copy-receipt');

        // 挂起: nobody may act until the manager resumes.
        await manager!.goto(caseUrl);
        await manager!.getByRole('button', { name: '挂起流程' }).click();
        await manager!.getByLabel('挂起原因').fill('项目选址存在信访争议，暂停办理待核实。');
        await confirmDialog(manager!, '确认挂起');
        await expect(manager!.getByText('流程已挂起').first()).toBeVisible();
        await expect(manager!.getByRole('button', { name: '恢复流程' })).toBeVisible();
        await fgj!.goto(caseUrl);
        await expect(fgj!.getByText('流程已挂起，恢复前不能办理。')).toBeVisible();
        await expect(fgj!.getByRole('button', { name: '退回', exact: true })).toBeHidden();
        await manager!.getByRole('button', { name: '恢复流程' }).click();
        await expect(manager!.getByText('流程已恢复').first()).toBeVisible();

        // Round two, to the end: the lead sends it again, the three review, the lead decides.
        await openFromTasks(fgj!, caseNo);
        await approveOpenCase(fgj!, '已核实建设地点，重新抄告。');
        await expect(shape(fgj!, 'zrzy', 'tb-active')).toBeVisible();
        for (const [page, opinion] of [[zjj!, '符合建设工程规划条件。'], [zrzy!, '用地手续齐全。'], [sthj!, '环评批复与建设地点一致，同意。']] as const) {
          await openFromTasks(page, caseNo);
          await approveOpenCase(page, opinion);
          await expect(page.getByText(opinion).first()).toBeVisible();
        }
        await openFromTasks(fgj!, caseNo);
        await expect(fgj!.getByText('当前环节：联审决定')).toBeVisible();
        await approveOpenCase(fgj!, '各部门意见一致，准予。');
        await expect(fgj!.getByText(`${caseNo} 已准予许可`).first()).toBeVisible();
        await expect(shape(fgj!, 'end', 'tb-done')).toBeVisible();
        await ctx.shot(fgj!, 'task-ops-5-joint-done');

      });
    },
  },
  {
    name: 'task operations: 会签 with 加签 and 减签, 委派 and 委派办结, to the end',
    async run(ctx) {
      const [citizen, clerk, wjw, zjj, manager] = await people(ctx, 'citizen', 'clerk', 'approver_wjw', 'approver_zjj', 'manager');
      await withShots(ctx, { citizen: citizen!, clerk: clerk!, wjw: wjw!, zjj: zjj!, manager: manager! }, async () => {
        const { caseNo } = await submitByApi(citizen!, 'WJW-XK-002');
        await acceptAtIntake(clerk!, caseNo);

        await openFromTasks(wjw!, caseNo);
        const caseUrl = new URL(wjw!.url()).pathname;
        await approveOpenCase(wjw!, '初审：材料齐全，提交会签。');
        await expect(shape(wjw!, 'countersign', 'tb-active')).toBeVisible();

        // 加签: 住建局's approver joins the countersign.
        await expect(wjw!.getByText('当前环节：部门会签')).toBeVisible();
        await wjw!.getByRole('button', { name: '加签', exact: true }).click();
        await chooseInDialog(wjw!, '工作人员（可多选）', '钱审批', { search: true });
        await confirmDialog(wjw!, '确认加签');
        await expect(wjw!.getByText('已加签').first()).toBeVisible();
        await expect(history(wjw!).getByRole('row').filter({ hasText: '加签：钱审批（住建）' })).toBeVisible();

        // 减签: 生态环境局 no longer needs to sign, with the reason in the history.
        await wjw!.getByRole('button', { name: '减签', exact: true }).click();
        await chooseInDialog(wjw!, '减去的会签人', '生态环境局');
        const reason = '诊所不产生放射性及危险医疗废物，无需生态环境局会签。';
        await wjw!.getByLabel('减签原因').fill(reason);
        await confirmDialog(wjw!, '确认减签');
        await expect(wjw!.getByText('已减签').first()).toBeVisible();
        await expect(history(wjw!).getByRole('row').filter({ hasText: reason })).toContainText('减去：生态环境局');
        await expect(history(wjw!).getByRole('row').filter({ hasText: '因减签取消' }).first()).toBeVisible();
        await ctx.shot(wjw!, 'task-ops-6-signers');

        // The added signer, from another department, signs from their own to-do list.
        await openFromTasks(zjj!, caseNo, '部门会签');
        await approveOpenCase(zjj!, '会签（住建局）：房屋结构与消防条件符合要求。');
        await expect(history(zjj!).getByText('会签（住建局）：房屋结构与消防条件符合要求。')).toBeVisible();
        await wjw!.goto(caseUrl);
        await approveOpenCase(wjw!, '会签（卫健委）：同意。');
        await expect(shape(wjw!, 'decide', 'tb-active')).toBeVisible();
        await expect(history(wjw!).getByRole('row').filter({ hasText: '会签结果' }).first()).toBeVisible();

        // 委派 the decision to the manager, who resolves it with an opinion; it comes back to 卫健委.
        await expect(wjw!.getByText('当前环节：审批决定')).toBeVisible();
        await wjw!.getByRole('button', { name: '委派', exact: true }).click();
        await chooseInDialog(wjw!, '工作人员', '周主任', { search: true, exact: true });
        await wjw!.getByLabel('说明（可不填）').fill('请中心核对执业范围表述是否规范。');
        await confirmDialog(wjw!, '确认委派');
        await expect(wjw!.getByText('已委派').first()).toBeVisible();
        await manager!.goto(caseUrl);
        await expect(manager!.getByText('委派办理：审批决定')).toBeVisible();
        await expect(manager!.getByText('委派人：赵审批（卫健）')).toBeVisible();
        await manager!.getByRole('button', { name: '委派办结' }).click();
        await manager!.getByRole('button', { name: '确认办结并交回' }).click();
        await expect(manager!.getByText('请填写办理意见').first()).toBeVisible();
        await manager!.getByLabel('办理意见').fill('执业范围表述规范，可以决定。');
        await confirmDialog(manager!, '确认办结并交回');
        await expect(manager!.getByText('已办结并交回委派人').first()).toBeVisible();
        await expect(history(manager!).getByRole('row').filter({ hasText: '执业范围表述规范，可以决定。' })).toContainText('委派办结');
        await ctx.shot(manager!, 'task-ops-7-delegation-resolved');

        // 卫健委 decides; the case concludes. (转办 stays within the step's department, which has no other approver here.)
        await wjw!.goto(caseUrl);
        await approveOpenCase(wjw!, '准予执业登记。');
        await expect(wjw!.getByText(`${caseNo} 已准予许可`).first()).toBeVisible();
        await expect(shape(wjw!, 'end', 'tb-done')).toBeVisible();
        await ctx.shot(wjw!, 'task-ops-8-decided');

      });
    },
  },
  {
    name: 'task operations: 转办 and 工作交接 offer only the step’s department — a manager hands an approver’s open tasks to the agency head, who decides',
    async run(ctx) {
      const [citizen, clerk, approver, head, manager] = await people(ctx, 'citizen', 'clerk', 'approver', 'head_scjg', 'manager');
      await withShots(ctx, { citizen: citizen!, clerk: clerk!, approver: approver!, head: head!, manager: manager! }, async () => {
        const { caseNo } = await submitByApi(citizen!, 'SCJG-XK-001');
        await acceptAtIntake(clerk!, caseNo);
        await openFromTasks(approver!, caseNo);
        const caseUrl = new URL(approver!.url()).pathname;
        await approver!.getByRole('button', { name: '签收', exact: true }).click();
        await confirmDialog(approver!, '确认签收');
        await expect(approver!.getByText('已签收').first()).toBeVisible();

        // 转办 lists only the deciders of the step's department: the agency head, nobody of another department, no supervisor.
        await approver!.getByRole('button', { name: '转办', exact: true }).click();
        await expect(approver!.getByText('转办只能交给本环节所属部门的审批人员或部门负责人。')).toBeVisible();
        await approver!.getByRole('combobox', { name: '工作人员' }).click();
        const offered = approver!.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
        // Other scenarios may add staff to the same department (they run in any order): every offer is of it.
        await expect(offered.filter({ hasText: '郑局长（市场监管）' })).toHaveCount(1);
        const offers = await offered.allInnerTexts();
        assert(offers.every((o) => o.includes('（市场监督管理局）')), `only the step's department is offered: ${offers.join(' | ')}`);
        await approver!.keyboard.press('Escape');
        await approver!.getByRole('button', { name: '取 消' }).or(approver!.getByRole('button', { name: '取消' })).first().click();

        // The approvers see no handover page; the manager does.
        await expect(approver!.getByRole('link', { name: '工作交接' })).toBeHidden();
        await manager!.goto('/workbench');
        await manager!.getByRole('link', { name: '工作交接' }).click();
        const row = manager!.getByRole('row').filter({ hasText: '王审批（市场监管）' });
        await row.getByRole('button', { name: /移交/ }).click();
        await expect(manager!.getByText('移交「王审批（市场监管）」的全部在办任务')).toBeVisible();
        await manager!.getByRole('button', { name: '确认移交' }).click();
        await expect(manager!.getByText('请选择接收人').first()).toBeVisible();
        await manager!.getByRole('combobox', { name: '接收人' }).click();
        const receivers = manager!.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
        await expect(receivers.filter({ hasText: '郑局长（市场监管）' })).toHaveCount(1);
        const receiving = await receivers.allInnerTexts();
        assert(receiving.every((o) => o.includes('（市场监督管理局）')), `only the step's department receives: ${receiving.join(' | ')}`);
        await checkPage(manager!, 'handover dialog with its receivers');
        // Close the list, then choose with the step that checks the choice took (a click during the list's motion can miss).
        await manager!.locator('.ant-modal-title').last().click();
        await chooseInDialog(manager!, '接收人', '郑局长（市场监管）');
        await confirmDialog(manager!, '确认移交');
        await expect(manager!.getByText(/已移交 \d+ 件任务/).first()).toBeVisible();
        await expect(manager!.getByRole('row').filter({ hasText: '王审批（市场监管）' })).toContainText('无在办任务');
        await ctx.shot(manager!, 'task-ops-9-handover');

        // The approver no longer has the step; the agency head decides it on the case page.
        await approver!.goto('/workbench/tasks');
        await expect(approver!.getByRole('row').filter({ hasText: caseNo })).toBeHidden();
        await head!.goto(caseUrl);
        // The decision card waits for the case, its operations and the process (slow on a busy machine).
        await head!.getByLabel('审批意见').waitFor({ timeout: 60_000 });
        await expect(history(head!).getByRole('row').filter({ hasText: '工作交接' })).toContainText('周主任');
        await approveOpenCase(head!, '代为审查：材料齐全，符合条件。');
        await expect(head!.getByText(`${caseNo} 已准予许可`).first()).toBeVisible();

      });
    },
  },
];

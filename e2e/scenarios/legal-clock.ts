import type { Scenario, ScenarioContext } from '../run.ts';
import { expect, type Page } from '../expect.ts';
import { applyForFoodLicence, FOOD_LICENCE_MATERIALS, openCase, pdfFile, signedIn } from '../steps.ts';

/**
 * The legal clock in the browser: the one-time notice and the supplement, the
 * promised due date with its ledger, a pause moving it, the extension (once),
 * and the calendar console with its audit trail and deadline calculator.
 */

const NOTICED = [FOOD_LICENCE_MATERIALS[0]!, FOOD_LICENCE_MATERIALS[1]!];

/** A date `days` after today in the center's time zone, as YYYY-MM-DD. */
function shanghaiDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** A citizen registers and applies for the food business licence; returns the page and the case number. */
const applyAsCitizen = (ctx: ScenarioContext, username: string) =>
  applyForFoodLicence(ctx.browser, ctx.baseUrl, { username, name: '林晓', phone: '13800001111', password: 'lin-xiao-2026', shop: '林记面馆', address: '示范县解放路 8 号' });

/** Uploads the corrected file of one material in the supplement form and waits until it is listed there. */
async function uploadCorrection(page: Page, materialName: string): Promise<void> {
  const form = page.locator('.tb-supplement-form');
  const file = pdfFile(`${materialName}（补正）.pdf`);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    form.getByRole('button', { name: `选择文件：${materialName}` }).click(),
  ]);
  await chooser.setFiles(file);
  await expect(form.getByText(file.name)).toBeVisible();
  await expect(form.locator('.ant-upload-list-item-done').filter({ hasText: file.name })).toBeVisible();
}

/** The promised due date as the case page shows it. */
async function promisedDue(page: Page): Promise<string> {
  return (await page.getByTestId('promised-due').innerText()).trim();
}

async function waitForChange(page: Page, before: string, what: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const now = await promisedDue(page).catch(() => before);
    if (now !== before) return now;
    if (Date.now() > deadline) throw new Error(`expected the promised due date to move after ${what}; still ${now}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Picks an option of a searchable antd Select by its visible label: type it, Enter, and check it took. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label);
  const select = page.locator('.ant-select').filter({ has: input });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(option);
    await page.locator(`.ant-select-item-option[title="${option}"]`).waitFor();
    await input.press('Enter');
    if ((await select.first().innerText().catch(() => '')).includes(option)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`could not choose ${option} in ${label}`);
}

export const scenarios: Scenario[] = [
  {
    name: 'legal clock: one-time notice and supplement, due date with its ledger, pause, resume and one extension',
    async run(ctx) {
      const { citizen, caseNo } = await applyAsCitizen(ctx, 'linxiao');

      // The clerk issues one complete notice naming two materials.
      const clerk = await signedIn(ctx, 'clerk');
      await openCase(clerk, '/workbench/intake', caseNo);
      await expect(clerk.getByText('林记面馆').first()).toBeVisible();
      await expect(clerk.getByText('告知期内').first()).toBeVisible();
      const caseUrl = new URL(clerk.url()).pathname;
      await clerk.getByRole('button', { name: '一次性告知' }).click();
      await expect(clerk.getByText('每件申请只能一次性告知一次').first()).toBeVisible();
      // Within the dialog: the case page's material checklist names its checkboxes after the materials too.
      const noticeDialog = clerk.getByRole('dialog');
      await noticeDialog.getByRole('checkbox', { name: NOTICED[0]! }).check();
      await clerk.getByLabel(`${NOTICED[0]!}的说明`).fill('申请书缺少法定代表人签字');
      await noticeDialog.getByRole('checkbox', { name: NOTICED[1]! }).check();
      await clerk.getByRole('radiogroup', { name: `${NOTICED[1]!}的问题` }).getByText('不规范').click();
      await clerk.getByLabel(`${NOTICED[1]!}的说明`).fill('复印件须加盖公章');
      await clerk.getByLabel('总体说明').fill('请补正以上两项材料后重新提交。');
      await ctx.shot(clerk, 'clock-1-notice-form');
      await clerk.getByRole('button', { name: '发出告知' }).click();
      await expect(clerk.getByText(`${caseNo} 已一次性告知`).first()).toBeVisible();
      await expect(clerk.getByText('待补正').first()).toBeVisible();

      // The citizen reads the notice and supplements both materials.
      await citizen.goto('/my/cases');
      await expect(citizen.getByRole('row').filter({ hasText: caseNo }).getByText('待补正')).toBeVisible();
      await citizen.getByRole('link', { name: caseNo }).click();
      await expect(citizen.getByRole('heading', { name: '补正材料告知书' })).toBeVisible();
      const notice = citizen.getByRole('list', { name: '需补正的材料' });
      await expect(notice).toContainText(NOTICED[0]!);
      await expect(notice).toContainText('申请书缺少法定代表人签字');
      await expect(notice).toContainText(NOTICED[1]!);
      await expect(notice).toContainText('不规范');
      await expect(notice).toContainText('复印件须加盖公章');
      await expect(citizen.getByText('请补正以上两项材料后重新提交。').first()).toBeVisible();
      for (const m of NOTICED) await uploadCorrection(citizen, m);
      await ctx.shot(citizen, 'clock-2-supplement');
      await citizen.getByRole('button', { name: '提交补正材料' }).click();
      await expect(citizen.getByText('补正材料已提交').first()).toBeVisible();
      await expect(citizen.getByText('待受理').first()).toBeVisible();

      // The clerk accepts; the page shows the promised due date and how it was computed.
      await clerk.goto(caseUrl);
      await clerk.getByRole('button', { name: '受理', exact: true }).click();
      await expect(clerk.getByText('审批中').first()).toBeVisible();
      await expect(clerk.getByTestId('promised-due')).toBeVisible();
      await expect(clerk.locator('.tb-ledger').filter({ hasText: '承诺' })).toContainText('工作日');
      await expect(clerk.locator('.tb-ledger').filter({ hasText: '法定' })).toContainText('工作日');
      await expect(clerk.getByText(/剩 \d+ 个工作日|今日到期/).first()).toBeVisible();
      const dueAtAcceptance = await promisedDue(clerk);
      await ctx.shot(clerk, 'clock-3-accepted');

      // The approver of the department pauses the clock for an inspection: the due date moves.
      const approver = await signedIn(ctx, 'approver');
      await approver.goto(caseUrl);
      await expect(approver.getByTestId('promised-due')).toBeVisible();
      await approver.getByRole('button', { name: '暂停计时' }).click();
      await choose(approver, '暂停类型', '检验');
      await approver.getByLabel('理由', { exact: true }).fill('送检样品，等待检验报告');
      await approver.getByLabel('预计结束日期').fill(shanghaiDate(14));
      await ctx.shot(approver, 'clock-4-pause-form');
      await approver.getByRole('button', { name: '确认暂停' }).click();
      const dueWhilePaused = await waitForChange(approver, dueAtAcceptance, 'the pause');
      await expect(approver.getByText('暂停中').first()).toBeVisible();
      await expect(approver.getByText('送检样品，等待检验报告').first()).toBeVisible();
      await ctx.shot(approver, 'clock-5-paused');

      // … and resumes it.
      await approver.getByRole('button', { name: '恢复计时' }).click();
      await expect(approver.getByText('已恢复计时').first()).toBeVisible();
      await expect(approver.locator('.tb-pause-list')).toContainText('已恢复');
      await waitForChange(approver, dueWhilePaused, 'resuming');

      // The agency head extends once by 10 working days with a reason.
      const head = await signedIn(ctx, 'head_scjg');
      await head.getByRole('link', { name: '全部办件' }).click();
      await head.getByRole('row').filter({ hasText: caseNo }).getByRole('link').first().click();
      await expect(head.getByTestId('promised-due')).toBeVisible();
      const dueBeforeExtension = await promisedDue(head);
      // A second tab opened before the extension, as a colleague's stale screen would be.
      const staleTab = await head.context().newPage();
      await staleTab.goto(caseUrl);
      await expect(staleTab.getByRole('button', { name: '延长期限' })).toBeVisible();

      await head.getByRole('button', { name: '延长期限' }).click();
      await expect(head.getByText('法定上限 10 个工作日').first()).toBeVisible();
      await head.getByLabel('延长工作日数').fill('10');
      await head.getByLabel('延长理由').fill('需组织现场核查，情况复杂');
      await head.getByRole('button', { name: '确认延长' }).click();
      await expect(head.getByText('经部门负责人批准延长 10 个工作日').first()).toBeVisible();
      await expect(head.getByText('需组织现场核查，情况复杂').first()).toBeVisible();
      await waitForChange(head, dueBeforeExtension, 'the extension');
      await ctx.shot(head, 'clock-6-extended');

      // A second extension is refused by the server, and the page says so.
      await staleTab.getByRole('button', { name: '延长期限' }).click();
      await staleTab.getByLabel('延长工作日数').fill('5');
      await staleTab.getByLabel('延长理由').fill('再次延长');
      await staleTab.getByRole('button', { name: '确认延长' }).click();
      await expect(staleTab.getByText('办理期限只能延长一次').first()).toBeVisible();
      await expect(staleTab.getByText('依法只能延长一次').first()).toBeVisible();
      await ctx.shot(staleTab, 'clock-7-second-extension-refused');

      // The applicant reads the same clock on the portal.
      await citizen.reload();
      await expect(citizen.getByText('经部门负责人批准延长 10 个工作日').first()).toBeVisible();
      await expect(citizen.locator('.tb-ledger').filter({ hasText: '承诺' })).toContainText('经批准延长 10 个工作日');
      await ctx.shot(citizen, 'clock-8-applicant-view');
    },
  },
  {
    name: 'legal clock: admin marks a holiday with a reason, the audit trail shows it; the deadline calculator explains a due date',
    async run(ctx) {
      const admin = await signedIn(ctx, 'admin');
      await admin.getByRole('link', { name: '工作日历' }).click();
      await expect(admin.getByRole('heading', { name: '工作日历与办理时限' })).toBeVisible();
      const year = shanghaiDate().slice(0, 4);
      await expect(admin.getByText(`${year} 年`).first()).toBeVisible();
      await expect(admin.getByRole('button', { name: new RegExp(`^${year}-10-01 .* 节假日 国庆节`) })).toBeVisible();

      // A working day in December of this year becomes a regional holiday.
      const day = `${year}-12-15`;
      await admin.getByRole('button', { name: new RegExp(`^${day} `) }).click();
      await admin.getByRole('radio', { name: '节假日' }).check();
      await admin.getByLabel('名称').fill('示范县庆');
      await admin.getByRole('button', { name: '保存', exact: true }).click();
      await expect(admin.getByText('请填写修改原因').first()).toBeVisible();
      await admin.getByLabel('修改原因').fill('县政府通知：县庆放假一天');
      await admin.getByRole('button', { name: '保存', exact: true }).click();
      await expect(admin.getByText(`${day} 已调整`).first()).toBeVisible();
      await expect(admin.getByRole('button', { name: new RegExp(`^${day} .*节假日 示范县庆`) })).toBeVisible();
      const audit = admin.getByRole('row').filter({ hasText: '县政府通知：县庆放假一天' });
      await expect(audit).toBeVisible();
      await expect(audit).toContainText(day);
      await expect(audit).toContainText('示范县庆');
      await expect(audit).toContainText('管理员');
      // The edit answered at once; the deadlines it reaches are recomputed in the background, with progress shown.
      const recompute = admin.locator('.tb-recompute-job').filter({ hasText: '县政府通知：县庆放假一天' });
      await expect(recompute.getByText(/^已完成：重算 \d+ 件，到期日变化 \d+ 件$/)).toBeVisible();

      // The deadline calculator gives the due date and says how.
      await admin.getByLabel('起算日').fill('2026-09-24');
      await admin.getByLabel('时限').fill('20');
      await admin.getByLabel('暂停期间').fill('2026-10-12:2026-10-14');
      await admin.getByRole('button', { name: '计算', exact: true }).click();
      const result = admin.getByRole('status').filter({ hasText: '到期' });
      await expect(result).toContainText('2026/11/03 17:30');
      await expect(result).toContainText('暂停 3 个工作日');
      await expect(result).toContainText('10/10（周六）调休上班计入');
      await ctx.shot(admin, 'clock-9-calendar');

      // A notice with a bad row is refused with its problems listed by row.
      await admin.getByLabel('通知内容').fill('name,from,to,workdays\n元旦,2027-01-03,2027-01-01,');
      await admin.getByRole('button', { name: '导入', exact: true }).click();
      await expect(admin.getByText(/第 1 行：/).first()).toBeVisible();

    },
  },
];

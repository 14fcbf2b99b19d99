import type { Scenario } from '../run.ts';
import { assert, expect, type Page } from '../expect.ts';
import { checkPage } from '../axe.ts';
import { pdfFile, signedIn } from '../steps.ts';

/**
 * 电子监察 as supervisors use it, on the demo center's first-start data: every
 * monitoring page (综合监察, 过程监察 of one case in its five stages, 异常程序,
 * 办件数量异常, 考勤, 费用, 事件来源), then one yellow card walked through
 * 受理, 立案, 调查 (note, an event of the case, an evidence file) and 处理 with
 * its 监察建议书 PDF, and an appealed card reviewed by the second supervisor.
 * axe and reflow (also at 320 px) on every page, no console errors.
 */

interface CardRow { id: string; number: string; caseNo: string; rule: string; status: string }

async function cards(page: Page, query: string): Promise<CardRow[]> {
  const res = await page.request.get(`/api/supervision/cards?${query}`);
  assert(res.status() === 200, `cards ${query}: ${res.status()}`);
  return ((await res.json()) as { items: CardRow[] }).items;
}

/** Opens a page of the platform's menu and waits for its heading. */
async function openFromMenu(page: Page, link: string, heading: string): Promise<void> {
  await page.locator('.tb-sv-nav').getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** Chooses `option` in the antd select labelled `label` (a form's field). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first();
  await item.waitFor();
  await page.waitForTimeout(200);
  await item.click();
}

/** Types a date into the antd date picker labelled `label`. */
async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.mouse.click(5, 5);
}

/** The latest day up to today with attendance on the platform (the demo signs in every working day). */
async function dayWithAttendance(page: Page): Promise<string> {
  for (let back = 0; back < 20; back++) {
    const day = new Date(Date.now() + 8 * 3600_000 - back * 86_400_000).toISOString().slice(0, 10);
    const res = await page.request.get(`/api/supervision/attendance?day=${day}`);
    if (((await res.json()) as { items: unknown[] }).items.length) return day;
  }
  throw new Error('no attendance in the last 20 days');
}

export const scenarios: Scenario[] = [
  {
    name: 'supervision monitoring: every page, a card from 受理 to 处理 with its 监察建议书, an appeal reviewed',
    async run(ctx) {
      const supervisor = await signedIn(ctx, 'supervisor');

      // 综合监察: the home page, counts by department of the last seven days, with the cases carrying cards.
      await supervisor.goto('/supervision');
      await expect(supervisor.getByRole('heading', { name: '综合监察', level: 1 })).toBeVisible();
      await expect(supervisor.getByRole('row').filter({ hasText: '市场监督管理局' })).toBeVisible();
      await expect(supervisor.getByText('实时推送已连接')).toBeVisible();
      await supervisor.getByText('按事项').click();
      await expect(supervisor.getByRole('row').filter({ hasText: '有限责任公司设立登记' })).toBeVisible();
      await supervisor.mouse.move(0, 0);
      await ctx.shot(supervisor, 'supervision-overview');
      await checkPage(supervisor, '综合监察');

      // 过程监察: the late company registration by its number, its five stages with times, people and limits.
      const decided = (await cards(supervisor, 'level=red&status=decided')).find((c) => c.rule === 'time.overdue');
      assert(decided, 'the demo has a red card decided on an overdue case');
      await openFromMenu(supervisor, '过程监察', '过程监察');
      await supervisor.getByLabel('办件编号').fill(decided.caseNo);
      await supervisor.getByRole('button', { name: '查看' }).click();
      await expect(supervisor.getByText(decided.caseNo).first()).toBeVisible();
      for (const stage of ['受理', '承办', '审核', '批准', '办结']) {
        await expect(supervisor.locator('.ant-card-head-title').filter({ hasText: new RegExp(`^${stage}`) })).toBeVisible();
      }
      await expect(supervisor.getByText('已超期').first()).toBeVisible();
      await expect(supervisor.getByRole('cell', { name: decided.number })).toBeVisible();
      await supervisor.mouse.move(0, 0);
      await ctx.shot(supervisor, 'supervision-process');
      await checkPage(supervisor, '过程监察');
      // A number the platform never received says so.
      await supervisor.getByLabel('办件编号').fill('NO-SUCH-0001');
      await supervisor.getByRole('button', { name: '查看' }).click();
      await expect(supervisor.getByText('监察平台没有收到该办件的事件')).toBeVisible();

      // 异常程序: the refusal that cites no legal basis.
      await openFromMenu(supervisor, '异常程序监察', '异常程序监察');
      const refusal = supervisor.getByRole('row').filter({ hasText: '不予受理、不予许可无理由或无法律依据' });
      await expect(refusal).toBeVisible();
      await expect(refusal).toContainText('缺少: 法律依据');
      await checkPage(supervisor, '异常程序监察');

      // 办件数量异常: every department with cases in the past weeks, against its own baseline.
      await openFromMenu(supervisor, '办件数量异常', '办件数量异常监察');
      await expect(supervisor.getByRole('row').filter({ hasText: '市场监督管理局' })).toBeVisible();
      await checkPage(supervisor, '办件数量异常监察');

      // 考勤: the window clerk's day, against the hall's hours.
      await openFromMenu(supervisor, '考勤监察', '考勤监察');
      const day = await dayWithAttendance(supervisor);
      await pickDate(supervisor, '日期', day);
      await expect(supervisor.getByRole('row').filter({ hasText: '李窗口' })).toContainText('1 号综合受理窗口');
      await expect(supervisor.getByRole('row').filter({ hasText: '李窗口' })).toContainText('09:00–17:30');
      await checkPage(supervisor, '考勤监察');

      // 费用: no fee events yet, and the page says so.
      await openFromMenu(supervisor, '费用监察', '费用监察');
      await expect(supervisor.getByText(/尚无收费事件/)).toBeVisible();
      await checkPage(supervisor, '费用监察');

      // 事件来源: this center's own system, with what it sent.
      await openFromMenu(supervisor, '事件来源', '事件来源');
      await expect(supervisor.getByRole('row').filter({ hasText: '本中心审批系统' })).toBeVisible();
      await checkPage(supervisor, '事件来源');

      // A yellow card raised by the platform, from the list to its decision.
      const yellow = (await cards(supervisor, 'level=yellow&status=raised'))[0];
      assert(yellow, 'the demo has a yellow card waiting');
      await supervisor.goto('/supervision/cards');
      await supervisor.getByLabel('办件编号').fill(yellow.caseNo);
      await supervisor.getByRole('button', { name: '查询' }).click();
      await supervisor.getByRole('link', { name: yellow.number }).click();
      await expect(supervisor.getByRole('heading', { name: new RegExp(`监察卡 ${yellow.number}`) })).toBeVisible();
      await expect(supervisor.getByText('待受理').first()).toBeVisible();
      await supervisor.mouse.move(0, 0);
      await checkPage(supervisor, 'card detail, raised');

      const actions = supervisor.getByRole('region', { name: '办理' });
      await actions.getByRole('button', { name: '受理' }).click();
      await expect(supervisor.getByRole('form', { name: '立案' })).toBeVisible();
      const file = supervisor.getByRole('form', { name: '立案' });
      await file.getByLabel('立案理由').fill('临近承诺时限仍未办结，且审核环节无办理记录，予以立案。');
      await file.getByRole('button', { name: '提交' }).click();
      await expect(supervisor.getByRole('form', { name: '调查' })).toBeVisible();

      const investigate = supervisor.getByRole('form', { name: '调查' });
      const caseEvent = (await (await supervisor.request.get(`/api/supervision/cards/${yellow.id}`)).json() as { caseEvents: { seq: number }[] }).caseEvents[0]!;
      await investigate.getByLabel('调查记录').fill('调阅受理记录与审核环节签收时间，约谈经办人。');
      await investigate.getByLabel('附上办件事件（序号）').fill(String(caseEvent.seq));
      await investigate.locator('input[type=file]').setInputFiles(pdfFile('约谈笔录.pdf'));
      await expect(investigate.getByText('约谈笔录.pdf')).toBeVisible();
      await investigate.getByRole('button', { name: '提交' }).click();
      await expect(supervisor.getByText('约谈经办人').first()).toBeVisible();
      await expect(supervisor.getByRole('link', { name: '约谈笔录.pdf' })).toBeVisible();
      await supervisor.mouse.move(0, 0);
      await checkPage(supervisor, 'card detail, investigating');

      const decide = supervisor.getByRole('form', { name: '处理' });
      await choose(supervisor, '处理结果', '责令限期整改');
      const rectifyBy = new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
      await pickDate(supervisor, '整改期限', rectifyBy);
      await decide.getByLabel('意见').fill('责令审批科限期整改，建立承诺时限预警台账。');
      await decide.getByRole('button', { name: '提交' }).click();
      const advice = supervisor.getByRole('link', { name: /^监察建议书 监建〔\d{4}〕\d+号$/ });
      await expect(advice).toBeVisible();
      await expect(supervisor.getByText('已处理').first()).toBeVisible();
      const pdf = await supervisor.request.get((await advice.getAttribute('href'))!);
      assert(pdf.status() === 200 && (await pdf.body()).subarray(0, 5).toString() === '%PDF-', `advice letter: ${pdf.status()}`);
      await supervisor.mouse.move(0, 0);
      await ctx.shot(supervisor, 'supervision-card-decided');
      await checkPage(supervisor, 'card detail, decided');

      // The department appealed a card; another supervisor reviews it.
      const appealed = (await cards(supervisor, 'status=appealed'))[0];
      assert(appealed, 'the demo has an appealed card');
      const reviewer = await signedIn(ctx, 'supervisor2', `/supervision/cards/${appealed.id}`);
      await expect(reviewer.getByText('申诉中').first()).toBeVisible();
      await checkPage(reviewer, 'card detail, appealed');
      const review = reviewer.getByRole('form', { name: '复核' });
      await review.getByText('维持', { exact: true }).click();
      await review.getByLabel('意见').fill('申请人变更经营场所不属于法定暂停计时情形，维持原处理决定。');
      await review.getByRole('button', { name: '提交' }).click();
      await expect(reviewer.getByText('复核维持').first()).toBeVisible();
      await checkPage(reviewer, 'card detail, reviewed');
    },
  },
];

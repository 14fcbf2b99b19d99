import type { Scenario } from '../run.ts';
import { assert, expect } from '../expect.ts';
import { consoleErrors, logIn, newPerson, register, uploadMaterial } from '../steps.ts';

const ITEM = '食品经营许可（新办）';
const MATERIALS = ['食品经营许可申请书', '营业执照复印件', '与食品经营相适应的主要设备设施布局、操作流程等文件'];

/** A citizen registers and applies; returns the case number and query code shown on success. */
async function registerAndApply(ctx: Parameters<Scenario['run']>[0], username: string) {
  const citizen = await newPerson(ctx.browser, ctx.baseUrl);
  await register(citizen, { username, name: '陈小明', phone: '13912345678', password: 'chen-xiaoming-2026' });

  await citizen.goto('/');
  await citizen.getByLabel('搜索事项').fill('食品经营');
  await citizen.getByRole('link', { name: ITEM }).click();
  await expect(citizen.getByRole('heading', { name: ITEM })).toBeVisible();
  await citizen.getByLabel('申请人姓名/名称').fill('陈记小吃店');
  await citizen.getByLabel('联系电话').fill('13912345678');
  await citizen.getByLabel('经营场所地址').fill('示范县人民路 12 号');
  await citizen.getByLabel('经营项目').fill('热食类食品制售');
  for (const m of MATERIALS) await uploadMaterial(citizen, m);
  await citizen.getByRole('button', { name: '提交申请' }).click();
  await expect(citizen.getByRole('status').filter({ hasText: '申请已提交' })).toBeVisible();
  const numbers = await citizen.locator('.tb-case-number').allInnerTexts();
  const [caseNo, queryCode] = numbers.map((s) => s.trim());
  assert(/^\d{8}-SCJG-\d{4}$/.test(caseNo ?? ''), `case number shown: ${caseNo}`);
  assert(/^[A-Z2-9]{10}$/.test(queryCode ?? ''), `query code shown: ${queryCode}`);
  return { citizen, caseNo: caseNo!, queryCode: queryCode! };
}

export const scenarios: Scenario[] = [
  {
    name: 'citizen applies, clerk accepts, approver approves, citizen and the public see the result',
    async run(ctx) {
      const { citizen, caseNo, queryCode } = await registerAndApply(ctx, 'chenxm');
      await ctx.shot(citizen, 'flow-1-submitted');

      // The window clerk accepts it from the intake queue.
      const clerk = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(clerk, 'clerk');
      await clerk.goto('/workbench/intake');
      await clerk.getByRole('row').filter({ hasText: caseNo }).getByRole('link').first().click();
      await expect(clerk.getByText('陈记小吃店').first()).toBeVisible();
      await clerk.getByRole('button', { name: '受理', exact: true }).click();
      await expect(clerk.getByText('审批中').first()).toBeVisible();
      await ctx.shot(clerk, 'flow-2-accepted');

      // The approver of 市场监督管理局 approves it from the to-do list.
      const approver = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(approver, 'approver');
      await approver.goto('/workbench/tasks');
      await approver.getByRole('row').filter({ hasText: caseNo }).getByRole('link').first().click();
      await approver.getByLabel('审批意见').fill('材料齐全，现场核查符合要求，准予许可。');
      await approver.getByRole('button', { name: '准予许可' }).click();
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

      for (const page of [citizen, clerk, approver, visitor]) {
        assert(consoleErrors(page).length === 0, `console errors: ${consoleErrors(page).join('; ')}`);
      }
    },
  },
  {
    name: 'clerk refuses with a reason; supervisor watches the case on the event stream',
    async run(ctx) {
      const { citizen, caseNo } = await registerAndApply(ctx, 'refused_applicant');
      const clerk = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(clerk, 'clerk');
      await clerk.goto('/workbench/intake');
      await clerk.getByRole('row').filter({ hasText: caseNo }).getByRole('link').first().click();
      await clerk.getByRole('button', { name: '不予受理' }).click();
      await clerk.getByRole('button', { name: '确认不予受理' }).click();
      await expect(clerk.getByText('请填写不予受理理由').first()).toBeVisible();
      await clerk.getByLabel('不予受理理由').fill('经营场所位于规划禁止区域，不属于许可范围。');
      await clerk.getByRole('button', { name: '确认不予受理' }).click();
      await expect(clerk.getByText(`${caseNo} 已不予受理`).first()).toBeVisible();

      await citizen.goto('/my/cases');
      await citizen.getByRole('link', { name: caseNo }).click();
      await expect(citizen.getByText('经营场所位于规划禁止区域，不属于许可范围。').first()).toBeVisible();

      const supervisor = await newPerson(ctx.browser, ctx.baseUrl);
      await logIn(supervisor, 'supervisor');
      await supervisor.goto('/supervision');
      await supervisor.getByLabel('按办件编号筛选').fill(caseNo);
      await supervisor.getByRole('button', { name: '筛选', exact: true }).click();
      await expect(supervisor.getByRole('row').filter({ hasText: '不予受理' })).toBeVisible();
      await expect(supervisor.getByRole('row').filter({ hasText: '提交申请' })).toBeVisible();
      await expect(supervisor.getByText(/哈希链完整/).first()).toBeVisible();
      await ctx.shot(supervisor, 'supervision-stream');
      for (const page of [citizen, clerk, supervisor]) {
        assert(consoleErrors(page).length === 0, `console errors: ${consoleErrors(page).join('; ')}`);
      }
    },
  },
];

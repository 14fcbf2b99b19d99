import type { Scenario } from '../run.ts';
import { expectNoAxeViolations } from '../axe.ts';
import { assert, expect } from '../expect.ts';
import { filterHomeItems, signedIn, submitApplicationForm, uploadMaterial } from '../steps.ts';

const ITEM = '就业创业证申领';
const MATERIALS = ['居民身份证', '近期免冠照片'];

export const scenarios: Scenario[] = [
  {
    name: 'forms: an admin designs a show-if field and an ID card check, the citizen sees the field appear, a wrong ID card is refused inline, the fixed form submits',
    async run(ctx) {
      // The administrator opens the item's form from the admin menu.
      const admin = await signedIn(ctx, 'admin', '/admin/processes');
      await admin.getByRole('link', { name: '表单设计' }).click();
      await admin.getByRole('link', { name: `设计表单：${ITEM}` }).click();
      await expect(admin.getByRole('heading', { name: `申请表设计：${ITEM}` })).toBeVisible();

      // 身份证号码 becomes an ID card field (checksum) instead of plain text.
      await admin.getByRole('button', { name: '编辑 身份证号码' }).click();
      await admin.getByLabel('字段类型').selectOption('idCard');

      // A choice field …
      await admin.getByRole('button', { name: '添加字段' }).click();
      await admin.getByLabel('标签（中文）').fill('是否在校学生');
      await admin.getByLabel('字段类型').selectOption('select');
      await admin.getByLabel('选项（每行一个：值=显示文字）').fill('yes=是\nno=否');
      await admin.getByLabel('选项（每行一个：值=显示文字）').blur();
      await admin.getByLabel('必填').check();

      // … and a field shown only when it says 是.
      await admin.getByRole('button', { name: '添加字段' }).click();
      await admin.getByLabel('标签（中文）').fill('就读学校');
      await admin.getByLabel('必填').check();
      await admin.getByLabel('当字段').selectOption({ label: '是否在校学生' });
      await admin.getByLabel('等于 · 取值').selectOption({ label: '是' });

      // A show-if above the field it reads is caught before saving, naming the rule.
      await admin.getByRole('button', { name: '上移 就读学校' }).click();
      await expect(admin.getByRole('alert').filter({ hasText: '显示条件只能引用排在它前面的字段' })).toBeVisible();
      await admin.getByRole('button', { name: '下移 就读学校' }).click();
      await expect(admin.getByRole('alert')).toBeHidden();

      // The preview shows the form as applicants will see it.
      await expect(admin.locator('.tb-form-preview').getByText('是否在校学生')).toBeVisible();
      await expectNoAxeViolations(admin, 'form designer');
      await ctx.shot(admin, 'forms-designer');
      await admin.getByRole('button', { name: '保存表单' }).click();
      await expect(admin.getByText('申请表已保存')).toBeVisible();

      // The citizen applies: 就读学校 appears only after choosing 是.
      const citizen = await signedIn(ctx, 'citizen', '/');
      await filterHomeItems(citizen, '就业创业');
      await citizen.getByRole('link', { name: ITEM }).first().click();
      await expect(citizen.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
      await citizen.getByLabel('申请人姓名/名称').fill('李小明');
      await citizen.getByLabel('联系电话').fill('13912345678');
      await expect(citizen.getByLabel('就读学校')).toBeHidden();
      await citizen.getByLabel('是否在校学生').click();
      await citizen.locator('.ant-select-item-option').filter({ hasText: '是' }).click();
      await expect(citizen.getByLabel('就读学校')).toBeVisible();
      await citizen.getByLabel('就读学校').fill('示范县职业技术学校');

      // A wrong check digit: the inline error, tied to the field.
      const id = citizen.getByLabel('身份证号码');
      await id.fill('110105194912310021');
      await id.blur();
      const error = citizen.getByText('身份证号码校验位不正确，请核对');
      await expect(error).toBeVisible();
      const described = (await id.getAttribute('aria-describedby')) ?? '';
      const errorId = await citizen.locator('.ant-form-item-explain').filter({ hasText: '身份证号码校验位不正确' }).first().getAttribute('id');
      assert(errorId !== null && described.split(' ').includes(errorId), `error tied to the field (aria-describedby="${described}", error id ${errorId})`);
      assert((await id.getAttribute('aria-invalid')) === 'true', 'the field is marked invalid');
      await expectNoAxeViolations(citizen, 'application form with an error');
      await ctx.shot(citizen, 'forms-apply-error');

      // Submitting with the error stays on the form; fixing it submits.
      await citizen.getByRole('button', { name: '提交申请' }).click();
      await expect(error).toBeVisible();
      await id.fill('11010519491231002x');
      await id.blur();
      await expect(error).toBeHidden();
      for (const m of MATERIALS) await uploadMaterial(citizen, m);
      await submitApplicationForm(citizen);

      // What was stored: the ID card upper-cased, the shown field kept.
      const mine = (await (await citizen.request.get('/api/cases?scope=mine')).json()) as { items: { id: string; itemName: string }[] };
      const created = mine.items.find((c) => c.itemName === ITEM);
      assert(created, 'the case is listed');
      const detail = (await (await citizen.request.get(`/api/cases/${created.id}`)).json()) as { formData: Record<string, unknown> };
      assert(detail.formData.idNumber === '11010519491231002X', `stored ID card: ${String(detail.formData.idNumber)}`);
      assert(Object.values(detail.formData).includes('示范县职业技术学校'), 'the school is stored');
    },
  },
  {
    name: 'forms: a citizen fills a region by the cascader and a table of shareholders; wrong cells are named by row',
    async run(ctx) {
      const citizen = await signedIn(ctx, 'citizen');

      // 户口迁入: the region cascader (its data loads on demand), searched by name.
      await citizen.goto('/');
      await filterHomeItems(citizen, '户口迁入');
      await citizen.getByRole('link', { name: '户口迁入（投靠类）' }).first().click();
      const region = citizen.getByLabel('迁出地（省市县）');
      await region.click();
      await region.fill('天河');
      await citizen.locator('.ant-cascader-menu-item').filter({ hasText: '天河区' }).first().click();
      await expect(citizen.getByText('广东省 / 广州市 / 天河区').filter({ visible: true })).toBeVisible();
      await citizen.getByLabel('身份证号码').fill('440524188001010014');
      await expectNoAxeViolations(citizen, 'application form with a region');

      // 有限责任公司设立登记: one shareholder row to start, a second added; errors name the row.
      await citizen.goto('/');
      await filterHomeItems(citizen, '有限责任公司');
      await citizen.getByRole('link', { name: '有限责任公司设立登记' }).first().click();
      await expect(citizen.getByRole('group', { name: '股东（发起人） 第 1 行' })).toBeVisible();
      await citizen.getByLabel('股东姓名（第 1 行）').fill('张三');
      await citizen.getByLabel('身份证号码（第 1 行）').fill('11010519491231002X');
      await citizen.getByLabel('认缴出资（万元）（第 1 行）').fill('30');
      await citizen.getByRole('button', { name: '添加一行：股东（发起人）' }).click();
      await citizen.getByLabel('股东姓名（第 2 行）').fill('李四');
      const second = citizen.getByLabel('身份证号码（第 2 行）');
      await second.fill('440524188001010015');
      await second.blur();
      await expect(citizen.getByText('身份证号码校验位不正确，请核对')).toBeVisible();
      await expectNoAxeViolations(citizen, 'application form with a table');
      await ctx.shot(citizen, 'forms-table');
      await citizen.getByRole('button', { name: '股东（发起人）：删除第 2 行' }).click();
      await expect(citizen.getByText('身份证号码校验位不正确，请核对')).toBeHidden();
    },
  },
];

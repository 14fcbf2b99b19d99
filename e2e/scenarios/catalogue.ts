import type { Scenario, ScenarioContext } from '../run.ts';
import { assert, expect, type Page } from '../expect.ts';
import { logIn, newPerson, pdfFile } from '../steps.ts';
import { checkPage } from '../axe.ts';

/**
 * The service-item catalogue (issue 5, part 1): an administrator edits an
 * item's draft, publishes it and sees version 2 beside the superseded
 * version 1 with the difference; exports the catalogue to Excel (a real
 * download); and reads the category statistics table with a case the
 * citizen has just submitted. The draft also turns off the item's
 * 申请人、受理人回避 (on by default, issue 14), which the workbook carries back
 * unchanged; the editor passes axe.
 */

/** The citizen's application through the API in their own session (the portal form is other scenarios' subject). */
async function submit(citizen: Page, itemCode: string): Promise<void> {
  const list = (await (await citizen.request.get('/api/items')).json()) as { id: string; code: string }[];
  const itemId = list.find((i) => i.code === itemCode)!.id;
  const item = (await (await citizen.request.get(`/api/items/${itemId}`)).json()) as {
    versionId: string;
    formFields: { key: string; type: string; required: boolean }[];
    materials: { id: string; name: string; required: boolean }[];
  };
  const formData: Record<string, string | number> = {};
  for (const f of item.formFields) {
    if (!f.required) continue;
    formData[f.key] = f.type === 'number' ? 120 : f.type === 'phone' ? '13700003333' : f.type === 'date' ? '2026-12-01' : '示范县人民路 18 号';
  }
  const materials = [];
  for (const m of item.materials.filter((x) => x.required)) {
    const up = await citizen.request.post('/api/uploads', { multipart: { file: pdfFile(`${m.name}.pdf`) } });
    assert(up.status() === 201, `upload ${m.name}: ${up.status()} ${await up.text()}`);
    materials.push({ materialId: m.id, uploadId: ((await up.json()) as { id: string }).id });
  }
  const res = await citizen.request.post('/api/cases', {
    data: { itemId, formData, materials, itemVersionId: item.versionId, idempotencyKey: `e2e-catalogue-${Date.now()}` },
  });
  assert(res.status() === 201, `submit ${itemCode}: ${res.status()} ${await res.text()}`);
}

async function run({ browser, baseUrl, shot }: ScenarioContext): Promise<void> {
  const admin = await newPerson(browser, baseUrl);
  await logIn(admin, 'admin');

  // 事项目录 from the admin console's menu; filter by the category tree.
  await admin.goto('/admin/processes');
  await admin.getByRole('link', { name: '事项目录' }).first().click();
  await expect(admin.getByRole('heading', { name: '事项目录' })).toBeVisible();
  await admin.getByRole('tree').getByText('企业开办').click();
  await expect(admin.getByRole('link', { name: '有限责任公司设立登记' })).toBeVisible();
  await expect(admin.getByRole('link', { name: '户口迁入（投靠类）' })).toBeHidden();
  await admin.getByRole('tree').getByText('全部分类').click();

  // Open an item: version 1 is read-only until a draft is started.
  await admin.getByRole('link', { name: '有限责任公司设立登记', exact: true }).click();
  await expect(admin.getByText('当前显示已发布的第 1 版')).toBeVisible();
  await admin.getByRole('button', { name: '编辑（新建草稿）' }).click();
  await expect(admin.getByText('正在编辑第 2 版草稿')).toBeVisible();
  const hours = admin.getByLabel('办理时间');
  await hours.fill('工作日 8:30—12:00，13:30—17:30；周六上午 9:00—12:00（延时服务）');
  // A bad value is refused with the field marked, nothing saved.
  await admin.getByLabel('咨询电话').fill('请拨打');
  await admin.getByRole('button', { name: '保存草稿' }).click();
  await expect(admin.getByText('电话号码格式不正确').first()).toBeVisible();
  await admin.getByLabel('咨询电话').fill('0571-12345605');
  // Separation of duties is on for every item until the catalogue turns it off.
  const separate = admin.getByRole('switch', { name: '申请人、受理人回避' });
  assert((await separate.getAttribute('aria-checked')) === 'true', 'separation of duties on by default');
  await separate.click();
  assert((await separate.getAttribute('aria-checked')) === 'false', 'separation of duties turned off');
  await checkPage(admin, 'item editor');
  await admin.getByRole('button', { name: '保存草稿' }).click();
  await expect(admin.getByText('草稿已保存')).toBeVisible();
  await admin.getByRole('button', { name: '发布' }).click();
  await admin.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(admin.getByText('已发布第 2 版')).toBeVisible();
  await expect(admin.getByText('当前显示已发布的第 2 版')).toBeVisible();
  const versions = admin.locator('.ant-card').filter({ hasText: '版本记录' });
  await expect(versions.getByRole('row').filter({ hasText: 'V2' }).getByText('已发布')).toBeVisible();
  await expect(versions.getByRole('row').filter({ hasText: 'V1' }).getByText('历史版本')).toBeVisible();
  await versions.getByRole('button', { name: '与上一版比较 V2' }).click();
  const diff = admin.getByRole('dialog');
  await expect(diff.getByText('第 1 版 → 第 2 版 的变化')).toBeVisible();
  await expect(diff.getByRole('row').filter({ hasText: '办理时间' })).toContainText('延时服务');
  await expect(diff.getByRole('row').filter({ hasText: '申请人、受理人回避' })).toBeVisible();
  await expect(admin.getByText('电话号码格式不正确')).toBeHidden();
  await shot(admin, 'catalogue-diff');
  await diff.getByRole('button', { name: /Close|关闭/ }).click();

  // The portal's service guide shows the new hours.
  const guide = (await (await admin.request.get('/api/items')).json()) as { id: string; code: string }[];
  const item = (await (await admin.request.get(`/api/items/${guide.find((i) => i.code === 'SCJG-DJ-003')!.id}`)).json()) as { version: number; hours: string };
  assert(item.version === 2 && item.hours.includes('延时服务'), `published guide: ${JSON.stringify(item)}`);
  const published = (await (await admin.request.get(`/api/admin/catalog/versions/${(item as unknown as { versionId: string }).versionId}`)).json()) as { content: { separateDuties: boolean } };
  assert(published.content.separateDuties === false, `published setting: ${JSON.stringify(published.content.separateDuties)}`);

  // Export the whole catalogue to Excel: a real download.
  await admin.getByRole('link', { name: '返回事项目录' }).click();
  await admin.getByRole('button', { name: '导出' }).hover();
  // The workbook is built on the server: on a busy machine that takes longer than a click's 30 s.
  const [download] = await Promise.all([admin.waitForEvent('download', { timeout: 90_000 }), admin.getByRole('menuitem', { name: '导出 Excel' }).click()]);
  const file = await download.path();
  assert(/\.xlsx$/.test(download.suggestedFilename()), `downloaded ${download.suggestedFilename()}`);
  assert(!!file, 'the download was saved');
  // Importing the same workbook back changes nothing (every item unchanged).
  await admin.getByTestId('catalog-import-input').setInputFiles(file!);
  await expect(admin.getByText(/导入完成：新建分类 0 个，新建事项 0 个，保存草稿 0 个，未变化 \d+ 个/)).toBeVisible();

  // A citizen applies; the statistics table counts it under its category.
  const citizen = await newPerson(browser, baseUrl);
  await logIn(citizen, 'citizen');
  await submit(citizen, 'SCJG-XK-001');
  await admin.getByRole('link', { name: '统计汇总表' }).first().click();
  await expect(admin.getByRole('heading', { name: '审批项目统计汇总表' })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: '企业服务 / 经营许可' }).filter({ hasText: '市场监督管理局' });
  await expect(row).toBeVisible();
  const received = Number(await row.locator('td').nth(3).innerText());
  assert(received >= 1, `received in 经营许可 / 市场监督管理局: ${received}`);
  await expect(admin.getByRole('row').filter({ hasText: '合计' })).toBeVisible();
  const [statsFile] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: '导出 Excel' }).click()]);
  assert(/审批项目统计汇总表.*\.xlsx$/.test(statsFile.suggestedFilename()), `statistics file ${statsFile.suggestedFilename()}`);
  await admin.emulateMedia({ media: 'print' });
  await expect(admin.getByRole('button', { name: '打印' })).toBeHidden();
  await shot(admin, 'catalogue-statistics-print');
  await admin.emulateMedia({ media: 'screen' });

  // A manager reads the statistics but not the catalogue editor.
  const manager = await newPerson(browser, baseUrl);
  await logIn(manager, 'manager');
  await manager.goto('/admin/statistics');
  await expect(manager.getByRole('row').filter({ hasText: '企业服务 / 经营许可' })).toBeVisible();
  await expect(manager.getByRole('link', { name: '事项目录' })).toBeHidden();

}

export const scenarios: Scenario[] = [{ name: 'catalogue: edit a draft, publish version 2, export Excel, category statistics', run }];

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';

/**
 * 审批项目统计汇总表 against cases seeded through the real flow at chosen
 * moments (the clock travels): received, accepted, concluded in and out of
 * time, refused, still open past the limit.
 */
let t: TestApp;
const f = factories(() => t);
/** Three items in three top-level categories of their own, in this order in the tree: 经营许可, 户籍管理, 工程建设. */
let food: Item;
let household: Item;
const tree = [['企业服务', '经营许可'], ['个人服务', '户籍管理'], ['工程建设', '施工许可']].map(([top, leaf], i) => ({ top: `测试${top}`, leaf: leaf!, sortOrder: 100 + i }));
beforeAll(async () => {
  t = await createTestApp('2026-09-28T02:00:00Z');
  const categories: string[] = [];
  for (const [i, c] of tree.entries()) {
    const made = async (code: string, name: string, parentId: string | null) =>
      (await f.as('admin').post('/api/admin/catalog/categories', { code, name, parentId, sortOrder: c.sortOrder })).json().id as string;
    categories.push(await made(`TEST-${i}-LEAF`, c.leaf, await made(`TEST-${i}`, c.top, null)));
  }
  food = await f.item({ legalDays: 10, promisedDays: 5, categoryId: categories[0] });
  household = await f.item({ categoryId: categories[1] });
  await f.item({ categoryId: categories[2] });
  const approve = (caseId: string) => f.complete(food, caseId, 'approved', '符合条件，准予许可');
  // September: one case, outside the October period.
  await f.submit(food);
  // 9 October (the first working day after the National Day holiday).
  t.clock.set('2026-10-09T02:00:00Z');
  const inTime = await f.caseIn(food, 'accepted');
  const late = await f.caseIn(food, 'accepted');
  await f.caseIn(food, 'refused');
  await f.caseIn(food, 'accepted');
  await f.submit(food);
  await f.submit(household);
  await approve(inTime.id);
  // Promised 5 working days: due 16 October; concluded on the 20th.
  t.clock.set('2026-10-20T03:00:00Z');
  await approve(late.id);
  t.clock.set('2026-11-05T02:00:00Z');
});
afterAll(() => t.close());

const stats = async (from: string, to: string, who = 'manager') => f.as(who).get(`/api/catalog/statistics?from=${from}&to=${to}`);

describe('category statistics table', () => {
  it('counts items and cases per category and department for the period', async () => {
    const res = await stats('2026-10-01', '2026-10-31');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    type Row = { categoryPath: string; departmentName: string };
    const rowOf = (it: Item, i: number) => (body.rows as Row[]).findIndex((r) => r.categoryPath === `${tree[i]!.top} / ${tree[i]!.leaf}` && r.departmentName === it.department.name);
    expect(body.rows[rowOf(food, 0)]).toMatchObject({
      items: 1, received: 5, accepted: 3, concluded: 2, approved: 2, denied: 0, refused: 1, inTime: 1, inTimeRate: 0.5, overdue: 2,
    });
    expect(body.rows[rowOf(household, 1)]).toMatchObject({ items: 1, received: 1, accepted: 0, concluded: 0, inTimeRate: null, overdue: 0 });
    // Rows follow the category tree: 企业服务 before 个人服务 before 工程建设.
    const order = tree.map((c) => (body.rows as Row[]).findIndex((r) => r.categoryPath.startsWith(`${c.top} / `)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const items = (await t.ctx.db.query('SELECT count(*)::int AS n FROM service_items WHERE enabled')).rows[0].n;
    expect(body.totals).toMatchObject({ items, received: 6, accepted: 3, concluded: 2, refused: 1, inTime: 1, overdue: 2 });
  });

  it('counts by the period chosen: September saw one case received, nothing else', async () => {
    const sep = (await stats('2026-09-01', '2026-09-30')).json();
    expect(sep.totals).toMatchObject({ received: 1, accepted: 0, concluded: 0, refused: 0, overdue: 0 });
    // Mid-October, before the late case concluded: it is open and past its limit at the period's end.
    const mid = (await stats('2026-10-01', '2026-10-17')).json();
    expect(mid.totals).toMatchObject({ received: 6, accepted: 3, concluded: 1, inTime: 1, overdue: 2 });
  });

  it('exports the same table to Excel with a total row', async () => {
    const res = await f.as('manager').get('/api/catalog/statistics.xlsx?from=2026-10-01&to=2026-10-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审批项目统计汇总表'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('审批项目统计汇总表');
    expect(ws.getCell(2, 1).value).toBe('统计期间：2026-10-01 至 2026-10-31');
    const last = ws.getRow(ws.rowCount).values as unknown[];
    expect(last.slice(1)).toEqual(['合计', '', expect.any(Number), 6, 3, 2, 2, 0, 1, 1, '50.0%', 2]);
  });

  it('refuses a period that is inverted, impossible or longer than a year', async () => {
    expect((await stats('2026-10-31', '2026-10-01')).json().code).toBe('STATS_PERIOD_INVALID');
    expect((await stats('2026-02-01', '2026-02-30')).json().code).toBe('STATS_PERIOD_INVALID');
    expect((await stats('2024-01-01', '2026-01-01')).json().code).toBe('STATS_PERIOD_INVALID');
    expect((await stats('2026-10-01', '2026-10-31', 'citizen')).json().code).toBe('FORBIDDEN');
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, submitCase, type TestApp } from '../../../test/app.ts';

/**
 * 审批项目统计汇总表 against cases seeded through the real flow at chosen
 * moments (the clock travels): received, accepted, concluded in and out of
 * time, refused, still open past the limit.
 */
let t: TestApp;
let citizen: string;
let clerk: string;
let approver: string;
let manager: string;
/** Moves the clock and logs everyone in again (sessions last seven days). */
async function travel(to: string): Promise<void> {
  t.clock.set(to);
  [citizen, clerk, approver, manager] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, 'approver'), login(t.app, 'manager')]);
}
beforeAll(async () => {
  t = await createTestApp('2026-09-28T02:00:00Z');
  await travel('2026-09-28T02:00:00Z');
  const post = (url: string, cookie: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const approve = async (caseId: string) => {
    const todo = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json();
    const task = todo.items.find((i: { caseId: string }) => i.caseId === caseId);
    const res = await post(`/api/tasks/${task.id}/complete`, approver, { outcome: 'approved', opinion: '符合条件，准予许可' });
    if (res.statusCode !== 200) throw new Error(res.body);
  };
  // September: one case, outside the October period.
  await submitCase(t.app, citizen, 'SCJG-XK-001');
  // 9 October (the first working day after the National Day holiday).
  await travel('2026-10-09T02:00:00Z');
  const inTime = await submitCase(t.app, citizen, 'SCJG-XK-001');
  const late = await submitCase(t.app, citizen, 'SCJG-XK-001');
  const refused = await submitCase(t.app, citizen, 'SCJG-XK-001');
  const open = await submitCase(t.app, citizen, 'SCJG-XK-001');
  await submitCase(t.app, citizen, 'SCJG-XK-001');
  await submitCase(t.app, citizen, 'GAJ-HJ-001');
  for (const c of [inTime, late, open]) await post(`/api/cases/${c.id}/accept`, clerk);
  await post(`/api/cases/${refused.id}/refuse`, clerk, { reason: '不属于本部门职权范围' });
  await approve(inTime.id);
  // Promised 5 working days: due 16 October; concluded on the 20th.
  await travel('2026-10-20T03:00:00Z');
  await approve(late.id);
  await travel('2026-11-05T02:00:00Z');
});
afterAll(() => t.close());

const stats = async (from: string, to: string, cookie = manager) =>
  t.app.inject({ url: `/api/catalog/statistics?from=${from}&to=${to}`, headers: { cookie } });

describe('category statistics table', () => {
  it('counts items and cases per category and department for the period', async () => {
    const res = await stats('2026-10-01', '2026-10-31');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const food = body.rows.find((r: { categoryPath: string; departmentName: string }) => r.categoryPath === '企业服务 / 经营许可' && r.departmentName === '市场监督管理局');
    expect(food).toMatchObject({
      items: 1, received: 5, accepted: 3, concluded: 2, approved: 2, denied: 0, refused: 1, inTime: 1, inTimeRate: 0.5, overdue: 2,
    });
    const household = body.rows.find((r: { categoryPath: string }) => r.categoryPath === '个人服务 / 户籍管理');
    expect(household).toMatchObject({ departmentName: '公安局', items: 1, received: 1, accepted: 0, concluded: 0, inTimeRate: null, overdue: 0 });
    // Rows follow the category tree: 企业服务 before 个人服务 before 工程建设.
    const order = body.rows.map((r: { categoryPath: string }) => r.categoryPath.split(' / ')[0]);
    expect(order.indexOf('企业服务')).toBeLessThan(order.indexOf('个人服务'));
    expect(order.indexOf('个人服务')).toBeLessThan(order.indexOf('工程建设'));
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
    const res = await t.app.inject({ url: '/api/catalog/statistics.xlsx?from=2026-10-01&to=2026-10-31', headers: { cookie: manager } });
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
    expect((await stats('2026-10-01', '2026-10-31', citizen)).json().code).toBe('FORBIDDEN');
  });
});

import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * 审批项目统计汇总表: per item category and department, for a period of
 * calendar days (China time, both ends included): the items in force, and the
 * cases received, accepted, concluded (approved / denied), refused, concluded
 * within the promised limit, and overdue.
 */

export const statsQuerySchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

const counts = {
  items: z.number().int(),
  received: z.number().int(),
  accepted: z.number().int(),
  concluded: z.number().int(),
  approved: z.number().int(),
  denied: z.number().int(),
  refused: z.number().int(),
  /** Concluded in the period within the promised limit (承诺时限). */
  inTime: z.number().int(),
  /** inTime / concluded, null when nothing concluded. */
  inTimeRate: z.number().nullable(),
  /** Concluded in the period after the limit, or still open at the period's end (or now) past it. */
  overdue: z.number().int(),
};

export const statsRowSchema = z.object({
  categoryId: z.uuid().nullable(),
  /** 一级 / 二级; null: items without category (未分类). */
  categoryPath: z.string().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  ...counts,
});
export const statsSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(statsRowSchema),
  totals: z.object(counts),
});
export type CategoryStats = z.infer<typeof statsSchema>;

const DAY_MS = 86_400_000;

/** The period's bounds as instants: from 00:00 China time to the day after `to`, 00:00. */
export function periodBounds(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const last = new Date(`${to}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(last.getTime())) {
    throw new AppError('STATS_PERIOD_INVALID');
  }
  // 2026-02-30 parses as March; refuse dates that do not exist.
  const back = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (back(start) !== from || back(last) !== to) throw new AppError('STATS_PERIOD_INVALID');
  const end = new Date(last.getTime() + DAY_MS);
  if (end <= start || end.getTime() - start.getTime() > 366 * DAY_MS) throw new AppError('STATS_PERIOD_INVALID');
  return { start, end };
}

/** The case counts per item and department over [start, end) (the cases module's, given by the composition root). */
export type CaseCounts = (q: Queryable, start: Date, end: Date, now: Date) => Promise<{
  itemId: string; departmentId: string; received: number; accepted: number; concluded: number; approved: number;
  denied: number; refused: number; inTime: number; overdue: number;
}[]>;

export async function categoryStatistics(q: Queryable, countCases: CaseCounts, from: string, to: string, now: Date): Promise<CategoryStats> {
  const { start, end } = periodBounds(from, to);
  const counts = await countCases(q, start, end, now);
  const { rows } = await q.query(
    `WITH RECURSIVE cat AS (
        SELECT id, name::text AS path, lpad(sort_order::text, 8, '0') || code AS sortkey FROM item_categories WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, cat.path || ' / ' || c.name, cat.sortkey || '/' || lpad(c.sort_order::text, 8, '0') || c.code
          FROM item_categories c JOIN cat ON c.parent_id = cat.id),
      ic AS (SELECT category_id, department_id, count(*)::int AS items FROM service_items WHERE enabled GROUP BY 1, 2),
      cs AS (
        SELECT i.category_id, x.department_id, sum(x.received)::int AS received, sum(x.accepted)::int AS accepted,
               sum(x.concluded)::int AS concluded, sum(x.approved)::int AS approved, sum(x.denied)::int AS denied,
               sum(x.refused)::int AS refused, sum(x."inTime")::int AS in_time, sum(x.overdue)::int AS overdue
          FROM jsonb_to_recordset($1::jsonb) AS x("itemId" uuid, department_id uuid, received int, accepted int, concluded int,
                 approved int, denied int, refused int, "inTime" int, overdue int)
          JOIN service_items i ON i.id = x."itemId"
         GROUP BY 1, 2),
      k AS (SELECT category_id, department_id FROM ic UNION SELECT category_id, department_id FROM cs)
     SELECT k.category_id AS "categoryId", cat.path AS "categoryPath", d.id AS "departmentId", d.name AS "departmentName",
            COALESCE(ic.items, 0) AS items, COALESCE(cs.received, 0) AS received, COALESCE(cs.accepted, 0) AS accepted,
            COALESCE(cs.concluded, 0) AS concluded, COALESCE(cs.approved, 0) AS approved, COALESCE(cs.denied, 0) AS denied,
            COALESCE(cs.refused, 0) AS refused, COALESCE(cs.in_time, 0) AS "inTime", COALESCE(cs.overdue, 0) AS overdue
       FROM k
       JOIN departments d ON d.id = k.department_id
       LEFT JOIN cat ON cat.id = k.category_id
       LEFT JOIN ic ON ic.category_id IS NOT DISTINCT FROM k.category_id AND ic.department_id = k.department_id
       LEFT JOIN cs ON cs.category_id IS NOT DISTINCT FROM k.category_id AND cs.department_id = k.department_id
      ORDER BY cat.sortkey NULLS LAST, d.sort_order, d.code`,
    [JSON.stringify(counts.map(({ departmentId, ...c }) => ({ ...c, department_id: departmentId })))],
  );
  const rate = (r: { inTime: number; concluded: number }) => (r.concluded ? Math.round((r.inTime / r.concluded) * 10_000) / 10_000 : null);
  const keys = ['items', 'received', 'accepted', 'concluded', 'approved', 'denied', 'refused', 'inTime', 'overdue'] as const;
  const sum = Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + (r[k] as number), 0)])) as Record<(typeof keys)[number], number>;
  return {
    from, to,
    rows: rows.map((r) => ({ ...r, inTimeRate: rate(r) })),
    totals: { ...sum, inTimeRate: rate(sum) },
  };
}

const HEADERS = ['项目分类', '实施部门', '事项数', '收件数', '受理数', '办结数', '其中：准予', '其中：不予许可', '不予受理数', '按时办结数', '按时办结率', '逾期数'];

/** The table as an Excel sheet: title, period, header, one row per category and department, the total. */
export async function statisticsToXlsx(s: CategoryStats, centerName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tongban';
  const ws = wb.addWorksheet('审批项目统计汇总表', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = `${centerName} 审批项目统计汇总表`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, HEADERS.length);
  ws.getCell(2, 1).value = `统计期间：${s.from} 至 ${s.to}`;
  ws.addRow(HEADERS).font = { bold: true };
  const line = (label: string, dept: string, r: CategoryStats['totals']) => [
    label, dept, r.items, r.received, r.accepted, r.concluded, r.approved, r.denied, r.refused, r.inTime,
    r.inTimeRate === null ? '—' : `${(r.inTimeRate * 100).toFixed(1)}%`, r.overdue,
  ];
  for (const r of s.rows) ws.addRow(line(r.categoryPath ?? '未分类', r.departmentName, r));
  ws.addRow(line('合计', '', s.totals)).font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 30 : i === 1 ? 22 : 11; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

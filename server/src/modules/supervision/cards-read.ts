import type { Queryable } from '../../platform/db/pool.ts';
import type { Period } from './queries.ts';
import type { CaseCard } from '../../../../shared/supervision/monitor.ts';

/**
 * The monitoring pages' one window on warnings and cards (supervision.sv_cards,
 * kept by cards/): per department or item, the cases of a period that carry a
 * warning, a yellow or a red card; and the cards of one case.
 */
export async function cardCountsBy(
  db: Queryable, by: 'department' | 'item', period: Period,
): Promise<Map<string, { warning: number; yellow: number; red: number }>> {
  const key = by === 'department' ? 'c.department_id::text' : 'c.item_code';
  const { rows } = await db.query<{ key: string | null; warning: number; yellow: number; red: number }>(
    `SELECT ${key} AS key,
            count(DISTINCT c.case_id) FILTER (WHERE k.level = 'warning')::int AS warning,
            count(DISTINCT c.case_id) FILTER (WHERE k.level = 'yellow')::int AS yellow,
            count(DISTINCT c.case_id) FILTER (WHERE k.level = 'red')::int AS red
       FROM supervision.sv_cases c
       JOIN supervision.sv_cards k ON k.source_id = c.source_id AND k.case_id = c.case_id
      WHERE c.submitted_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND c.submitted_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
      GROUP BY ${key}`,
    [period.from, period.to],
  );
  return new Map(rows.map((r) => [r.key ?? '', { warning: r.warning, yellow: r.yellow, red: r.red }]));
}

export type { CaseCard } from '../../../../shared/supervision/monitor.ts';

export async function cardsOfCase(db: Queryable, sourceId: string, caseId: string): Promise<CaseCard[]> {
  const { rows } = await db.query<{
    number: string; level: CaseCard['level']; rule_code: string; rule_name: string; rule_version: number; stage: string; step_name: string | null;
    department_name: string | null; assignee_name: string | null; due_at: Date | null; raised_at: Date; status: string;
  }>(
    `SELECT number, level, rule_code, rule_name, rule_version, stage, step_name, department_name, assignee_name, due_at, raised_at, status
       FROM supervision.sv_cards WHERE source_id = $1 AND case_id = $2 ORDER BY raised_at, number`,
    [sourceId, caseId],
  );
  return rows.map((r) => ({
    number: r.number, level: r.level, rule: r.rule_code, ruleName: r.rule_name, ruleVersion: r.rule_version, stage: r.stage, step: r.step_name,
    department: r.department_name, assignee: r.assignee_name, dueAt: r.due_at?.toISOString() ?? null, raisedAt: r.raised_at.toISOString(), status: r.status,
  }));
}

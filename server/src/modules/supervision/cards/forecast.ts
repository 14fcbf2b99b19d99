/**
 * The forecast: which warnings and cards would stand at an instant, by the
 * current rules, from what supervision knows now (the cards raised so far and
 * the open deadlines, as if no further event arrived). It writes nothing; the
 * `tongban supervision scan --at` command and the home page's "明天将变黄/变红"
 * both read it.
 */
import type { Queryable } from '../../../platform/db/pool.ts';
import { fromShanghai, toShanghai } from '../../calendar/index.ts';
import { supervisionCalendar } from './calendar.ts';
import { readRuleSet } from './rule-store.ts';
import { levelRank, standingThresholds, type CardLevel, type ThresholdRule } from './rules.ts';
import type { ForecastCard } from '../../../../../shared/supervision/cards.ts';

export type { ForecastCard } from '../../../../../shared/supervision/cards.ts';

interface DeadlineRow {
  case_no: string; step_key: string; step_name: string | null; stage: string; department_id: string | null; department_name: string | null;
  started_at: Date; due_at: Date; raised: string[];
}
interface CardRow {
  case_no: string; step_name: string | null; level: CardLevel; rule_code: string; rule_version: number; stage: string;
  department_id: string | null; department_name: string | null; due_at: Date | null; passed_at: Date;
}

/** The cards standing at `at`; with `onlyTurning`, only the yellow and red ones still to pass after `now`. */
export async function forecastCards(q: Queryable, at: Date, opts: { onlyTurningAfter?: Date } = {}): Promise<{ at: string; cards: ForecastCard[] }> {
  const rules = await readRuleSet(q);
  const cal = supervisionCalendar();
  const cards: ForecastCard[] = [];
  if (!opts.onlyTurningAfter) {
    const raised = (await q.query<CardRow>(
      `SELECT case_no, step_name, level, rule_code, rule_version, stage, department_id, department_name, due_at, passed_at
         FROM supervision.sv_cards WHERE raised_at <= $1 AND status <> 'revoked'`, [at],
    )).rows;
    for (const c of raised) {
      cards.push({
        caseNo: c.case_no, level: c.level, rule: c.rule_code, ruleVersion: c.rule_version, stage: c.stage,
        department: c.department_name ?? c.department_id, dueAt: c.due_at?.toISOString() ?? null, passesAt: c.passed_at.toISOString(),
        raised: true, step: c.step_name,
      });
    }
  }
  // A yellow or red card passes at most this long before its due instant: bounds the rows read for "tomorrow".
  const yellowDays = Math.max(1, ...rules.rules.filter((r): r is ThresholdRule => r.kind === 'threshold' && r.measure === 'workdays_left').map((r) => r.value));
  const horizon = opts.onlyTurningAfter ? new Date(at.getTime() + (yellowDays * 3 + 15) * 86_400_000) : null;
  const open = (await q.query<DeadlineRow>(
    `SELECT case_no, step_key, step_name, stage, department_id, department_name, started_at, due_at, raised
       FROM supervision.sv_deadlines WHERE started_at <= $1 AND ($2::timestamptz IS NULL OR due_at <= $2)`, [at, horizon],
  )).rows;
  for (const d of open) {
    const already = new Set(d.raised);
    for (const t of standingThresholds(cal, rules.rules, { startedAt: d.started_at, dueAt: d.due_at }, at)) {
      if (already.has(t.rule.code)) continue;
      if (opts.onlyTurningAfter && (t.rule.level === 'warning' || t.at.getTime() <= opts.onlyTurningAfter.getTime())) continue;
      cards.push({
        caseNo: d.case_no, level: t.rule.level, rule: t.rule.code, ruleVersion: rules.version, stage: d.stage,
        department: d.department_name ?? d.department_id, dueAt: d.due_at.toISOString(), passesAt: t.at.toISOString(),
        raised: false, step: d.step_name,
      });
    }
  }
  cards.sort((a, b) => a.caseNo.localeCompare(b.caseNo) || levelRank(a.level) - levelRank(b.level) || a.rule.localeCompare(b.rule));
  return { at: at.toISOString(), cards };
}

/** The end of tomorrow (Shanghai) after `now`: the horizon of "明天将变黄/变红". */
export function endOfTomorrow(now: Date): Date {
  return new Date(fromShanghai({ day: toShanghai(now).day + 2, minute: 0 }).getTime() - 1);
}

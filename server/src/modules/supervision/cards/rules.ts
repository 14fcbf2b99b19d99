/**
 * 预警纠错 as data: the rules that raise warnings (预警信号), yellow cards (黄牌)
 * and red cards (红牌), and the pure functions that turn a deadline into the
 * instants its thresholds pass. Nothing here reads a table or the clock: the
 * caller passes the calendar, the rule set and "now".
 *
 * Working days come from the legal clock's pure functions (calendar/index.ts),
 * on the national calendar (State Council data shipped with the code): the
 * supervision platform may run on its own machine without the approval side's
 * calendar tables, and a due date it receives was already computed by the
 * approval side's clock, regional edits included. Only the *thresholds* before
 * a due date (one working day left, two thirds used) are counted here, by the
 * legal clock's own `warningInstant` (the approval side's step warnings use it too).
 */
import { warningInstant, type WorkCalendar } from '../../calendar/index.ts';
import { AppError } from '../../../platform/errors.ts';

import { CARD_LEVELS, type CardLevel } from '../../../../../shared/supervision/cards.ts';

export { CARD_LEVELS, type CardLevel } from '../../../../../shared/supervision/cards.ts';

export const LEVEL_LABELS: Record<CardLevel, { zh: string; en: string }> = {
  warning: { zh: '预警', en: 'Warning' },
  yellow: { zh: '黄牌', en: 'Yellow card' },
  red: { zh: '红牌', en: 'Red card' },
};

/**
 * How a time threshold is measured against a deadline:
 * - `used_fraction`: this share of the limit's working days is used (2/3 → 预警);
 * - `workdays_left`: this many working days or fewer are left after today (1 → 黄牌);
 * - `overdue`: the due moment has passed (超时限 → 红牌).
 */
export type ThresholdMeasure = 'used_fraction' | 'workdays_left' | 'overdue';

interface RuleBase {
  /** Stable code, cited by every card it raises. */
  code: string;
  nameZh: string;
  nameEn: string;
  level: CardLevel;
  enabled: boolean;
}

export interface ThresholdRule extends RuleBase {
  kind: 'threshold';
  measure: ThresholdMeasure;
  /** The fraction for `used_fraction`, the working days for `workdays_left`; ignored for `overdue`. */
  value: number;
}

/**
 * A violation raises its card the moment one of its event types arrives, or
 * one of the irregular-procedure findings supervision detects on ingest,
 * named `anomaly.<kind>` (out_of_order, refusal_without_basis, …).
 */
export interface ViolationRule extends RuleBase {
  kind: 'violation';
  eventTypes: string[];
}

export type SupervisionRule = ThresholdRule | ViolationRule;

/** Working-day limits of each step of a card's own handling (受理 → 处理, 申诉, 复核). */
export interface LifecycleLimits {
  /** From raising to 受理 by the supervision office. */
  acceptWorkdays: number;
  /** From 受理 to 处理 (through 立案 and 调查 when the card warrants them). */
  decideWorkdays: number;
  /** From 处理 to the department's 申诉; later appeals are refused. */
  appealWorkdays: number;
  /** From 申诉 to the 复核 decision. */
  reviewWorkdays: number;
}

/** What the supervision admin edits; stored as one versioned record. */
export interface RuleSetBody {
  rules: SupervisionRule[];
  lifecycle: LifecycleLimits;
}

export interface RuleSet extends RuleSetBody {
  version: number;
}

/**
 * The defaults of the requirement: 预警 at two thirds of the limit, 黄牌 with
 * one working day or less left, 红牌 when overdue and at once for each violation.
 * The violation event types are the names the approval side (or another
 * source) uses for these facts; the admin can add their own.
 */
export const DEFAULT_RULE_SET: RuleSetBody = {
  rules: [
    { code: 'time.warning', kind: 'threshold', nameZh: '时限已用三分之二', nameEn: 'Two thirds of the limit used', level: 'warning', measure: 'used_fraction', value: 2 / 3, enabled: true },
    { code: 'time.yellow', kind: 'threshold', nameZh: '临近办理时限', nameEn: 'Close to the time limit', level: 'yellow', measure: 'workdays_left', value: 1, enabled: true },
    { code: 'time.overdue', kind: 'threshold', nameZh: '超时限', nameEn: 'Over the time limit', level: 'red', measure: 'overdue', value: 0, enabled: true },
    { code: 'violation.fee', kind: 'violation', nameZh: '违规收费', nameEn: 'Irregular fee', level: 'red', eventTypes: ['fee.irregular', 'fee.overcharged'], enabled: true },
    { code: 'violation.procedure', kind: 'violation', nameZh: '违反审批程序', nameEn: 'Approval procedure violated', level: 'red', eventTypes: ['anomaly.out_of_order', 'anomaly.refusal_without_basis', 'case.procedure_violated'], enabled: true },
    { code: 'violation.disclosure', kind: 'violation', nameZh: '违反政务公开规定', nameEn: 'Disclosure rules violated', level: 'red', eventTypes: ['disclosure.violated'], enabled: true },
    { code: 'violation.refusal', kind: 'violation', nameZh: '对符合条件的申请人不予批准', nameEn: 'Qualified applicant refused', level: 'red', eventTypes: ['case.refusal_reversed'], enabled: true },
  ],
  lifecycle: { acceptWorkdays: 1, decideWorkdays: 10, appealWorkdays: 5, reviewWorkdays: 5 },
};

const CODE = /^[a-z][a-z0-9_.-]{1,39}$/;
const EVENT_TYPE = /^[a-z][a-z0-9_.]{1,79}$/;

/** Refuses a rule set the scan could not apply; returns it with numbers normalised. */
export function checkRuleSet(body: RuleSetBody): RuleSetBody {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const r of body.rules) {
    if (!CODE.test(r.code)) problems.push(`${r.code}: code`);
    if (codes.has(r.code)) problems.push(`${r.code}: duplicate`);
    codes.add(r.code);
    if (!r.nameZh.trim() || !r.nameEn.trim()) problems.push(`${r.code}: name`);
    if (!CARD_LEVELS.includes(r.level)) problems.push(`${r.code}: level`);
    if (r.kind === 'threshold') {
      if (r.measure === 'used_fraction' && !(r.value > 0 && r.value < 1)) problems.push(`${r.code}: fraction must be in (0, 1)`);
      if (r.measure === 'workdays_left' && !(Number.isInteger(r.value) && r.value >= 0 && r.value <= 30)) problems.push(`${r.code}: working days 0–30`);
    } else {
      if (r.eventTypes.length === 0) problems.push(`${r.code}: no event type`);
      for (const t of r.eventTypes) if (!EVENT_TYPE.test(t)) problems.push(`${r.code}: event type ${t}`);
    }
  }
  for (const [k, v] of Object.entries(body.lifecycle)) {
    if (!(Number.isInteger(v) && v >= 1 && v <= 60)) problems.push(`lifecycle.${k}: working days 1–60`);
  }
  if (problems.length) throw new AppError('SUPERVISION_RULES_INVALID', { problems });
  return body;
}

/** One open deadline: a process step, or the whole case (step null). */
export interface Deadline {
  startedAt: Date;
  dueAt: Date;
  /** When the step or case ended; no threshold passes after it. */
  completedAt?: Date | null;
}

/** The instant a time threshold passes for a deadline, or null when it never applies. */
export function thresholdInstant(cal: WorkCalendar, rule: ThresholdRule, d: Deadline): Date | null {
  const due = d.dueAt.getTime();
  // Red once `now` is past the due moment, as the legal clock's colour says.
  if (rule.measure === 'overdue' && !(due > d.startedAt.getTime())) return new Date(due + 1);
  const at = rule.measure === 'overdue'
    ? new Date(due + 1)
    : warningInstant(cal, d.startedAt, d.dueAt, rule.measure === 'used_fraction' ? 'used_share' : 'workdays_left', rule.value);
  if (!at) return null;
  if (d.completedAt && d.completedAt.getTime() < at.getTime()) return null;
  return at;
}

/** Each enabled time rule with the instant it passes (never-passing ones left out), earliest first. */
export function thresholdsOf(cal: WorkCalendar, rules: readonly SupervisionRule[], d: Deadline): { rule: ThresholdRule; at: Date }[] {
  const out: { rule: ThresholdRule; at: Date }[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'threshold' || !rule.enabled) continue;
    const at = thresholdInstant(cal, rule, d);
    if (at) out.push({ rule, at });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || levelRank(a.rule.level) - levelRank(b.rule.level));
}

/** The thresholds that stand at `at` (passed at or before it). */
export function standingThresholds(cal: WorkCalendar, rules: readonly SupervisionRule[], d: Deadline, at: Date): { rule: ThresholdRule; at: Date }[] {
  return thresholdsOf(cal, rules, d).filter((t) => t.at.getTime() <= at.getTime());
}

/**
 * The first threshold still to pass after the ones already raised: what the
 * deadline index keeps in `next_threshold_at` so the scan reads only rows
 * whose instant has come.
 */
export function nextThreshold(
  cal: WorkCalendar, rules: readonly SupervisionRule[], d: Deadline, raised: ReadonlySet<string>,
): { rule: ThresholdRule; at: Date } | null {
  return thresholdsOf(cal, rules, d).find((t) => !raised.has(t.rule.code)) ?? null;
}

/**
 * Earlier names of an anomaly, as rule sets stored before a rename still
 * cite them: the first defaults named the refusal check
 * `anomaly.refusal_without_reason`, which the projection never emitted.
 */
const FORMER_NAMES: Readonly<Record<string, readonly string[]>> = {
  'anomaly.refusal_without_basis': ['anomaly.refusal_without_reason'],
};

/** The violation rules an incoming event type (or an anomaly, `anomaly.<kind>`) triggers, each once. */
export function violationsFor(rules: readonly SupervisionRule[], eventType: string): ViolationRule[] {
  const names = [eventType, ...(FORMER_NAMES[eventType] ?? [])];
  return rules.filter((r): r is ViolationRule => r.kind === 'violation' && r.enabled && r.eventTypes.some((t) => names.includes(t)));
}

export function levelRank(level: CardLevel): number {
  return CARD_LEVELS.indexOf(level);
}

/** The rule of a set by its code. */
export function ruleByCode(set: RuleSetBody, code: string): SupervisionRule | undefined {
  return set.rules.find((r) => r.code === code);
}

/** The forecast for the supervision home page: what turns yellow or red between `from` and `to` (e.g. tomorrow). */
export function turningBetween<T extends { level: CardLevel; passesAt: Date }>(cards: readonly T[], from: Date, to: Date): T[] {
  return cards.filter((c) => c.level !== 'warning' && c.passesAt.getTime() > from.getTime() && c.passesAt.getTime() <= to.getTime());
}

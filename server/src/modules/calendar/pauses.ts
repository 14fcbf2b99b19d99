/**
 * Typed pauses of a clock. 行政许可法 第四十五条: time spent on hearing,
 * tender, auction, inspection, testing, quarantine, appraisal and expert
 * review is not counted; waiting for the applicant's supplement (补正, 第三十二条)
 * stops the clock the same way. A pause given as dates A:B covers the days A
 * through B, both included.
 */
import { AppError } from '../../platform/errors.ts';
import { formatIsoDate, parseIsoDate } from './dates.ts';

export const PAUSE_LABELS = {
  supplement: '补正',
  hearing: '听证',
  tender: '招标',
  auction: '拍卖',
  inspection: '检验',
  testing: '检测',
  quarantine: '检疫',
  appraisal: '鉴定',
  expert_review: '专家评审',
} as const;

export type PauseType = keyof typeof PAUSE_LABELS;

export interface PauseInput {
  type: PauseType;
  /** First paused day, YYYY-MM-DD. */
  from: string;
  /** Last paused day, YYYY-MM-DD; for a running pause, the end told to the applicant. */
  to: string;
}

/** A validated pause on epoch days. */
export interface Pause {
  type: PauseType;
  from: number;
  to: number;
}

export function isPauseType(s: string): s is PauseType {
  return Object.hasOwn(PAUSE_LABELS, s);
}

/** Parses one `A:B` command-line pause (supplement unless `type@A:B`). */
export function parsePauseArg(arg: string): PauseInput {
  const at = arg.indexOf('@');
  const type = at >= 0 ? arg.slice(0, at) : 'supplement';
  const range = at >= 0 ? arg.slice(at + 1) : arg;
  const [from, to, extra] = range.split(':');
  if (!from || !to || extra !== undefined) throw new AppError('CALENDAR_ARGUMENT_INVALID', { detail: `--pause 应为 A:B 或 类型@A:B，收到 "${arg}"` });
  if (!isPauseType(type)) throw new AppError('CALENDAR_PAUSE_TYPE_UNKNOWN', { type });
  return { type, from, to };
}

/**
 * Validates pauses against each other and the start day, sorted by start.
 * Whether a pause begins before the deadline needs the calendar and is checked
 * when the deadline is computed.
 */
export function validatePauses(pauses: readonly PauseInput[], startDay: number): Pause[] {
  const parsed = pauses.map((p) => {
    if (!isPauseType(p.type)) throw new AppError('CALENDAR_PAUSE_TYPE_UNKNOWN', { type: p.type });
    const from = parseIsoDate(p.from);
    const to = parseIsoDate(p.to);
    if (from === undefined || to === undefined) throw new AppError('CALENDAR_DATE_INVALID', { pause: p });
    if (to < from) throw new AppError('CALENDAR_PAUSE_INVERTED', { pause: p });
    if (from < startDay) throw new AppError('CALENDAR_PAUSE_BEFORE_START', { pause: p });
    return { type: p.type, from, to };
  });
  parsed.sort((a, b) => a.from - b.from);
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1] as Pause;
    const cur = parsed[i] as Pause;
    // The clock cannot stop twice for the same day.
    if (cur.from <= prev.to) {
      const show = (p: Pause) => ({ type: p.type, from: formatIsoDate(p.from), to: formatIsoDate(p.to) });
      throw new AppError('CALENDAR_PAUSE_OVERLAP', { pauses: [show(prev), show(cur)] });
    }
  }
  return parsed;
}

/**
 * The pauses of a case that concern one of its steps started on `startDate`:
 * pauses over before the step began are dropped, one running when it began is
 * cut to start that day. A case's pause pauses its current step too (issue 4).
 */
export function pausesFrom(pauses: readonly PauseInput[], startDate: string): PauseInput[] {
  return pauses.filter((p) => p.to >= startDate).map((p) => (p.from < startDate ? { ...p, from: startDate } : p));
}

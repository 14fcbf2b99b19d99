/**
 * The ledger: how a due date was reached, as structured entries and one
 * Chinese sentence a person who knows the law can check by hand, e.g.
 * "受理 2026-09-24（周四）；承诺 20 个工作日；9/25–9/27 中秋、10/1–10/7 国庆节不计；
 * 10/10（周六）调休上班计入；补正暂停 3 个工作日；到期 2026-11-03 17:30".
 */
import type { DaySource, WorkCalendar } from './calendar.ts';
import { formatHhMm, formatIsoDate, shortDate, weekdayZh, yearOf } from './dates.ts';
import type { Due, PreparedClock, Unit } from './deadline.ts';
import { PAUSE_LABELS, type PauseType } from './pauses.ts';

export type LimitKind = 'promised' | 'legal';

export type LedgerEntry =
  | { type: 'start'; date: string; weekday: string; time: string | null; label: string }
  | { type: 'limit'; kind: LimitKind; amount: number; unit: Unit }
  | { type: 'extension'; workdays: number }
  | { type: 'rest'; from: string; to: string; name: string; source: DaySource }
  | { type: 'makeup'; date: string; weekday: string; name: string; source: DaySource }
  | { type: 'pause'; pauseType: PauseType; from: string; to: string; shift: number; unit: 'workday' | 'day' }
  | { type: 'rolled'; from: string; to: string }
  | { type: 'provisional'; knownThrough: string }
  | { type: 'due'; at: string };

export interface Ledger {
  entries: LedgerEntry[];
  text: string;
}

export interface LedgerOptions {
  /** 承诺 (promised limit, the default) or 法定 (legal limit). */
  limitKind?: LimitKind;
  /** What started the clock, e.g. 受理 (default) or 收到申请材料. */
  startLabel?: string;
}

const UNIT_ZH: Record<Unit, string> = { workday: '个工作日', day: '个自然日', hour: '个工作小时' };
const KIND_ZH: Record<LimitKind, string> = { promised: '承诺', legal: '法定' };

// First index in a date-ordered list whose key is >= day.
function lowerBound<T>(list: readonly T[], day: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid] as T) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the ledger of a computed deadline. */
export function buildLedger(cal: WorkCalendar, clock: PreparedClock, due: Due, options: LedgerOptions = {}): Ledger {
  const entries: LedgerEntry[] = [];
  const parts: string[] = [];
  const refYear = yearOf(clock.startDay);
  const sd = (d: number): string => shortDate(d, refYear);
  const label = options.startLabel ?? '受理';
  const time = clock.startMinute === null ? null : formatHhMm(clock.startMinute);

  entries.push({ type: 'start', date: formatIsoDate(clock.startDay), weekday: weekdayZh(clock.startDay), time, label });
  parts.push(`${label} ${formatIsoDate(clock.startDay)}${time ? ` ${time}` : ''}（${weekdayZh(clock.startDay)}）`);

  const kind = options.limitKind ?? 'promised';
  entries.push({ type: 'limit', kind, amount: clock.limit, unit: clock.unit });
  parts.push(clock.limit === 0 ? '即办，当日办结' : `${KIND_ZH[kind]} ${clock.limit} ${UNIT_ZH[clock.unit]}`);
  if (clock.limit === 0 && clock.startDay !== due.day) parts.push('当日非办公时间，于下一工作日办结');

  if (clock.extensionWorkdays > 0) {
    entries.push({ type: 'extension', workdays: clock.extensionWorkdays });
    parts.push(`经批准延长 ${clock.extensionWorkdays} 个工作日`);
  }

  // Which rest days were skipped and which make-up days counted matters only
  // when working days are counted; natural days count every day.
  if (clock.unit !== 'day') {
    // An immediate item counts its own start day; every other limit starts the next day.
    const immediate = clock.limit + clock.extensionWorkdays === 0;
    const from = immediate ? clock.startDay : clock.startDay + 1;
    const rests: string[] = [];
    for (let i = lowerBound(cal.restRuns, from, (r) => r.to); i < cal.restRuns.length; i++) {
      const r = cal.restRuns[i];
      if (!r || r.from > due.day) break;
      const a = Math.max(r.from, from);
      const b = Math.min(r.to, due.day);
      entries.push({ type: 'rest', from: formatIsoDate(a), to: formatIsoDate(b), name: r.name, source: r.source });
      rests.push(`${a === b ? sd(a) : `${sd(a)}–${sd(b)}`} ${r.name}`);
    }
    if (rests.length > 0) parts.push(`${rests.join('、')}不计`);
    const makeups: string[] = [];
    for (let i = lowerBound(cal.namedWorkdays, from, (w) => w.day); i < cal.namedWorkdays.length; i++) {
      const w = cal.namedWorkdays[i];
      if (!w || w.day > due.day) break;
      entries.push({ type: 'makeup', date: formatIsoDate(w.day), weekday: weekdayZh(w.day), name: w.name, source: w.source });
      makeups.push(`${sd(w.day)}（${weekdayZh(w.day)}）`);
    }
    if (makeups.length > 0) parts.push(`${makeups.join('、')}调休上班计入`);
  }

  clock.pauses.forEach((p, i) => {
    const shift = due.pauseShift[i] ?? 0;
    const unit = clock.unit === 'day' ? 'day' : 'workday';
    entries.push({ type: 'pause', pauseType: p.type, from: formatIsoDate(p.from), to: formatIsoDate(p.to), shift, unit });
    parts.push(`${PAUSE_LABELS[p.type]}暂停 ${shift} ${unit === 'day' ? '个自然日' : '个工作日'}`);
  });

  if (clock.unit === 'day') {
    const plain = clock.startDay + clock.limit + due.pauseShift.reduce((s, n) => s + n, 0);
    if (plain !== due.day) {
      entries.push({ type: 'rolled', from: formatIsoDate(plain), to: formatIsoDate(due.day) });
      parts.push(`期满日 ${sd(plain)} 为休息日，顺延至 ${sd(due.day)}`);
    }
  }

  if (due.provisional) {
    const next = formatIsoDate(cal.knownThrough + 1);
    entries.push({ type: 'provisional', knownThrough: formatIsoDate(cal.knownThrough) });
    parts.push(`${next} 起的节假日安排尚未公布，结果为暂定`);
  }

  const at = `${formatIsoDate(due.day)} ${formatHhMm(due.minute)}`;
  entries.push({ type: 'due', at });
  parts.push(`到期 ${at}`);
  return { entries, text: parts.join('；') };
}

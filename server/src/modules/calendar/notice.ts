/**
 * The State Council's yearly holiday notice (国务院办公厅关于某年部分节假日安排的通知)
 * as a small table: one row per holiday with its date range and make-up
 * working days. Accepted as JSON `{year, holidays: [{name, from, to, workdays}]}`
 * or as CSV `name,from,to,workdays` (make-up days separated by `;`).
 * Parsing is pure; every problem is reported at once, with its line.
 */
import { AppError } from '../../platform/errors.ts';
import type { CalendarOverride } from './calendar.ts';
import { formatIsoDate, isWeekend, parseIsoDate } from './dates.ts';

export interface NoticeHoliday {
  name: string;
  from: string;
  to: string;
  /** Make-up working days (调休上班) that belong to this holiday. */
  workdays: string[];
}

export interface HolidayNotice {
  year: number;
  holidays: NoticeHoliday[];
}

export interface NoticeProblem {
  /** 1-based row of the holiday (the CSV line, header excluded). */
  row: number;
  message: string;
}

// The longest arrangement so far is 9 days (Spring Festival 2026); 15 leaves
// room and still catches a typo in a year or month.
const MAX_HOLIDAY_DAYS = 15;

function invalid(problems: NoticeProblem[]): AppError {
  return new AppError('CALENDAR_NOTICE_INVALID', { problems });
}

/** Reads a notice from CSV text; the year is given apart (it names the notice). */
export function parseNoticeCsv(year: number, csv: string): HolidayNotice {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const header = lines[0]?.split(',').map((c) => c.trim().toLowerCase());
  const known = ['name,from,to,workdays', '名称,开始,结束,调休上班'];
  if (!header || !known.includes(header.join(','))) {
    throw invalid([{ row: 0, message: `表头应为 ${known.join(' 或 ')}` }]);
  }
  const holidays = lines.slice(1).map((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 4) throw invalid([{ row: i + 1, message: `应有 4 列，实有 ${cells.length} 列` }]);
    const [name, from, to, workdays] = cells as [string, string, string, string];
    return { name, from, to, workdays: workdays === '' ? [] : workdays.split(/[;；\s]+/).filter(Boolean) };
  });
  return { year, holidays };
}

/** Reads a notice from parsed JSON, checking its shape. */
export function parseNoticeJson(value: unknown): HolidayNotice {
  const v = value as { year?: unknown; holidays?: unknown };
  if (typeof v !== 'object' || v === null || typeof v.year !== 'number' || !Array.isArray(v.holidays)) {
    throw invalid([{ row: 0, message: '应为 {year, holidays: [{name, from, to, workdays}]}' }]);
  }
  const holidays = v.holidays.map((h: unknown, i: number) => {
    const x = h as Partial<Record<keyof NoticeHoliday, unknown>>;
    const workdays = x.workdays ?? [];
    if (typeof x.name !== 'string' || typeof x.from !== 'string' || typeof x.to !== 'string' || !Array.isArray(workdays) || !workdays.every((w) => typeof w === 'string')) {
      throw invalid([{ row: i + 1, message: '每项应有 name、from、to（文字）和 workdays（日期数组）' }]);
    }
    return { name: x.name, from: x.from, to: x.to, workdays: workdays as string[] };
  });
  return { year: v.year, holidays };
}

/**
 * Checks a notice and turns it into national overrides: every day of every
 * holiday a holiday, every make-up day a working day. Refuses with
 * CALENDAR_NOTICE_INVALID listing all problems.
 */
export function noticeOverrides(notice: HolidayNotice): CalendarOverride[] {
  const problems: NoticeProblem[] = [];
  const { year } = notice;
  if (!Number.isInteger(year) || year < 2004 || year > 2099) {
    throw invalid([{ row: 0, message: `年份应在 2004–2099 之间，收到 ${year}` }]);
  }
  // A year's arrangement may begin in late December before (元旦 2024 began
  // on 2023-12-30) and its make-up days may fall just outside the year.
  const earliest = parseIsoDate(`${year - 1}-12-01`) as number;
  const latest = parseIsoDate(`${year + 1}-01-31`) as number;
  const taken = new Map<number, number>();
  const overrides: CalendarOverride[] = [];
  if (notice.holidays.length === 0) problems.push({ row: 0, message: '通知中没有节假日' });

  notice.holidays.forEach((h, i) => {
    const row = i + 1;
    const say = (message: string): void => void problems.push({ row, message });
    const name = h.name.trim();
    if (name === '' || name.length > 40) say('节日名称应为 1–40 个字');
    const from = parseIsoDate(h.from);
    const to = parseIsoDate(h.to);
    if (from === undefined) say(`开始日期不正确：${h.from}`);
    if (to === undefined) say(`结束日期不正确：${h.to}`);
    if (from === undefined || to === undefined) return;
    if (to < from) return say('结束日期早于开始日期');
    if (to - from + 1 > MAX_HOLIDAY_DAYS) return say(`放假超过 ${MAX_HOLIDAY_DAYS} 天`);
    if (to < parseIsoDate(`${year}-01-01`)! || from > parseIsoDate(`${year}-12-31`)!) say(`放假日期不在 ${year} 年`);
    for (let d = from; d <= to; d++) {
      const other = taken.get(d);
      if (other !== undefined) say(`${formatIsoDate(d)} 已在第 ${other} 行出现`);
      taken.set(d, row);
      overrides.push({ date: formatIsoDate(d), kind: 'holiday', name, source: 'national' });
    }
    for (const w of h.workdays) {
      const d = parseIsoDate(w);
      if (d === undefined) {
        say(`调休上班日期不正确：${w}`);
        continue;
      }
      if (d < earliest || d > latest) say(`调休上班日 ${w} 离 ${year} 年太远`);
      // 调休 moves a weekend day to work; a weekday is a working day anyway.
      if (!isWeekend(d)) say(`调休上班日 ${w} 不是周末`);
      const other = taken.get(d);
      if (other !== undefined) say(`${w} 已在第 ${other} 行出现`);
      taken.set(d, row);
      overrides.push({ date: w, kind: 'workday', name, source: 'national' });
    }
  });
  if (problems.length > 0) throw invalid(problems);
  return overrides;
}

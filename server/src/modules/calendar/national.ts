/**
 * The national calendar as published by the State Council each year, read
 * from the `chinese-days` package (data 2004 onwards). Only arranged days are
 * kept: statutory holidays (法定节假日 and the rest days around them) and
 * make-up working days (调休上班); every other day follows the week.
 */
import chineseDays from 'chinese-days';
import { formatIsoDate, isWeekend, parseIsoDate } from './dates.ts';

export interface ArrangedDay {
  work: boolean;
  /** Chinese name of the holiday the day belongs to, e.g. 国庆节. */
  name: string;
}

export interface NationalData {
  /** Arranged days by epoch day. */
  days: Map<number, ArrangedDay>;
  /** First day with published data (2004-01-01). */
  firstDay: number;
  /** Last day of the last year with published data. */
  knownThrough: number;
}

export const FIRST_DATA_YEAR = 2004;
// A later package version with more years is picked up without a code change:
// years are probed until this many in a row have no arrangement.
const PROBE_GAP_YEARS = 2;

let cached: NationalData | undefined;

/** The national arranged days, loaded once per process. */
export function nationalData(): NationalData {
  if (cached) return cached;
  const days = new Map<number, ArrangedDay>();
  const first = parseIsoDate(`${FIRST_DATA_YEAR}-01-01`) as number;
  let lastYear = FIRST_DATA_YEAR;
  // Stop probing after a few years without any arrangement: the data ended.
  for (let year = FIRST_DATA_YEAR; year <= lastYear + PROBE_GAP_YEARS; year++) {
    const from = parseIsoDate(`${year}-01-01`) as number;
    const to = parseIsoDate(`${year}-12-31`) as number;
    for (let day = from; day <= to; day++) {
      const detail = chineseDays.getDayDetail(formatIsoDate(day));
      // Arranged days carry "English,中文,n"; ordinary days carry a weekday name.
      const parts = detail.name.split(',');
      if (parts.length < 2) continue;
      // A make-up day on a weekday would change nothing; weekends inside a
      // holiday are kept so the ledger names them with their holiday.
      if (detail.work && !isWeekend(day)) continue;
      days.set(day, { work: detail.work, name: parts[1] as string });
      lastYear = year;
    }
  }
  cached = { days, firstDay: first, knownThrough: parseIsoDate(`${lastYear}-12-31`) as number };
  return cached;
}

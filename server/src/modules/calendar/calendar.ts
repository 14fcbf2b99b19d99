/**
 * A working-day calendar for one region, precomputed into flat arrays so a
 * deadline is a couple of array reads: `ordinal[i]` counts the working days
 * before table day i, `workday[k]` is the table day of the k-th working day.
 * 行政许可法 第八十二条: time limits count working days, excluding statutory
 * holidays; the calendar is what decides which days those are.
 */
import { AppError } from '../../platform/errors.ts';
import { formatIsoDate, isWeekend, parseIsoDate, yearOf } from './dates.ts';
import { FIRST_DATA_YEAR, nationalData, type NationalData } from './national.ts';

export type DayKind = 'workday' | 'holiday';
/** Where a day's status comes from, for the ledger. */
export type DaySource = 'week' | 'national' | 'region';

/** One date set to a working day or a holiday, with its name. */
export interface CalendarOverride {
  date: string;
  kind: DayKind;
  name: string;
  /** national: from the State Council notice; region: a local decision. */
  source?: 'national' | 'region';
}

export interface BuildCalendarOptions {
  region?: string;
  /** Applied in order after the national data; a later one wins. */
  overrides?: readonly CalendarOverride[];
  /** Years whose national notice was imported beyond the package data. */
  knownYears?: readonly number[];
  /** For tests: the national data to start from. */
  national?: NationalData;
}

/** A run of consecutive named rest days with the same name, e.g. 10/1–10/7 国庆节. */
export interface RestRun {
  from: number;
  to: number;
  name: string;
  source: DaySource;
}

/** A working day on a day that would otherwise be a rest day (调休上班). */
export interface NamedWorkday {
  day: number;
  name: string;
  source: DaySource;
}

export interface WorkCalendar {
  readonly region: string;
  /** Epoch day of table index 0 (2004-01-01). */
  readonly firstDay: number;
  /** Epoch day of the last table day. */
  readonly lastDay: number;
  /** Last epoch day covered by published holiday data; later days are provisional. */
  readonly knownThrough: number;
  /** 1 when table day i is a working day. */
  readonly work: Uint8Array;
  /** ordinal[i] = number of working days among table days [0, i); length n + 1. */
  readonly ordinal: Int32Array;
  /** workday[k] = table index of the k-th working day (0-based). */
  readonly workday: Int32Array;
  /** Named rest runs in date order, for the ledger. */
  readonly restRuns: readonly RestRun[];
  /** Working days on rest days in date order, for the ledger. */
  readonly namedWorkdays: readonly NamedWorkday[];
}

export const NATIONAL_REGION = 'CN';
// The table reaches far enough for any realistic limit; dates past it are
// refused rather than guessed.
const LAST_TABLE_YEAR = 2099;

/** Builds a region's calendar: the week, the national arrangements, then the overrides. */
export function buildCalendar(options: BuildCalendarOptions = {}): WorkCalendar {
  const national = options.national ?? nationalData();
  const firstDay = national.firstDay;
  const lastDay = parseIsoDate(`${LAST_TABLE_YEAR}-12-31`) as number;
  const n = lastDay - firstDay + 1;
  const work = new Uint8Array(n);
  const names = new Map<number, { name: string; source: DaySource }>();
  for (let i = 0; i < n; i++) work[i] = isWeekend(firstDay + i) ? 0 : 1;
  for (const [day, a] of national.days) {
    const i = day - firstDay;
    if (i < 0 || i >= n) continue;
    work[i] = a.work ? 1 : 0;
    names.set(i, { name: a.name, source: 'national' });
  }
  for (const o of options.overrides ?? []) {
    const day = parseIsoDate(o.date);
    if (day === undefined || day < firstDay || day > lastDay) {
      throw new AppError('CALENDAR_OVERRIDE_INVALID', { date: o.date, reason: 'date' });
    }
    const i = day - firstDay;
    work[i] = o.kind === 'workday' ? 1 : 0;
    names.set(i, { name: o.name, source: o.source ?? 'region' });
  }

  const ordinal = new Int32Array(n + 1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    ordinal[i] = count;
    count += work[i] as number;
  }
  ordinal[n] = count;
  const workday = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (work[i]) workday[k++] = i;

  const restRuns: RestRun[] = [];
  const namedWorkdays: NamedWorkday[] = [];
  for (const i of [...names.keys()].sort((a, b) => a - b)) {
    const { name, source } = names.get(i) as { name: string; source: DaySource };
    const day = firstDay + i;
    if (work[i]) {
      // A named weekday that is simply a working day needs no mention.
      if (isWeekend(day) || source === 'region') namedWorkdays.push({ day, name, source });
      continue;
    }
    const prev = restRuns[restRuns.length - 1];
    if (prev && prev.to === day - 1 && prev.name === name && prev.source === source) prev.to = day;
    else restRuns.push({ from: day, to: day, name, source });
  }

  return {
    region: options.region ?? NATIONAL_REGION,
    firstDay,
    lastDay,
    knownThrough: extendKnown(national.knownThrough, options.knownYears ?? []),
    work,
    ordinal,
    workday,
    restRuns,
    namedWorkdays,
  };
}

// Imported notices extend the known data only without gaps: a notice for 2028
// says nothing about 2027.
function extendKnown(knownThrough: number, years: readonly number[]): number {
  const set = new Set(years);
  let year = yearOf(knownThrough);
  while (set.has(year + 1)) year++;
  return parseIsoDate(`${year}-12-31`) as number;
}

/** Table index of an epoch day, refusing days the calendar cannot speak for. */
export function indexOf(cal: WorkCalendar, day: number): number {
  if (day < cal.firstDay) throw new AppError('CALENDAR_YEAR_UNKNOWN', { date: formatIsoDate(day), firstYear: FIRST_DATA_YEAR });
  if (day > cal.lastDay) throw new AppError('CALENDAR_DATE_OUT_OF_RANGE', { date: formatIsoDate(day) });
  return day - cal.firstDay;
}

/** Whether an epoch day is a working day in this calendar. */
export function isWorkingDay(cal: WorkCalendar, day: number): boolean {
  return cal.work[indexOf(cal, day)] === 1;
}

/** Working days in [from, to], both epoch days, both included. */
export function workingDaysBetween(cal: WorkCalendar, from: number, to: number): number {
  if (to < from) return 0;
  const a = indexOf(cal, from);
  const b = indexOf(cal, to);
  return (cal.ordinal[b + 1] as number) - (cal.ordinal[a] as number);
}

/** Epoch day of the k-th working day counting from the first working day on or after `day` (k = 0 is that day). */
export function nthWorkingDayFrom(cal: WorkCalendar, day: number, k: number): number {
  const ord = (cal.ordinal[indexOf(cal, day)] as number) + k;
  if (ord >= cal.workday.length) throw new AppError('CALENDAR_DATE_OUT_OF_RANGE', { from: formatIsoDate(day), workdays: k });
  return cal.firstDay + (cal.workday[ord] as number);
}

/** Whether a day lies past the published data, so anything resting on it is provisional. */
export function isProvisional(cal: WorkCalendar, day: number): boolean {
  return day > cal.knownThrough;
}

/**
 * The deadline of a clock: start, limit, extensions, pauses → the due moment.
 * The count starts on the first working day after the start (the start day is
 * not counted, 民法典 第二百零一条) and the deadline is the close of office on
 * the last day; a limit of 0 (即办件) is due the same day. Validation happens
 * once in `prepareClock`; `computeDue` is then a few array reads per call, so
 * a calendar change can recompute every open deadline quickly.
 */
import { AppError } from '../../platform/errors.ts';
import { indexOf, type WorkCalendar } from './calendar.ts';
import { formatIsoDate, parseIsoDate, toShanghai, type LocalMoment } from './dates.ts';
import { checkExtensions, type Extension, type Handling } from './extension.ts';
import type { OfficeHours } from './office-hours.ts';
import { validatePauses, type Pause, type PauseInput } from './pauses.ts';

export type Unit = 'workday' | 'day' | 'hour';
export const UNITS: readonly Unit[] = ['workday', 'day', 'hour'];

export interface ClockInput {
  /** `YYYY-MM-DD`, an ISO date-time (Shanghai time unless it has an offset), or a Date. */
  from: string | Date;
  /** The limit in `unit`s (hours for `hour`); 0 is an immediate item. */
  limit: number;
  unit?: Unit;
  pauses?: readonly PauseInput[];
  extensions?: readonly Extension[];
  /** Single department (Art. 42 ¶1) or joint handling (Art. 42 ¶2, Art. 26). */
  handling?: Handling;
}

/** A validated clock on epoch days and minutes, ready to be computed against any calendar. */
export interface PreparedClock {
  startDay: number;
  /** Minutes after midnight of the start, or null when only a date was given. */
  startMinute: number | null;
  limit: number;
  unit: Unit;
  extensionWorkdays: number;
  pauses: readonly Pause[];
}

export interface Due {
  /** Epoch day of the deadline. */
  day: number;
  /** Minutes after midnight of the deadline (close of office, or the exact hour). */
  minute: number;
  provisional: boolean;
  /** Days each pause moved the deadline by (working days; natural days for `day`). */
  pauseShift: number[];
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Parses a start: a date alone, or a moment turned into Shanghai day and minute. */
export function parseStart(from: string | Date): { day: number; minute: number | null } {
  if (from instanceof Date) {
    if (Number.isNaN(from.getTime())) throw new AppError('CALENDAR_DATE_INVALID', { from: String(from) });
    return toShanghai(from);
  }
  const dateOnly = parseIsoDate(from);
  if (dateOnly !== undefined) return { day: dateOnly, minute: null };
  const m = DATE_TIME.exec(from);
  const day = m ? parseIsoDate(m[1] as string) : undefined;
  const h = Number(m?.[2]);
  const mi = Number(m?.[3]);
  if (!m || day === undefined || h > 23 || mi > 59) throw new AppError('CALENDAR_DATE_INVALID', { from });
  if (!m[5]) return { day, minute: h * 60 + mi };
  return toShanghai(new Date(from.replace(' ', 'T')));
}

/** Validates a clock once: dates, unit, limit, pauses, extensions (Art. 42). */
export function prepareClock(input: ClockInput): PreparedClock {
  const unit = input.unit ?? 'workday';
  if (!UNITS.includes(unit)) throw new AppError('CALENDAR_UNIT_UNKNOWN', { unit });
  if (!Number.isInteger(input.limit) || input.limit < 0) throw new AppError('CALENDAR_LIMIT_INVALID', { limit: input.limit });
  const start = parseStart(input.from);
  const extensions = input.extensions ?? [];
  if (extensions.length > 0 && unit !== 'workday') throw new AppError('CALENDAR_EXTENSION_UNIT', { unit });
  const extensionWorkdays = checkExtensions(input.handling ?? 'single', extensions);
  return {
    startDay: start.day,
    startMinute: start.minute,
    limit: input.limit,
    unit,
    extensionWorkdays,
    pauses: validatePauses(input.pauses ?? [], start.day),
  };
}

function refuseLatePause(pause: Pause): never {
  throw new AppError('CALENDAR_PAUSE_AFTER_DUE', { type: pause.type, from: formatIsoDate(pause.from), to: formatIsoDate(pause.to) });
}

function workdayAt(cal: WorkCalendar, ord: number): number {
  const i = cal.workday[ord];
  if (i === undefined) throw new AppError('CALENDAR_DATE_OUT_OF_RANGE', { through: formatIsoDate(cal.lastDay) });
  return i;
}

/** The deadline of a prepared clock in a calendar with the center's office hours. */
export function computeDue(cal: WorkCalendar, clock: PreparedClock, hours: OfficeHours): Due {
  switch (clock.unit) {
    case 'workday':
      return dueInWorkdays(cal, clock, hours);
    case 'day':
      return dueInNaturalDays(cal, clock, hours);
    case 'hour':
      return dueInOfficeHours(cal, clock, hours);
  }
}

// 行政许可法 第八十二条: working days. The k-th working day after the start day
// is one array read; each pause adds its working days (Art. 45) if it begins
// while the clock is still running.
function dueInWorkdays(cal: WorkCalendar, clock: PreparedClock, hours: OfficeHours): Due {
  const { ordinal } = cal;
  const s = indexOf(cal, clock.startDay);
  const total = clock.limit + clock.extensionWorkdays;
  let k: number;
  if (total === 0) {
    // 即办件: the same day; a start after closing time is handled the next working day.
    const late = clock.startMinute !== null && clock.startMinute >= hours.close;
    k = ordinal[late ? s + 1 : s] as number;
  } else {
    k = (ordinal[s + 1] as number) + total - 1;
  }
  const pauseShift: number[] = [];
  for (const p of clock.pauses) {
    // The start day is never counted, so pausing it changes nothing.
    const a = indexOf(cal, Math.max(p.from, clock.startDay + 1));
    const b = indexOf(cal, p.to);
    if ((ordinal[a] as number) > k) refuseLatePause(p);
    const w = b < a ? 0 : (ordinal[b + 1] as number) - (ordinal[a] as number);
    k += w;
    pauseShift.push(w);
  }
  const day = cal.firstDay + workdayAt(cal, k);
  return { day, minute: hours.close, provisional: day > cal.knownThrough, pauseShift };
}

// Natural days: counted day by day, but a period ending on a rest day ends on
// the next working day (民法典 第二百零三条).
function dueInNaturalDays(cal: WorkCalendar, clock: PreparedClock, hours: OfficeHours): Due {
  let end = clock.startDay + clock.limit;
  const pauseShift: number[] = [];
  for (const p of clock.pauses) {
    const a = Math.max(p.from, clock.startDay + 1);
    if (a > end) refuseLatePause(p);
    const w = p.to < a ? 0 : p.to - a + 1;
    end += w;
    pauseShift.push(w);
  }
  const e = indexOf(cal, end);
  const day = cal.firstDay + workdayAt(cal, cal.ordinal[e] as number);
  return { day, minute: hours.close, provisional: day > cal.knownThrough, pauseShift };
}

// Hours of office time. A date alone starts at the opening of the next working
// day (the start day is not counted); a moment starts then, or at the next opening.
function dueInOfficeHours(cal: WorkCalendar, clock: PreparedClock, hours: OfficeHours): Due {
  const { ordinal } = cal;
  const dayLength = hours.close - hours.open;
  const s = indexOf(cal, clock.startDay);
  let begin: { idx: number; minute: number };
  if (clock.startMinute !== null && cal.work[s] === 1 && clock.startMinute < hours.close) {
    begin = { idx: s, minute: Math.max(clock.startMinute, hours.open) };
  } else {
    begin = { idx: workdayAt(cal, ordinal[s + 1] as number), minute: hours.open };
  }
  const place = (minutes: number): { idx: number; minute: number } => {
    const today = hours.close - begin.minute;
    if (minutes <= today) return { idx: begin.idx, minute: begin.minute + minutes };
    const rest = minutes - today;
    const q = Math.ceil(rest / dayLength);
    return { idx: workdayAt(cal, (ordinal[begin.idx] as number) + q), minute: hours.open + rest - (q - 1) * dayLength };
  };
  let minutes = clock.limit * 60;
  let due = place(minutes);
  const pauseShift: number[] = [];
  for (const p of clock.pauses) {
    const a = indexOf(cal, Math.max(p.from, clock.startDay + 1));
    const b = indexOf(cal, p.to);
    if ((ordinal[a] as number) > (ordinal[due.idx] as number)) refuseLatePause(p);
    const w = b < a ? 0 : (ordinal[b + 1] as number) - (ordinal[a] as number);
    minutes += w * dayLength;
    due = place(minutes);
    pauseShift.push(w);
  }
  const day = cal.firstDay + due.idx;
  return { day, minute: due.minute, provisional: day > cal.knownThrough, pauseShift };
}

/**
 * Whether changing the given epoch days in the calendar can move this
 * deadline: only days from the start up to the current due day are counted or
 * skipped, so a change elsewhere leaves it as it is. Lets the owner of open
 * deadlines recompute only those a `calendar.changed` event reaches.
 */
export function dueMayChange(clock: PreparedClock, due: Due, changedDays: readonly number[]): boolean {
  return changedDays.some((d) => d >= clock.startDay && d <= due.day);
}

/** The deadline as a local moment. */
export function dueMoment(due: Due): LocalMoment {
  return { day: due.day, minute: due.minute };
}

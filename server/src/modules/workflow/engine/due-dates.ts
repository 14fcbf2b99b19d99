import { computeDeadline, type WorkCalendar } from '../../calendar/index.ts';
import type { Duration } from '../definition/index.ts';

/**
 * The one interface through which the engine turns durations into moments.
 * Working days (a step's 时限 tongban:limitDays, timers written P5WD) need the
 * legal clock's calendar; `workingDayCalculator` adapts it. Without one the
 * engine counts calendar days, so a deployment that forgets to wire the
 * calendar is late-tolerant rather than broken.
 */
export interface DueDateCalculator {
  /** The moment `days` working days after `from` (close of office of the last day). */
  addWorkingDays(from: Date, days: number): Date;
}

const DAY_MS = 86_400_000;

/** Counts every day as a working day; the fallback when no calendar is wired. */
export const calendarDayCalculator: DueDateCalculator = {
  addWorkingDays: (from, days) => new Date(from.getTime() + days * DAY_MS),
};

/** Adapts any "add working days" function (e.g. the legal clock's deadline computation). */
export function workingDayCalculator(add: (from: Date, days: number) => Date): DueDateCalculator {
  return { addWorkingDays: add };
}

/**
 * Working days by the legal clock (calendar module): holidays, adjusted
 * working weekends and close of office, the same count as a case's deadline.
 */
export function legalClockCalculator(calendar: WorkCalendar): DueDateCalculator {
  return { addWorkingDays: (from, days) => new Date(computeDeadline(calendar, { from, limit: days, unit: 'workday' }).due) };
}

/** The moment a timer duration after `from` ends. */
export function addDuration(calculator: DueDateCalculator, from: Date, duration: Duration): Date {
  if (duration.unit === 'workingDays') return calculator.addWorkingDays(from, duration.workingDays);
  const at = new Date(from.getTime());
  // Calendar arithmetic on UTC fields: months and years keep the day of month.
  at.setUTCFullYear(at.getUTCFullYear() + duration.years, at.getUTCMonth() + duration.months, at.getUTCDate() + duration.weeks * 7 + duration.days);
  return new Date(at.getTime() + ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000);
}

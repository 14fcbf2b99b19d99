/**
 * The legal clock's pure rules, with no I/O: calendars, deadlines with pauses
 * and extensions, the Art. 32 window, colour states. One call computes a due
 * date with its ledger; `computeDue` on a prepared clock skips the ledger for
 * bulk recomputation.
 */
import type { WorkCalendar } from './calendar.ts';
import { formatIsoDate, formatShanghai } from './dates.ts';
import { computeDue, prepareClock, type ClockInput, type Unit } from './deadline.ts';
import { buildLedger, type Ledger, type LedgerOptions } from './ledger.ts';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours.ts';

export interface DeadlineOptions extends LedgerOptions {
  hours?: OfficeHours;
}

export interface DeadlineResult {
  /** ISO 8601 with +08:00, e.g. 2026-11-03T17:30:00+08:00. */
  due: string;
  dueDate: string;
  unit: Unit;
  /** True when any day counted or skipped lies past the calendar's published data. */
  provisional: boolean;
  region: string;
  ledger: Ledger;
}

/** Computes a deadline and explains it. Throws AppError with a CALENDAR_* code on bad input. */
export function computeDeadline(cal: WorkCalendar, input: ClockInput, options: DeadlineOptions = {}): DeadlineResult {
  const clock = prepareClock(input);
  const due = computeDue(cal, clock, options.hours ?? DEFAULT_OFFICE_HOURS);
  return {
    due: formatShanghai(due),
    dueDate: formatIsoDate(due.day),
    unit: clock.unit,
    provisional: due.provisional,
    region: cal.region,
    ledger: buildLedger(cal, clock, due, options),
  };
}

export * from './calendar.ts';
export * from './deadline.ts';
export * from './extension.ts';
export * from './pauses.ts';
export * from './office-hours.ts';
export * from './ledger.ts';
export * from './art32.ts';
export * from './colour.ts';
export * from './year-view.ts';
export { formatShanghai, parseIsoDate, formatIsoDate } from './dates.ts';

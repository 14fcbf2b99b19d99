/**
 * Warnings before a deadline: the instant a share of its working days is used
 * (e.g. two thirds), or only n working days are left after today (e.g. 1, the
 * yellow of the colour rule). One rule for the approval side's step warnings
 * and supervision's warnings and yellow cards, so both warn at the same moment.
 */
import { nthWorkingDayFrom, workingDaysBetween, type WorkCalendar } from './calendar.ts';
import { fromShanghai, toShanghai } from './dates.ts';

export type WarningMeasure = 'used_share' | 'workdays_left';

/**
 * When the threshold passes for a deadline that started at `startedAt`, or
 * null when it never does (a limit already inside its own window, or a
 * deadline not after its start).
 */
export function warningInstant(cal: WorkCalendar, startedAt: Date, dueAt: Date, measure: WarningMeasure, value: number): Date | null {
  const start = startedAt.getTime();
  const due = dueAt.getTime();
  if (!(due > start)) return null;
  const startDay = toShanghai(startedAt).day;
  // The law counts from the day after the start (民法典 第二百零一条).
  const limitDays = workingDaysBetween(cal, startDay + 1, toShanghai(dueAt).day);
  let at: number;
  if (measure === 'used_share' && limitDays < 1) {
    // A same-day or hourly limit: a share of the wall-clock time.
    at = start + Math.ceil(value * (due - start));
  } else {
    // "Used a share f of L working days" is "L·(1−f) or fewer left after today".
    const left = measure === 'workdays_left' ? value : Math.floor((1 - value) * limitDays);
    // A limit that starts inside its own window was never "approaching" it.
    if (limitDays <= left) return null;
    at = fromShanghai({ day: nthWorkingDayFrom(cal, startDay + 1, limitDays - left - 1), minute: 0 }).getTime();
  }
  return at > start ? new Date(at) : null;
}

/**
 * The one colour rule for every to-do list and page. Supervision practice:
 * warn one working day before the deadline (yellow), red once overdue.
 */
import { workingDaysBetween, type WorkCalendar } from './calendar.ts';
import { toShanghai } from './dates.ts';

export type Colour = 'green' | 'yellow' | 'red';

export const DEFAULT_YELLOW_WORKDAYS = 1;

export interface ClockState {
  colour: Colour;
  /** Whole working days after today up to and including the due day; 0 on the due day. */
  workdaysLeft: number;
  overdue: boolean;
}

/**
 * Green, yellow from `yellowWorkdays` working days left (default 1), red when
 * `now` is past the due moment.
 */
export function clockState(cal: WorkCalendar, due: Date, now: Date, yellowWorkdays = DEFAULT_YELLOW_WORKDAYS): ClockState {
  if (now.getTime() > due.getTime()) return { colour: 'red', workdaysLeft: 0, overdue: true };
  const today = toShanghai(now).day;
  const dueDay = toShanghai(due).day;
  const left = workingDaysBetween(cal, today + 1, dueDay);
  return { colour: left <= yellowWorkdays ? 'yellow' : 'green', workdaysLeft: left, overdue: false };
}

import { buildCalendar, type WorkCalendar } from '../../calendar/index.ts';

let cal: WorkCalendar | undefined;

/**
 * Supervision's working days: the national calendar (State Council data
 * shipped with the code), built once through the legal clock's pure
 * functions. Supervision reads no approval-side calendar table, so it runs
 * the same on a machine of its own; the due dates it receives were computed
 * by the source's own clock with its regional edits.
 */
export function supervisionCalendar(): WorkCalendar {
  cal ??= buildCalendar();
  return cal;
}

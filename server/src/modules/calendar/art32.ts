/**
 * 行政许可法 第三十二条: when materials are missing or irregular, the agency
 * must tell the applicant everything to correct at once, on the spot or within
 * five days (working days, 第八十二条); if it does not, the application counts
 * as accepted from the day the materials arrived.
 */
import type { WorkCalendar } from './calendar.ts';
import { formatIsoDate, fromShanghai } from './dates.ts';
import { computeDue, parseStart, prepareClock } from './deadline.ts';
import type { OfficeHours } from './office-hours.ts';

export const ART32_NOTICE_WORKDAYS = 5;

export type Art32State = 'open' | 'notified' | 'deemed_accepted';

export interface Art32Status {
  state: Art32State;
  /** Last moment for the one-time notice (一次性告知). */
  noticeDue: Date;
  /** When deemed accepted: the day the materials arrived (YYYY-MM-DD). */
  acceptedFrom: string | null;
  provisional: boolean;
}

/** The last moment to issue the one-time notice for materials received at `receivedAt`. */
export function art32NoticeDue(cal: WorkCalendar, receivedAt: string | Date, hours: OfficeHours): { due: Date; provisional: boolean } {
  const due = computeDue(cal, prepareClock({ from: receivedAt, limit: ART32_NOTICE_WORKDAYS }), hours);
  return { due: fromShanghai(due), provisional: due.provisional };
}

/**
 * Where the five-day window stands at `now`: still open, closed by a notice in
 * time, or deemed accepted (no notice in time, or a late one).
 */
export function art32Status(
  cal: WorkCalendar,
  input: { receivedAt: string | Date; noticeIssuedAt: Date | null; now: Date },
  hours: OfficeHours,
): Art32Status {
  const { due, provisional } = art32NoticeDue(cal, input.receivedAt, hours);
  const receivedDay = parseStart(input.receivedAt).day;
  const acceptedFrom = formatIsoDate(receivedDay);
  if (input.noticeIssuedAt && input.noticeIssuedAt.getTime() <= due.getTime()) {
    return { state: 'notified', noticeDue: due, acceptedFrom: null, provisional };
  }
  if (input.noticeIssuedAt || input.now.getTime() > due.getTime()) {
    return { state: 'deemed_accepted', noticeDue: due, acceptedFrom, provisional };
  }
  return { state: 'open', noticeDue: due, acceptedFrom: null, provisional };
}

/**
 * A year of a calendar day by day, as an admin screen shows it for editing:
 * each date, whether it is worked, and the holiday or make-up name if any.
 */
import { AppError } from '../../platform/errors.ts';
import { indexOf, type DaySource, type WorkCalendar } from './calendar.ts';
import { formatIsoDate, parseIsoDate, weekdayZh } from './dates.ts';

export interface CalendarDay {
  date: string;
  weekday: string;
  work: boolean;
  /** Holiday or make-up day name; null for an ordinary weekday or weekend. */
  name: string | null;
  source: DaySource;
  /** Past the published data: the week alone decides. */
  provisional: boolean;
}

/** Every day of `year` in a calendar (throws CALENDAR_YEAR_UNKNOWN before 2004). */
export function calendarYear(cal: WorkCalendar, year: number): CalendarDay[] {
  const from = parseIsoDate(`${String(year).padStart(4, '0')}-01-01`);
  const to = parseIsoDate(`${String(year).padStart(4, '0')}-12-31`);
  if (from === undefined || to === undefined) throw new AppError('CALENDAR_DATE_INVALID', { year });
  indexOf(cal, from);
  indexOf(cal, to);
  const names = new Map<number, { name: string; source: DaySource }>();
  for (const r of cal.restRuns) {
    if (r.to < from || r.from > to) continue;
    for (let d = Math.max(r.from, from); d <= Math.min(r.to, to); d++) names.set(d, r);
  }
  for (const w of cal.namedWorkdays) if (w.day >= from && w.day <= to) names.set(w.day, w);
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d++) {
    const named = names.get(d);
    days.push({
      date: formatIsoDate(d),
      weekday: weekdayZh(d),
      work: cal.work[d - cal.firstDay] === 1,
      name: named?.name ?? null,
      source: named?.source ?? 'week',
      provisional: d > cal.knownThrough,
    });
  }
  return days;
}

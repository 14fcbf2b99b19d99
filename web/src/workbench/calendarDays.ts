// Pure helpers of the calendar console: what a day is, and a month as weeks.
import type { CalendarDay } from '../api';

export type DayKind = 'workday' | 'rest' | 'holiday' | 'makeup';

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/** Monday-first column of a date (0..6). */
export function column(date: string): number {
  return (weekday(date) + 6) % 7;
}

/**
 * A working day, a rest day (weekend, no name), a named holiday, or a make-up
 * working day (调休上班: a weekend worked, carrying the holiday's name).
 */
export function dayKind(day: Pick<CalendarDay, 'date' | 'work' | 'name'>): DayKind {
  if (day.work) return isWeekend(day.date) && day.name ? 'makeup' : 'workday';
  return day.name ? 'holiday' : 'rest';
}

/** The days of one month as Monday-first weeks, padded with null. */
export function monthWeeks<T extends { date: string }>(days: T[]): (T | null)[][] {
  if (days.length === 0) return [];
  const weeks: (T | null)[][] = [];
  let week: (T | null)[] = Array.from({ length: column(days[0]!.date) }, () => null);
  for (const day of days) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

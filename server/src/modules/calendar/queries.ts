/**
 * Reads of the calendar tables: a region's calendar ready for the pure rules,
 * a center's clock settings, and the lists an admin screen shows.
 */
import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { buildCalendar, NATIONAL_REGION, type DayKind, type WorkCalendar } from './calendar.ts';
import { DEFAULT_YELLOW_WORKDAYS } from './colour.ts';
import { DEFAULT_OFFICE_HOURS, officeHours, type OfficeHours } from './office-hours.ts';
import { CENTER_CLOCK_SELECT, readNoticeYears, readOverrides, type CenterClockRow } from './store.ts';

/**
 * A region's calendar: the package's national data, the national days stored
 * (imported notices, corrections), then the region's own days.
 *
 * Building one takes milliseconds and almost every request needs it, so the
 * built calendar is kept per region with a fingerprint of the rows it came
 * from (row count and the sum of the rows' xmin, which every insert, update
 * and delete changes). Each call reads only the fingerprint; a change by any
 * node — or by the caller's own open transaction — makes it rebuild.
 */
export async function loadCalendar(q: Queryable, region: string = NATIONAL_REGION): Promise<WorkCalendar> {
  const { rows } = await q.query<{ known: boolean; fingerprint: string }>(
    `SELECT EXISTS (SELECT 1 FROM calendar_regions WHERE code = $1) AS known, ${fingerprintSql('$1', '$2')} AS fingerprint`,
    [region, NATIONAL_REGION],
  );
  return calendarOf(q, region, rows[0]!);
}

/** The fingerprint of the rows a region's calendar is built from (see loadCalendar). */
const fingerprintSql = (region: string, national: string) =>
  `(SELECT count(*) || ':' || COALESCE(sum(xmin::text::bigint), 0) FROM calendar_overrides WHERE region_code IN (${region}, ${national}))
   || '/' || (SELECT count(*) || ':' || COALESCE(sum(xmin::text::bigint), 0) FROM calendar_notice_years WHERE region_code = ${national})`;

/** The region's built calendar: the one kept when its fingerprint still matches, else built afresh. */
async function calendarOf(q: Queryable, region: string, read: { known: boolean; fingerprint: string }): Promise<WorkCalendar> {
  if (!read.known) throw new AppError('CALENDAR_REGION_UNKNOWN', { region });
  const cached = builtCalendars.get(region);
  if (cached && cached.fingerprint === read.fingerprint) return cached.calendar;
  const national = await readOverrides(q, NATIONAL_REGION, 'national');
  const own = region === NATIONAL_REGION ? [] : await readOverrides(q, region, 'region');
  const calendar = buildCalendar({ region, overrides: [...national, ...own], knownYears: await readNoticeYears(q, NATIONAL_REGION) });
  builtCalendars.set(region, { fingerprint: read.fingerprint, calendar });
  return calendar;
}

const builtCalendars = new Map<string, { fingerprint: string; calendar: WorkCalendar }>();

export interface CenterClock {
  region: string;
  hours: OfficeHours;
  yellowWorkdays: number;
  calendar: WorkCalendar;
}

/**
 * A center's calendar, office hours and yellow threshold; defaults (CN,
 * 09:00–17:30, 1) when unset. Read with the calendar's fingerprint in one
 * statement: every list page and command needs it.
 */
export async function loadCenterClock(q: Queryable, centerId: string): Promise<CenterClock> {
  const { rows } = await q.query<CenterClockRow & { region: string; has_settings: boolean; known: boolean; fingerprint: string }>(
    `WITH s AS (${CENTER_CLOCK_SELECT}),
          r AS (SELECT COALESCE((SELECT region_code FROM s), $2) AS code)
     SELECT s.*, (s.region_code IS NOT NULL) AS has_settings, r.code AS region,
            EXISTS (SELECT 1 FROM calendar_regions WHERE code = r.code) AS known, ${fingerprintSql('r.code', '$2')} AS fingerprint
       FROM r LEFT JOIN s ON true`,
    [centerId, NATIONAL_REGION],
  );
  const row = rows[0]!;
  return {
    region: row.region,
    hours: row.has_settings ? officeHours(row.opens, row.closes) : DEFAULT_OFFICE_HOURS,
    yellowWorkdays: row.has_settings ? row.yellow_workdays : DEFAULT_YELLOW_WORKDAYS,
    calendar: await calendarOf(q, row.region, row),
  };
}

export interface CalendarRegion {
  code: string;
  name: string;
}

export async function listCalendarRegions(q: Queryable): Promise<CalendarRegion[]> {
  const { rows } = await q.query<CalendarRegion>('SELECT code, name FROM calendar_regions ORDER BY code');
  return rows;
}

export interface CalendarDayRow {
  date: string;
  kind: DayKind;
  name: string;
  source: 'notice' | 'manual';
  updatedAt: Date;
}

/** The stored days of a region in a year (what differs from the package data and the week). */
export async function listCalendarDays(q: Queryable, region: string, year: number): Promise<CalendarDayRow[]> {
  const { rows } = await q.query<CalendarDayRow>(
    `SELECT day AS date, kind, name, source, updated_at AS "updatedAt" FROM calendar_overrides
      WHERE region_code = $1 AND day BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) ORDER BY day`,
    [region, year],
  );
  return rows;
}

export interface CalendarEditRow {
  id: number;
  date: string;
  before: { kind: DayKind; name: string; source: string } | null;
  after: { kind: DayKind; name: string; source: string } | null;
  reason: string;
  actorId: string | null;
  actorRole: string | null;
  at: Date;
}

/** The audit trail of a region's days, newest first. */
export async function listCalendarEdits(q: Queryable, region: string, limit = 100): Promise<CalendarEditRow[]> {
  const { rows } = await q.query<CalendarEditRow>(
    `SELECT id, day AS date, before, after, reason, actor_id AS "actorId", actor_role AS "actorRole", at
       FROM calendar_edits WHERE region_code = $1 ORDER BY id DESC LIMIT $2`,
    [region, limit],
  );
  return rows;
}

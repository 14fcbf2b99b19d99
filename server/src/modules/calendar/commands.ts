/**
 * State-changing use cases of the calendar: each authorizes, validates, runs
 * in one transaction, audits every changed day and appends a
 * `calendar.changed` event (schema 1: {region, days, reason}) so the owners of
 * open deadlines recompute the ones that the change reaches.
 */
import { withTx, type Db, type Tx } from '../../platform/db/pool.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { NATIONAL_REGION, type DayKind } from './calendar.ts';
import { parseIsoDate } from './dates.ts';
import { noticeOverrides, type HolidayNotice } from './notice.ts';
import { officeHours, formatOfficeHours } from './office-hours.ts';
import { authorizeCalendarEdit } from './policy.ts';
import { regionExists, writeDay, type CalendarActor } from './store.ts';

export interface CalendarContext {
  db: Db;
  clock: Clock;
}

const FIRST = parseIsoDate('2004-01-01') as number;
const LAST = parseIsoDate('2099-12-31') as number;

function checkDay(date: string): void {
  const day = parseIsoDate(date);
  if (day === undefined) throw new AppError('CALENDAR_DATE_INVALID', { date });
  if (day < FIRST) throw new AppError('CALENDAR_YEAR_UNKNOWN', { date });
  if (day > LAST) throw new AppError('CALENDAR_DATE_OUT_OF_RANGE', { date });
}

function checkReason(reason: string): string {
  const r = reason.trim();
  if (r === '') throw new AppError('REASON_REQUIRED');
  return r;
}

// Edits of one region's days run one after another, so each audit row's
// "before" is what the previous edit left.
async function lockRegion(tx: Tx, region: string): Promise<void> {
  const { rowCount } = await tx.query('SELECT 1 FROM calendar_regions WHERE code = $1 FOR UPDATE', [region]);
  if (rowCount === 0) throw new AppError('CALENDAR_REGION_UNKNOWN', { region });
}

async function announce(tx: Tx, actor: CalendarActor, at: Date, region: string, days: string[], reason: string): Promise<void> {
  if (days.length === 0) return;
  await appendEvent(tx, { type: 'calendar.changed', occurredAt: at, actor, payload: { region, days, reason } });
}

/** Creates a regional calendar (national days plus the region's own). */
export async function createCalendarRegion(ctx: CalendarContext, actor: CalendarActor, input: { code: string; name: string }): Promise<void> {
  authorizeCalendarEdit(actor);
  if (!/^[A-Z][A-Z0-9_-]{1,15}$/.test(input.code) || input.name.trim() === '' || input.name.length > 40) {
    throw new AppError('VALIDATION_FAILED', { code: input.code, name: input.name });
  }
  await withTx(ctx.db, async (tx) => {
    const { rowCount } = await tx.query('INSERT INTO calendar_regions (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [input.code, input.name.trim()]);
    if (rowCount === 0) throw new AppError('CALENDAR_REGION_EXISTS', { code: input.code });
    await appendEvent(tx, { type: 'calendar.region_created', occurredAt: ctx.clock.now(), actor, payload: { region: input.code, name: input.name.trim() } });
  });
}

/** Makes one date of a region a working day or a holiday, with its name (e.g. a local holiday). */
export async function setCalendarDay(
  ctx: CalendarContext,
  actor: CalendarActor,
  input: { region: string; date: string; kind: DayKind; name: string; reason: string },
): Promise<{ changed: boolean }> {
  authorizeCalendarEdit(actor);
  checkDay(input.date);
  const name = input.name.trim();
  if ((input.kind !== 'workday' && input.kind !== 'holiday') || name === '' || name.length > 40) {
    throw new AppError('CALENDAR_OVERRIDE_INVALID', { kind: input.kind, name: input.name });
  }
  const reason = checkReason(input.reason);
  return withTx(ctx.db, async (tx) => {
    await lockRegion(tx, input.region);
    const at = ctx.clock.now();
    const changed = await writeDay(tx, { region: input.region, day: input.date, after: { kind: input.kind, name, source: 'manual' }, reason }, actor, at);
    await announce(tx, actor, at, input.region, changed ? [input.date] : [], reason);
    return { changed };
  });
}

/** Returns a date of a region to what the national data and the week say. */
export async function clearCalendarDay(
  ctx: CalendarContext,
  actor: CalendarActor,
  input: { region: string; date: string; reason: string },
): Promise<{ changed: boolean }> {
  authorizeCalendarEdit(actor);
  checkDay(input.date);
  const reason = checkReason(input.reason);
  return withTx(ctx.db, async (tx) => {
    await lockRegion(tx, input.region);
    const at = ctx.clock.now();
    const changed = await writeDay(tx, { region: input.region, day: input.date, after: null, reason }, actor, at);
    await announce(tx, actor, at, input.region, changed ? [input.date] : [], reason);
    return { changed };
  });
}

/**
 * Imports the State Council's holiday notice for a year into the national
 * calendar (or a region's). Days of an earlier import of the same year that
 * the new one no longer lists are cleared; the year becomes known data, so
 * deadlines in it are no longer provisional.
 */
export async function importHolidayNotice(
  ctx: CalendarContext,
  actor: CalendarActor,
  input: { notice: HolidayNotice; region?: string },
): Promise<{ year: number; changedDays: string[] }> {
  authorizeCalendarEdit(actor);
  const region = input.region ?? NATIONAL_REGION;
  const overrides = noticeOverrides(input.notice);
  const { year } = input.notice;
  const reason = `导入 ${year} 年节假日安排通知`;
  return withTx(ctx.db, async (tx) => {
    await lockRegion(tx, region);
    const at = ctx.clock.now();
    const prev = await tx.query<{ days: string[] }>(
      'SELECT days::text[] AS days FROM calendar_notice_years WHERE region_code = $1 AND year = $2 FOR UPDATE',
      [region, year],
    );
    const listed = new Set(overrides.map((o) => o.date));
    const changedDays: string[] = [];
    for (const day of prev.rows[0]?.days ?? []) {
      if (!listed.has(day) && (await writeDay(tx, { region, day, after: null, reason }, actor, at))) changedDays.push(day);
    }
    for (const o of overrides) {
      if (await writeDay(tx, { region, day: o.date, after: { kind: o.kind, name: o.name, source: 'notice' }, reason }, actor, at)) {
        changedDays.push(o.date);
      }
    }
    await tx.query(
      `INSERT INTO calendar_notice_years (region_code, year, notice, days, imported_at, imported_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (region_code, year) DO UPDATE
         SET notice = EXCLUDED.notice, days = EXCLUDED.days, imported_at = EXCLUDED.imported_at, imported_by = EXCLUDED.imported_by`,
      [region, year, JSON.stringify(input.notice), [...listed], at, actor.id],
    );
    changedDays.sort();
    await announce(tx, actor, at, region, changedDays, reason);
    return { year, changedDays };
  });
}

/** Sets a center's calendar region, office hours and yellow threshold (`centerId`: the catalogue's center, as the caller found it). */
export async function setCenterClock(
  ctx: CalendarContext,
  actor: CalendarActor,
  input: { centerId: string; region: string; open: string; close: string; yellowWorkdays: number },
): Promise<void> {
  authorizeCalendarEdit(actor);
  const hours = formatOfficeHours(officeHours(input.open, input.close));
  if (!Number.isInteger(input.yellowWorkdays) || input.yellowWorkdays < 0 || input.yellowWorkdays > 30) {
    throw new AppError('VALIDATION_FAILED', { yellowWorkdays: input.yellowWorkdays });
  }
  await withTx(ctx.db, async (tx) => {
    if (!(await regionExists(tx, input.region))) throw new AppError('CALENDAR_REGION_UNKNOWN', { region: input.region });
    const at = ctx.clock.now();
    await tx.query(
      `INSERT INTO center_clock_settings (center_id, region_code, opens, closes, yellow_workdays, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (center_id) DO UPDATE
         SET region_code = EXCLUDED.region_code, opens = EXCLUDED.opens, closes = EXCLUDED.closes,
             yellow_workdays = EXCLUDED.yellow_workdays, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [input.centerId, input.region, hours.open, hours.close, input.yellowWorkdays, at, actor.id],
    );
    await appendEvent(tx, {
      type: 'calendar.center_clock_set',
      occurredAt: at,
      actor,
      payload: { centerId: input.centerId, region: input.region, ...hours, yellowWorkdays: input.yellowWorkdays },
    });
  });
}

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/pool.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { createTestDb } from '../../../test/db.ts';
import {
  clearCalendarDay,
  computeDeadline,
  createCalendarRegion,
  importHolidayNotice,
  listCalendarDays,
  listCalendarEdits,
  loadCalendar,
  loadCenterClock,
  parseNoticeCsv,
  setCalendarDay,
  setCenterClock,
  type CalendarActor,
} from './index.ts';

let db: Db;
let drop: () => Promise<void>;
let url: string;
let admin: CalendarActor;
let clerk: CalendarActor;
let centerId: string;
const clock = new ManualClock('2026-11-20T02:00:00Z');
const ctx = () => ({ db, clock });

async function codeOf(p: Promise<unknown>): Promise<ErrorCode | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return undefined;
}

async function count(sql: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0]!.n;
}

beforeAll(async () => {
  ({ db, drop, url } = await createTestDb());
  const center = await db.query<{ id: string }>("INSERT INTO centers (code, name) VALUES ('TEST', '测试中心') RETURNING id");
  centerId = center.rows[0]!.id;
  const user = async (username: string, role: string): Promise<CalendarActor> => {
    const r = await db.query<{ id: string }>(
      "INSERT INTO users (username, password_hash, display_name, role) VALUES ($1, 'x', $1, $2) RETURNING id",
      [username, role],
    );
    return { id: r.rows[0]!.id, role };
  };
  admin = await user('cal-admin', 'admin');
  clerk = await user('cal-clerk', 'clerk');
});
afterAll(() => drop());

describe('editing a regional calendar', () => {
  it('starts with the national calendar from the package', async () => {
    const cal = await loadCalendar(db);
    expect(computeDeadline(cal, { from: '2026-09-24', limit: 20 }).due).toBe('2026-10-29T17:30:00+08:00');
  });

  it('adds a local holiday that moves the region’s deadlines, audited and announced', async () => {
    await createCalendarRegion(ctx(), admin, { code: 'GX', name: '广西' });
    for (const date of ['2026-04-20', '2026-04-21']) {
      const r = await setCalendarDay(ctx(), admin, { region: 'GX', date, kind: 'holiday', name: '壮族三月三', reason: '自治区人民政府通知' });
      expect(r.changed).toBe(true);
    }
    const gx = await loadCalendar(db, 'GX');
    const cn = await loadCalendar(db, 'CN');
    expect(computeDeadline(gx, { from: '2026-04-17', limit: 5 }).due).toBe('2026-04-28T17:30:00+08:00');
    expect(computeDeadline(cn, { from: '2026-04-17', limit: 5 }).due).toBe('2026-04-24T17:30:00+08:00');
    expect(computeDeadline(gx, { from: '2026-04-17', limit: 5 }).ledger.text).toContain('4/20–4/21 壮族三月三不计');

    const edits = await listCalendarEdits(db, 'GX');
    expect(edits).toHaveLength(2);
    expect(edits[0]).toMatchObject({ date: '2026-04-21', before: null, after: { kind: 'holiday', name: '壮族三月三', source: 'manual' }, actorId: admin.id });
    const events = await db.query<{ payload: { region: string; days: string[] } }>("SELECT payload FROM events WHERE type = 'calendar.changed' ORDER BY pos");
    expect(events.rows.map((e) => e.payload.days)).toEqual([['2026-04-20'], ['2026-04-21']]);
  });

  it('records nothing when a day is set to what it already is', async () => {
    const before = await count('calendar_edits');
    const r = await setCalendarDay(ctx(), admin, { region: 'GX', date: '2026-04-20', kind: 'holiday', name: '壮族三月三', reason: '重复提交' });
    expect(r.changed).toBe(false);
    expect(await count('calendar_edits')).toBe(before);
  });

  it('clears a day back to the national calendar, keeping the before in the audit', async () => {
    await clearCalendarDay(ctx(), admin, { region: 'GX', date: '2026-04-21', reason: '更正' });
    const gx = await loadCalendar(db, 'GX');
    expect(computeDeadline(gx, { from: '2026-04-17', limit: 5 }).due).toBe('2026-04-27T17:30:00+08:00');
    const [last] = await listCalendarEdits(db, 'GX', 1);
    expect(last).toMatchObject({ date: '2026-04-21', before: { kind: 'holiday' }, after: null, reason: '更正' });
    expect((await listCalendarDays(db, 'GX', 2026)).map((d) => d.date)).toEqual(['2026-04-20']);
  });

  it('audits concurrent edits of one day as one after the other', async () => {
    const edit = (name: string) => setCalendarDay(ctx(), admin, { region: 'GX', date: '2026-06-01', kind: 'holiday', name, reason: '并发' });
    await Promise.all([edit('甲'), edit('乙')]);
    const [second, first] = await listCalendarEdits(db, 'GX', 2);
    expect(first).toMatchObject({ date: '2026-06-01', before: null });
    expect(second!.before).toEqual(first!.after);
    await clearCalendarDay(ctx(), admin, { region: 'GX', date: '2026-06-01', reason: '并发测试结束' });
  });

  it('is what the command line reads with DATABASE_URL set', () => {
    const bin = path.resolve(import.meta.dirname, '../../../../bin/tongban.js');
    const r = spawnSync(process.execPath, [bin, 'deadline', '--from', '2026-04-17', '--days', '5', '--region', 'GX', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: url },
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ due: '2026-04-27T17:30:00+08:00', region: 'GX', provisional: false });
  });

  it.each<[string, () => Promise<unknown>, ErrorCode]>([
    ['a clerk', () => setCalendarDay(ctx(), clerk, { region: 'GX', date: '2026-05-06', kind: 'holiday', name: '某节', reason: 'x' }), 'FORBIDDEN'],
    ['an unknown region', () => setCalendarDay(ctx(), admin, { region: 'ZZ', date: '2026-05-06', kind: 'holiday', name: '某节', reason: 'x' }), 'CALENDAR_REGION_UNKNOWN'],
    ['a year before the data', () => setCalendarDay(ctx(), admin, { region: 'GX', date: '2003-05-06', kind: 'holiday', name: '某节', reason: 'x' }), 'CALENDAR_YEAR_UNKNOWN'],
    ['a malformed date', () => setCalendarDay(ctx(), admin, { region: 'GX', date: '2026-5-6', kind: 'holiday', name: '某节', reason: 'x' }), 'CALENDAR_DATE_INVALID'],
    ['an unknown kind', () => setCalendarDay(ctx(), admin, { region: 'GX', date: '2026-05-06', kind: 'halfday' as never, name: '某节', reason: 'x' }), 'CALENDAR_OVERRIDE_INVALID'],
    ['no reason', () => setCalendarDay(ctx(), admin, { region: 'GX', date: '2026-05-06', kind: 'holiday', name: '某节', reason: ' ' }), 'REASON_REQUIRED'],
    ['a region twice', () => createCalendarRegion(ctx(), admin, { code: 'GX', name: '广西' }), 'CALENDAR_REGION_EXISTS'],
    ['loading an unknown region', () => loadCalendar(db, 'ZZ'), 'CALENDAR_REGION_UNKNOWN'],
  ])('refuses %s with a code and changes nothing', async (_name, act, code) => {
    const before = await count('calendar_edits');
    const days = await count('calendar_overrides');
    expect(await codeOf(act())).toBe(code);
    expect(await count('calendar_edits')).toBe(before);
    expect(await count('calendar_overrides')).toBe(days);
  });
});

describe('importing the yearly holiday notice', () => {
  // Shaped like the State Council's notice; the dates serve the test only.
  const notice2027 = parseNoticeCsv(2027, 'name,from,to,workdays\n元旦,2027-01-01,2027-01-03,\n春节,2027-02-05,2027-02-12,2027-01-31;2027-02-20\n');

  it('makes the year known: no longer provisional, its holidays skipped, in every region', async () => {
    const before = computeDeadline(await loadCalendar(db), { from: '2026-12-28', limit: 5 });
    expect(before).toMatchObject({ due: '2027-01-04T17:30:00+08:00', provisional: true });
    const r = await importHolidayNotice(ctx(), admin, { notice: notice2027 });
    expect(r.changedDays).toHaveLength(13);
    for (const region of ['CN', 'GX']) {
      const after = computeDeadline(await loadCalendar(db, region), { from: '2026-12-28', limit: 5 });
      expect(after).toMatchObject({ due: '2027-01-05T17:30:00+08:00', provisional: false });
      // Days of another year than the start's carry their year.
      expect(after.ledger.text).toContain('2027/1/1–2027/1/3 元旦不计');
    }
    expect(computeDeadline(await loadCalendar(db), { from: '2027-01-29', limit: 1 }).due).toBe('2027-01-31T17:30:00+08:00');
  });

  it('re-importing a corrected notice clears the days it no longer lists', async () => {
    const corrected = parseNoticeCsv(2027, 'name,from,to,workdays\n元旦,2027-01-01,2027-01-01,\n春节,2027-02-05,2027-02-12,2027-01-31;2027-02-20\n');
    const r = await importHolidayNotice(ctx(), admin, { notice: corrected });
    expect(r.changedDays).toEqual(['2027-01-02', '2027-01-03']);
    expect((await listCalendarDays(db, 'CN', 2027)).filter((d) => d.name === '元旦').map((d) => d.date)).toEqual(['2027-01-01']);
  });

  it('refuses an invalid notice and writes nothing', async () => {
    const before = await count('calendar_edits');
    const bad = parseNoticeCsv(2028, 'name,from,to,workdays\n元旦,2028-01-03,2028-01-01,\n');
    expect(await codeOf(importHolidayNotice(ctx(), admin, { notice: bad }))).toBe('CALENDAR_NOTICE_INVALID');
    expect(await codeOf(importHolidayNotice(ctx(), clerk, { notice: notice2027 }))).toBe('FORBIDDEN');
    expect(await count('calendar_edits')).toBe(before);
    expect(await count("calendar_notice_years WHERE year = 2028")).toBe(0);
  });
});

describe('a center’s clock settings', () => {
  it('defaults to the national calendar, 09:00–17:30 and yellow at 1 working day', async () => {
    const c = await loadCenterClock(db, centerId);
    expect(c).toMatchObject({ region: 'CN', hours: { open: 540, close: 1050 }, yellowWorkdays: 1 });
  });

  it('follows the center’s region and closing time', async () => {
    await setCenterClock(ctx(), admin, { centerId, region: 'GX', open: '08:30', close: '17:00', yellowWorkdays: 2 });
    const c = await loadCenterClock(db, centerId);
    expect(c).toMatchObject({ region: 'GX', yellowWorkdays: 2 });
    expect(computeDeadline(c.calendar, { from: '2026-04-17', limit: 5 }, { hours: c.hours }).due).toBe('2026-04-27T17:00:00+08:00');
  });

  it('refuses hours that close before they open and an unknown region', async () => {
    expect(await codeOf(setCenterClock(ctx(), admin, { centerId, region: 'GX', open: '17:00', close: '08:30', yellowWorkdays: 1 }))).toBe('CALENDAR_OFFICE_HOURS_INVALID');
    expect(await codeOf(setCenterClock(ctx(), admin, { centerId, region: 'ZZ', open: '08:30', close: '17:00', yellowWorkdays: 1 }))).toBe('CALENDAR_REGION_UNKNOWN');
    expect((await loadCenterClock(db, centerId)).region).toBe('GX');
  });
});

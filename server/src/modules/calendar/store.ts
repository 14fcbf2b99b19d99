/**
 * SQL of the calendar tables, shared by commands and queries. Writes of a day
 * always go through `writeDay`, which records the audit row in the same
 * transaction, so no change of a day escapes the audit.
 */
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import type { CalendarOverride, DayKind } from './calendar.ts';

export interface CalendarActor {
  id: string;
  role: string;
}

export interface StoredDay {
  kind: DayKind;
  name: string;
  source: 'notice' | 'manual';
}

export async function regionExists(q: Queryable, code: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM calendar_regions WHERE code = $1', [code]);
  return rows.length > 0;
}

/** The stored days of a region in date order, as calendar overrides. */
export async function readOverrides(q: Queryable, region: string, source: CalendarOverride['source']): Promise<CalendarOverride[]> {
  const { rows } = await q.query<{ day: string; kind: DayKind; name: string }>(
    'SELECT day, kind, name FROM calendar_overrides WHERE region_code = $1 ORDER BY day',
    [region],
  );
  return rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name, source }));
}

export async function readNoticeYears(q: Queryable, region: string): Promise<number[]> {
  const { rows } = await q.query<{ year: number }>('SELECT year FROM calendar_notice_years WHERE region_code = $1 ORDER BY year', [region]);
  return rows.map((r) => r.year);
}

/**
 * Sets (or with `after` null, clears) one day of a region and audits the
 * change with its before and after. Returns false when nothing changed.
 */
export async function writeDay(
  tx: Tx,
  change: { region: string; day: string; after: StoredDay | null; reason: string },
  actor: CalendarActor,
  at: Date,
): Promise<boolean> {
  const { rows } = await tx.query<StoredDay>(
    'SELECT kind, name, source FROM calendar_overrides WHERE region_code = $1 AND day = $2 FOR UPDATE',
    [change.region, change.day],
  );
  const before = rows[0] ?? null;
  const after = change.after;
  if (before?.kind === after?.kind && before?.name === after?.name && before?.source === after?.source) return false;
  if (after) {
    await tx.query(
      `INSERT INTO calendar_overrides (region_code, day, kind, name, source, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (region_code, day) DO UPDATE
         SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = EXCLUDED.source,
             updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [change.region, change.day, after.kind, after.name, after.source, at, actor.id],
    );
  } else {
    await tx.query('DELETE FROM calendar_overrides WHERE region_code = $1 AND day = $2', [change.region, change.day]);
  }
  await tx.query(
    `INSERT INTO calendar_edits (region_code, day, before, after, reason, actor_id, actor_role, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [change.region, change.day, before && JSON.stringify(before), after && JSON.stringify(after), change.reason, actor.id, actor.role, at],
  );
  return true;
}

export interface CenterClockRow {
  region_code: string;
  opens: string;
  closes: string;
  yellow_workdays: number;
}

/** A center's clock settings, the center's id as $1 (loadCenterClock reads it with the calendar's fingerprint). */
export const CENTER_CLOCK_SELECT = `SELECT region_code, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes, yellow_workdays
       FROM center_clock_settings WHERE center_id = $1`;

/**
 * Calendar-day arithmetic on plain integers. A day is its epoch-day number
 * (days since 1970-01-01); the clock lives in Asia/Shanghai, which has kept a
 * fixed +08:00 offset without daylight saving since 1991, so a fixed offset
 * is exact for every date the clock accepts.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MS_PER_DAY = 86_400_000;
const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch day of a `YYYY-MM-DD` string, or undefined when it is not a real date. */
export function parseIsoDate(s: string): number | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of an epoch day. */
export function formatIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function weekdayZh(day: number): string {
  return WEEKDAY_ZH[weekdayOf(day)] as string;
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** `M/D`, or `YYYY/M/D` when the year differs from `refYear`: how a ledger names a day. */
export function shortDate(day: number, refYear: number): string {
  const d = new Date(day * MS_PER_DAY);
  const md = `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  return d.getUTCFullYear() === refYear ? md : `${d.getUTCFullYear()}/${md}`;
}

/** Minutes since midnight of `HH:MM`, or undefined when malformed. */
export function parseHhMm(s: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 23 || mi > 59) return undefined;
  return h * 60 + mi;
}

export function formatHhMm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A local Shanghai moment: the calendar day and minutes since its midnight. */
export interface LocalMoment {
  day: number;
  minute: number;
}

/** The Shanghai wall-clock day and minute of an instant. */
export function toShanghai(instant: Date): LocalMoment {
  const localMs = instant.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000;
  const day = Math.floor(localMs / MS_PER_DAY);
  const minute = Math.floor((localMs - day * MS_PER_DAY) / 60_000);
  return { day, minute };
}

/** The instant of a Shanghai wall-clock day and minute. */
export function fromShanghai(m: LocalMoment): Date {
  return new Date(m.day * MS_PER_DAY + (m.minute - SHANGHAI_OFFSET_MINUTES) * 60_000);
}

/** ISO 8601 with the +08:00 offset, e.g. `2026-11-03T17:30:00+08:00`. */
export function formatShanghai(m: LocalMoment): string {
  return `${formatIsoDate(m.day)}T${formatHhMm(m.minute)}:00+08:00`;
}

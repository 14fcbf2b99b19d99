import { z } from 'zod';

/** Pieces every list's filters use: a center day, its first moment, a prefix match. */

/** A calendar day, YYYY-MM-DD, in the center's zone (UTC+8, no daylight saving). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00+08:00`)), 'invalid date');

/** The first moment of a center day (UTC+8), `plusDays` later: `to` filters end before `dayStart(to, 1)`. */
export function dayStart(date: string, plusDays = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000);
}

/** `LIKE` pattern for "starts with": the text's own % _ and \ are escaped. */
export function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

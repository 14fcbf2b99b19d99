import { z } from 'zod';
import { ANOMALY_KINDS } from '../../../../shared/supervision/monitor.ts';

/** zod schemas of the supervision routes: request validation and the OpenAPI document. */

export const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const periodQuery = z.object({ from: dayString.optional(), to: dayString.optional() });

/** The China day of an instant, YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The period asked for; by default today (or the last `defaultDays` days). */
export function periodOf(q: { from?: string; to?: string }, now: Date, defaultDays = 1): { from: string; to: string } {
  const to = q.to ?? chinaDay(now);
  const from = q.from ?? chinaDay(new Date(Date.parse(`${to}T12:00:00+08:00`) - (defaultDays - 1) * 86_400_000));
  return from <= to ? { from, to } : { from: to, to: from };
}

export const newSourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, '小写字母、数字、- 或 _，2–40 个字符'),
  name: z.string().trim().min(1).max(100),
});

export const anomalyKind = z.enum(ANOMALY_KINDS);

/** The answers are shared with the browser (shared/supervision/monitor.ts). */
export {
  anomalySchema, attendanceSchema, caseViewSchema, countRowSchema, findingSchema, sourceSchema, volumeRowSchema,
} from '../../../../shared/supervision/monitor.ts';

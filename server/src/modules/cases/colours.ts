import type { Queryable } from '../../platform/db/pool.ts';
import { clockState, type CenterClock, type Colour } from '../calendar/index.ts';
import { loadClock } from './clock.ts';

interface DueRow {
  dueAt: Date | null;
  status?: string;
  concludedAt?: Date | null;
}

/**
 * Adds the one colour rule (green / yellow / red) to rows that have a running
 * deadline; `clock` when the caller has read the center's clock already.
 */
export async function withColours<T extends DueRow>(
  db: Queryable, rows: T[], now: Date, clock?: CenterClock,
): Promise<(T & { colour: Colour | null; workdaysLeft: number | null })[]> {
  if (rows.length === 0) return [];
  const cc = clock ?? await loadClock(db);
  return rows.map((r) => {
    const running = r.dueAt && !r.concludedAt && r.status !== 'supplement_requested';
    if (!running) return { ...r, colour: null, workdaysLeft: null };
    const s = clockState(cc.calendar, r.dueAt!, now, cc.yellowWorkdays);
    return { ...r, colour: s.colour, workdaysLeft: s.workdaysLeft };
  });
}

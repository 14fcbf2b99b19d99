import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { withTx } from '../../platform/db/pool.ts';
import { isWorkingDay, NATIONAL_REGION } from './calendar.ts';
import { parseIsoDate } from './dates.ts';
import { loadCalendar } from './queries.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const monday = parseIsoDate('2026-11-30') as number;
const setDay = (q: { query: (sql: string, p: unknown[]) => Promise<unknown> }, kind: string) =>
  q.query(
    `INSERT INTO calendar_overrides (region_code, day, kind, name, source, updated_at) VALUES ($1, '2026-11-30', $2, '测试', 'manual', now())
     ON CONFLICT (region_code, day) DO UPDATE SET kind = EXCLUDED.kind`,
    [NATIONAL_REGION, kind],
  );

describe('the built calendar kept between requests', () => {
  it('is reused while the calendar rows are unchanged', async () => {
    const first = await loadCalendar(t.db);
    expect(await loadCalendar(t.db)).toBe(first);
    expect(isWorkingDay(first, monday)).toBe(true);
  });

  it('is rebuilt after any edit, also inside the editing transaction, and after a delete', async () => {
    await withTx(t.db, async (tx) => {
      await setDay(tx, 'holiday');
      expect(isWorkingDay(await loadCalendar(tx), monday)).toBe(false);
    });
    expect(isWorkingDay(await loadCalendar(t.db), monday)).toBe(false);
    // Same row count, different content: the fingerprint still moves.
    await setDay(t.db, 'workday');
    expect(isWorkingDay(await loadCalendar(t.db), monday)).toBe(true);
    await setDay(t.db, 'holiday');
    await t.db.query("DELETE FROM calendar_overrides WHERE region_code = $1 AND day = '2026-11-30'", [NATIONAL_REGION]);
    expect(isWorkingDay(await loadCalendar(t.db), monday)).toBe(true);
  });

  it('is not reused after a rolled-back edit was seen inside its transaction', async () => {
    await withTx(t.db, async (tx) => {
      await setDay(tx, 'holiday');
      expect(isWorkingDay(await loadCalendar(tx), monday)).toBe(false);
      await tx.query('ROLLBACK; BEGIN');
    });
    expect(isWorkingDay(await loadCalendar(t.db), monday)).toBe(true);
  });
});

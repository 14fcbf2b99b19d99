import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { migrateSupervision } from './migrate.ts';

describe('supervision migrations', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t.drop(); });

  it('live in their own schema and record themselves in supervision.schema_migrations, once', async () => {
    // The template is migrated already: a second run applies nothing.
    expect(await migrateSupervision(t.db)).toEqual([]);
    const applied = await t.db.query<{ name: string }>('SELECT name FROM supervision.schema_migrations ORDER BY name');
    expect(applied.rows.map((r) => r.name)).toContain('0001_supervision_core.sql');
    const approval = await t.db.query("SELECT 1 FROM schema_migrations WHERE name LIKE '%supervision_core%'");
    expect(approval.rowCount).toBe(0);
    const tables = await t.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'supervision' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['sources', 'events', 'findings', 'sv_cases', 'sv_steps']));
  });

  it('refer to no approval-side table', async () => {
    const refs = await t.db.query<{ target: string }>(
      `SELECT ccu.table_schema AS target FROM information_schema.table_constraints tc
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'supervision'`,
    );
    expect(refs.rows.length).toBeGreaterThan(0);
    expect(new Set(refs.rows.map((r) => r.target))).toEqual(new Set(['supervision']));
  });
});

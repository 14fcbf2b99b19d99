import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './pool.ts';
import { projectPath } from '../paths.ts';

export const migrationsDir = projectPath('server', 'migrations');

/** Where a set of migrations records itself: its own table and advisory lock, so two sets never interfere. */
export interface MigrationSet {
  /** The table of applied names, schema-qualified when not in public. */
  table: string;
  /** Run before the table is created (e.g. CREATE SCHEMA of the set's own schema). */
  prelude?: string;
  lockKey: number;
}

const approvalSet: MigrationSet = { table: 'schema_migrations', lockKey: 727274001 };

/**
 * Applies `server/migrations/NNNN_name.sql` in order, each once, each in its
 * own transaction, recorded in `schema_migrations`. An advisory lock keeps
 * several nodes starting together from racing. Another bounded context with
 * its own schema passes its own folder and `set`.
 */
export async function migrate(db: Db, dir = migrationsDir, set: MigrationSet = approvalSet, only?: ReadonlySet<string>): Promise<string[]> {
  // `only`: the migrations a backup was made with, so its rows load into exactly its schema.
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_.+\.sql$/.test(f) && (!only || only.has(f))).sort();
  const client = await db.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [set.lockKey]);
    if (set.prelude) await client.query(set.prelude);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${set.table} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await client.query<{ name: string }>(`SELECT name FROM ${set.table}`)).rows.map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query(`INSERT INTO ${set.table} (name) VALUES ($1)`, [file]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`迁移 ${file} 失败：${(err as Error).message}`);
      }
      applied.push(file);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [set.lockKey]).catch(() => undefined);
    client.release();
  }
  return applied;
}

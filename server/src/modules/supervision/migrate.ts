import type { Db } from '../../platform/db/pool.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { projectPath } from '../../platform/paths.ts';

/** Supervision's own migrations: `server/migrations-supervision/NNNN_name.sql`, in schema `supervision`. */
export const supervisionMigrationsDir = projectPath('server', 'migrations-supervision');

/**
 * Applies supervision's migrations, recorded in `supervision.schema_migrations`
 * (not the approval side's table), under an advisory lock of its own. The
 * supervision platform's database may be the approval system's or its own.
 */
export function migrateSupervision(db: Db, dir = supervisionMigrationsDir, only?: ReadonlySet<string>): Promise<string[]> {
  return migrate(db, dir, { table: 'supervision.schema_migrations', prelude: 'CREATE SCHEMA IF NOT EXISTS supervision', lockKey: 727274011 }, only);
}

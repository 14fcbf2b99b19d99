import type { SchemaPart } from './platform/db/backup.ts';
import { migrate, migrationsDir } from './platform/db/migrate.ts';
import { supervisionMigrationsDir, migrateSupervision } from './modules/supervision/index.ts';

/**
 * Every migration set of the database, as `tongban restore` replays them
 * before loading a backup's rows. A new set (a context with its own schema)
 * is added here as well as where the server applies it; a backup carrying a
 * set missing here is refused by restore.
 */
export const schemaParts: readonly SchemaPart[] = [
  { table: 'schema_migrations', dir: migrationsDir, migrate: (db, only) => migrate(db, migrationsDir, undefined, only) },
  { table: 'supervision.schema_migrations', dir: supervisionMigrationsDir, migrate: (db, only) => migrateSupervision(db, undefined, only) },
];

import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { startEmbeddedPg } from './embedded.ts';
import { createPool, type Db } from './pool.ts';

export interface Database {
  db: Db;
  /** 'embedded' or 'external' — printed at start. */
  kind: 'embedded' | 'external';
  close(): Promise<void>;
}

/** The application database inside the embedded cluster. */
export const DB_NAME = 'tongban';

/**
 * DATABASE_URL when given; otherwise the embedded PostgreSQL in
 * `<dataDir>/pg`, created on first start and reused after.
 */
export async function openDatabase(
  config: Config, log: (line: string) => void = () => {}, opts: { attachToRunning?: boolean } = {},
): Promise<Database> {
  if (config.databaseUrl) {
    const db = createPool(config.databaseUrl);
    return { db, kind: 'external', close: () => db.end() };
  }
  const pgServer = await startEmbeddedPg({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, log, attachToRunning: opts.attachToRunning });
  const admin = new pg.Client(pgServer.url('postgres'));
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const db = createPool(pgServer.url(DB_NAME));
  return {
    db,
    kind: 'embedded',
    close: async () => {
      await db.end();
      await pgServer.stop();
    },
  };
}

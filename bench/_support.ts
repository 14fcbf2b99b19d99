/** Small helpers shared by the benchmarks (files starting with _ are not benchmarks). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPg } from '../server/src/platform/db/embedded.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { createPool, type Db } from '../server/src/platform/db/pool.ts';
import { freePort } from '../server/test/free-port.ts';

export { freePort };

/** The p-th percentile of ascending `sorted` values (0 when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Runs `fn` against a migrated embedded PostgreSQL of its own (fsync on) in a
 * temp folder, with a pool of `connections`; stops and removes it after.
 * `settings` are set with ALTER SYSTEM and the server restarted before the
 * migration (e.g. a library to preload).
 */
export async function withBenchDatabase(
  name: string, connections: number, fn: (db: Db, tmp: string) => Promise<void>, settings: Record<string, string> = {},
): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tongban-bench-${name}-`));
  fs.chmodSync(tmp, 0o755);
  const port = await freePort();
  let pgServer = await startEmbeddedPg({ dataDir: path.join(tmp, 'pg'), port });
  if (Object.keys(settings).length > 0) {
    const admin = createPool(pgServer.url('postgres'), 1);
    // ALTER SYSTEM takes no parameters; the values are the benchmark's own constants.
    for (const [key, value] of Object.entries(settings)) await admin.query(`ALTER SYSTEM SET ${key} = '${value.replace(/'/g, "''")}'`);
    await admin.end();
    await pgServer.stop();
    pgServer = await startEmbeddedPg({ dataDir: path.join(tmp, 'pg'), port });
  }
  const db = createPool(pgServer.url('postgres'), connections);
  try {
    await migrate(db);
    await fn(db, tmp);
  } finally {
    await db.end();
    await pgServer.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject, it, expect } from 'vitest';
import pg from 'pg';
import * as tar from 'tar';
import { ManualClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from '../../app.ts';
import type { AppContext } from '../http/context.ts';
import { verifyChain } from '../events/stream.ts';
import { seedDemo } from '../../modules/demo/index.ts';
import { createTestDb } from '../../../test/db.ts';
import { login } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { restoreBackup, writeBackup } from './backup.ts';
import { createPool, type Db } from './pool.ts';
import { schemaParts } from '../../schema-parts.ts';

/** Rows per table of every schema of ours, as `schema.table`. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.query<{ s: string; t: string }>(
    `SELECT schemaname AS s, tablename AS t FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { s, t } of tables.rows) counts[`${s}.${t}`] = (await db.query(`SELECT count(*)::int AS n FROM "${s}"."${t}"`)).rows[0].n;
  return counts;
}

const filesIn = (dir: string): Record<string, string> =>
  Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]));

// The drill an operator runs: back up a center in use, lose work after it, restore, check everything came back.
it('restore drill: a backup taken while in use comes back with the same rows, files and an intact event chain', async () => {
  const testDb = await createTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-backup-'));
  const adminUrl = (database: string) => {
    const u = new URL(inject('pgAdminUrl'));
    u.pathname = `/${database}`;
    return u.toString();
  };
  const dbName = new URL(testDb.url).pathname.slice(1);
  try {
    await seedDemo(testDb.db);
    const ctx: AppContext = {
      db: testDb.db, clock: new ManualClock('2026-09-24T02:00:00Z'),
      config: { ...loadConfig({}), dataDir }, uploadsDir: path.join(dataDir, 'uploads'),
    };
    const app = await buildApp(ctx);
    let target = { app, ctx };
    const f = factories(() => target);
    const item = await f.item();
    const clerk = await login(app, 'clerk');
    const first = await f.submit(item);
    await f.submit(item);
    const accepted = await app.inject({ method: 'POST', url: `/api/cases/${first.id}/accept`, headers: { cookie: clerk }, payload: {} });
    expect(accepted.statusCode).toBe(200);

    const file = path.join(dataDir, 'backup.tar.gz');
    const manifest = await writeBackup(testDb.db, dataDir, file, ctx.clock.now());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const before = await rowCounts(testDb.db);
    expect(manifest.tables).toEqual(before);
    expect(before['public.cases']).toBe(2);
    expect(before['public.documents']).toBeGreaterThan(0);
    const uploads = filesIn(path.join(dataDir, 'uploads'));
    const documents = filesIn(path.join(dataDir, 'documents'));
    expect(manifest.files).toEqual({ uploads: Object.keys(uploads).length, documents: Object.keys(documents).length });

    // Work after the backup, and a lost file: the restore takes both back to the backup's state.
    await f.submit(item);
    fs.rmSync(path.join(dataDir, 'uploads', Object.keys(uploads)[0]!));
    const liveUploads = fs.readdirSync(path.join(dataDir, 'uploads')).sort();
    await app.close();
    await testDb.db.end();

    const report = await restoreBackup(file, dataDir, schemaParts, adminUrl, dbName);
    expect(report.eventsVerified).toBe(before['public.events']);
    const restored = createPool(testDb.url, 2);
    try {
      expect(await rowCounts(restored)).toEqual(before);
      expect(await verifyChain(restored)).toEqual({ ok: true, checked: before['public.events'], firstBroken: null });
      expect(filesIn(path.join(dataDir, 'uploads'))).toEqual(uploads);
      expect(filesIn(path.join(dataDir, 'documents'))).toEqual(documents);
      // Sequences continue past the restored rows: the next case gets a fresh number.
      const app2 = await buildApp({ ...ctx, db: restored });
      target = { app: app2, ctx: { ...ctx, db: restored } };
      f.as.forget();
      const next = await f.submit(item);
      expect(next.caseNo).not.toBe(first.caseNo);
      expect((await restored.query('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(3);
      await app2.close();
      // What the restore replaced is kept once beside.
      expect(fs.readdirSync(path.join(dataDir, 'before-restore', 'uploads')).sort()).toEqual(liveUploads);
    } finally {
      await restored.end();
    }
  } finally {
    const admin = new pg.Client(inject('pgAdminUrl'));
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS tongban_before_restore WITH (FORCE)');
    await admin.end();
    await testDb.drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

it('refuses a file that is not a backup, and a backup from a newer version, before touching anything', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-backup-'));
  try {
    const junk = path.join(dataDir, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a tar');
    await expect(restoreBackup(junk, dataDir, schemaParts, () => 'postgres://unused', 'unused')).rejects.toThrow();
    const future = path.join(dataDir, 'future');
    fs.mkdirSync(future);
    const manifest = { format: 'tongban-backup', version: 1, createdAt: '2027-01-01T00:00:00Z', migrations: { schema_migrations: ['0001_foundation.sql', '9999_future.sql'] }, tables: {}, sequences: {}, files: { uploads: 0, documents: 0 } };
    fs.writeFileSync(path.join(future, 'manifest.json'), JSON.stringify(manifest));
    await tar.c({ gzip: true, file: path.join(dataDir, 'future.tar.gz'), cwd: future }, ['manifest.json']);
    fs.rmSync(future, { recursive: true });
    await expect(restoreBackup(path.join(dataDir, 'future.tar.gz'), dataDir, schemaParts, () => 'postgres://unused', 'unused')).rejects.toThrow(/9999_future/);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['future.tar.gz', 'junk.tar.gz']);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPg, type EmbeddedPg } from '../src/platform/db/embedded.ts';
import { createPool } from '../src/platform/db/pool.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { freePort } from './free-port.ts';
import { migrateSupervision } from '../src/modules/supervision/index.ts';

/**
 * One real PostgreSQL per test run (the embedded one, in a temp folder on a
 * free port), migrated once into a template database. Each test file clones
 * the template (see db.ts), so files stay independent and fast.
 * With TEST_DATABASE_URL set, that server is used instead.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let embedded: EmbeddedPg | undefined;
let tmp: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  // Tests that start `bin/tongban.js` as a user would then run the compiled
  // server (a fifth of a second to load) rather than the sources through a
  // TypeScript loader (seconds apiece on a busy two-core machine).
  execFileSync(process.execPath, ['scripts/server-build.js', '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-test-'));
    fs.chmodSync(tmp, 0o755);
    embedded = await startEmbeddedPg({ dataDir: path.join(tmp, 'pg'), port: await freePort() });
    adminUrl = embedded.url('postgres');
  }
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS tongban_template');
  await admin.query('CREATE DATABASE tongban_template');
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = '/tongban_template';
  const pool = createPool(templateUrl.toString(), 2);
  await migrate(pool);
  await migrateSupervision(pool);
  await pool.end();
  project.provide('pgAdminUrl', adminUrl);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

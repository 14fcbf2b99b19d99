import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import * as tar from 'tar';
import { chainPending } from '../events/chain.ts';
import { verifyChain } from '../events/stream.ts';
import { createPool, withTx, type Db } from './pool.ts';

/**
 * Backup and restore of one Tongban install: the database and the files it
 * points to (uploads, generated notices) in one .tar.gz.
 *
 * The bundled PostgreSQL package ships no pg_dump / pg_restore (only initdb,
 * pg_ctl and postgres), and a system pg_dump older than the server cannot
 * read it, so the database part is a logical dump made here: every table
 * of every schema through COPY (PostgreSQL's own text format, exact for every
 * type) inside one repeatable-read snapshot, plus the sequences' positions.
 * The schema is not dumped: it is exactly the migrations recorded in the
 * dump (one list per migration set), which restore replays before loading.
 */
export interface BackupManifest {
  format: 'tongban-backup';
  version: 1;
  createdAt: string;
  /** Applied migrations at backup time per migration table (`schema_migrations`, `supervision.schema_migrations`…). */
  migrations: Record<string, string[]>;
  /** Rows per table, `schema.table`. */
  tables: Record<string, number>;
  sequences: Record<string, { lastValue: string; isCalled: boolean }>;
  /** Files per folder of the data directory. */
  files: Record<FileFolder, number>;
}

const FILE_FOLDERS = ['uploads', 'documents'] as const;
type FileFolder = (typeof FILE_FOLDERS)[number];

/**
 * One set of migrations as restore replays it: the table that records it,
 * its folder (to refuse a backup newer than this code) and how to apply only
 * the named files. The composition root lists them (server/src/schema-parts.ts).
 */
export interface SchemaPart {
  table: string;
  dir: string;
  migrate(db: Db, only: ReadonlySet<string>): Promise<unknown>;
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
/** `schema.table` → `"schema"."table"`. */
const qualified = (name: string): string => name.split('.').map(ident).join('.');
const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND left(n.nspname, 3) <> 'pg_'`;

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
}

/** Relations of one kind ('r' tables, 'S' sequences) in every schema of ours, as `schema.name`, in name order. */
async function relationsOf(q: pg.ClientBase, kind: 'r' | 'S'): Promise<string[]> {
  const r = await q.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${USER_SCHEMAS} AND c.relkind = $1 ORDER BY (n.nspname || '.' || c.relname) COLLATE "C"`, [kind],
  );
  return r.rows.map((x) => x.name);
}

/**
 * Writes `file` (.tar.gz): manifest.json, database/<table>.copy, uploads/, documents/.
 * Safe while the server runs: the rows come from one snapshot, and files are
 * written before the rows that name them commit, so every file a row names is there.
 */
export async function writeBackup(db: Db, dataDir: string, file: string, now: Date): Promise<BackupManifest> {
  await chainPending(db);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-backup-'));
  try {
    fs.mkdirSync(path.join(staging, 'database'));
    const manifest: BackupManifest = {
      format: 'tongban-backup', version: 1, createdAt: now.toISOString(), migrations: {}, tables: {}, sequences: {},
      files: { uploads: 0, documents: 0 },
    };
    await withTx(db, async (client) => {
      for (const table of await relationsOf(client, 'r')) {
        const stream = client.query(copyTo(`COPY ${qualified(table)} TO STDOUT`));
        await pipeline(stream, fs.createWriteStream(path.join(staging, 'database', `${table}.copy`)));
        manifest.tables[table] = stream.rowCount;
      }
      for (const seq of await relationsOf(client, 'S')) {
        const r = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${qualified(seq)}`);
        manifest.sequences[seq] = { lastValue: r.rows[0]!.last_value, isCalled: r.rows[0]!.is_called };
      }
      for (const table of Object.keys(manifest.tables).filter((t) => t.endsWith('.schema_migrations'))) {
        const key = table.startsWith('public.') ? table.slice('public.'.length) : table;
        manifest.migrations[key] = (await client.query<{ name: string }>(`SELECT name FROM ${qualified(table)} ORDER BY name`)).rows.map((r) => r.name);
      }
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const folder of FILE_FOLDERS) {
      const source = path.join(dataDir, folder);
      manifest.files[folder] = countFiles(source);
      // Packed through a link (tar follows it), so nothing is copied twice on disk.
      if (fs.existsSync(source)) fs.symlinkSync(source, path.join(staging, folder));
      else fs.mkdirSync(path.join(staging, folder));
    }
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written beside, then renamed: a half-written backup never carries the final name.
    const part = `${file}.part`;
    // It holds password hashes and applicants' papers: readable by its owner only, from the first byte.
    fs.writeFileSync(part, '', { mode: 0o600 });
    fs.chmodSync(part, 0o600);
    await tar.c({ gzip: true, file: part, cwd: staging, follow: true, portable: true }, ['manifest.json', 'database', ...FILE_FOLDERS]);
    fs.renameSync(part, file);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export interface RestoreReport {
  manifest: BackupManifest;
  /** Events whose hash chain was verified in the restored database. */
  eventsVerified: number;
}

const RESTORE_DB = 'tongban_restore';
const PREVIOUS_DB = 'tongban_before_restore';
const PREVIOUS_FILES = 'before-restore';

function readManifest(dir: string, parts: readonly SchemaPart[]): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch {
    throw new Error('不是通办备份文件（缺少 manifest.json）');
  }
  if (manifest.format !== 'tongban-backup' || manifest.version !== 1) throw new Error('不是通办备份文件，或备份格式版本不受支持');
  for (const [table, names] of Object.entries(manifest.migrations)) {
    const part = parts.find((p) => p.table === table);
    const known = new Set(part ? fs.readdirSync(part.dir) : []);
    const unknown = names.filter((m) => !known.has(m));
    if (unknown.length) throw new Error(`备份来自更新的通办版本（本版本没有迁移 ${table}: ${unknown.join(', ')}）：请先升级再恢复`);
  }
  return manifest;
}

/** Loads the dump into a fresh database; refuses when a count or the event chain does not match. */
async function loadInto(db: Db, dir: string, manifest: BackupManifest, parts: readonly SchemaPart[]): Promise<number> {
  for (const part of parts) await part.migrate(db, new Set(manifest.migrations[part.table] ?? []));
  await withTx(db, async (client) => {
    const tables = await relationsOf(client, 'r');
    const expected = Object.keys(manifest.tables).sort();
    if (tables.join() !== expected.join()) throw new Error(`备份中的表与迁移得到的表不一致：${expected.filter((t) => !tables.includes(t)).join(', ')}`);
    // Rows go in as they were: no triggers (published versions are immutable), no key checks mid-load.
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(`TRUNCATE ${tables.map(qualified).join(', ')}`);
    for (const table of tables) {
      const stream = client.query(copyFrom(`COPY ${qualified(table)} FROM STDIN`));
      await pipeline(fs.createReadStream(path.join(dir, 'database', `${table}.copy`)), stream);
      if (stream.rowCount !== manifest.tables[table]) {
        throw new Error(`表 ${table} 恢复了 ${stream.rowCount} 行，备份记录为 ${manifest.tables[table]} 行`);
      }
    }
    for (const [seq, s] of Object.entries(manifest.sequences)) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [qualified(seq), s.lastValue, s.isCalled]);
    }
  });
  const chain = await verifyChain(db);
  if (!chain.ok) throw new Error(`恢复后的事件链在第 ${chain.firstBroken!.seq} 条处断开（${chain.firstBroken!.reason}）`);
  return chain.checked;
}

/**
 * Restores `file` over the install in `dataDir`, whose PostgreSQL answers at
 * `adminUrl(database)` and must not be in use by a server. The dump is loaded
 * and checked in a database of its own first; only then are the database and
 * the file folders swapped in. What they replace is kept once, as database
 * `tongban_before_restore` and folder `before-restore/`.
 */
export async function restoreBackup(
  file: string, dataDir: string, parts: readonly SchemaPart[], adminUrl: (database: string) => string, dbName: string,
): Promise<RestoreReport> {
  const staging = fs.mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    await tar.x({ file, cwd: staging, strict: true });
    const manifest = readManifest(staging, parts);
    const admin = new pg.Client(adminUrl('postgres'));
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${RESTORE_DB} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${RESTORE_DB}`);
      const db = createPool(adminUrl(RESTORE_DB), 2);
      let eventsVerified: number;
      try {
        eventsVerified = await loadInto(db, staging, manifest, parts);
      } finally {
        await db.end();
      }
      const previous = path.join(dataDir, PREVIOUS_FILES);
      fs.rmSync(previous, { recursive: true, force: true });
      fs.mkdirSync(previous);
      for (const folder of FILE_FOLDERS) {
        const live = path.join(dataDir, folder);
        if (fs.existsSync(live)) fs.renameSync(live, path.join(previous, folder));
        fs.renameSync(path.join(staging, folder), live);
      }
      await admin.query(`DROP DATABASE IF EXISTS ${PREVIOUS_DB} WITH (FORCE)`);
      const live = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
      if (live.rowCount) await admin.query(`ALTER DATABASE ${ident(dbName)} RENAME TO ${PREVIOUS_DB}`);
      await admin.query(`ALTER DATABASE ${RESTORE_DB} RENAME TO ${ident(dbName)}`);
      return { manifest, eventsVerified };
    } finally {
      await admin.end();
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

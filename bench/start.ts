/**
 * `npm run bench -- start`: how long `npm start` takes to be ready on a fresh
 * clone (web build, server build, a new embedded PostgreSQL, migrations and
 * the demo center included), how long a restart takes, and the server's
 * resident memory once idle — for the compiled server (the system) and for
 * the previous way, the TypeScript sources through tsx, in one run. Each way
 * gets its own clone of the committed HEAD (node_modules linked) and data
 * folder. Ends with one JSON line.
 */
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTongban } from '../server/test/tongban-process.ts';
import { freePort, round } from './_support.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IDLE_SECONDS = 15;

interface WayFigures {
  firstStartSeconds: number;
  restartSeconds: number;
  idleRssMb: number;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** What `npm start` runs, as one timed sequence: the build steps, then the server until ready. */
async function startOnce(clone: string, env: NodeJS.ProcessEnv, compiled: boolean) {
  const t0 = performance.now();
  execFileSync(process.execPath, ['scripts/ensure-web.js'], { cwd: clone, env, stdio: 'ignore' });
  if (compiled) execFileSync(process.execPath, ['scripts/server-build.js', '--if-stale'], { cwd: clone, env, stdio: 'ignore' });
  const server = await spawnTongban(['bin/tongban.js', 'start'], { cwd: clone, env, readyTimeoutMs: 300_000 });
  return { server, seconds: (performance.now() - t0) / 1000 };
}

async function measure(name: string, compiled: boolean): Promise<WayFigures> {
  // A plain folder name: pg_ctl passes it through a shell.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tongban-bench-start-${compiled ? 'compiled' : 'tsx'}-`));
  fs.chmodSync(tmp, 0o755);
  const clone = path.join(tmp, 'repo');
  try {
    execSync(`git clone --quiet --local --no-hardlinks ${JSON.stringify(root)} ${JSON.stringify(clone)}`);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'));
    const env = {
      ...process.env, PORT: String(await freePort()), HOST: '127.0.0.1', TONGBAN_DATA_DIR: path.join(tmp, 'data'),
      TONGBAN_PG_PORT: String(await freePort()), TONGBAN_RUN_TS: compiled ? '' : '1',
    };
    const first = await startOnce(clone, env, compiled);
    await first.server.stop('SIGINT', 60_000);
    const again = await startOnce(clone, env, compiled);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idle = rssMb(again.server.child.pid!);
    await again.server.stop('SIGINT', 60_000);
    const f = { firstStartSeconds: round(first.seconds, 2), restartSeconds: round(again.seconds, 2), idleRssMb: round(idle) };
    console.log(`${name}: first start ${f.firstStartSeconds} s, restart ${f.restartSeconds} s, idle RSS ${f.idleRssMb} MB (after ${IDLE_SECONDS} s)`);
    return f;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(`machine: ${os.cpus().length} CPU; load average ${os.loadavg().map((l) => round(l)).join(' ')}; node ${process.version}; the committed HEAD is cloned`);
  const compiled = await measure('compiled (npm start)', true);
  const tsx = await measure('TypeScript through tsx (previous)', false);
  console.log(
    `first start ${compiled.firstStartSeconds} s vs ${tsx.firstStartSeconds} s; restart ${compiled.restartSeconds} s vs ${tsx.restartSeconds} s; ` +
      `idle RSS ${compiled.idleRssMb} MB vs ${tsx.idleRssMb} MB`,
  );
  console.log(JSON.stringify({ bench: 'start', compiled, tsx, loadAverage: os.loadavg().map((l) => round(l, 2)) }));
}

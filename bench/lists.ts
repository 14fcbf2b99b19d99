/**
 * `npm run bench -- lists [--cases N] [--seconds S] [--clients C] [--nodes K] [--data DIR]`:
 * every list read by C concurrent clients (default 50) over HTTP against a
 * real server (K node processes on the one database, default 1, the clients
 * spread over them) holding N cases (default 1,000,000; also TONGBAN_BENCH_CASES),
 * each for S seconds (default 5). Per list: keyset (cursor) pages of 50, each
 * client walking ten pages deep from the first and starting again; in the
 * same run the previous ways — OFFSET/LIMIT pages over the same walk and the
 * old unpaged answer (up to 500 or 200 rows). Prints requests/s, p50/p95/p99
 * and bytes per answer, and ends with one JSON line of them.
 *
 * Seeding is bulk SQL (bench/_lists-seed.ts). `--data DIR` keeps the database
 * there and reuses it when it already holds the N cases.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPg } from '../server/src/platform/db/embedded.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { migrateSupervision } from '../server/src/modules/supervision/migrate.ts';
import { createPool } from '../server/src/platform/db/pool.ts';
import { seedDemo } from '../server/src/modules/demo/seed.ts';
import { DEMO_PASSWORD } from '../server/src/modules/demo/data.ts';
import { BENCH_PREFIX, HEAVY_APPLICANTS, seedLists, seededCases } from './_lists-seed.ts';
import { freePort } from '../server/test/free-port.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGE = 50;
const WALK_PAGES = 10;

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) {
    console.error('用法：npm run bench -- lists [--cases N] [--seconds S] [--clients C] [--data 目录]');
    process.exit(2);
  }
  return v;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Figures {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  kbPerAnswer: number;
  rowsPerAnswer: number;
  errors: number;
}

/**
 * One list read one way: how each client gets the URL of its next page from
 * the previous answer (null: start again from the first).
 */
interface Way {
  first: string;
  next(prevUrl: string, body: { items?: unknown[]; nextCursor?: string | null }, depth: number): string | null;
}

const keyset = (first: string): Way => ({
  first,
  next: (_u, body, depth) => (body.nextCursor && depth < WALK_PAGES ? `${first}&cursor=${encodeURIComponent(body.nextCursor)}` : null),
});
const offset = (first: string): Way => ({
  first: `${first}&offset=0`,
  next: (_u, body, depth) => (body.items?.length === PAGE && depth < WALK_PAGES ? `${first}&offset=${depth * PAGE}` : null),
});
const unpaged = (first: string): Way => ({ first, next: () => null });

/** Client i signs in with cookies[i % cookies.length]. */
async function measure(bases: readonly string[], cookies: readonly string[], way: Way, clients: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let bytes = 0;
  let rows = 0;
  let errors = 0;
  const stopAt = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    const cookie = cookies[client % cookies.length]!;
    let url: string = way.first;
    let depth = 1;
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      const res = await fetch(bases[client % bases.length]! + url, { headers: { cookie } });
      const text = await res.text();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) {
        errors++;
        if (errors === 1) console.error(`  ${url}: ${res.status} ${text.slice(0, 200)}`);
        url = way.first;
        depth = 1;
        continue;
      }
      bytes += text.length;
      const body = JSON.parse(text) as { items?: unknown[]; nextCursor?: string | null };
      rows += body.items?.length ?? 0;
      const next = way.next(url, body, depth);
      url = next ?? way.first;
      depth = next ? depth + 1 : 1;
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const n = latencies.length;
  return {
    requests: n,
    requestsPerSecond: round(n / elapsed),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    kbPerAnswer: round(bytes / Math.max(1, n - errors) / 1024),
    rowsPerAnswer: round(rows / Math.max(1, n - errors)),
    errors,
  };
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('tb_session='))!;
}

function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, '_lists-server.ts')], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`benchmark server exited (${code})`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
  });
}

export async function run(args: string[]): Promise<void> {
  const n = option(args, 'cases', Number(process.env.TONGBAN_BENCH_CASES ?? 1_000_000));
  const seconds = option(args, 'seconds', 5);
  const clients = option(args, 'clients', 50);
  const nodes = option(args, 'nodes', 1);
  const dataArg = args.indexOf('--data') >= 0 ? args[args.indexOf('--data') + 1] : undefined;
  const dir = dataArg ? path.resolve(dataArg) : fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-lists-'));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPg({ dataDir: path.join(dir, 'pg'), port: await freePort() });
  const url = pg.url('postgres');
  const db = createPool(url, 4);
  const servers: ChildProcess[] = [];
  try {
    console.log(`machine: ${os.cpus().length} CPU, ${round(os.totalmem() / 2 ** 30)} GB; ${clients} concurrent clients on ${nodes} node(s); PostgreSQL embedded; ${seconds} s per list and way; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    await migrate(db);
    await migrateSupervision(db);
    let seeding: Record<string, number> = {};
    let seedSeconds = 0;
    const have = await seededCases(db).catch(() => 0);
    if (have === n) {
      console.log(`reusing ${n} seeded cases in ${dir}`);
    } else {
      if (have > 0) throw new Error(`${dir} holds ${have} benchmark cases, not ${n}: use another --data folder`);
      await seedDemo(db);
      console.log(`seeding ${n} cases:`);
      const start = performance.now();
      seeding = await seedLists(db, n, (line) => console.log(line));
      seedSeconds = round((performance.now() - start) / 1000);
      console.log(`seeded in ${seedSeconds} s`);
    }
    const counts = (await db.query<{ cases: number; tasks: number; events: number; copies: number }>(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM wf_tasks WHERE status = 'open')::int AS tasks,
              (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM wf_copies)::int AS copies`,
    )).rows[0]!;
    console.log(`database: ${counts.cases} cases, ${counts.tasks} open steps, ${counts.events} events, ${counts.copies} copies`);
    const probe = (await db.query<{ dept: string; item: string; applicant: string; caseNo: string }>(
      `SELECT (SELECT department_id FROM cases ORDER BY submitted_at DESC LIMIT 1) AS dept,
              (SELECT item_id FROM cases ORDER BY submitted_at DESC LIMIT 1) AS item,
              (SELECT substr(applicant_name, 1, 2) FROM cases ORDER BY submitted_at DESC LIMIT 1) AS applicant,
              (SELECT case_no FROM cases ORDER BY submitted_at DESC OFFSET 1000 LIMIT 1) AS "caseNo"`,
    )).rows[0]!;

    // Stateless nodes on one database, the clients spread over them as a load balancer would.
    const bases: string[] = [];
    for (let i = 0; i < nodes; i++) {
      const port = await freePort();
      servers.push(await startServer(url, port));
      bases.push(`http://127.0.0.1:${port}`);
    }
    const base = bases[0]!;
    const cookies = {
      manager: await login(base, 'manager'),
      clerk: await login(base, 'clerk'),
      approver: await login(base, 'approver'),
      supervisor: await login(base, 'supervisor'),
      // The heaviest applicant accounts (about N / 500 cases each).
      applicants: await Promise.all(Array.from({ length: HEAVY_APPLICANTS }, (_, i) => login(base, `${BENCH_PREFIX}${i + 1}`))),
    };
    const lists: { name: string; who: keyof typeof cookies; ways: Record<string, Way> }[] = [
      { name: 'all cases (manager)', who: 'manager', ways: { keyset: keyset('/api/cases?scope=all&limit=50'), offset: offset('/bench/offset/cases?scope=all&limit=50'), old: unpaged('/bench/old/cases?scope=all') } },
      { name: 'all cases, state 受理中', who: 'manager', ways: { keyset: keyset('/api/cases?scope=all&status=accepted&limit=50') } },
      { name: 'all cases, one department', who: 'manager', ways: { keyset: keyset(`/api/cases?scope=all&departmentId=${probe.dept}&limit=50`) } },
      { name: 'all cases, one item, date range', who: 'manager', ways: { keyset: keyset(`/api/cases?scope=all&itemId=${probe.item}&from=2026-01-01&to=2026-06-30&limit=50`) } },
      { name: 'search: applicant name', who: 'manager', ways: { keyset: keyset(`/api/cases?scope=all&applicant=${encodeURIComponent(probe.applicant)}&limit=50`) } },
      { name: 'search: case number', who: 'manager', ways: { keyset: keyset(`/api/cases?scope=all&caseNo=${encodeURIComponent(probe.caseNo)}&limit=50`) } },
      { name: 'intake queue (clerk)', who: 'clerk', ways: { keyset: keyset('/api/cases?scope=intake&limit=50'), offset: offset('/bench/offset/cases?scope=intake&limit=50'), old: unpaged('/bench/old/cases?scope=intake') } },
      { name: 'my cases (applicant)', who: 'applicants', ways: { keyset: keyset('/api/cases?scope=mine&limit=50'), offset: offset('/bench/offset/cases?scope=mine&limit=50'), old: unpaged('/bench/old/cases?scope=mine') } },
      { name: 'to-do (approver)', who: 'approver', ways: { keyset: keyset('/api/tasks?limit=50'), offset: offset('/bench/offset/tasks?limit=50'), old: unpaged('/bench/old/tasks?') } },
      { name: 'copies (manager)', who: 'manager', ways: { keyset: keyset('/api/copies?limit=50'), offset: offset('/bench/offset/copies?limit=50'), old: unpaged('/bench/old/copies?') } },
      { name: 'supervision stream, newest first', who: 'supervisor', ways: { keyset: keyset('/api/supervision/events?order=desc&limit=50'), offset: offset('/bench/offset/events?limit=50'), old: unpaged('/bench/old/events?') } },
      { name: 'supervision stream, one case', who: 'supervisor', ways: { keyset: keyset(`/api/supervision/events?caseNo=${probe.caseNo}&limit=50`) } },
    ];
    // The floor: the same clients on the cheapest signed-in read (the session
    // and one user row, no list), what this machine answers at this
    // concurrency whatever a list does; a list can come no lower.
    await measure(bases, [cookies.manager], unpaged('/api/auth/me'), 4, 0.5);
    const floor = await measure(bases, [cookies.manager], unpaged('/api/auth/me'), clients, seconds);
    console.log(`floor, GET /api/auth/me (no list): ${floor.requestsPerSecond} req/s, p50 ${floor.p50} ms, p95 ${floor.p95} ms, p99 ${floor.p99} ms`);
    const results: Record<string, Record<string, Figures>> = {};
    console.log(`\n${'list'.padEnd(34)} ${'way'.padEnd(7)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'KB'.padStart(7)} ${'rows'.padStart(5)}`);
    for (const list of lists) {
      results[list.name] = {};
      for (const [wayName, way] of Object.entries(list.ways)) {
        const who = cookies[list.who];
        // The applicants' list: each client one of the heavy accounts.
        const signedIn = Array.isArray(who) ? who : [who];
        await measure(bases, signedIn, way, 4, 0.5); // warm-up: plans, caches
        const figures = await measure(bases, signedIn, way, clients, seconds);
        results[list.name]![wayName] = figures;
        console.log(`${list.name.padEnd(34)} ${wayName.padEnd(7)} ${String(figures.requestsPerSecond).padStart(8)} ${String(figures.p50).padStart(8)} ${String(figures.p95).padStart(8)} ${String(figures.p99).padStart(8)} ${String(figures.kbPerAnswer).padStart(7)} ${String(figures.rowsPerAnswer).padStart(5)}${figures.errors ? `  (${figures.errors} errors)` : ''}`);
      }
    }
    const worstP95 = Math.max(...Object.values(results).map((r) => r.keyset!.p95));
    console.log(`\nworst keyset p95: ${worstP95} ms (target ≤ 50 ms at 1,000,000 cases, ${clients} clients); the floor's p95: ${floor.p95} ms`);
    console.log(JSON.stringify({ bench: 'lists', cases: counts.cases, openSteps: counts.tasks, events: counts.events, copies: counts.copies, clients, nodes, seconds, page: PAGE, walkPages: WALK_PAGES, seedSeconds, seeding, worstKeysetP95: worstP95, floor, loadAverage: os.loadavg().map((x) => round(x)), lists: results }));
  } finally {
    for (const server of servers) server.kill('SIGTERM');
    await db.end();
    await pg.stop();
    if (!dataArg) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run test:e2e [FILTER]`: runs every scenario in e2e/scenarios/ (or those
 * whose name contains FILTER, or one of its `|`-separated parts) against a
 * real server in Chromium, each in fresh
 * browser contexts. Prints a line per scenario and the closing "N passed, N
 * failed" line; exits non-zero on any failure. A scenario fails too when any
 * page it opened logged a console error or threw (e2e/steps.ts, newPerson).
 * Screenshots of failures go to test-results/.
 *
 * The scenarios are shared by TONGBAN_E2E_SHARDS processes (default 2), each
 * with its own server, database and browser, run side by side: a scenario
 * mostly waits on the browser and the server, so two of them share two cores
 * well. They take the scenarios from one queue, the long ones first
 * (`long: true`), so neither waits for the other at the end. `--shard K/N`
 * runs one shard in this process, taking its scenarios from the parent over
 * stdin (what each child does).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchBrowser, startServer, type ServerHandle } from './harness.ts';
import { assertNoConsoleErrors, takeWatchedPages } from './steps.ts';

export interface ScenarioContext {
  browser: Browser;
  baseUrl: string;
  server: ServerHandle;
  /** Saves a screenshot of the page under test-results/ (for failures and for review). */
  shot(page: import('playwright-core').Page, name: string): Promise<void>;
}

/** `long`: minutes rather than seconds; the queue starts those first. */
export type Scenario = { name: string; long?: true; run(ctx: ScenarioContext): Promise<void> };

const here = path.dirname(fileURLToPath(import.meta.url));
/** What a shard writes to ask its parent for the next scenario. */
const QUEUE_ASK = '@@next-scenario';
const resultsDir = path.resolve(here, '..', 'test-results');

try {
  chromiumPath();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const webDist = process.env.TONGBAN_WEB_DIST ? path.resolve(process.env.TONGBAN_WEB_DIST) : path.resolve(here, '..', 'web', 'dist');
if (!fs.existsSync(path.join(webDist, 'index.html'))) {
  console.error(`未找到 ${webDist}：请先运行 npm run build:web`);
  process.exit(1);
}

const args = process.argv.slice(2);
const shardArg = args.indexOf('--shard');
const shard = shardArg >= 0 ? parseShard(args[shardArg + 1]) : null;
const filter = args.find((a, i) => !a.startsWith('--') && (shardArg < 0 || i !== shardArg + 1));

const files = fs.readdirSync(path.join(here, 'scenarios')).filter((f) => f.endsWith('.ts')).sort();
const all: Scenario[] = [];
for (const f of files) {
  const mod = (await import(path.join(here, 'scenarios', f))) as { scenarios: Scenario[] };
  all.push(...mod.scenarios.filter((s) => !filter || filter.split('|').some((part) => s.name.includes(part))));
}

// The long scenarios first, each group in file order: the shards' last scenarios are then short ones.
all.sort((a, b) => Number(Boolean(b.long)) - Number(Boolean(a.long)));
const shards = Math.min(all.length, shardCount(process.env.TONGBAN_E2E_SHARDS));
// Once, before any server starts: the servers then run compiled JavaScript, as
// `npm start` does, not the sources through a TypeScript loader.
if (!shard) execFileSync(process.execPath, ['scripts/server-build.js', '--if-stale'], { cwd: path.resolve(here, '..'), stdio: 'inherit' });
if (!shard && shards > 1) process.exit(await runShards(shards));
/** The next scenario: from the parent's queue in a shard, else the next in order; null when none is left. */
const nextScenario: () => Promise<Scenario | null> = shard ? askParent() : ((i) => async () => all[i++] ?? null)(0);

fs.mkdirSync(resultsDir, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  for (let s = await nextScenario(); s; s = await nextScenario()) {
    const started = Date.now();
    const ctx: ScenarioContext = {
      browser, baseUrl: server.url, server,
      shot: async (page, name) => {
        await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
      },
    };
    takeWatchedPages();
    try {
      await s.run(ctx);
      // Once here for every scenario: no page may have logged an error or thrown.
      for (const [i, page] of takeWatchedPages().entries()) assertNoConsoleErrors(page, `on page ${i + 1} (${page.url()})`);
      passed++;
      console.log(`✓ ${s.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`✗ ${s.name}\n  ${(err as Error).stack ?? err}`);
      for (const context of browser.contexts()) {
        for (const [i, page] of context.pages().entries()) {
          await page.screenshot({ path: path.join(resultsDir, `${s.name.replace(/\W+/g, '_')}-${i}.png`) }).catch(() => undefined);
        }
      }
    } finally {
      for (const context of browser.contexts()) await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/** A shard's scenarios, asked for one at a time: it writes the line QUEUE_ASK, the parent answers an index or `done`. */
function askParent(): () => Promise<Scenario | null> {
  const answers = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  return async () => {
    process.stdout.write(`${QUEUE_ASK}\n`);
    const { value, done } = await answers.next();
    return done || value === 'done' ? null : all[Number(value)] ?? null;
  };
}

function parseShard(text: string | undefined): { index: number; of: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text ?? '');
  const index = Number(m?.[1]);
  const of = Number(m?.[2]);
  if (!m || index < 1 || index > of) {
    console.error(`--shard 需要 K/N（1 ≤ K ≤ N），收到 ${text ?? '（空）'}`);
    process.exit(2);
  }
  return { index, of };
}

function shardCount(text: string | undefined): number {
  if (text === undefined || text === '') return 2;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 8) {
    console.error(`TONGBAN_E2E_SHARDS 应为 1 到 8 的整数，收到 ${text}`);
    process.exit(2);
  }
  return n;
}

/** Runs N child processes, one shard each, handing out the scenarios and prefixing their lines; returns the exit code. */
async function runShards(n: number): Promise<number> {
  const totals = { passed: 0, failed: 0 };
  let next = 0;
  const codes = await Promise.all(Array.from({ length: n }, (_, i) => new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--shard', `${i + 1}/${n}`, ...(filter ? [filter] : [])], {
      stdio: ['pipe', 'pipe', 'pipe'], env: process.env,
    });
    // A shard that died mid-scenario cannot take the next one: its exit code tells.
    child.stdin!.on('error', () => undefined);
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        if (line === QUEUE_ASK) {
          child.stdin!.write(next < all.length ? `${next++}\n` : 'done\n');
          return;
        }
        const summary = /^(\d+) passed, (\d+) failed$/.exec(line);
        if (summary) {
          totals.passed += Number(summary[1]);
          totals.failed += Number(summary[2]);
        }
        process.stdout.write(`[${i + 1}/${n}] ${line}\n`);
      });
    }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  })));
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  return codes.some((c) => c !== 0) || totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}

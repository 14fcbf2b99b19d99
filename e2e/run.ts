/**
 * `npm run test:e2e`: runs every scenario in e2e/scenarios/ against one real
 * server in Chromium, each in fresh browser contexts. Prints a line per
 * scenario and the closing "N passed, N failed" line; exits non-zero on any
 * failure. A scenario fails too when any page it opened logged a console error
 * or threw (e2e/steps.ts, newPerson). Screenshots of failures go to test-results/.
 */
import fs from 'node:fs';
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

export type Scenario = { name: string; run(ctx: ScenarioContext): Promise<void> };

const here = path.dirname(fileURLToPath(import.meta.url));
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

const filter = process.argv[2];
const files = fs.readdirSync(path.join(here, 'scenarios')).filter((f) => f.endsWith('.ts')).sort();
const scenarios: Scenario[] = [];
for (const f of files) {
  const mod = (await import(path.join(here, 'scenarios', f))) as { scenarios: Scenario[] };
  scenarios.push(...mod.scenarios.filter((s) => !filter || s.name.includes(filter)));
}

fs.mkdirSync(resultsDir, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  for (const s of scenarios) {
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

import type { Page } from 'playwright-core';
import type { Scenario } from '../run.ts';
import { assert, expect } from '../expect.ts';
import { assertNoConsoleErrors, expectConsoleErrors, logIn, newPerson } from '../steps.ts';

/**
 * The Content-Security-Policy (server/src/platform/http/security-headers.ts)
 * in the browser on the pages that bring the most foreign code: the bpmn-js
 * process designer (SVG, inline styles, its context pad and palette, a blob:
 * export) and the API docs (swagger-ui). Every `securitypolicyviolation` the
 * page reports is recorded from before its first script runs; none may occur,
 * and none may reach the console. A violation provoked on purpose at the end
 * shows the watch works.
 */

/** Starts recording the page's CSP violations (directive, what was blocked, where). */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + (e.sourceFile || '?') + ':' + e.lineNumber + ')');
    });
  })()`);
}

const violations = (page: Page): Promise<string[]> => page.evaluate('window.__csp ?? []') as Promise<string[]>;

/** The answer carries the policy the check is about (else a clean page would prove nothing). */
function assertPolicy(headers: Record<string, string>, what: string): void {
  const csp = headers['content-security-policy'] ?? '';
  assert(csp.includes("script-src 'self'") && csp.includes("frame-ancestors 'none'"), `${what} is served with the CSP (got "${csp}")`);
}

/** No violation so far; then an inline script is refused and reported, so the watch is live. */
async function assertNoViolations(page: Page, what: string): Promise<void> {
  const seen = await violations(page);
  assert(seen.length === 0, `CSP violations on ${what}: ${seen.join('; ')}`);
  assertNoConsoleErrors(page, `on ${what}`);
  // The violation provoked below is reported on the console too.
  expectConsoleErrors(page, /Content Security Policy/);
  await page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.head.appendChild(s); })()`);
  await expect(page.locator('body')).toBeVisible();
  const after = await violations(page);
  assert(after.some((v) => v.startsWith('script-src')), `the provoked inline script is reported on ${what} (saw ${after.join('; ') || 'nothing'})`);
  assert((await page.evaluate('window.__ran === true')) === false, `the provoked inline script did not run on ${what}`);
}

export const scenarios: Scenario[] = [
  {
    name: 'content security policy: the process designer works with no CSP violation (palette, context pad, properties, validate, export)',
    async run(ctx) {
      const admin = await newPerson(ctx.browser, ctx.baseUrl);
      await watchCsp(admin);
      await logIn(admin, 'admin');
      const answer = await admin.goto('/admin/processes/new');
      assertPolicy(answer!.headers(), 'the designer page');
      const shapes = admin.locator('[data-testid="bpmn-canvas"] svg .djs-element.djs-shape');
      await expect(shapes).toBeVisible();
      await expect(admin.locator('.djs-palette .entry').first()).toBeVisible();
      // The context pad of the start event, and a step appended from it.
      await admin.locator('[data-testid="bpmn-canvas"] .djs-element[data-element-id="start"]').first().click();
      await admin.locator('.djs-context-pad .entry[data-action="append.user-task"]').click();
      await expect(shapes.filter({ has: admin.locator('rect') }).first()).toBeVisible();
      await expect(admin.getByRole('complementary', { name: '属性' }).getByLabel('办理人规则')).toBeVisible();
      await admin.getByRole('button', { name: '校验' }).click();
      await expect(admin.getByRole('region', { name: '校验结果' })).toBeVisible();
      const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: '导出' }).click()]);
      assert(download.suggestedFilename().endsWith('.bpmn'), `the export downloads a .bpmn file (got ${download.suggestedFilename()})`);
      await ctx.shot(admin, 'csp-designer');
      await assertNoViolations(admin, 'the process designer');
    },
  },
  {
    name: 'content security policy: the API docs (swagger-ui at /api/docs) render and try an operation with no CSP violation',
    async run(ctx) {
      const reader = await newPerson(ctx.browser, ctx.baseUrl);
      await watchCsp(reader);
      const answer = await reader.goto('/api/docs');
      assertPolicy(answer!.headers(), 'the API docs');
      await expect(reader.locator('.swagger-ui .info .title').filter({ hasText: 'Tongban' })).toBeVisible();
      // An operation expanded and tried: the request goes out from the page (connect-src) and its answer shows.
      const operation = reader.locator('.opblock').filter({ hasText: '/api/center' }).first();
      await operation.locator('.opblock-summary').click();
      await expect(operation.locator('.opblock-body')).toBeVisible();
      await operation.getByRole('button', { name: 'Try it out' }).click();
      await operation.getByRole('button', { name: 'Execute' }).click();
      await expect(operation.locator('.live-responses-table .response-col_status').filter({ hasText: '200' })).toBeVisible();
      await ctx.shot(reader, 'csp-api-docs');
      await assertNoViolations(reader, 'the API docs');
    },
  },
];

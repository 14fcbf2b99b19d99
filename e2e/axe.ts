import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Accessibility checks for a page as it stands: axe-core with the WCAG 2.0,
 * 2.1 and 2.2 A/AA rules (contrast, labels, names, roles, target size …),
 * failing on any violation; and reflow: no horizontal scrolling at 320 CSS px
 * (WCAG 1.4.10, which is also 400 % zoom of a 1280 px window) and at 640 px
 * (200 % zoom).
 */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  // Let transitions (antd's fade-ins) settle: axe reads computed colours.
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 3).join(' ').trim()}`);
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length})\n${nodes.join('\n')}`;
  });
  throw new Error(`axe: ${results.violations.length} violation(s) on ${what} (${page.url()}):\n${lines.join('\n')}`);
}

/** Whether the page scrolls sideways at the current viewport (WCAG 1.4.10 reflow). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string }> {
  // A string: this file is type-checked without the DOM library.
  return page.evaluate(`(() => {
    const doc = document.documentElement;
    let widest = '';
    let max = doc.clientWidth;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > max + 1 && getComputedStyle(el).position !== 'fixed' && !el.closest('.ant-table-content, .ant-table-body')) {
        max = r.right;
        widest = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, widest };
  })()`);
}

/** Runs axe on the page, then checks reflow at 320 px and 640 px width; restores the viewport. */
export async function checkPage(page: Page, what: string): Promise<void> {
  await expectNoAxeViolations(page, what);
  const original = page.viewportSize();
  try {
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(200);
      const o = await horizontalOverflow(page);
      if (o.scrollWidth > o.clientWidth + 1) {
        throw new Error(`${what} scrolls sideways at ${width} px: content ${o.scrollWidth} px wide (widest: ${o.widest || 'unknown'})`);
      }
    }
    // The narrow layout must pass axe too (menus and tables change shape).
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoAxeViolations(page, `${what} at 320 px`);
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

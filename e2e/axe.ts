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
  // Let transitions (antd's fade-ins, a message fading out) settle: axe reads computed colours.
  await page.waitForTimeout(300);
  // Polled by evaluation from outside (not waitForFunction, whose in-page polling the pages' CSP refuses as eval).
  for (const settleBy = Date.now() + 5_000; Date.now() < settleBy; await page.waitForTimeout(100)) {
    const moving = await page.evaluate(`[...document.querySelectorAll('[class]')].some((el) =>
      typeof el.className === 'string' && /(^|\\s)\\S+-(enter|appear|leave)(-active)?(\\s|$)/.test(el.className))`);
    if (!moving) break;
  }
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
      // Breakpoint-driven layouts re-render after the resize event: give a busy machine up to 3 s to settle.
      await page.waitForTimeout(200);
      let o = await horizontalOverflow(page);
      for (const settleBy = Date.now() + 3000; o.scrollWidth > o.clientWidth + 1 && Date.now() < settleBy;) {
        await page.waitForTimeout(200);
        o = await horizontalOverflow(page);
      }
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

/**
 * Tabs through the first `stops` focusable elements from the top of the page:
 * each must be on screen and show a focus indicator (an outline or a focus
 * ring drawn as box-shadow), WCAG 2.1.1 and 2.4.7. Returns what was reached.
 */
export async function checkKeyboard(page: Page, what: string, stops = 20): Promise<string[]> {
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur(); window.scrollTo(0, 0)');
  await page.locator('body').focus().catch(() => undefined);
  const reached: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const f = (await page.evaluate(`(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return null;
      // A radio or checkbox input is drawn by its label: judge that.
      const el = active.matches('input[type=radio], input[type=checkbox]') ? (active.closest('label') || active) : active;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
      // antd draws the ring of a text field on its wrapper.
      const wrap = el.closest('.ant-input-affix-wrapper, .ant-select, .ant-input-number, .ant-picker, .ant-cascader');
      const ws = wrap ? getComputedStyle(wrap) : null;
      const wrapRing = !!ws && ((ws.outlineStyle !== 'none' && parseFloat(ws.outlineWidth) >= 2) || (ws.boxShadow && ws.boxShadow !== 'none'));
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 30);
      return { name, ring: !!(ring || wrapRing), visible: r.width > 0 && r.height > 0 };
    })()`)) as { name: string; ring: boolean; visible: boolean } | null;
    if (!f) continue;
    if (!f.visible) throw new Error(`${what}: keyboard focus went to an invisible element (${f.name}) after ${i + 1} Tab(s)`);
    if (!f.ring) throw new Error(`${what}: no visible focus indicator on “${f.name}” after ${i + 1} Tab(s)`);
    reached.push(f.name);
  }
  return reached;
}

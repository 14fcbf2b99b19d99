import type { Browser } from 'playwright-core';
import { assert, expect, type Page } from './expect.ts';
import { decodeQr, pdfText } from '../server/src/modules/documents/testing.ts';

/**
 * Notices as a person gets them: the link in the case page's 通知书 list,
 * the PDF behind it read back to text, and its QR code followed on a phone
 * that has never logged in.
 */

export interface NoticeRead {
  /** The PDF's text with all white space removed (pdftotext). */
  text: string;
  /** What the QR code on the notice encodes. */
  qr: string;
}

/** Opens the notice titled `title` from the 通知书 list on the page and reads the PDF behind the link. */
export async function readNotice(page: Page, title: string): Promise<NoticeRead> {
  const link = page.getByRole('list', { name: '通知书' }).getByRole('link', { name: `查看 / 打印：${title}` });
  await expect(link).toBeVisible();
  const href = await link.first().getAttribute('href');
  assert(href, `${title}: the link has an address`);
  // The page's own request context: the person's session cookie, as the browser tab the link opens would send.
  const res = await page.request.get(href);
  assert(res.ok(), `${title}: GET ${href} answered ${res.status()}`);
  assert(res.headers()['content-type'] === 'application/pdf', `${title}: served as ${res.headers()['content-type']}`);
  const bytes = await res.body();
  const qr = decodeQr(bytes);
  assert(qr, `${title}: a QR code on the notice`);
  return { text: pdfText(bytes), qr };
}

/** Fails naming every phrase the notice does not contain (compared without white space, as pdfText gives it). */
export function assertNoticeSays(notice: NoticeRead, title: string, phrases: string[]): void {
  const missing = phrases.filter((p) => !notice.text.includes(p.replace(/\s+/g, '')));
  assert(missing.length === 0, `${title} lacks ${missing.map((m) => `“${m}”`).join('、')}; it reads: ${notice.text.slice(0, 600)}`);
}

/** A printed date as the notices write it (2026年12月3日) from a date the screen shows (2026/12/03 17:30). */
export function chineseDay(shown: string): string {
  const m = /(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(shown);
  assert(m, `a date in “${shown}”`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Scans the QR code as a phone would: a visitor who never logged in lands on the case's progress, looked up. */
export async function followQr(browser: Browser, notice: NoticeRead, caseNo: string, status: string): Promise<void> {
  const url = new URL(notice.qr);
  assert(url.pathname === '/progress' && url.searchParams.get('caseNo') === caseNo, `QR leads to ${notice.qr}, not the progress of ${caseNo}`);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, reducedMotion: 'reduce' });
  try {
    const phone = await context.newPage();
    await phone.goto(notice.qr);
    const result = phone.locator('.ant-descriptions').filter({ hasText: caseNo });
    await expect(result).toBeVisible();
    await expect(result).toContainText(status);
  } finally {
    await context.close();
  }
}

import { createHash } from 'node:crypto';
import { COMMON_VARS, kindSpec, type Kind } from './kinds.ts';

/**
 * Pure rules of notifications: templates ({variable} placeholders), quiet
 * hours, retry back-off, splitting an SMS into UCS-2 parts. Unit-tested.
 */

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The names a template uses, in order of first use. */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

export type TemplateProblem =
  | { code: 'NOTIFY_TEMPLATE_UNKNOWN_VARIABLE'; field: string; variable: string }
  | { code: 'NOTIFY_TEMPLATE_CASE_NO_REQUIRED'; field: string }
  | { code: 'NOTIFY_TEMPLATE_EMPTY'; field: string };

export interface TemplateText {
  titleZh: string;
  bodyZh: string;
  titleEn: string;
  bodyEn: string;
}

/** What is wrong with a template for a kind (empty when it may be saved). */
export function checkTemplate(kind: Kind, t: TemplateText): TemplateProblem[] {
  const spec = kindSpec(kind);
  const allowed = new Set<string>([...COMMON_VARS, ...spec.vars]);
  const problems: TemplateProblem[] = [];
  for (const [field, text] of Object.entries(t) as [keyof TemplateText, string][]) {
    if (!text.trim()) {
      problems.push({ code: 'NOTIFY_TEMPLATE_EMPTY', field });
      continue;
    }
    // A stray brace is as wrong as an unknown name: it would reach the reader as is.
    const unbalanced = text.replace(PLACEHOLDER, '').match(/[{}]/);
    if (unbalanced) problems.push({ code: 'NOTIFY_TEMPLATE_UNKNOWN_VARIABLE', field, variable: unbalanced[0] });
    for (const v of templateVariables(text)) {
      if (!allowed.has(v)) problems.push({ code: 'NOTIFY_TEMPLATE_UNKNOWN_VARIABLE', field, variable: v });
    }
    if (spec.aboutCase && field.startsWith('body') && !templateVariables(text).includes('caseNo')) {
      problems.push({ code: 'NOTIFY_TEMPLATE_CASE_NO_REQUIRED', field });
    }
  }
  return problems;
}

/** Fills the placeholders; a variable without a value reads as "—". */
export function renderTemplate(text: string, vars: Readonly<Record<string, string | null | undefined>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = vars[name];
    return v === undefined || v === null || v === '' ? '—' : v;
  });
}

/** YYYY-MM-DD in China time (a due date in a message). */
export function chinaDate(at: Date | string | null | undefined): string | null {
  if (!at) return null;
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(t)) return null;
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Sample values for the template preview. */
export const SAMPLE_VARS: Readonly<Record<string, string>> = {
  center: '示范县政务服务中心', name: '张三', caseNo: '20260924-SCJG-0007', itemName: '食品经营许可',
  applicantName: '张三', dueDate: '2026-10-22', reason: '缺少营业执照复印件', result: '准予许可',
  stepName: '审核', actorName: '王审批', ticketNo: 'TS20260924001', subject: '窗口等候时间过长', level: '不满意', workdaysLeft: '1',
};

/** SHA-256 of what reaches a person: the audit keeps this, not the text. */
export function contentHash(address: string, subject: string, body: string): string {
  return createHash('sha256').update(address).update('\n').update(subject).update('\n').update(body).digest('hex');
}

// ---- quiet hours -------------------------------------------------------------

/** A daily window in China time (UTC+8, no daylight saving), minutes from midnight; start > end crosses midnight. */
export interface QuietHours {
  startMin: number;
  endMin: number;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "22:00-07:00" → the window; "" or "off" → none. Throws on anything else (a config error at start). */
export function parseQuietHours(raw: string | undefined): QuietHours | null {
  const text = (raw ?? '').trim();
  if (text === '' || text.toLowerCase() === 'off') return null;
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text);
  const toMin = (h: string, mm: string) => Number(h) * 60 + Number(mm);
  if (!m || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59) {
    throw new Error(`TONGBAN_SMS_QUIET_HOURS 应形如 22:00-07:00 或 off，收到 "${text}"`);
  }
  const q = { startMin: toMin(m[1]!, m[2]!), endMin: toMin(m[3]!, m[4]!) };
  return q.startMin === q.endMin ? null : q;
}

/**
 * When a non-urgent SMS may leave: `at` itself outside quiet hours, else the
 * end of the quiet window (China time).
 */
export function afterQuietHours(at: Date, quiet: QuietHours | null): Date {
  if (!quiet) return at;
  const local = at.getTime() + CHINA_OFFSET_MS;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  const minute = Math.floor((local - dayStart) / 60_000);
  const crosses = quiet.startMin > quiet.endMin;
  const inside = crosses ? minute >= quiet.startMin || minute < quiet.endMin : minute >= quiet.startMin && minute < quiet.endMin;
  if (!inside) return at;
  // The end is today when we are before it, tomorrow when the window began tonight.
  const endDay = crosses && minute >= quiet.startMin ? dayStart + 86_400_000 : dayStart;
  return new Date(endDay + quiet.endMin * 60_000 - CHINA_OFFSET_MS);
}

// ---- retries -----------------------------------------------------------------

/** Back-off before attempt n+1 after n failed ones: 2 s, 4 s, 8 s … at most 10 minutes. */
export function retryDelayMs(failedAttempts: number, baseMs = 2000): number {
  return Math.min(baseMs * 2 ** Math.max(failedAttempts - 1, 0), 10 * 60_000);
}

// ---- SMS parts ---------------------------------------------------------------

/** One SMS carries 140 octets: 70 UCS-2 characters alone, 67 beside the 6-octet concatenation header. */
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

/**
 * Splits a text into UCS-2 parts (UTF-16 code units), never between the two
 * halves of a surrogate pair. One part when it fits in 70.
 */
export function splitUcs2(text: string): string[] {
  if (text.length <= UCS2_SINGLE) return [text];
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + UCS2_PART, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}

/** The short_message octets of each part: UDH (IEI 0x00, 8-bit reference) + UCS-2 big-endian text. */
export function ucs2Segments(text: string, reference: number): Buffer[] {
  const parts = splitUcs2(text);
  const encode = (s: string) => Buffer.from(s, 'utf16le').swap16();
  if (parts.length === 1) return [encode(parts[0]!)];
  if (parts.length > 255) throw new Error('message too long for one concatenated SMS');
  return parts.map((p, i) => Buffer.concat([Buffer.from([0x05, 0x00, 0x03, reference & 0xff, parts.length, i + 1]), encode(p)]));
}

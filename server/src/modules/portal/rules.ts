/**
 * Pure rules of the public portal: pinyin keys of item names, search ranking,
 * masking of case numbers on the public results list, rating levels,
 * contact phone numbers and ticket numbers. Unit-tested in rules.test.ts.
 */
import { pinyin } from 'pinyin-pro';

// ── Pinyin search ───────────────────────────────────────────────────────────

export interface PinyinKeys {
  /** First letters: 医疗机构执业登记 → yljgzydj (letters and digits kept as they are). */
  initials: string;
  /** Full pinyin without tones or spaces: yiliaojigouzhiyedengji. */
  full: string;
}

/** The pinyin keys of a name; non-Chinese letters and digits pass through lower-cased, punctuation is dropped. */
export function pinyinKeys(name: string): PinyinKeys {
  const parts = pinyin(name, { type: 'all', toneType: 'none', nonZh: 'consecutive', v: true });
  const initials: string[] = [];
  const full: string[] = [];
  for (const p of parts) {
    // A Chinese character gives its syllable and first letter; a run of Latin letters or digits (e.g. "ICP") stays whole.
    const syllable = (p.isZh ? p.pinyin : p.origin).toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!syllable) continue;
    full.push(syllable);
    initials.push(p.isZh ? syllable[0]! : syllable);
  }
  return { initials: initials.join(''), full: full.join('') };
}

export interface SearchEntry {
  itemId: string;
  code: string;
  name: string;
  departmentName: string;
  initials: string;
  fullPinyin: string;
}

export type MatchKind = 'name' | 'code' | 'department' | 'initials' | 'pinyin';

/** Normalises a query: trimmed, lower-case, inner spaces removed for pinyin (\"yi liao\" finds yiliao). */
export function normaliseQuery(q: string): { text: string; latin: string | null } {
  const text = q.trim().toLowerCase();
  const compact = text.replace(/[\s'’-]+/g, '');
  return { text, latin: /^[a-z0-9]+$/.test(compact) ? compact : null };
}

/**
 * How well an item matches a query, best first: name contains the words (0),
 * code (1), initials from the start (2) or anywhere (3), full pinyin from the
 * start (4) or anywhere (5), department name (6); null when it does not match.
 */
export function matchItem(entry: SearchEntry, q: string): { rank: number; kind: MatchKind } | null {
  const { text, latin } = normaliseQuery(q);
  if (!text) return null;
  const words = text.split(/\s+/).filter(Boolean);
  const name = entry.name.toLowerCase();
  if (words.every((w) => name.includes(w))) return { rank: 0, kind: 'name' };
  if (entry.code.toLowerCase().includes(text)) return { rank: 1, kind: 'code' };
  if (latin) {
    if (entry.initials.startsWith(latin)) return { rank: 2, kind: 'initials' };
    if (latin.length >= 2 && entry.initials.includes(latin)) return { rank: 3, kind: 'initials' };
    if (latin.length >= 2 && entry.fullPinyin.startsWith(latin)) return { rank: 4, kind: 'pinyin' };
    if (latin.length >= 3 && entry.fullPinyin.includes(latin)) return { rank: 5, kind: 'pinyin' };
  }
  if (words.every((w) => entry.departmentName.toLowerCase().includes(w))) return { rank: 6, kind: 'department' };
  return null;
}

/** The matching entries, best match first, then by code. */
export function searchEntries(entries: readonly SearchEntry[], q: string): { entry: SearchEntry; kind: MatchKind; rank: number }[] {
  const hits: { entry: SearchEntry; kind: MatchKind; rank: number }[] = [];
  for (const entry of entries) {
    const m = matchItem(entry, q);
    if (m) hits.push({ entry, ...m });
  }
  hits.sort((a, b) => a.rank - b.rank || a.entry.code.localeCompare(b.entry.code));
  return hits;
}

// ── Public results (办件结果公示) ─────────────────────────────────────────────

/**
 * Masks a case number for the public list: the day's month and day and the
 * first digits of the running number are hidden, so a list reader cannot
 * reconstruct anyone's number (20260924-SCJG-0007 → 2026****-SCJG-**07).
 */
export function maskCaseNo(caseNo: string): string {
  const m = /^(\d{4})(\d{4})-([A-Z]+)-(\d+)$/.exec(caseNo);
  if (!m) {
    // Unknown shape: keep a third at each end.
    const keep = Math.max(1, Math.floor(caseNo.length / 3));
    return caseNo.slice(0, keep) + '*'.repeat(Math.max(caseNo.length - 2 * keep, 1)) + caseNo.slice(-keep);
  }
  const [, year, , dept, seq] = m;
  return `${year}****-${dept}-${'*'.repeat(Math.max(seq!.length - 2, 1))}${seq!.slice(-2)}`;
}

// ── 好差评 (国办发〔2019〕51号) ─────────────────────────────────────────────────

export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LABELS: Record<RatingLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

/** 不满意 and 非常不满意 are bad reviews (差评): each needs a reason and is rectified. */
export function isBadReview(level: RatingLevel): boolean {
  return level === 'dissatisfied' || level === 'very_dissatisfied';
}

/** Five for 非常满意 down to one for 非常不满意, as the national platform scores them. */
export function ratingScore(level: RatingLevel): number {
  return 5 - RATING_LEVELS.indexOf(level);
}

/** The statuses in which a case has concluded and may be rated. */
export const CONCLUDED_STATUSES = ['approved', 'denied', 'refused'] as const;

// ── Consultations and complaints ────────────────────────────────────────────

/** Same rule as application forms: a mobile number or an area code with a landline. */
export const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** ZX (咨询) or TS (投诉), the day, a running number: ZX20260924-0001. */
export function formatTicketNo(kind: 'consultation' | 'complaint', day: string, seq: number): string {
  return `${kind === 'consultation' ? 'ZX' : 'TS'}${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/** Days a complaint or consultation must be answered within (supervision practice: complaints in 5 working days). */
export const REPLY_WORKDAYS = 5;

/**
 * Chinese identity numbers: the 18-digit resident identity card number (GB 11643-1999)
 * and the unified social credit code (GB 32100-2015). Pure functions, run by the server
 * and the browser alike, so a number is judged the same way in both places.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_MAP = '10X98765432';
const ID_PATTERN = /^\d{17}[\dX]$/;

/** The check character (0–9 or X) of the first 17 digits of an identity card number. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_MAP[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface IdCardOptions {
  /** YYYY-MM-DD; the birth date may not lie after it. Defaults to the local date. */
  today?: string;
}

/** The birth date (YYYY-MM-DD) encoded in an identity card number, or null when it is not a real date. */
export function birthDateFromIdCard(s: string): string | null {
  if (!/^\d{14}/.test(s)) return null;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1800 || !isRealDate(y, m, d)) return null;
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
}

/** Gender from the sequence code (17th digit): odd is male, even is female; null when unreadable. */
export function genderFromIdCard(s: string): 'male' | 'female' | null {
  if (!ID_PATTERN.test(s)) return null;
  return Number(s[16]) % 2 === 1 ? 'male' : 'female';
}

/** What is wrong with an identity card number: its shape, its birth date, or its check character. */
export type IdCardProblem = 'format' | 'birth' | 'checksum';

/** The first thing wrong with an identity card number, or null when it is valid (see isValidIdCard). */
export function idCardProblem(s: string, options: IdCardOptions = {}): IdCardProblem | null {
  if (typeof s !== 'string' || !ID_PATTERN.test(s)) return 'format';
  if (s[0] === '0' || s[0] === '9') return 'format'; // no province code starts with 0 or 9
  const birth = birthDateFromIdCard(s);
  if (!birth || birth > (options.today ?? todayIso())) return 'birth';
  return idCardCheckChar(s.slice(0, 17)) === s[17] ? null : 'checksum';
}

/**
 * An 18-digit resident identity card number: digits with a final check character
 * (GB 11643: weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2, sum mod 11 mapped through '10X98765432'),
 * and a birth date that is a real date and not in the future. The upper-case X only.
 */
export function isValidIdCard(s: string, options: IdCardOptions = {}): boolean {
  return idCardProblem(s, options) === null;
}

/** The 31 characters of GB 32100 (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** The first thing wrong with a unified social credit code, or null when it is valid (see isValidCreditCode). */
export function creditCodeProblem(s: string): 'format' | 'checksum' | null {
  if (typeof s !== 'string' || !CREDIT_PATTERN.test(s)) return 'format';
  return creditCodeCheckChar(s.slice(0, 17)) === s[17] ? null : 'checksum';
}

/**
 * A unified social credit code (统一社会信用代码, GB 32100): 18 characters over
 * '0123456789ABCDEFGHJKLMNPQRTUWXY' — registration authority, kind, six-digit region code,
 * nine-character organisation code — and a check character (31 − Σ wᵢcᵢ mod 31) mod 31.
 */
export function isValidCreditCode(s: string): boolean {
  return creditCodeProblem(s) === null;
}

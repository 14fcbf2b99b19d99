/**
 * Mainland China mobile numbers (11 digits, 13x–19x), with an optional +86 /
 * 86 prefix that is dropped. Masked as 138****8000 wherever a list or a log
 * shows one.
 */
const MOBILE = /^1[3-9]\d{9}$/;

/** The number in its 11-digit form, or null when it is not a mainland mobile number. */
export function normaliseMobile(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return MOBILE.test(compact) ? compact : null;
}

export const isMainlandMobile = (raw: string): boolean => normaliseMobile(raw) !== null;

/** 138****8000; anything shorter than 7 characters becomes stars only. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** z***@example.gov.cn: the first letter of the mailbox and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

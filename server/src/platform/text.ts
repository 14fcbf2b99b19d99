/**
 * Rules for text that comes from outside, in one place.
 *
 * NUL cannot be stored in a PostgreSQL text column and a lone UTF-16
 * surrogate is not a character at all: both are refused. Invisible format
 * characters (zero-width spaces and joiners, bidirectional overrides and
 * isolates, the BOM, soft hyphens) are removed: they let `invoice\u202Efdp.exe`
 * read as `invoiceexe.pdf` and make a reason of nothing look filled in.
 */

// Unpaired high or low surrogate (the `u` flag is left off so halves are seen).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Whether `s` holds a character no stored text may hold (NUL, lone surrogate). */
export const hasForbiddenChars = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** `s` without invisible format characters. */
export const stripInvisible = (s: string): string => s.replace(INVISIBLE, '');

/** Whether `s` has anything a reader would see (not only spaces and invisible characters). */
export const hasVisibleText = (s: string): boolean => stripInvisible(s).trim() !== '';

/**
 * Checks every string (key or value) of a parsed JSON value and removes
 * invisible characters from the values in place. Iterative, so deep nesting
 * cannot overflow the stack. Returns false when some string is forbidden.
 * A binary body (a Buffer: the signed batches of the supervision ingest door)
 * is not text and is passed over; its reader checks it once parsed
 * (`hasForbiddenStrings`). Walking it as an object took a second per
 * megabyte, one key per byte.
 */
export function cleanStrings(root: unknown): { ok: boolean; value: unknown } {
  return { ok: walkStrings(root, true), value: typeof root === 'string' ? stripInvisible(root) : root };
}

/** Whether any string (key or value) of a parsed JSON value holds a forbidden character; changes nothing. */
export function hasForbiddenStrings(root: unknown): boolean {
  return !walkStrings(root, false);
}

function walkStrings(root: unknown, strip: boolean): boolean {
  if (typeof root === 'string') return !hasForbiddenChars(root);
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (hasForbiddenChars(k)) return false;
      const child = o[k];
      if (typeof child === 'string') {
        if (hasForbiddenChars(child)) return false;
        if (strip) o[k] = stripInvisible(child);
      } else if (child !== null && typeof child === 'object') {
        stack.push(child);
      }
    }
  }
  return true;
}

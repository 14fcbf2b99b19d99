import { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * Keyset (cursor) paging for every list. A page is read in the list's sort
 * order strictly after the last row of the previous page, so the query walks
 * an index from where it stopped: a page deep in a million rows costs what the
 * first one does, and rows added or removed between pages make no row appear
 * twice or go missing (OFFSET shifts under them).
 *
 * The cursor is opaque to clients: base64url JSON naming the list ordering it
 * belongs to and the sort key of the last row. Anything else is refused with
 * CURSOR_INVALID, never passed to SQL unchecked.
 */

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

/** `cursor` and `limit`, the query parameters every paged list takes. */
export const pageQuery = {
  cursor: z.string().max(512).optional().describe('上一页返回的 nextCursor（不透明）；省略则从第一页开始 / nextCursor of the previous page; omit for the first page'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE).describe(`每页条数，默认 ${DEFAULT_PAGE}，最多 ${MAX_PAGE} / rows per page`),
};

/** The answer of a paged list: the rows and the cursor of the next page (null on the last one). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * How one key part travels in a cursor: `time` as microseconds since the epoch
 * (PostgreSQL keeps microseconds, a JS Date only milliseconds, so a Date would
 * skip rows), `uuid`, `int` (bigint as decimal text), `bool`, `text` (at most 200 characters).
 */
export type KeyPart = 'time' | 'uuid' | 'int' | 'bool' | 'text';
export type KeyValue = string | boolean;

/** A list ordering: its name (a cursor of another ordering is refused) and the parts of its sort key. */
export interface Ordering {
  name: string;
  parts: readonly KeyPart[];
}

const CHECKS: Record<KeyPart, (v: unknown) => boolean> = {
  time: (v) => typeof v === 'string' && /^-?\d{1,18}$/.test(v),
  int: (v) => typeof v === 'string' && /^-?\d{1,18}$/.test(v),
  uuid: (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v),
  bool: (v) => typeof v === 'boolean',
  text: (v) => typeof v === 'string' && v.length <= 200,
};

export function encodeCursor(ordering: Ordering, key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify({ o: ordering.name, k: key })).toString('base64url');
}

/** The sort key the cursor carries, checked against the ordering; CURSOR_INVALID otherwise. */
export function decodeCursor(ordering: Ordering, cursor: string): KeyValue[] {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('CURSOR_INVALID');
  }
  const c = parsed as { o?: unknown; k?: unknown } | null;
  const key = c?.k;
  if (!c || c.o !== ordering.name || !Array.isArray(key) || key.length !== ordering.parts.length
    || !ordering.parts.every((part, i) => CHECKS[part](key[i]))) {
    throw new AppError('CURSOR_INVALID');
  }
  return key as KeyValue[];
}

/**
 * SQL that turns a cursor's key part back into a value of the column's type,
 * its parameter placed by `param`.
 */
export function keyParam(part: KeyPart, value: KeyValue, param: (v: unknown) => string): string {
  switch (part) {
    case 'time': return `(timestamptz 'epoch' + ${param(value)}::bigint * interval '1 microsecond')`;
    case 'uuid': return `${param(value)}::uuid`;
    case 'int': return `${param(value)}::bigint`;
    case 'bool': return `${param(value)}::boolean`;
    case 'text': return `${param(value)}::text`;
  }
}

/** SQL that reads a column as its cursor key part (see keyParam). */
export function keyColumn(part: KeyPart, expr: string): string {
  return part === 'time' ? `(extract(epoch FROM ${expr}) * 1000000)::bigint::text` : part === 'int' ? `${expr}::text` : expr;
}

/**
 * `(a, b) > ($1, $2)` for an ascending walk, `<` for a descending one: a row
 * comparison, which PostgreSQL answers from a btree index on (a, b).
 */
export function afterKey(ordering: Ordering, exprs: readonly string[], dir: 'asc' | 'desc', key: readonly KeyValue[], param: (v: unknown) => string): string {
  const values = ordering.parts.map((part, i) => keyParam(part, key[i]!, param));
  return `(${exprs.join(', ')}) ${dir === 'asc' ? '>' : '<'} (${values.join(', ')})`;
}

/**
 * Cuts the `limit + 1` rows a page query read into the page and the cursor of
 * the next one (from the last row shown). Each row carries its key in `__key`.
 */
export function toPage<T extends { __key: KeyValue[] }>(ordering: Ordering, rows: T[], limit: number): Page<Omit<T, '__key'>> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map(({ __key: _k, ...row }) => row),
    nextCursor: more && last ? encodeCursor(ordering, last.__key) : null,
  };
}

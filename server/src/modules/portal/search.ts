// Item search by keyword, pinyin initials (yljg → 医疗机构执业登记) and full pinyin.
// Pinyin is computed once per item and kept in portal_item_search; every
// search first brings the index in line with the catalogue (only items whose
// code, name or department changed are recomputed), so a published change
// is searchable at once without the catalogue knowing about the portal.
import type { AppContext } from '../../platform/http/context.ts';
import { withTx } from '../../platform/db/pool.ts';
import { listItems } from '../catalog/index.ts';
import { pinyinKeys, searchEntries, type MatchKind, type SearchEntry } from './rules.ts';
import { decodeCursor, toPage, type KeyValue, type Ordering, type Page } from '../../platform/http/page.ts';

interface CatalogItem {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  itemType: 'immediate' | 'promised' | 'joint' | 'reported';
  legalDays: number;
  promisedDays: number;
  limitUnit: 'workday' | 'day' | 'hour';
}

interface IndexRow {
  item_id: string;
  code: string;
  name: string;
  department_name: string;
  initials: string;
  full_pinyin: string;
}

/** Brings the search index in line with the enabled items; returns the index and the items. */
export async function refreshSearchIndex(ctx: AppContext): Promise<{ entries: SearchEntry[]; items: Map<string, CatalogItem>; changed: number }> {
  const items = new Map(((await listItems(ctx.db)) as CatalogItem[]).map((i) => [i.id, i] as const));
  const { rows } = await ctx.db.query<IndexRow>('SELECT item_id, code, name, department_name, initials, full_pinyin FROM portal_item_search');
  const indexed = new Map(rows.map((r) => [r.item_id, r] as const));
  const stale = [...items.values()].filter((i) => {
    const r = indexed.get(i.id);
    return !r || r.code !== i.code || r.name !== i.name || r.department_name !== i.departmentName;
  });
  const gone = rows.filter((r) => !items.has(r.item_id)).map((r) => r.item_id);
  if (stale.length > 0 || gone.length > 0) {
    const now = ctx.clock.now();
    await withTx(ctx.db, async (tx) => {
      for (const i of stale) {
        const keys = pinyinKeys(i.name);
        const row: IndexRow = { item_id: i.id, code: i.code, name: i.name, department_name: i.departmentName, initials: keys.initials, full_pinyin: keys.full };
        await tx.query(
          `INSERT INTO portal_item_search (item_id, code, name, department_name, initials, full_pinyin, refreshed_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7)
           ON CONFLICT (item_id) DO UPDATE SET code = $2, name = $3, department_name = $4, initials = $5, full_pinyin = $6, refreshed_at = $7`,
          [row.item_id, row.code, row.name, row.department_name, row.initials, row.full_pinyin, now],
        );
        indexed.set(i.id, row);
      }
      if (gone.length > 0) await tx.query('DELETE FROM portal_item_search WHERE item_id = ANY($1::uuid[])', [gone]);
    });
    for (const id of gone) indexed.delete(id);
  }
  const entries = [...indexed.values()].map((r) => ({
    itemId: r.item_id, code: r.code, name: r.name, departmentName: r.department_name, initials: r.initials, fullPinyin: r.full_pinyin,
  }));
  return { entries, items, changed: stale.length + gone.length };
}

/** Search hits come best first: by how well they match (rank), then by item code. */
const BY_RANK: Ordering = { name: 'portal.search', parts: ['int', 'text'] };

/**
 * One page of the enabled items matching a keyword or pinyin, best first, with
 * how each matched. The ranking runs over the catalogue's search index in
 * memory (a catalogue holds thousands of items, not millions); a page starts
 * strictly after the (rank, code) of the previous page's last hit.
 */
export async function searchItems(
  ctx: AppContext, q: string, page: { cursor?: string | undefined; limit: number },
): Promise<Page<CatalogItem & { match: MatchKind }>> {
  const { entries, items } = await refreshSearchIndex(ctx);
  const after = page.cursor ? decodeCursor(BY_RANK, page.cursor) : undefined;
  const afterRank = after ? Number(after[0]) : 0;
  const hits = searchEntries(entries, q)
    .filter((h) => !after || h.rank > afterRank || (h.rank === afterRank && h.entry.code.localeCompare(after[1] as string) > 0))
    .flatMap(({ entry, kind, rank }) => {
      const item = items.get(entry.itemId);
      return item ? [{ ...item, match: kind, __key: [String(rank), entry.code] as KeyValue[] }] : [];
    });
  return toPage(BY_RANK, hits.slice(0, page.limit + 1), page.limit);
}

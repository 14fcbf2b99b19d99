import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';

/** The category tree (项目分类): admins edit it, everyone reads it. */

export const categoryInputSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  name: z.string().trim().min(1).max(100),
  parentId: z.uuid().nullable(),
  sortOrder: z.number().int().min(0).max(100_000),
});
export type CategoryInput = z.infer<typeof categoryInputSchema>;

export const categorySchema = categoryInputSchema.extend({
  id: z.uuid(),
  /** Published items directly in this category. */
  itemCount: z.number().int(),
});

const who = (a: Actor) => ({ id: a.id, role: a.role });

export async function listCategories(q: Queryable) {
  const { rows } = await q.query(
    `SELECT c.id, c.code, c.name, c.parent_id AS "parentId", c.sort_order AS "sortOrder",
            (SELECT count(*)::int FROM service_items i WHERE i.category_id = c.id AND i.enabled) AS "itemCount"
       FROM item_categories c ORDER BY c.sort_order, c.code`,
  );
  return rows as z.infer<typeof categorySchema>[];
}

/** The category and all its descendants. */
export async function categoryWithDescendants(q: Queryable, id: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `WITH RECURSIVE t AS (SELECT id FROM item_categories WHERE id = $1
       UNION SELECT c.id FROM item_categories c JOIN t ON c.parent_id = t.id) SELECT id FROM t`, [id]);
  return rows.map((r) => r.id);
}

async function checkParent(tx: Tx, id: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const p = await tx.query('SELECT 1 FROM item_categories WHERE id = $1', [parentId]);
  if (!p.rowCount) throw new AppError('CATEGORY_NOT_FOUND', { parentId });
  if (id && (await categoryWithDescendants(tx, id)).includes(parentId)) throw new AppError('CATEGORY_CYCLE');
}

async function codeFree(tx: Tx, code: string, id: string | null): Promise<void> {
  const taken = await tx.query('SELECT 1 FROM item_categories WHERE code = $1 AND id IS DISTINCT FROM $2', [code, id]);
  if (taken.rowCount) throw new AppError('CATEGORY_CODE_TAKEN', { code });
}

export async function createCategory(ctx: AppContext, actor: Actor, input: CategoryInput): Promise<{ id: string }> {
  return withTx(ctx.db, async (tx) => {
    await tx.query('LOCK TABLE item_categories IN SHARE ROW EXCLUSIVE MODE');
    await codeFree(tx, input.code, null);
    await checkParent(tx, null, input.parentId);
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO item_categories (code, name, parent_id, sort_order) VALUES ($1,$2,$3,$4) RETURNING id',
      [input.code, input.name, input.parentId, input.sortOrder]);
    await appendEvent(tx, { type: 'catalog.category_created', actor: who(actor), occurredAt: ctx.clock.now(), payload: { id: rows[0]!.id, ...input } });
    return { id: rows[0]!.id };
  });
}

export async function updateCategory(ctx: AppContext, actor: Actor, id: string, input: CategoryInput): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    await tx.query('LOCK TABLE item_categories IN SHARE ROW EXCLUSIVE MODE');
    const before = await tx.query('SELECT code, name, parent_id AS "parentId", sort_order AS "sortOrder" FROM item_categories WHERE id = $1', [id]);
    if (!before.rowCount) throw new AppError('CATEGORY_NOT_FOUND');
    await codeFree(tx, input.code, id);
    await checkParent(tx, id, input.parentId);
    await tx.query('UPDATE item_categories SET code = $2, name = $3, parent_id = $4, sort_order = $5 WHERE id = $1',
      [id, input.code, input.name, input.parentId, input.sortOrder]);
    await appendEvent(tx, {
      type: 'catalog.category_updated', actor: who(actor), occurredAt: ctx.clock.now(), payload: { id, before: before.rows[0], after: input },
    });
  });
}

/** Deletes an empty category: no subcategories, no item (published or draft) in it. */
export async function deleteCategory(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    await tx.query('LOCK TABLE item_categories IN SHARE ROW EXCLUSIVE MODE');
    const c = await tx.query<{ code: string; name: string }>('SELECT code, name FROM item_categories WHERE id = $1', [id]);
    if (!c.rowCount) throw new AppError('CATEGORY_NOT_FOUND');
    const used = await tx.query(
      `SELECT 1 FROM item_categories WHERE parent_id = $1
       UNION ALL SELECT 1 FROM service_items WHERE category_id = $1
       UNION ALL SELECT 1 FROM item_versions WHERE status = 'draft' AND content->>'categoryId' = $1::text LIMIT 1`, [id]);
    if (used.rowCount) throw new AppError('CATEGORY_NOT_EMPTY');
    await tx.query('DELETE FROM item_categories WHERE id = $1', [id]);
    await appendEvent(tx, { type: 'catalog.category_deleted', actor: who(actor), occurredAt: ctx.clock.now(), payload: { id, ...c.rows[0] } });
  });
}

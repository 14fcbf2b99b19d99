import { z } from 'zod';
import type { Queryable } from '../../platform/db/pool.ts';
import { categoryWithDescendants } from './categories.ts';

/** One row of the admin item list: the item with its published version and open draft. */
export const adminItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  categoryId: z.uuid().nullable(),
  categoryName: z.string().nullable(),
  itemType: z.enum(['immediate', 'promised', 'joint', 'reported']),
  /** Null before the first publish. */
  publishedVersion: z.number().int().nullable(),
  publishedVersionId: z.uuid().nullable(),
  draftVersion: z.number().int().nullable(),
  draftVersionId: z.uuid().nullable(),
  draftUpdatedAt: z.date().nullable(),
  allowsDeficientAcceptance: z.boolean(),
});

export async function listAdminItems(q: Queryable, f: { categoryId?: string; status?: 'published' | 'draft' | 'unpublished'; q?: string }) {
  const cats = f.categoryId ? await categoryWithDescendants(q, f.categoryId) : null;
  const like = f.q?.trim() ? `%${f.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const { rows } = await q.query(
    `SELECT i.id, COALESCE(dv.content->>'code', i.code) AS code, COALESCE(pv.content->>'name', dv.content->>'name', i.name) AS name,
            i.department_id AS "departmentId", d.name AS "departmentName", i.category_id AS "categoryId", c.name AS "categoryName",
            i.item_type AS "itemType", pv.version AS "publishedVersion", pv.id AS "publishedVersionId",
            dv.version AS "draftVersion", dv.id AS "draftVersionId", dv.updated_at AS "draftUpdatedAt",
            i.allows_deficient_acceptance AS "allowsDeficientAcceptance"
       FROM service_items i
       JOIN departments d ON d.id = i.department_id
       LEFT JOIN item_categories c ON c.id = i.category_id
       LEFT JOIN item_versions pv ON pv.id = i.current_version_id
       LEFT JOIN item_versions dv ON dv.item_id = i.id AND dv.status = 'draft'
      WHERE ($1::uuid[] IS NULL OR i.category_id = ANY($1::uuid[]) OR (dv.content->>'categoryId')::uuid = ANY($1::uuid[]))
        AND ($2::text IS NULL OR ($2 = 'published' AND pv.id IS NOT NULL) OR ($2 = 'draft' AND dv.id IS NOT NULL) OR ($2 = 'unpublished' AND pv.id IS NULL))
        AND ($3::text IS NULL OR i.name ILIKE $3 OR i.code ILIKE $3 OR dv.content->>'name' ILIKE $3)
      ORDER BY d.sort_order, i.code`,
    [cats, f.status ?? null, like],
  );
  return rows;
}

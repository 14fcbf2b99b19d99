import type { Queryable } from '../../platform/db/pool.ts';

/**
 * What other modules need to know of the center, its departments and an
 * item, whatever the item's state (a case keeps its item after the item is
 * withdrawn): small reads by id, so no other module's SQL names the
 * catalogue's tables.
 */

/** The one center's id (one center per installation for now); null before the center is loaded. */
export async function theCenterId(q: Queryable): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM centers ORDER BY created_at LIMIT 1');
  return rows[0]?.id ?? null;
}

/** The codes of these departments by id (the case number and the engine's candidate rules carry codes). */
export async function departmentCodes(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; code: string }>('SELECT id, code FROM departments WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.code]));
}

export interface ItemFacts {
  id: string;
  departmentId: string;
  departmentCode: string;
  itemType: 'immediate' | 'promised' | 'joint' | 'reported';
  /** Key of the bound published process; null when none is bound. */
  processKey: string | null;
  /** 容缺受理 allowed. */
  allowsDeficientAcceptance: boolean;
}

/** An item's department, type, bound process and 容缺 flag, enabled or not; null when there is no such item. */
export async function itemFacts(q: Queryable, itemId: string): Promise<ItemFacts | null> {
  const { rows } = await q.query<ItemFacts>(
    `SELECT i.id, i.department_id AS "departmentId", d.code AS "departmentCode", i.item_type AS "itemType",
            i.process_key AS "processKey", i.allows_deficient_acceptance AS "allowsDeficientAcceptance"
       FROM service_items i JOIN departments d ON d.id = i.department_id WHERE i.id = $1`,
    [itemId],
  );
  return rows[0] ?? null;
}

/** The names of an item's materials by id, retired ones too. */
export async function itemMaterialNames(q: Queryable, itemId: string): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; name: string }>('SELECT id, name FROM item_materials WHERE item_id = $1', [itemId]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

import type { Queryable } from '../../platform/db/pool.ts';

/** Who a case's notice comes from: the item, its department, the center and the window that handles it. */
export interface IssuingOffice {
  itemName: string;
  departmentName: string;
  center: { name: string; phone: string | null; address: string | null };
  window: { name: string; phone: string | null } | null;
  /** The item's materials in their listed order (material id → position), retired ones included. */
  materialOrder: Map<string, number>;
}

/**
 * The office a notice names. The handling window is the issuer's own window,
 * else the department's, else the center's first general window. The item is
 * read whether or not it is still enabled: a case outlives its item's listing.
 */
export async function issuingOffice(
  q: Queryable, at: { itemId: string; departmentId: string; issuerWindowId: string | null },
): Promise<IssuingOffice> {
  const { rows } = await q.query<{ item_name: string; department_name: string; center_id: string; center_name: string; center_phone: string | null; center_address: string | null }>(
    `SELECT i.name AS item_name, d.name AS department_name, ce.id AS center_id, ce.name AS center_name, ce.phone AS center_phone, ce.address AS center_address
       FROM service_items i, departments d JOIN centers ce ON ce.id = d.center_id
      WHERE i.id = $1 AND d.id = $2`,
    [at.itemId, at.departmentId],
  );
  const o = rows[0]!;
  const windows = await q.query<{ name: string; phone: string | null }>(
    `SELECT w.name, w.phone FROM windows w
      WHERE w.center_id = $1 AND (w.department_id IS NULL OR w.department_id = $2 OR w.id = $3)
      ORDER BY coalesce(w.id = $3, false) DESC, coalesce(w.department_id = $2, false) DESC, w.code
      LIMIT 1`,
    [o.center_id, at.departmentId, at.issuerWindowId],
  );
  const materials = await q.query<{ id: string; sort_order: number }>('SELECT id, sort_order FROM item_materials WHERE item_id = $1', [at.itemId]);
  return {
    itemName: o.item_name,
    departmentName: o.department_name,
    center: { name: o.center_name, phone: o.center_phone, address: o.center_address },
    window: windows.rows[0] ?? null,
    materialOrder: new Map(materials.rows.map((m) => [m.id, m.sort_order])),
  };
}

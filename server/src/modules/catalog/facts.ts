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
  /** 申请人/受理人回避: who applied for or accepted a case does not handle its approval steps. */
  separateDuties: boolean;
}

/** An item's department, type, bound process and 容缺 flag, enabled or not; null when there is no such item. */
export async function itemFacts(q: Queryable, itemId: string): Promise<ItemFacts | null> {
  const { rows } = await q.query<ItemFacts>(
    `SELECT i.id, i.department_id AS "departmentId", d.code AS "departmentCode", i.item_type AS "itemType",
            i.process_key AS "processKey", i.allows_deficient_acceptance AS "allowsDeficientAcceptance", i.separate_duties AS "separateDuties"
       FROM service_items i JOIN departments d ON d.id = i.department_id WHERE i.id = $1`,
    [itemId],
  );
  return rows[0] ?? null;
}

/** Whether the window lists the item among those it takes in (window_items; a station's window may list a county item, 代收代办). */
export async function windowServesItem(q: Queryable, windowId: string, itemId: string): Promise<boolean> {
  const { rowCount } = await q.query('SELECT 1 FROM window_items WHERE window_id = $1 AND item_id = $2', [windowId, itemId]);
  return (rowCount ?? 0) > 0;
}

/** The names of an item's materials by id, retired ones too. */
export async function itemMaterialNames(q: Queryable, itemId: string): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; name: string }>('SELECT id, name FROM item_materials WHERE item_id = $1', [itemId]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A department as another module's page names and orders it. */
export interface DepartmentName {
  id: string;
  code: string;
  name: string;
  sortOrder: number;
}

/** These departments by id: code, name and place in the center's order. */
export async function departmentsByIds(q: Queryable, ids: readonly string[]): Promise<Map<string, DepartmentName>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<DepartmentName>(
    'SELECT id, code, name, sort_order AS "sortOrder" FROM departments WHERE id = ANY($1::uuid[])', [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** These departments by code (the engine's candidate rules and signers carry codes). */
export async function departmentsByCodes(q: Queryable, codes: readonly string[]): Promise<Map<string, DepartmentName>> {
  if (codes.length === 0) return new Map();
  const { rows } = await q.query<DepartmentName>(
    'SELECT id, code, name, sort_order AS "sortOrder" FROM departments WHERE code = ANY($1::text[])', [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** id → name for these ids, by a statement taking them as $1. */
async function namesById(q: Queryable, sql: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; name: string }>(sql, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names of these items by id, withdrawn ones too. */
export const itemNames = (q: Queryable, ids: readonly string[]): Promise<Map<string, string>> =>
  namesById(q, 'SELECT id, name FROM service_items WHERE id = ANY($1::uuid[])', ids);

/** The names of these service windows by id. */
export const windowNames = (q: Queryable, ids: readonly string[]): Promise<Map<string, string>> =>
  namesById(q, 'SELECT id, name FROM windows WHERE id = ANY($1::uuid[])', ids);

/** A material of an item as the window's checklist and 容缺 rules see it. */
export interface ItemMaterial {
  id: string;
  name: string;
  required: boolean;
  deferrable: boolean;
  retired: boolean;
}

/** Every material of an item, retired ones too (a checked case keeps them), in the item's order. */
export async function itemMaterialList(q: Queryable, itemId: string): Promise<ItemMaterial[]> {
  const { rows } = await q.query<ItemMaterial>(
    `SELECT id, name, required, is_deferrable AS deferrable, retired FROM item_materials WHERE item_id = $1 ORDER BY sort_order, name`,
    [itemId],
  );
  return rows;
}

/** Item codes by id (the organisation's workbook names a window's items by code). */
export async function itemCodes(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; code: string }>('SELECT id, code FROM service_items WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Item ids by code: the items of these codes that exist. */
export async function itemIdsByCodes(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; code: string }>('SELECT id, code FROM service_items WHERE code = ANY($1::text[])', [[...new Set(codes)]]);
  return new Map(rows.map((r) => [r.code, r.id]));
}

import type { Tx } from '../../platform/db/pool.ts';
import { ensureInitialVersions, feeSummary } from '../catalog/index.ts';
import { implementerCode, itemCategories, itemGuides } from './data.ts';

/**
 * The demo catalogue's category tree and each item's service-guide elements
 * (conditions, place and hours, phones, fees, material details, code parts),
 * then version 1 of every item, published. Runs inside the demo load.
 */
export async function loadDemoCatalogue(tx: Tx, now: Date): Promise<void> {
  const catIds = new Map<string, string>();
  for (const [i, c] of itemCategories.entries()) {
    const r = await tx.query<{ id: string }>('INSERT INTO item_categories (code, name, parent_id, sort_order) VALUES ($1,$2,$3,$4) RETURNING id',
      [c.code, c.name, c.parent ? catIds.get(c.parent) : null, i]);
    catIds.set(c.code, r.rows[0]!.id);
  }
  for (const [code, g] of Object.entries(itemGuides)) {
    const item = await tx.query<{ id: string; dept: string }>(
      'SELECT i.id, d.code AS dept FROM service_items i JOIN departments d ON d.id = i.department_id WHERE i.code = $1', [code]);
    const row = item.rows[0];
    if (!row) continue;
    const fee = { free: !g.fees?.length, items: g.fees ?? [] };
    await tx.query(
      `UPDATE service_items SET category_id = $2, conditions = $3, apply_location = $4, apply_hours = $5, contact_phone = $6,
              complaint_phone = $7, fee_free = $8, fee_items = $9, fee = $10, allows_deficient_acceptance = $11,
              code_type = $12, code_main = $13, code_sub = $14, handling_seq = $15, implementer_code = $16
        WHERE id = $1`,
      [row.id, catIds.get(g.category) ?? null, g.conditions, g.location, g.hours, g.contactPhone, g.complaintPhone, fee.free,
        JSON.stringify(fee.items), feeSummary(fee), g.allowsDeficientAcceptance ?? false, ...g.code, implementerCode(row.dept)],
    );
    for (const [name, m] of Object.entries(g.materials ?? {})) {
      await tx.query(
        `UPDATE item_materials SET original_or_copy = COALESCE($3, original_or_copy), copies = COALESCE($4, copies),
                medium = COALESCE($5, medium), form = CASE COALESCE($5, medium) WHEN 'paper' THEN '纸质件' WHEN 'both' THEN '纸质件和电子件' ELSE '电子件' END,
                requirement = CASE WHEN $6::text IS NULL THEN requirement ELSE 'conditional' END,
                required = CASE WHEN $6::text IS NULL THEN required ELSE false END,
                condition_text = COALESCE($6, condition_text), elicence_type = $7, is_deferrable = $8
          WHERE item_id = $1 AND name = $2`,
        [row.id, name, m.original ?? null, m.copies ?? null, m.medium ?? null, m.condition ?? null, m.elicence ?? null, m.deferrable ?? false],
      );
    }
  }
  await ensureInitialVersions(tx, now);
}

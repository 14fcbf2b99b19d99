import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { formSpecFromLegacyFields, type FormSpec, type LegacyField } from '../../../../shared/forms/index.ts';

/** The item's form: its spec, or — for a row that only has the old list (an import) — that list converted. */
export function itemFormSpec(row: { form_spec: FormSpec | null; form_fields: LegacyField[] | null }): FormSpec {
  return row.form_spec ?? formSpecFromLegacyFields(row.form_fields ?? []);
}

const COLUMNS = `i.id AS "itemId", i.code, i.name, d.name AS "departmentName",
  COALESCE(jsonb_array_length(i.form_spec->'layout'), jsonb_array_length(i.form_fields)) AS "fieldCount", i.form_revision AS revision`;

/** Every enabled item with the size of its form, for the designer's list. */
export async function listItemForms(db: Queryable) {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM service_items i JOIN departments d ON d.id = i.department_id
      WHERE i.enabled ORDER BY d.sort_order, i.code`,
  );
  return rows as { itemId: string; code: string; name: string; departmentName: string; fieldCount: number; revision: number }[];
}

/** One item's form with its revision, or ITEM_NOT_FOUND. */
export async function getItemForm(db: Queryable, itemId: string) {
  const { rows } = await db.query(
    `SELECT ${COLUMNS}, i.form_spec, i.form_fields FROM service_items i JOIN departments d ON d.id = i.department_id WHERE i.id = $1`,
    [itemId],
  );
  const r = rows[0];
  if (!r) throw new AppError('ITEM_NOT_FOUND');
  const { form_spec, form_fields, ...rest } = r;
  return { ...rest, form: itemFormSpec({ form_spec, form_fields }) } as {
    itemId: string; code: string; name: string; departmentName: string; fieldCount: number; revision: number; form: FormSpec;
  };
}

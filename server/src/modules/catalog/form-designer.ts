import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx, type Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { checkFormSpec, layoutFields, legacyFieldsFromSpec, type FormSpec, type LegacyField } from '../../../../shared/forms/index.ts';
import { itemFormSpec } from '../forms/index.ts';
import { publishFormChange } from './versions.ts';

/*
 * 表单设计器: an item's form is part of the catalogue (service_items.form_spec,
 * published with the item's versions); the form language itself — the spec,
 * its check and the validator — is the forms module's.
 */

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

/**
 * Saves an item's form from the designer: the spec must pass checkFormSpec
 * (FORM_SPEC_INVALID lists each broken field), and the designer must have
 * loaded the current revision (FORM_SPEC_STALE otherwise). Writes the spec and
 * its legacy flat view, publishes them as the item's next catalogue version
 * (forms rendered from the older one are then refused: ITEM_VERSION_STALE) and
 * records `item.form_changed`, in one transaction.
 */
export async function saveItemForm(ctx: AppContext, actor: Actor, itemId: string, form: unknown, revision: number): Promise<{ revision: number }> {
  const problems = checkFormSpec(form);
  if (problems.length > 0) throw new AppError('FORM_SPEC_INVALID', { problems });
  const spec = form as FormSpec;
  return withTx(ctx.db, async (tx) => {
    const { rows } = await tx.query<{ code: string; name: string; department_id: string; form_spec: FormSpec | null; form_fields: LegacyField[]; form_revision: number }>(
      'SELECT code, name, department_id, form_spec, form_fields, form_revision FROM service_items WHERE id = $1 FOR UPDATE',
      [itemId],
    );
    const item = rows[0];
    if (!item) throw new AppError('ITEM_NOT_FOUND');
    if (item.form_revision !== revision) throw new AppError('FORM_SPEC_STALE', { revision: item.form_revision });
    const next = revision + 1;
    await tx.query('UPDATE service_items SET form_spec = $2, form_fields = $3, form_revision = $4 WHERE id = $1', [
      itemId, JSON.stringify(spec), JSON.stringify(legacyFieldsFromSpec(spec)), next,
    ]);
    // The form is part of the item's version: publish it as the next one.
    await publishFormChange(tx, actor, itemId, ctx.clock.now());
    const before = layoutFields(itemFormSpec(item));
    const after = layoutFields(spec);
    await appendEvent(tx, {
      type: 'item.form_changed',
      departmentId: item.department_id,
      actor: { id: actor.id, role: actor.role },
      occurredAt: ctx.clock.now(),
      payload: {
        itemId, itemCode: item.code, itemName: item.name, revision: next,
        added: after.filter((k) => !before.includes(k)),
        removed: before.filter((k) => !after.includes(k)),
        fields: after,
      },
    });
    return { revision: next };
  });
}

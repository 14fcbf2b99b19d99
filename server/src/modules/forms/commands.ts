import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { checkFormSpec, layoutFields, legacyFieldsFromSpec, type FormSpec, type LegacyField } from '../../../../shared/forms/index.ts';
import { itemFormSpec } from './queries.ts';
import { publishFormChange } from '../catalog/index.ts';

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
    // The form is part of the item's version: publish it as the next one (catalog).
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

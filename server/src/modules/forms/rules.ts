import {
  formSpecFromLegacyFields, validateFormData, visibleFormData, type FormData, type FormError, type FormSpec, type LegacyField,
} from '../../../../shared/forms/index.ts';
import { regionIndex } from './regions.ts';

/** The item's form: its spec, or — for a row that only has the old list (an import) — that list converted. */
export function itemFormSpec(row: { form_spec: FormSpec | null; form_fields: LegacyField[] | null }): FormSpec {
  return row.form_spec ?? formSpecFromLegacyFields(row.form_fields ?? []);
}

/**
 * Checks application data against the item's form with the one validator the
 * browser runs too. Returns the problems and the data as it is to be stored
 * (hidden fields dropped, strings trimmed).
 */
export function checkItemForm(form: { schema: unknown; layout: unknown[] }, data: FormData, today: string): { errors: FormError[]; data: FormData } {
  const spec = form as FormSpec;
  const errors = validateFormData(spec, data, { today, regions: regionIndex() });
  return { errors, data: errors.length === 0 ? visibleFormData(spec, data) : data };
}

/** The upload ids the form's attachment fields hold (top level; tables carry no files). */
export function formAttachmentIds(form: { schema: unknown; layout: unknown[] }, data: FormData): string[] {
  const spec = form as FormSpec;
  return Object.entries(spec.schema.properties)
    .filter(([key, f]) => f['x-widget'] === 'attachment' && typeof data[key] === 'string')
    .map(([key]) => data[key] as string);
}

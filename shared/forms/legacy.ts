import { FORM_SCHEMA_DIALECT, layoutFields, type FieldSchema, type FormSpec } from './spec.ts';

/** The first form format (0001_foundation): a flat list of fields. */
export interface LegacyField {
  key: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'phone';
  required: boolean;
}

/**
 * The FormSpec of a legacy field list — the same conversion migration
 * 0031_forms.sql does in SQL (a test keeps the two in step).
 */
export function formSpecFromLegacyFields(fields: readonly LegacyField[]): FormSpec {
  const properties: Record<string, FieldSchema> = {};
  for (const f of fields) properties[f.key] = { type: f.type === 'number' ? 'number' : 'string', 'x-widget': f.type, title: f.label };
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT, type: 'object', properties,
      required: fields.filter((f) => f.required).map((f) => f.key), additionalProperties: false,
    },
    layout: fields.map((f) => ({ field: f.key })),
  };
}

/**
 * The flat view of a form for readers that still expect the legacy list
 * (deprecated; tables are left out, every widget maps to its nearest old type).
 */
export function legacyFieldsFromSpec(spec: FormSpec): LegacyField[] {
  const required = new Set(spec.schema.required ?? []);
  return layoutFields(spec).flatMap((key) => {
    const f = spec.schema.properties[key];
    if (!f || f['x-widget'] === 'table') return [];
    const w = f['x-widget'];
    const type = w === 'number' || w === 'money' ? 'number' : w === 'textarea' || w === 'date' || w === 'phone' ? w : 'text';
    return [{ key, label: f.title, type, required: required.has(key) }];
  });
}

// Short constructors for the demo application forms (shared/forms FormSpec):
// one call per field, with the Chinese and English labels, so an item's form
// reads as a list of what the applicant fills in.
import { FORM_SCHEMA_DIALECT, type Condition, type FieldSchema, type FormSpec, type LayoutEntry, type TableRowSchema } from '../../../../shared/forms/index.ts';

/** A field of a form: its key, schema and whether it is required (when shown). */
export interface FieldDef {
  key: string;
  schema: FieldSchema;
  required: boolean;
}

/** A section heading in the layout. */
export interface SectionDef {
  section: string;
  sectionEn: string;
}

type Extra = Partial<Omit<FieldSchema, 'type' | 'x-widget' | 'title' | 'x-titleEn'>>;

const field = (widget: FieldSchema['x-widget'], type: FieldSchema['type']) =>
  (key: string, title: string, titleEn: string, required = true, extra: Extra = {}): FieldDef =>
    ({ key, required, schema: { type, 'x-widget': widget, title, 'x-titleEn': titleEn, ...extra } });

export const text = field('text', 'string');
export const textarea = field('textarea', 'string');
export const number = field('number', 'number');
export const money = field('money', 'number');
export const region = field('region', 'string');
export const idCard = field('idCard', 'string');
export const creditCode = field('creditCode', 'string');
export const phone = field('phone', 'string');
export const email = (key: string, title: string, titleEn: string, required = false): FieldDef =>
  field('email', 'string')(key, title, titleEn, required, { format: 'email' });
export const date = (key: string, title: string, titleEn: string, required = true, extra: Extra = {}): FieldDef =>
  field('date', 'string')(key, title, titleEn, required, { format: 'date', ...extra });
export const attachment = (key: string, title: string, titleEn: string, required = false, extra: Extra = {}): FieldDef =>
  field('attachment', 'string')(key, title, titleEn, required, { format: 'uuid', ...extra });

/** A select: options as [value, 中文, English]. */
export function select(key: string, title: string, titleEn: string, options: [string, string, string][], required = true, extra: Extra = {}): FieldDef {
  return field('select', 'string')(key, title, titleEn, required, {
    enum: options.map((o) => o[0]), 'x-enumTitles': options.map((o) => o[1]), 'x-enumTitlesEn': options.map((o) => o[2]), ...extra,
  });
}

/** A table (repeating group): its columns are fields too; rows between min and max. */
export function table(key: string, title: string, titleEn: string, columns: FieldDef[], rows: { min: number; max: number }, extra: Extra = {}): FieldDef {
  const items: TableRowSchema = {
    type: 'object', additionalProperties: false, 'x-columns': columns.map((c) => c.key),
    properties: Object.fromEntries(columns.map((c) => [c.key, c.schema])),
    required: columns.filter((c) => c.required).map((c) => c.key),
  };
  return field('table', 'array')(key, title, titleEn, rows.min > 0, { minItems: rows.min, maxItems: rows.max, items, ...extra });
}

/** The field shown only when the condition holds (a hidden field is neither required nor kept). */
export function showIf(f: FieldDef, condition: Condition): FieldDef {
  return { ...f, schema: { ...f.schema, 'x-showIf': condition } };
}

export const section = (title: string, titleEn: string): SectionDef => ({ section: title, sectionEn: titleEn });

/** The FormSpec of the fields and sections, in order. */
export function formSpec(entries: (FieldDef | SectionDef)[]): FormSpec {
  const fields = entries.filter((e): e is FieldDef => 'key' in e);
  const layout: LayoutEntry[] = entries.map((e) => ('key' in e ? { field: e.key } : { section: e.section, sectionEn: e.sectionEn }));
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT, type: 'object', additionalProperties: false,
      properties: Object.fromEntries(fields.map((f) => [f.key, f.schema])),
      required: fields.filter((f) => f.required).map((f) => f.key),
    },
    layout,
  };
}

/** The applicant's name and phone, as every demo form starts. */
export const applicantFields = (nameTitle = '申请人姓名/名称', nameTitleEn = 'Applicant name'): FieldDef[] => [
  text('applicantName', nameTitle, nameTitleEn, true, { maxLength: 100 }),
  phone('contactPhone', '联系电话', 'Contact phone', true, { description: '手机号码或带区号的固定电话' }),
];

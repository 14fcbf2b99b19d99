/**
 * The stored form of a service item (申请表): a JSON Schema (draft 2020-12) object
 * with our `x-` extension keywords, plus a layout that orders the fields.
 * Only the subset below is allowed (checkFormSpec refuses anything else), so that
 * validateFormData — run by the server and the browser alike — checks every keyword
 * a spec may carry, and answers with the same stable codes in both places.
 *
 * Order lives in `layout` and in a table's `x-columns`, never in object keys:
 * PostgreSQL's jsonb does not keep key order.
 */

export const FORM_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export const WIDGETS = [
  'text', 'textarea', 'number', 'money', 'date', 'select', 'region',
  'idCard', 'creditCode', 'phone', 'email', 'attachment', 'table',
] as const;
export type Widget = (typeof WIDGETS)[number];

/** Widgets a table column may use: no nested tables, no files inside rows. */
export const COLUMN_WIDGETS: readonly Widget[] = WIDGETS.filter((w) => w !== 'table' && w !== 'attachment');

/** The JSON type each widget stores. */
export const WIDGET_TYPE: Record<Widget, 'string' | 'number' | 'array'> = {
  text: 'string', textarea: 'string', number: 'number', money: 'number', date: 'string', select: 'string',
  region: 'string', idCard: 'string', creditCode: 'string', phone: 'string', email: 'string', attachment: 'string',
  table: 'array',
};

/** Longest text accepted when a field sets no maxLength. */
export const DEFAULT_MAX_LENGTH = { text: 200, textarea: 2000 } as const;
/** Rows a table accepts when it sets no maxItems. */
export const DEFAULT_MAX_ROWS = 100;

/** A show-if condition over other top-level fields (which must come earlier in the layout). */
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; filled: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** 'today', 'today+N' / 'today-N' (days) or a date YYYY-MM-DD. */
export type DateBound = string;

export type RegionLevel = 'province' | 'city' | 'county';

/** One field: a property of the form object (or a column of a table). */
export interface FieldSchema {
  type: 'string' | 'number' | 'integer' | 'array';
  'x-widget': Widget;
  /** The label, in Chinese. */
  title: string;
  'x-titleEn'?: string;
  /** Help shown under the field. */
  description?: string;
  'x-descriptionEn'?: string;
  'x-placeholder'?: string;
  'x-showIf'?: Condition;
  // strings
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** What the pattern asks for, shown with FORM_PATTERN. */
  'x-patternHint'?: string;
  'x-patternHintEn'?: string;
  format?: 'date' | 'email' | 'uuid';
  // select
  enum?: string[];
  'x-enumTitles'?: string[];
  'x-enumTitlesEn'?: string[];
  // numbers
  minimum?: number;
  maximum?: number;
  // dates
  'x-minDate'?: DateBound;
  'x-maxDate'?: DateBound;
  // region
  'x-regionLevel'?: RegionLevel;
  // tables
  minItems?: number;
  maxItems?: number;
  items?: TableRowSchema;
}

export interface TableRowSchema {
  type: 'object';
  properties: Record<string, FieldSchema>;
  required?: string[];
  additionalProperties?: false;
  /** Column order. */
  'x-columns': string[];
}

export interface FormSchema {
  $schema?: string;
  type: 'object';
  properties: Record<string, FieldSchema>;
  required?: string[];
  additionalProperties?: false;
}

export type LayoutEntry = { field: string } | { section: string; sectionEn?: string };

export interface FormSpec {
  schema: FormSchema;
  layout: LayoutEntry[];
}

/** Form data as submitted: field key → value (a table is an array of row objects). */
export type FormData = Record<string, unknown>;

/** An empty form. */
export function emptyFormSpec(): FormSpec {
  return { schema: { $schema: FORM_SCHEMA_DIALECT, type: 'object', properties: {}, required: [], additionalProperties: false }, layout: [] };
}

/** The field keys in layout order. */
export function layoutFields(spec: FormSpec): string[] {
  return spec.layout.flatMap((e) => ('field' in e ? [e.field] : []));
}

/** The label in the wanted language, falling back to Chinese. */
export function fieldTitle(field: FieldSchema, lang: 'zh' | 'en'): string {
  return lang === 'en' && field['x-titleEn'] ? field['x-titleEn'] : field.title;
}

export function isRequired(schema: { required?: string[] }, key: string): boolean {
  return schema.required?.includes(key) ?? false;
}

/** Empty: absent, null, a blank string or an empty table. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

export const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

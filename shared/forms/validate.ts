import { creditCodeProblem, idCardProblem } from '../identity.ts';
import { visibleFields } from './conditions.ts';
import { regionFitsLevel, type RegionIndex } from './regions.ts';
import {
  DEFAULT_MAX_LENGTH, DEFAULT_MAX_ROWS, isEmptyValue, isRequired,
  type DateBound, type FieldSchema, type FormData, type FormSpec, type TableRowSchema,
} from './spec.ts';

/** Stable codes of form problems; the browser and the server show the same ones. */
export const FORM_ERROR_CODES = [
  'FORM_REQUIRED', 'FORM_TYPE', 'FORM_LENGTH', 'FORM_PATTERN', 'FORM_RANGE', 'FORM_MONEY',
  'FORM_DATE', 'FORM_DATE_RANGE', 'FORM_OPTION', 'FORM_REGION',
  'FORM_ID_CARD_FORMAT', 'FORM_ID_CARD_BIRTH', 'FORM_ID_CARD_CHECKSUM',
  'FORM_CREDIT_CODE_FORMAT', 'FORM_CREDIT_CODE_CHECKSUM',
  'FORM_PHONE', 'FORM_EMAIL', 'FORM_ATTACHMENT', 'FORM_ROWS', 'FORM_UNKNOWN_FIELD',
] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

/** One problem: `path` is the field key, or `table[row].column` inside a table. */
export interface FormError {
  path: string;
  code: FormErrorCode;
}

export interface ValidateOptions {
  /** The day the rules are judged on (YYYY-MM-DD, the center's day); dates and birth dates compare to it. */
  today: string;
  /** The 省市县 lookup. Without it a region is checked for its shape only (the browser before the data has loaded). */
  regions?: RegionIndex;
}

// Mobile (11 digits from 13–19) or a landline with its area code and an optional extension.
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_MONEY = 1e13;

/** A real calendar date YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A date bound as a date: 'today', 'today+N', 'today-N' or a fixed YYYY-MM-DD; undefined if malformed. */
export function resolveDateBound(bound: DateBound, today: string): string | undefined {
  if (bound === 'today') return today;
  const rel = /^today([+-])(\d{1,5})$/.exec(bound);
  if (rel) return addDays(today, (rel[1] === '-' ? -1 : 1) * Number(rel[2]));
  return isIsoDate(bound) ? bound : undefined;
}

/** Trimmed; identity numbers in upper case (a typed lower-case x is the same check character). */
function normaliseText(widget: FieldSchema['x-widget'], value: string): string {
  const v = value.trim();
  return widget === 'idCard' || widget === 'creditCode' ? v.toUpperCase() : v;
}

function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e')) return 99;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** The problem with one non-empty value, or null. */
function checkValue(field: FieldSchema, value: unknown, options: ValidateOptions): FormErrorCode | null {
  const widget = field['x-widget'];
  if (widget === 'number' || widget === 'money') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'FORM_TYPE';
    if (field.type === 'integer' && !Number.isInteger(value)) return 'FORM_TYPE';
    if (widget === 'money' && decimals(value) > 2) return 'FORM_MONEY';
    const min = field.minimum ?? (widget === 'money' ? 0 : undefined);
    const max = field.maximum ?? (widget === 'money' ? MAX_MONEY : undefined);
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) return 'FORM_RANGE';
    return null;
  }
  if (typeof value !== 'string') return 'FORM_TYPE';
  const text = normaliseText(widget, value);
  const maxLength = field.maxLength ?? (widget === 'textarea' ? DEFAULT_MAX_LENGTH.textarea : DEFAULT_MAX_LENGTH.text);
  const length = [...text].length;
  if (length > maxLength || (field.minLength !== undefined && length < field.minLength)) return 'FORM_LENGTH';
  switch (widget) {
    case 'date': {
      if (!isIsoDate(text)) return 'FORM_DATE';
      const min = field['x-minDate'] && resolveDateBound(field['x-minDate'], options.today);
      const max = field['x-maxDate'] && resolveDateBound(field['x-maxDate'], options.today);
      if ((min && text < min) || (max && text > max)) return 'FORM_DATE_RANGE';
      break;
    }
    case 'select':
      if (!(field.enum ?? []).includes(text)) return 'FORM_OPTION';
      break;
    case 'region': {
      if (!/^\d{6}$/.test(text)) return 'FORM_REGION';
      if (options.regions) {
        const entry = options.regions.get(text);
        if (!entry || !regionFitsLevel(entry, field['x-regionLevel'] ?? 'county')) return 'FORM_REGION';
      }
      break;
    }
    case 'idCard': {
      const problem = idCardProblem(text, { today: options.today });
      if (problem === 'format') return 'FORM_ID_CARD_FORMAT';
      if (problem === 'birth') return 'FORM_ID_CARD_BIRTH';
      if (problem === 'checksum') return 'FORM_ID_CARD_CHECKSUM';
      break;
    }
    case 'creditCode': {
      const problem = creditCodeProblem(text);
      if (problem === 'format') return 'FORM_CREDIT_CODE_FORMAT';
      if (problem === 'checksum') return 'FORM_CREDIT_CODE_CHECKSUM';
      break;
    }
    case 'phone':
      if (!PHONE.test(text)) return 'FORM_PHONE';
      break;
    case 'email':
      if (text.length > 254 || !EMAIL.test(text)) return 'FORM_EMAIL';
      break;
    case 'attachment':
      if (!UUID.test(text)) return 'FORM_ATTACHMENT';
      break;
    default:
      break;
  }
  if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(text)) return 'FORM_PATTERN';
  return null;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkRows(key: string, field: FieldSchema, rows: unknown[], options: ValidateOptions, out: FormError[]): void {
  const row = field.items as TableRowSchema;
  const max = field.maxItems ?? DEFAULT_MAX_ROWS;
  if (rows.length > max || (field.minItems !== undefined && rows.length < field.minItems)) out.push({ path: key, code: 'FORM_ROWS' });
  rows.slice(0, max).forEach((cells, i) => {
    const at = `${key}[${i}]`;
    if (!isPlainObject(cells)) {
      out.push({ path: at, code: 'FORM_TYPE' });
      return;
    }
    for (const col of Object.keys(cells)) if (!Object.hasOwn(row.properties, col)) out.push({ path: `${at}.${col}`, code: 'FORM_UNKNOWN_FIELD' });
    for (const col of row['x-columns']) {
      const colField = row.properties[col];
      if (!colField) continue;
      checkField(`${at}.${col}`, colField, cells[col], isRequired(row, col), options, out);
    }
  });
}

function checkField(path: string, field: FieldSchema, value: unknown, required: boolean, options: ValidateOptions, out: FormError[]): void {
  if (isEmptyValue(value)) {
    if (required) out.push({ path, code: 'FORM_REQUIRED' });
    // An optional table left empty still has to reach its minimum row count.
    else if (field['x-widget'] === 'table' && (field.minItems ?? 0) > 0 && value !== undefined && value !== null) out.push({ path, code: 'FORM_ROWS' });
    return;
  }
  if (field['x-widget'] === 'table') {
    if (!Array.isArray(value)) out.push({ path, code: 'FORM_TYPE' });
    else checkRows(path, field, value, options, out);
    return;
  }
  const code = checkValue(field, value, options);
  if (code) out.push({ path, code });
}

/**
 * Every problem of the data against the form, in layout order: required fields,
 * types, lengths, patterns, ranges, dates, options, regions, identity numbers
 * with their check characters, table rows, unknown keys. A field hidden by its
 * show-if is neither required nor checked (its value is dropped, see visibleFormData).
 * The same function runs in the browser and on the server.
 */
export function validateFormData(spec: FormSpec, data: unknown, options: ValidateOptions): FormError[] {
  if (!isPlainObject(data)) return [{ path: '', code: 'FORM_TYPE' }];
  const out: FormError[] = [];
  const props = spec.schema.properties;
  for (const key of Object.keys(data)) if (!Object.hasOwn(props, key)) out.push({ path: key, code: 'FORM_UNKNOWN_FIELD' });
  const shown = visibleFields(spec, data);
  for (const entry of spec.layout) {
    if (!('field' in entry) || !shown.has(entry.field)) continue;
    const field = props[entry.field];
    if (field) checkField(entry.field, field, data[entry.field], isRequired(spec.schema, entry.field), options, out);
  }
  return out;
}

function cleanValue(field: FieldSchema, value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(field['x-widget'], value);
  if (field['x-widget'] === 'table' && Array.isArray(value) && field.items) {
    const row = field.items;
    return value.map((cells) => {
      if (!isPlainObject(cells)) return cells;
      const clean: Record<string, unknown> = {};
      for (const col of row['x-columns']) {
        const colField = row.properties[col];
        if (colField && !isEmptyValue(cells[col])) clean[col] = cleanValue(colField, cells[col]);
      }
      return clean;
    });
  }
  return value;
}

/**
 * The data as it is stored: only the fields shown (hidden ones dropped), in
 * layout order, strings trimmed, empty values left out.
 */
export function visibleFormData(spec: FormSpec, data: FormData): FormData {
  const shown = visibleFields(spec, data);
  const out: FormData = {};
  for (const entry of spec.layout) {
    if (!('field' in entry) || !shown.has(entry.field)) continue;
    const field = spec.schema.properties[entry.field];
    const value = data[entry.field];
    if (field && !isEmptyValue(value)) out[entry.field] = cleanValue(field, value);
  }
  return out;
}

/** The path split into name parts for a form library: 'members[2].name' → ['members', 2, 'name']. */
export function pathParts(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return parts;
}

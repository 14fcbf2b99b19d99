import { conditionFields } from './conditions.ts';
import { resolveDateBound } from './validate.ts';
import {
  COLUMN_WIDGETS, FIELD_KEY, WIDGETS, WIDGET_TYPE,
  type Condition, type FieldSchema, type FormSpec, type Widget,
} from './spec.ts';

/** The stable codes of what can be wrong with a form spec. */
export const SPEC_PROBLEM_CODES = [
  'SPEC_SHAPE', 'SPEC_FIELD_KEY', 'SPEC_WIDGET', 'SPEC_TYPE', 'SPEC_TITLE', 'SPEC_KEYWORD',
  'SPEC_LAYOUT', 'SPEC_REQUIRED', 'SPEC_LENGTH', 'SPEC_PATTERN', 'SPEC_RANGE', 'SPEC_DATE_RANGE',
  'SPEC_OPTIONS', 'SPEC_REGION_LEVEL', 'SPEC_SHOW_IF', 'SPEC_COLUMNS', 'SPEC_TOO_LARGE',
] as const;

/** Why a form spec cannot be saved; `field` names the field ('members.idCard' for a column), null for the whole form. */
export interface FormSpecProblem {
  field: string | null;
  code: (typeof SPEC_PROBLEM_CODES)[number];
}

export const MAX_FIELDS = 100;
export const MAX_COLUMNS = 30;

const FIELD_KEYWORDS = new Set([
  'type', 'x-widget', 'title', 'x-titleEn', 'description', 'x-descriptionEn', 'x-placeholder', 'x-showIf',
  'minLength', 'maxLength', 'pattern', 'x-patternHint', 'x-patternHintEn', 'format',
  'enum', 'x-enumTitles', 'x-enumTitlesEn', 'minimum', 'maximum', 'x-minDate', 'x-maxDate', 'x-regionLevel',
  'minItems', 'maxItems', 'items',
]);
const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'x-patternHint', 'x-patternHintEn'];
const WIDGET_KEYWORDS: Partial<Record<Widget, string[]>> = {
  text: STRING_KEYWORDS, textarea: STRING_KEYWORDS, idCard: [], creditCode: [], phone: [], email: ['format'],
  number: ['minimum', 'maximum'], money: ['minimum', 'maximum'], date: ['format', 'x-minDate', 'x-maxDate'],
  select: ['enum', 'x-enumTitles', 'x-enumTitlesEn'], region: ['x-regionLevel'], attachment: ['format'],
  table: ['minItems', 'maxItems', 'items'],
};
const COMMON_KEYWORDS = ['type', 'x-widget', 'title', 'x-titleEn', 'description', 'x-descriptionEn', 'x-placeholder', 'x-showIf'];
const FORMATS: Partial<Record<Widget, string>> = { email: 'email', date: 'date', attachment: 'uuid' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000;

/**
 * A pattern the server can run safely: valid, short, and without a quantified
 * group that itself holds a quantifier (the shape of catastrophic backtracking).
 */
function patternOk(p: unknown): boolean {
  if (typeof p !== 'string' || p.length === 0 || p.length > 200) return false;
  try {
    new RegExp(p, 'u');
  } catch {
    return false;
  }
  return !/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(p);
}

function conditionOk(c: unknown, depth = 0): c is Condition {
  if (!isObject(c) || depth > 4) return false;
  const keys = Object.keys(c).sort().join(',');
  if (keys === 'all' || keys === 'any') {
    const list = c[keys];
    return Array.isArray(list) && list.length > 0 && list.length <= 10 && list.every((x) => conditionOk(x, depth + 1));
  }
  if (keys === 'not') return conditionOk(c.not, depth + 1);
  if (typeof c.field !== 'string') return false;
  const scalar = (v: unknown) => (typeof v === 'string' && v.length <= 200) || (typeof v === 'number' && Number.isFinite(v));
  if (keys === 'equals,field') return scalar(c.equals) || typeof c.equals === 'boolean';
  if (keys === 'field,in') return Array.isArray(c.in) && c.in.length > 0 && c.in.length <= 50 && c.in.every(scalar);
  if (keys === 'field,filled') return typeof c.filled === 'boolean';
  return false;
}

/** Problems of one field (a property or a column). */
function checkField(name: string, f: unknown, inTable: boolean, out: FormSpecProblem[]): void {
  const add = (code: FormSpecProblem['code']): void => void out.push({ field: name, code });
  if (!isObject(f)) return add('SPEC_SHAPE');
  const widget = f['x-widget'] as Widget;
  if (!(WIDGETS as readonly string[]).includes(widget as string) || (inTable && !(COLUMN_WIDGETS as readonly string[]).includes(widget))) return add('SPEC_WIDGET');
  const allowed = new Set([...COMMON_KEYWORDS, ...(WIDGET_KEYWORDS[widget] ?? [])]);
  for (const k of Object.keys(f)) if (!FIELD_KEYWORDS.has(k) || !allowed.has(k)) return add('SPEC_KEYWORD');
  const jsonType = WIDGET_TYPE[widget];
  const typeOk = jsonType === 'number' ? f.type === 'number' || (widget === 'number' && f.type === 'integer') : f.type === jsonType;
  if (!typeOk) add('SPEC_TYPE');
  if (f.format !== undefined && f.format !== FORMATS[widget]) add('SPEC_KEYWORD');
  if (!isText(f.title, 100) || (f.title as string).trim() === '') add('SPEC_TITLE');
  for (const k of ['x-titleEn', 'x-placeholder', 'x-patternHint', 'x-patternHintEn']) if (f[k] !== undefined && !isText(f[k], 200)) add('SPEC_TITLE');
  for (const k of ['description', 'x-descriptionEn']) if (f[k] !== undefined && !isText(f[k], 1000)) add('SPEC_TITLE');
  if (f['x-showIf'] !== undefined && inTable) add('SPEC_SHOW_IF');

  if (f.minLength !== undefined && !isCount(f.minLength)) add('SPEC_LENGTH');
  if (f.maxLength !== undefined && (!isCount(f.maxLength) || (f.maxLength as number) < 1 || (f.maxLength as number) > (widget === 'textarea' ? 10_000 : 2000))) add('SPEC_LENGTH');
  if (isCount(f.minLength) && isCount(f.maxLength) && (f.minLength as number) > (f.maxLength as number)) add('SPEC_LENGTH');
  if (f.pattern !== undefined && !patternOk(f.pattern)) add('SPEC_PATTERN');

  const finite = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
  if (!finite(f.minimum) || !finite(f.maximum)) add('SPEC_RANGE');
  else if (typeof f.minimum === 'number' && typeof f.maximum === 'number' && f.minimum > f.maximum) add('SPEC_RANGE');

  if (widget === 'date') {
    const probe = '2000-01-01';
    const min = f['x-minDate'];
    const max = f['x-maxDate'];
    if ((min !== undefined && (typeof min !== 'string' || !resolveDateBound(min, probe)))
      || (max !== undefined && (typeof max !== 'string' || !resolveDateBound(max, probe)))) add('SPEC_DATE_RANGE');
    else if (typeof min === 'string' && typeof max === 'string' && resolveDateBound(min, probe)! > resolveDateBound(max, probe)!) add('SPEC_DATE_RANGE');
  }
  if (widget === 'select') {
    const values = f.enum;
    const titles = f['x-enumTitles'];
    const titlesEn = f['x-enumTitlesEn'];
    const okList = (l: unknown, n?: number): l is string[] =>
      Array.isArray(l) && l.length > 0 && l.length <= 200 && (n === undefined || l.length === n) && l.every((v) => isText(v, 100) && v.trim() !== '');
    if (!okList(values) || new Set(values).size !== values.length) add('SPEC_OPTIONS');
    else if ((titles !== undefined && !okList(titles, values.length)) || (titlesEn !== undefined && !okList(titlesEn, values.length))) add('SPEC_OPTIONS');
  }
  if (widget === 'region' && f['x-regionLevel'] !== undefined && !['province', 'city', 'county'].includes(f['x-regionLevel'] as string)) add('SPEC_REGION_LEVEL');
  if (widget === 'table') {
    if (!isCount(f.minItems ?? 0) || !isCount(f.maxItems ?? 1) || (f.maxItems as number | undefined) === 0) add('SPEC_RANGE');
    else if (typeof f.minItems === 'number' && typeof f.maxItems === 'number' && f.minItems > f.maxItems) add('SPEC_RANGE');
    const row = f.items;
    if (!isObject(row) || row.type !== 'object' || !isObject(row.properties) || !Array.isArray(row['x-columns'])) return add('SPEC_COLUMNS');
    for (const k of Object.keys(row)) if (!['type', 'properties', 'required', 'additionalProperties', 'x-columns'].includes(k)) add('SPEC_KEYWORD');
    if (row.additionalProperties !== undefined && row.additionalProperties !== false) add('SPEC_KEYWORD');
    const columns = row['x-columns'] as unknown[];
    const props = Object.keys(row.properties);
    if (columns.length === 0 || columns.length > MAX_COLUMNS) add('SPEC_COLUMNS');
    if (new Set(columns).size !== columns.length || columns.length !== props.length || !columns.every((c) => typeof c === 'string' && props.includes(c))) add('SPEC_COLUMNS');
    if (row.required !== undefined && (!Array.isArray(row.required) || !row.required.every((r) => typeof r === 'string' && props.includes(r)))) add('SPEC_REQUIRED');
    for (const col of props) {
      if (!FIELD_KEY.test(col)) out.push({ field: `${name}.${col}`, code: 'SPEC_FIELD_KEY' });
      else checkField(`${name}.${col}`, (row.properties as Record<string, unknown>)[col], true, out);
    }
  }
}

/**
 * Every reason a form spec cannot be saved, each naming its field: the shape,
 * known widgets with the JSON type they store, only the keywords validateFormData
 * implements, labels, consistent ranges and options, patterns that compile,
 * show-if conditions over earlier fields, table columns, and a layout that lists
 * every field once. Empty when the spec is sound.
 */
export function checkFormSpec(spec: unknown): FormSpecProblem[] {
  const out: FormSpecProblem[] = [];
  if (!isObject(spec) || !isObject(spec.schema) || !Array.isArray(spec.layout)) return [{ field: null, code: 'SPEC_SHAPE' }];
  const schema = spec.schema;
  if (schema.type !== 'object' || !isObject(schema.properties)) return [{ field: null, code: 'SPEC_SHAPE' }];
  for (const k of Object.keys(schema)) if (!['$schema', 'type', 'properties', 'required', 'additionalProperties'].includes(k)) out.push({ field: null, code: 'SPEC_KEYWORD' });
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) out.push({ field: null, code: 'SPEC_KEYWORD' });
  const props = schema.properties;
  const keys = Object.keys(props);
  if (keys.length > MAX_FIELDS || spec.layout.length > MAX_FIELDS * 2) return [{ field: null, code: 'SPEC_TOO_LARGE' }];
  for (const key of keys) {
    if (!FIELD_KEY.test(key)) out.push({ field: key, code: 'SPEC_FIELD_KEY' });
    else checkField(key, props[key], false, out);
  }
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required)) out.push({ field: null, code: 'SPEC_REQUIRED' });
    else for (const r of schema.required) if (typeof r !== 'string' || !keys.includes(r)) out.push({ field: typeof r === 'string' ? r : null, code: 'SPEC_REQUIRED' });
  }
  // The layout lists every field exactly once; sections carry a title.
  const order: string[] = [];
  for (const entry of spec.layout) {
    if (isObject(entry) && Object.keys(entry).join() === 'field' && typeof entry.field === 'string') {
      if (!keys.includes(entry.field) || order.includes(entry.field)) out.push({ field: entry.field, code: 'SPEC_LAYOUT' });
      else order.push(entry.field);
    } else if (isObject(entry) && isText(entry.section, 100) && (entry.sectionEn === undefined || isText(entry.sectionEn, 100))
      && Object.keys(entry).every((k) => k === 'section' || k === 'sectionEn')) {
      continue;
    } else out.push({ field: null, code: 'SPEC_LAYOUT' });
  }
  for (const key of keys) if (!order.includes(key) && FIELD_KEY.test(key)) out.push({ field: key, code: 'SPEC_LAYOUT' });
  // Show-if reads only fields placed before it, never tables or files: one pass decides visibility, no cycles.
  order.forEach((key, i) => {
    const f = props[key];
    if (!isObject(f) || f['x-showIf'] === undefined) return;
    const cond = f['x-showIf'];
    if (!conditionOk(cond)) return void out.push({ field: key, code: 'SPEC_SHOW_IF' });
    for (const ref of conditionFields(cond)) {
      const target = props[ref];
      const earlier = order.slice(0, i).includes(ref);
      if (!earlier || !isObject(target) || target['x-widget'] === 'table' || target['x-widget'] === 'attachment') {
        out.push({ field: key, code: 'SPEC_SHOW_IF' });
        break;
      }
    }
  });
  return out;
}

/** The spec typed, once checkFormSpec found nothing. */
export function asFormSpec(spec: unknown): FormSpec | null {
  return checkFormSpec(spec).length === 0 ? (spec as FormSpec) : null;
}

export type { FieldSchema };

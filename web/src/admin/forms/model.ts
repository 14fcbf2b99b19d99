// Pure edits of a FormSpec for the designer: add, remove, move, rename fields,
// change a field's type, options as text. The server checks the result again
// (checkFormSpec) when it is saved.
import {
  FIELD_KEY, WIDGET_TYPE, type Condition, type FieldSchema, type FormSpec, type TableRowSchema, type Widget,
} from '../../../../shared/forms';

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A fresh field of a type, keeping its labels and help. */
export function fieldOfWidget(widget: Widget, keep: Pick<FieldSchema, 'title' | 'x-titleEn' | 'description' | 'x-showIf'>): FieldSchema {
  const base: FieldSchema = { type: WIDGET_TYPE[widget] === 'array' ? 'array' : WIDGET_TYPE[widget], 'x-widget': widget, title: keep.title };
  if (keep['x-titleEn']) base['x-titleEn'] = keep['x-titleEn'];
  if (keep.description) base.description = keep.description;
  if (keep['x-showIf']) base['x-showIf'] = keep['x-showIf'];
  if (widget === 'select') Object.assign(base, { enum: ['1', '2'], 'x-enumTitles': ['选项一', '选项二'] });
  if (widget === 'date') base.format = 'date';
  if (widget === 'email') base.format = 'email';
  if (widget === 'attachment') base.format = 'uuid';
  if (widget === 'table') {
    base.minItems = 1;
    base.items = {
      type: 'object', additionalProperties: false, 'x-columns': ['col1'], required: ['col1'],
      properties: { col1: { type: 'string', 'x-widget': 'text', title: '第一列' } },
    };
  }
  return base;
}

/** A key not yet used in the spec: field1, field2 … */
export function freeKey(taken: Iterable<string>, stem = 'field'): string {
  const used = new Set(taken);
  for (let i = 1; ; i++) if (!used.has(`${stem}${i}`)) return `${stem}${i}`;
}

export function addField(spec: FormSpec, title: string): { spec: FormSpec; key: string } {
  const next = clone(spec);
  const key = freeKey(Object.keys(next.schema.properties));
  next.schema.properties[key] = fieldOfWidget('text', { title });
  next.layout.push({ field: key });
  return { spec: next, key };
}

function dropCondition(cond: Condition | undefined, key: string): boolean {
  if (!cond) return false;
  if ('all' in cond) return cond.all.some((c) => dropCondition(c, key));
  if ('any' in cond) return cond.any.some((c) => dropCondition(c, key));
  if ('not' in cond) return dropCondition(cond.not, key);
  return cond.field === key;
}

/** Removes a field, and the show-if conditions that read it (those fields then always show). */
export function removeField(spec: FormSpec, key: string): FormSpec {
  const next = clone(spec);
  delete next.schema.properties[key];
  next.layout = next.layout.filter((e) => !('field' in e) || e.field !== key);
  next.schema.required = (next.schema.required ?? []).filter((k) => k !== key);
  for (const f of Object.values(next.schema.properties)) if (dropCondition(f['x-showIf'], key)) delete f['x-showIf'];
  return next;
}

export function moveField(spec: FormSpec, key: string, by: -1 | 1): FormSpec {
  const next = clone(spec);
  const i = next.layout.findIndex((e) => 'field' in e && e.field === key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= next.layout.length) return spec;
  [next.layout[i], next.layout[j]] = [next.layout[j]!, next.layout[i]!];
  return next;
}

function renameInCondition(cond: Condition, from: string, to: string): Condition {
  if ('all' in cond) return { all: cond.all.map((c) => renameInCondition(c, from, to)) };
  if ('any' in cond) return { any: cond.any.map((c) => renameInCondition(c, from, to)) };
  if ('not' in cond) return { not: renameInCondition(cond.not, from, to) };
  return cond.field === from ? { ...cond, field: to } : cond;
}

/** Renames a field everywhere (properties, layout, required, show-if); refuses a bad or taken key. */
export function renameField(spec: FormSpec, from: string, to: string): FormSpec | null {
  if (from === to) return spec;
  if (!FIELD_KEY.test(to) || Object.hasOwn(spec.schema.properties, to)) return null;
  const next = clone(spec);
  const props: Record<string, FieldSchema> = {};
  for (const [k, f] of Object.entries(next.schema.properties)) props[k === from ? to : k] = f;
  for (const f of Object.values(props)) if (f['x-showIf']) f['x-showIf'] = renameInCondition(f['x-showIf'], from, to);
  next.schema.properties = props;
  next.layout = next.layout.map((e) => ('field' in e && e.field === from ? { field: to } : e));
  next.schema.required = (next.schema.required ?? []).map((k) => (k === from ? to : k));
  return next;
}

export function setField(spec: FormSpec, key: string, field: FieldSchema): FormSpec {
  const next = clone(spec);
  next.schema.properties[key] = field;
  return next;
}

export function setRequired(schema: { required?: string[] }, key: string, required: boolean): string[] {
  const rest = (schema.required ?? []).filter((k) => k !== key);
  return required ? [...rest, key] : rest;
}

/** "value=label" lines ↔ enum and titles. */
export function optionsText(field: FieldSchema): string {
  return (field.enum ?? []).map((v, i) => `${v}=${field['x-enumTitles']?.[i] ?? v}`).join('\n');
}

export function parseOptions(text: string): { enum: string[]; 'x-enumTitles': string[] } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const values: string[] = [];
  const titles: string[] = [];
  for (const line of lines) {
    const eq = line.indexOf('=');
    const value = (eq < 0 ? line : line.slice(0, eq)).trim();
    const title = (eq < 0 ? line : line.slice(eq + 1)).trim() || value;
    values.push(value);
    titles.push(title);
  }
  return { enum: values, 'x-enumTitles': titles };
}

/** Adds a text column to a table field. */
export function addColumn(row: TableRowSchema, title: string): TableRowSchema {
  const next = clone(row);
  const key = freeKey(next['x-columns'], 'col');
  next.properties[key] = { type: 'string', 'x-widget': 'text', title };
  next['x-columns'].push(key);
  return next;
}

export function removeColumn(row: TableRowSchema, key: string): TableRowSchema {
  const next = clone(row);
  delete next.properties[key];
  next['x-columns'] = next['x-columns'].filter((c) => c !== key);
  next.required = (next.required ?? []).filter((c) => c !== key);
  return next;
}

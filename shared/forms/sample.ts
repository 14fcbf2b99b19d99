import { evaluateCondition } from './conditions.ts';
import { regionFitsLevel, type RegionIndex, type RegionNode } from './regions.ts';
import { resolveDateBound } from './validate.ts';
import { isRequired, type FieldSchema, type FormData, type FormSpec } from './spec.ts';

export interface SampleOptions {
  today: string;
  regions?: RegionIndex;
  /** An upload id for an attachment field at this path; without one the field is left out. */
  attachment?: (path: string) => string | undefined;
  /** Fill optional fields too. */
  all?: boolean;
}

function firstRegion(regions: RegionIndex | undefined, level: 'province' | 'city' | 'county'): string {
  if (!regions) return '110101';
  const find = (nodes: RegionNode[]): string | undefined => {
    for (const [code, , children] of nodes) {
      const entry = regions.get(code)!;
      if (regionFitsLevel(entry, level)) return code;
      const below = children && find(children);
      if (below) return below;
    }
    return undefined;
  };
  return find(regions.tree) ?? '110101';
}

function sampleValue(field: FieldSchema, path: string, options: SampleOptions): unknown {
  switch (field['x-widget']) {
    case 'number': {
      const v = field.minimum ?? Math.min(1, field.maximum ?? 1);
      return field.type === 'integer' ? Math.ceil(v) : v;
    }
    case 'money':
      return Math.min(Math.max(field.minimum ?? 100, 100), field.maximum ?? 100);
    case 'date': {
      const min = field['x-minDate'] && resolveDateBound(field['x-minDate'], options.today);
      const max = field['x-maxDate'] && resolveDateBound(field['x-maxDate'], options.today);
      return min ?? max ?? options.today;
    }
    case 'select':
      return field.enum?.[0];
    case 'region':
      return firstRegion(options.regions, field['x-regionLevel'] ?? 'county');
    case 'idCard':
      return '11010519491231002X';
    case 'creditCode':
      return '91350100M000100Y43';
    case 'phone':
      return '13800138000';
    case 'email':
      return 'applicant@example.com';
    case 'attachment':
      return options.attachment?.(path);
    case 'table': {
      const row = field.items!;
      const rows = Math.max(field.minItems ?? 1, 1);
      return Array.from({ length: rows }, (_, i) => {
        const cells: FormData = {};
        for (const col of row['x-columns']) {
          const colField = row.properties[col]!;
          if (options.all || isRequired(row, col)) cells[col] = sampleValue(colField, `${path}[${i}].${col}`, options);
        }
        return cells;
      });
    }
    default: {
      const text = '测试内容填写';
      const min = field.minLength ?? 0;
      return text.padEnd(min, '内').slice(0, field.maxLength ?? 200);
    }
  }
}

/**
 * Data that satisfies the form: every required field that is shown (and with
 * `all`, every field), in layout order. Patterns are not reverse-engineered:
 * a pattern field gets its `x-placeholder` when it has one.
 */
export function sampleFormData(spec: FormSpec, options: SampleOptions): FormData {
  const data: FormData = {};
  for (const entry of spec.layout) {
    if (!('field' in entry)) continue;
    const field = spec.schema.properties[entry.field];
    if (!field) continue;
    if (field['x-showIf'] && !evaluateCondition(field['x-showIf'], data)) continue;
    if (!options.all && !isRequired(spec.schema, entry.field)) continue;
    const value = field.pattern && field['x-placeholder'] ? field['x-placeholder'] : sampleValue(field, entry.field, options);
    if (value !== undefined) data[entry.field] = value;
  }
  return data;
}

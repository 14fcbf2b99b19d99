import { isEmptyValue, type Condition, type FormData, type FormSpec } from './spec.ts';

/** Whether a show-if condition holds over the (visible) values. */
export function evaluateCondition(cond: Condition, values: FormData): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, values));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, values));
  if ('not' in cond) return !evaluateCondition(cond.not, values);
  const v = values[cond.field];
  if ('filled' in cond) return isEmptyValue(v) !== cond.filled;
  if ('in' in cond) return (typeof v === 'string' || typeof v === 'number') && cond.in.includes(v);
  return v === cond.equals;
}

/** The fields a condition reads. */
export function conditionFields(cond: Condition): string[] {
  if ('all' in cond) return cond.all.flatMap(conditionFields);
  if ('any' in cond) return cond.any.flatMap(conditionFields);
  if ('not' in cond) return conditionFields(cond.not);
  return [cond.field];
}

/**
 * The keys of the fields shown for these values. A condition only reads fields
 * earlier in the layout (checkFormSpec enforces it), so one pass in layout order
 * decides; a hidden field counts as empty for the conditions after it.
 */
export function visibleFields(spec: FormSpec, data: FormData): Set<string> {
  const shown = new Set<string>();
  const seen: FormData = {};
  for (const entry of spec.layout) {
    if (!('field' in entry)) continue;
    const field = spec.schema.properties[entry.field];
    if (!field) continue;
    const cond = field['x-showIf'];
    if (!cond || evaluateCondition(cond, seen)) {
      shown.add(entry.field);
      seen[entry.field] = data[entry.field];
    }
  }
  return shown;
}

import type { FormField } from '../catalog/index.ts';

/** Case status. `refused`, `approved` and `denied` are final (办结). */
export type CaseStatus = 'submitted' | 'accepted' | 'refused' | 'approved' | 'denied';

export const FINAL_STATUSES: readonly CaseStatus[] = ['refused', 'approved', 'denied'];

/** The calendar day in China (UTC+8, no DST) of an instant, as YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * 办件编号: date, department code, four-digit running number of that
 * department on that day, e.g. 20261128-SCJG-0007. Readable over the phone
 * and sortable by day.
 */
export function formatCaseNo(day: string, deptCode: string, seq: number): string {
  return `${day.replaceAll('-', '')}-${deptCode}-${String(seq).padStart(4, '0')}`;
}

export { newQueryCode } from '../../platform/query-code.ts';

export interface FieldProblem {
  key: string;
  problem: 'required' | 'type' | 'too_long' | 'unknown_field';
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks form data against the item's fields: required fields present,
 * values of the right type, no unknown keys. Returns every problem at once.
 */
export function checkForm(fields: readonly FormField[], data: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(data)) if (!known.has(key)) problems.push({ key, problem: 'unknown_field' });
  for (const f of fields) {
    const raw = data[f.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (f.required) problems.push({ key: f.key, problem: 'required' });
      continue;
    }
    if (f.type === 'number') {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) problems.push({ key: f.key, problem: 'type' });
      continue;
    }
    if (typeof raw !== 'string') {
      problems.push({ key: f.key, problem: 'type' });
      continue;
    }
    if (raw.length > (f.type === 'textarea' ? 2000 : 200)) problems.push({ key: f.key, problem: 'too_long' });
    else if (f.type === 'phone' && !PHONE.test(raw)) problems.push({ key: f.key, problem: 'type' });
    else if (f.type === 'date' && (!DATE.test(raw) || Number.isNaN(Date.parse(raw)))) problems.push({ key: f.key, problem: 'type' });
  }
  return problems;
}

import type { FormField } from '../catalog/index.ts';
import { AppError } from '../../platform/errors.ts';

/** Case status. `refused`, `approved` and `denied` are final (办结). */
export type CaseStatus = 'submitted' | 'supplement_requested' | 'accepted' | 'refused' | 'approved' | 'denied';

/**
 * Every command that changes a case, with the states it may start from and
 * the state it leaves (`null`: the status stays, the clock or the checklist
 * moves). 行政许可法 第三十二条: an application is accepted, refused, or told
 * once what to correct; 第四十二条 and 第四十五条: an accepted case's limit is
 * extended or paused; it concludes with a decision. Every command checks its
 * move here (`assertCaseMove`) under the case lock before it writes.
 */
export const CASE_MOVES = {
  /** 受理, 容缺受理, and 视为受理 when the five days pass. */
  accept: { from: ['submitted'], to: 'accepted' },
  /** 即办件当场办结: accepted and approved at the window at once. */
  concludeAtWindow: { from: ['submitted'], to: 'approved' },
  /** 不予受理, also of an application waiting for its correction. */
  refuse: { from: ['submitted', 'supplement_requested'], to: 'refused' },
  /** 一次性告知: what to correct, once. */
  requestSupplement: { from: ['submitted'], to: 'supplement_requested' },
  /** 补正: the applicant's corrected materials send it back to intake. */
  supplement: { from: ['supplement_requested'], to: 'submitted' },
  /** The material checklist (预审), while the application waits at intake. */
  checkMaterials: { from: ['submitted', 'supplement_requested'], to: null },
  /** A process step, and the decision when the process ends (准予 / 不予). */
  decide: { from: ['accepted'], to: ['approved', 'denied'] },
  /** 暂停计时 (第四十五条). */
  pause: { from: ['accepted'], to: null },
  /** 延长期限 (第四十二条). */
  extend: { from: ['accepted'], to: null },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | readonly CaseStatus[] | null }>;

export type CaseMove = keyof typeof CASE_MOVES;

/** Whether a case in `status` may take `move`. */
export function canMoveCase(status: string, move: CaseMove): boolean {
  return (CASE_MOVES[move].from as readonly string[]).includes(status);
}

/** CASE_STATE_CONFLICT (with the status found) unless a case in `status` may take `move`. */
export function assertCaseMove(status: string, move: CaseMove): void {
  if (!canMoveCase(status, move)) throw new AppError('CASE_STATE_CONFLICT', { status });
}

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

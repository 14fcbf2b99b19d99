/**
 * 行政许可法 第四十二条: a decision is due within 20 days of acceptance; when it
 * cannot be made in time, the agency head may approve one extension of 10 days,
 * with the reason told to the applicant. Unified, joint or centralized handling
 * (第二十六条) has 45 days, extendable once by 15 days with the approval of the
 * head of the people's government at that level. Days are working days (第八十二条).
 */
import { AppError } from '../../platform/errors.ts';

export type Handling = 'single' | 'joint';

/** Who approved an extension, in the law's terms; callers map their users to these. */
export type ApproverRole = 'agency_head' | 'government_head';

export interface ExtensionRule {
  legalWorkdays: number;
  maxWorkdays: number;
  approverRole: ApproverRole;
}

export const EXTENSION_RULES: Record<Handling, ExtensionRule> = {
  single: { legalWorkdays: 20, maxWorkdays: 10, approverRole: 'agency_head' },
  joint: { legalWorkdays: 45, maxWorkdays: 15, approverRole: 'government_head' },
};

export interface Extension {
  workdays: number;
  approverRole: string;
  /** Told to the applicant in writing. */
  reason: string;
}

/**
 * Refuses an extension the law does not allow, with a coded error: a second
 * one, one beyond the maximum, one approved by the wrong role, one without a
 * reason. Returns the rule that allowed it.
 */
export function checkExtension(handling: Handling, previous: readonly Extension[], next: Extension): ExtensionRule {
  const rule = EXTENSION_RULES[handling];
  if (!rule) throw new AppError('CALENDAR_ARGUMENT_INVALID', { handling });
  if (previous.length > 0) throw new AppError('CALENDAR_EXTENSION_REPEATED', { previous: previous.length });
  if (!Number.isInteger(next.workdays) || next.workdays < 1) throw new AppError('CALENDAR_LIMIT_INVALID', { workdays: next.workdays });
  if (next.workdays > rule.maxWorkdays) {
    throw new AppError('CALENDAR_EXTENSION_TOO_LONG', { workdays: next.workdays, max: rule.maxWorkdays, handling });
  }
  if (next.approverRole !== rule.approverRole) {
    throw new AppError('CALENDAR_EXTENSION_WRONG_ROLE', { role: next.approverRole, required: rule.approverRole });
  }
  if (!next.reason || next.reason.trim() === '') throw new AppError('CALENDAR_EXTENSION_REASON_REQUIRED');
  return rule;
}

/** Checks a whole list of extensions as if granted one after another. */
export function checkExtensions(handling: Handling, extensions: readonly Extension[]): number {
  let total = 0;
  extensions.forEach((e, i) => {
    checkExtension(handling, extensions.slice(0, i), e);
    total += e.workdays;
  });
  return total;
}

import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';

/** News and disclosures are written by administrators; managers may read the drafts too. */
export function assertCanEditArticles(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
}
export function assertCanReadAllArticles(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'manager') throw new AppError('FORBIDDEN');
}

/** Drafts, ratings and "my" consultations belong to applicants. */
export function assertApplicant(actor: Actor): void {
  if (actor.role !== 'applicant') throw new AppError('FORBIDDEN');
}

const DEPARTMENT_STAFF = ['approver', 'agency_head', 'clerk'] as const;

/**
 * Which departments' consultations and complaints a staff member sees:
 * every department for the center's managers and administrators, their own
 * for approvers, agency heads and clerks of a department; none otherwise.
 * Returns 'all', a department id, or throws FORBIDDEN.
 */
export function messageScope(actor: Actor): 'all' | string {
  if (actor.role === 'manager' || actor.role === 'admin') return 'all';
  if ((DEPARTMENT_STAFF as readonly string[]).includes(actor.role) && actor.departmentId) return actor.departmentId;
  throw new AppError('FORBIDDEN');
}

/** Answering: the department's own staff, or a center manager; administrators only read. */
export function canAnswerMessage(actor: Actor, departmentId: string): boolean {
  if (actor.role === 'manager') return true;
  return (DEPARTMENT_STAFF as readonly string[]).includes(actor.role) && actor.departmentId === departmentId;
}

/**
 * Who reads a rating (好差评). Ratings are secret from the rated: "中心办理人员
 * 不能够在自己的计算机上看到来办人员的评议意见" — only the supervision office
 * (supervisor) and the center's leadership (manager) read them, besides the
 * applicant their own. Everyone who handles cases — clerks, approvers,
 * agency and government heads — and administrators (who run the system, not
 * the evaluation) may not. 'forbidden' is decided by role alone, so it tells
 * nothing about the case; 'hidden' is an applicant asking about another's case.
 */
export function ratingAccess(actor: Actor, c: { applicantId: string } | undefined): 'allowed' | 'hidden' | 'forbidden' {
  switch (actor.role) {
    case 'applicant':
      return c && actor.id === c.applicantId ? 'allowed' : 'hidden';
    case 'supervisor':
    case 'manager':
      return c ? 'allowed' : 'hidden';
    default:
      return 'forbidden';
  }
}

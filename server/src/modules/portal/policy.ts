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

/** Who may read a case's rating besides its applicant: center-wide staff, and the case's department. */
export function canReadRating(actor: Actor, c: { applicantId: string; departmentId: string }): boolean {
  switch (actor.role) {
    case 'applicant':
      return actor.id === c.applicantId;
    case 'clerk':
    case 'manager':
    case 'admin':
    case 'government_head':
      return true;
    case 'approver':
    case 'agency_head':
      return actor.departmentId === c.departmentId;
    default:
      return false;
  }
}

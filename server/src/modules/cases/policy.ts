import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The facts about a case that decide who may see it. */
export interface CaseAccessFacts {
  applicantId: string;
  departmentId: string;
  /** Departments holding a task on the case. */
  taskDepartmentIds: readonly string[];
  /** The person holds or held a step of the case themselves (转办 / 委派 / 加签 to them, claimed, handed over) or was sent a copy (抄送). */
  personallyInvolved?: boolean;
}

/**
 * Who may read a case: its applicant; window clerks, managers and admins of
 * the center; approvers of the item's department or of a department with a
 * task on it, and anyone a step of it was given to in person or copied to. Supervisors read the event stream, not the approval record.
 */
export function canReadCase(actor: Actor, c: CaseAccessFacts): boolean {
  switch (actor.role) {
    case 'applicant':
      return actor.id === c.applicantId;
    case 'clerk':
    case 'manager':
    case 'admin':
      return true;
    case 'government_head':
      return true;
    case 'approver':
    case 'agency_head':
      return c.personallyInvolved === true || (actor.departmentId !== null && (actor.departmentId === c.departmentId || c.taskDepartmentIds.includes(actor.departmentId)));
    default:
      return false;
  }
}

/** Throws CASE_NOT_FOUND (not FORBIDDEN) so that case ids cannot be probed. */
export function assertCanReadCase(actor: Actor, c: CaseAccessFacts | undefined): asserts c is CaseAccessFacts {
  if (!c || !canReadCase(actor, c)) throw new AppError('CASE_NOT_FOUND');
}

import type { Actor, Role } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The facts about a case that decide who may see it. */
export interface CaseAccessFacts {
  applicantId: string;
  departmentId: string;
  /** Departments holding a task on the case. */
  taskDepartmentIds: readonly string[];
  /** The person holds or held a step of the case themselves (转办 / 委派 / 加签 to them, claimed, handed over). */
  holdsStep?: boolean;
  /** The person was sent a copy (抄送) of the case. */
  copied?: boolean;
}

/** Approvers and agency heads of the case's department or of a department with a step on it. */
function ofCaseDepartments(actor: Actor, c: CaseAccessFacts): boolean {
  return actor.departmentId !== null && (actor.departmentId === c.departmentId || c.taskDepartmentIds.includes(actor.departmentId));
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
      return c.holdsStep === true || c.copied === true || ofCaseDepartments(actor, c);
    default:
      return false;
  }
}

/** Throws CASE_NOT_FOUND (not FORBIDDEN) so that case ids cannot be probed. */
export function assertCanReadCase(actor: Actor, c: CaseAccessFacts | undefined): asserts c is CaseAccessFacts {
  if (!c || !canReadCase(actor, c)) throw new AppError('CASE_NOT_FOUND');
}

/** The facts about one step (task) of a case that decide who may act on it besides the engine's own handler rules. */
export interface StepAccessFacts {
  case: CaseAccessFacts;
  /**
   * The departments the step belongs to: its candidate departments; for a
   * step given to people (加签 of a person, a user assignee), the departments
   * of those people.
   */
  departmentIds: readonly string[];
}

/** A step of a case the person may not read is reported missing (TASK_NOT_FOUND), like the case itself. */
export function assertCanSeeStep(actor: Actor, step: StepAccessFacts | undefined): asserts step is StepAccessFacts {
  if (!step || !canReadCase(actor, step.case)) throw new AppError('TASK_NOT_FOUND');
}

/**
 * 催办 is supervision of a step, not a colleague's nudge: the center's
 * managers (and administrators) urge any step, an agency head the steps of
 * their own department. Approvers never do — least of all another
 * department's, whose urge would also use up the hourly allowance
 * (URGE_THROTTLED) that the manager's own urge needs.
 */
export function canUrgeStep(actor: Actor, step: StepAccessFacts): boolean {
  if (actor.role === 'manager' || actor.role === 'admin') return true;
  return actor.role === 'agency_head' && actor.departmentId !== null && step.departmentIds.includes(actor.departmentId);
}

/**
 * 抄送 widens who reads a case, so only those answerable for it send copies:
 * managers and administrators, and approvers and agency heads of the case's
 * departments or holding a step of it in person. Someone who reads the case
 * only because they were sent a copy may not copy it onward.
 */
export function canCopyCase(actor: Actor, c: CaseAccessFacts): boolean {
  if (actor.role === 'manager' || actor.role === 'admin') return true;
  if (actor.role !== 'approver' && actor.role !== 'agency_head') return false;
  return c.holdsStep === true || ofCaseDepartments(actor, c);
}

/** A copy goes to staff who will read it: not applicants, and not supervisors, who read the event stream rather than the approval record. */
export function canReceiveCopy(role: Role): boolean {
  return role !== 'applicant' && role !== 'supervisor';
}

/**
 * 转办 hands a step over for good, so it stays in the department that is
 * answerable for it: only to an approver or the agency head of one of the
 * step's departments (both decide its steps). Across departments the tools are 加签 (another
 * department's opinion) and 委派 (help, the step coming back).
 */
export function canTakeOverStep(person: { role: Role; departmentId: string | null }, step: Pick<StepAccessFacts, 'departmentIds'>): boolean {
  if (!decides(person)) return false;
  return person.departmentId !== null && step.departmentIds.includes(person.departmentId);
}

const decides = (person: { role: Role }): boolean => (STEP_DECIDER_ROLES as readonly Role[]).includes(person.role);

/** A step a handover would move: its departments, and whether the person leaving holds it only as delegate (委派). */
export interface HandedOverStep {
  departmentIds: readonly string[];
  asDelegate: boolean;
}

/**
 * 工作交接 follows 转办's rule step by step: each step goes to an approver or
 * the agency head of its department, never to another department or to
 * someone who does not decide steps (a supervisor, a manager). A step the
 * person holds only as delegate (委派: their department was asked to help)
 * may also go to a colleague of their department, who helps in their place.
 */
export function canReceiveHandover(to: { role: Role; departmentId: string | null }, from: { departmentId: string | null }, step: HandedOverStep): boolean {
  if (canTakeOverStep(to, step)) return true;
  return step.asDelegate && decides(to) && from.departmentId !== null && to.departmentId === from.departmentId;
}

/** Who took part in a case at its start: the applicant's account, the clerk who registered it at the window, the clerk who accepted it. */
export interface CaseParties {
  applicantId: string | null;
  submittedBy: string | null;
  acceptedBy: string | null;
}

/**
 * 申请人/受理人回避 (issue 14): where the case's item separates duties
 * (`parties` given; null when it does not), nobody handles an approval step of
 * a case they applied for, registered at the window or accepted — the one who
 * takes a case in is not the one who decides it. They may still hand a step
 * they hold to someone else (转办, 委派, 退回签收), and nobody may hand one to them.
 */
export function mustRecuse(personId: string, parties: CaseParties | null): boolean {
  return parties !== null && [parties.applicantId, parties.submittedBy, parties.acceptedBy].includes(personId);
}

/** The step operations that handle (办理) a step, refused to a person who must recuse themselves. */
export const HANDLING_OPERATIONS = ['claim', 'complete', 'return', 'resolve'] as const;

/** Who decides (审批决定) a step the engine lets them handle: its department's approvers and agency head (部门负责人, who may take a step of theirs into their own hands). */
export const STEP_DECIDER_ROLES = ['approver', 'agency_head'] as const satisfies readonly Role[];

/**
 * Who sees which cards. Supervisors (监察人员) work every card. The center's
 * admin and manager do not supervise themselves: like any staff member they
 * see only the cards about their own steps. A department head (agency_head)
 * sees the cards about their department and may appeal them. Investigations
 * (notes, evidence, the attached approval events) are for supervisors only.
 */
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/context.ts';
import type { MoveActor } from './lifecycle.ts';

export type CardScope =
  | { kind: 'all' }
  | { kind: 'department'; departmentId: string }
  | { kind: 'own'; userId: string };

export function isSupervisor(actor: Actor): boolean {
  return actor.role === 'supervisor';
}

/** The cards an actor may read; FORBIDDEN for applicants and a head with no department. */
export function cardScope(actor: Actor): CardScope {
  if (isSupervisor(actor)) return { kind: 'all' };
  // The audit and security administrators hold no cases, so no cards (三员分立); applicants never see them.
  if (actor.role === 'applicant' || actor.role === 'audit_admin' || actor.role === 'security_admin') throw new AppError('FORBIDDEN');
  if (actor.role === 'agency_head') {
    if (!actor.departmentId) throw new AppError('FORBIDDEN');
    return { kind: 'department', departmentId: actor.departmentId };
  }
  return { kind: 'own', userId: actor.id };
}

/** Whether a card is within the scope. */
export function inScope(scope: CardScope, card: { department_id: string | null; assignee_id: string | null }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'department') return card.department_id === scope.departmentId;
  return card.assignee_id === scope.userId;
}

/** The actor as the lifecycle rules see them, or null when they may move no card. */
export function moveActor(actor: Actor): MoveActor | null {
  if (isSupervisor(actor)) return { id: actor.id, kind: 'supervisor', departmentId: null };
  if (actor.role === 'agency_head') return { id: actor.id, kind: 'department_head', departmentId: actor.departmentId };
  return null;
}

/** Only supervisors read and change the rules. */
export function authorizeRules(actor: Actor): void {
  if (!isSupervisor(actor)) throw new AppError('FORBIDDEN');
}

import type { Queryable } from '../../platform/db/pool.ts';
import type { TaskRow } from '../workflow/index.ts';
import type { Role } from '../../platform/http/context.ts';
import { accountsOfDepartments, accountsWithRoles } from '../iam/index.ts';
import { departmentsByCodes } from '../catalog/index.ts';
import type { Recipient } from './outbox.ts';

/** Accounts as recipients. */
export function users(ids: readonly string[]): Recipient[] {
  return ids.map((userId) => ({ userId }));
}

/** The accounts a step's candidates reach: users by id, or a department's or role's people (iam). */
export async function candidates(q: Queryable, kind: unknown, values: unknown): Promise<string[]> {
  const list = Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
  if (kind === 'user') return list;
  if (kind === 'role') return list.length ? accountsWithRoles(q, list as Role[]) : [];
  // The engine's rules name departments by code; their people are iam's.
  if (kind === 'department') return accountsOfDepartments(q, [...(await departmentsByCodes(q, list)).values()].map((d) => d.id));
  return [];
}

/**
 * Who holds an open step now: the delegate while it is delegated (委派), else
 * its assignee or whoever claimed it, else everyone it is offered to.
 */
export async function stepHolders(q: Queryable, task: TaskRow): Promise<string[]> {
  if (task.status === 'delegated' && task.delegate) return [task.delegate];
  const holder = task.assignee ?? task.claimed_by;
  return holder ? [holder] : candidates(q, task.candidate_kind, task.candidate_values);
}

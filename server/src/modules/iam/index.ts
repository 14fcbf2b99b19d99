/**
 * The iam module's public face: who people are and how to reach them. Other
 * modules read accounts only through these functions.
 */
import type { Queryable } from '../../platform/db/pool.ts';
import type { Role } from '../../platform/http/context.ts';
import type { Language } from './language.ts';
import { holdsDuty } from './person-roles.ts';

export { normaliseMobile, isMainlandMobile, maskPhone, maskEmail } from './phone.ts';
/** The languages a person may prefer (`zh`, the default, or `en`). */
export { LANGUAGES, type Language } from './language.ts';

/** How to reach a person: their mobile (validated when stored) and e-mail, if any. */
export interface PersonContact {
  id: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  phone: string | null;
  email: string | null;
  /** The language they read their notifications in. */
  language: Language;
}

/** The contacts of these accounts (disabled accounts are left out). */
export async function contactsOf(q: Queryable, ids: readonly string[]): Promise<Map<string, PersonContact>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<PersonContact>(
    `SELECT id, display_name AS "displayName", role, department_id AS "departmentId", phone, email, language
       FROM users WHERE id = ANY($1::uuid[]) AND NOT disabled`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The active staff of these departments (by id) a step offered to them
 * reaches. A department's approvers are its handlers; a department with none
 * reaches all its staff, so nobody's step goes unannounced.
 */
export async function accountsOfDepartments(q: Queryable, departmentIds: readonly string[]): Promise<string[]> {
  if (departmentIds.length === 0) return [];
  const { rows } = await q.query<{ id: string; approver: boolean }>(
    `SELECT id, ${holdsDuty("'{approver}'::text[]")} AS approver FROM users
      WHERE department_id = ANY($1::uuid[]) AND NOT disabled AND role <> 'applicant' ORDER BY id`,
    [[...new Set(departmentIds)]],
  );
  const approvers = rows.filter((r) => r.approver);
  return (approvers.length ? approvers : rows).map((r) => r.id);
}

/** Active accounts holding one of these duties (as their main role or beside it), optionally only of one department. */
export async function accountsWithRoles(q: Queryable, roles: readonly Role[], departmentId?: string | null): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM users WHERE ${holdsDuty('$1::text[]')} AND NOT disabled AND ($2::uuid IS NULL OR department_id = $2) ORDER BY id`,
    [[...roles], departmentId ?? null],
  );
  return rows.map((r) => r.id);
}

/** A person's own mobile and e-mail, validated. */
export { updateOwnContact } from './contact.ts';

export { removeEndedSessions } from './sessions.ts';
/** Sign-in, accounts, own sessions and contact routes. */
export { registerIamRoutes } from './routes.ts';
/** The access gate, the resource tree's seed and the administration of roles and resources (issue 14). */
export { registerAccess } from './access-routes.ts';
/** argon2id password hashes (demo accounts are created with them). */
export { hashPassword } from './passwords.ts';
/** Whether an account of this name exists (the start banner lists the demo logins only then). */
export { accountExists } from './queries.ts';
/** The service window a clerk sits at, if any. */
export { windowOf } from './queries.ts';
/** The department of each of these accounts (disabled ones too: a finished step keeps its holder's department). */
export { accountDepartments } from './queries.ts';
/** Display names of accounts by id, disabled ones too. */
export { displayNames } from './queries.ts';
/** Active staff by display name (pickers, transfer and handover checks); the department-name read the composition root hands to iam's routes. */
export { activeStaff, type StaffMember, type DepartmentNameOf } from './queries.ts';
/** Staff accounts as the administrator keeps them: list, create, change, deactivate (never delete). */
export {
  listStaff, findStaff, createStaff, updateStaff, setStaffActive, resetStaffSecondFactor, staffSchema, staffCreateSchema, staffUpdateSchema, STAFF_ROLES,
  type Staff, type StaffCreate, type StaffUpdate,
} from './staff.ts';
/** The one account an install without demo data starts from. */
export { ensureFirstAdmin, FIRST_ADMIN_USERNAME, type FirstAdmin } from './first-admin.ts';
/** A role record by its code (the organisation's import gives people roles by code). */
export { roleByCode } from './access-admin.ts';
/** Sessions and staff identities as the single sign-on provider (modules/sso) sees them. */
export {
  liveSessionOfToken, existingSessionIds, endSessionOfToken, activeStaffIdentity, activeStaffByUsername, type LiveSession, type StaffIdentity,
} from './single-sign-on.ts';

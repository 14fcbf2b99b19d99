import { z } from 'zod';
import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor, Role } from '../../platform/http/context.ts';
import { roleSchema } from './schemas.ts';
import { assertStrongPassword } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { removeSecondFactor } from './second-factor.ts';
import { removeAllSecurityKeys } from './webauthn.ts';
import { roleByCode } from './access-admin.ts';
import { assertRolesFit, setExtraRoles } from './person-roles.ts';

/**
 * Staff accounts as the administrator keeps them (issue #14): name, role,
 * center, department, window, phone and status. People are deactivated, never
 * deleted, so every case, step and event keeps naming who acted. The caller
 * checks the placement against the organisation (catalog) in the same
 * transaction; this file keeps the rules about the accounts themselves.
 */

export const staffRoleSchema = roleSchema.exclude(['applicant']);

export const staffFields = {
  displayName: z.string().trim().min(1).max(50),
  role: staffRoleSchema,
  /** The person's role record (角色管理), built on `role`; left out or null: the built-in role `role` itself. */
  roleCode: z.string().max(40).nullable().optional(),
  centerId: z.uuid(),
  departmentId: z.uuid().nullable(),
  windowId: z.uuid().nullable(),
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/).nullable(),
  /** Must sign in with an authenticator app as well (两步验证); left as it is when absent. */
  secondFactorRequired: z.boolean().optional(),
  /**
   * Roles held beside the main one (兼任角色), acted in one at a time (the
   * person switches in the header); left as they are when absent.
   */
  extraRoleCodes: z.array(z.string().max(40)).max(10).optional(),
};
export const staffUpdateSchema = z.object(staffFields);
export const staffCreateSchema = z.object({
  ...staffFields,
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/),
  // Checked by the password policy (staff: 12 characters and more), with its own codes.
  initialPassword: z.string().min(1).max(128),
});
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;
export type StaffCreate = z.infer<typeof staffCreateSchema>;

export const staffSchema = z.object({
  // No center yet: the first administrator of an install without demo data, before they make one.
  id: z.uuid(), username: z.string(), ...staffFields, centerId: z.uuid().nullable(), phone: z.string().nullable(), status: z.enum(['active', 'disabled']),
  secondFactorRequired: z.boolean(), secondFactorEnrolled: z.boolean(), extraRoleCodes: z.array(z.string()),
});
export type Staff = z.infer<typeof staffSchema>;

const STAFF_COLUMNS = `id, username, display_name AS "displayName", role, COALESCE(role_code, role) AS "roleCode", center_id AS "centerId", department_id AS "departmentId",
  window_id AS "windowId", phone, CASE WHEN disabled THEN 'disabled' ELSE 'active' END AS status,
  second_factor_required AS "secondFactorRequired",
  (EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = users.id AND t.confirmed_at IS NOT NULL)
   OR EXISTS (SELECT 1 FROM webauthn_credentials c WHERE c.user_id = users.id)) AS "secondFactorEnrolled",
  COALESCE((SELECT array_agg(ur.role_code ORDER BY ur.role_code COLLATE "C") FROM user_roles ur WHERE ur.user_id = users.id), '{}') AS "extraRoleCodes"`;

/** Every staff account (disabled ones too), optionally of one center, by name. */
export async function listStaff(q: Queryable, filter: { centerId?: string | undefined } = {}): Promise<Staff[]> {
  const { rows } = await q.query<Staff>(
    `SELECT ${STAFF_COLUMNS} FROM users WHERE role <> 'applicant' AND ($1::uuid IS NULL OR center_id = $1) ORDER BY display_name, username`,
    [filter.centerId ?? null],
  );
  return rows;
}

/** One staff account (locked when `lock`), or STAFF_NOT_FOUND. */
export async function findStaff(q: Queryable, id: string, lock = false): Promise<Staff> {
  const { rows } = await q.query<Staff>(`SELECT ${STAFF_COLUMNS} FROM users WHERE id = $1 AND role <> 'applicant'${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!rows[0]) throw new AppError('STAFF_NOT_FOUND');
  return rows[0];
}

/**
 * The role record to store for a person (null: the built-in role of their
 * duty): it must be enabled and built on the duty given (STAFF_ROLE_INVALID).
 */
async function roleRecordOf(q: Queryable, s: Pick<StaffUpdate, 'role' | 'roleCode'>): Promise<string | null> {
  if (!s.roleCode || s.roleCode === s.role) return null;
  const record = await roleByCode(q, s.roleCode);
  if (record.base !== s.role) throw new AppError('STAFF_ROLE_INVALID', { role: s.role, reason: 'role_record_base', base: record.base });
  return record.builtin ? null : record.code;
}

/**
 * An administrator never leaves the system without one: the last active
 * administrator can be neither demoted nor deactivated (STAFF_LAST_ADMIN).
 */
async function assertAnotherAdmin(q: Queryable, leaving: string): Promise<void> {
  // Locks the administrators' rows, so two demotions at once cannot both pass.
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1 FOR UPDATE`, [leaving]);
  if (rows.length === 0) throw new AppError('STAFF_LAST_ADMIN');
}

/** Creates a staff account with its initial password (the staff policy applies); USERNAME_UNAVAILABLE when the name is taken. */
export async function createStaff(tx: Queryable, input: StaffCreate, now: Date): Promise<Staff> {
  assertStrongPassword(input.initialPassword, input.username, input.role);
  const roleCode = await roleRecordOf(tx, input);
  const extras = await assertRolesFit(tx, { mainCode: roleCode ?? input.role, extraCodes: input.extraRoleCodes ?? [], departmentId: input.departmentId });
  const hash = await hashPassword(input.initialPassword);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO users (username, password_hash, display_name, role, center_id, department_id, window_id, phone, second_factor_required, role_code)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (lower(username)) DO NOTHING RETURNING id`,
    [input.username, hash, input.displayName, input.role, input.centerId, input.departmentId, input.windowId, input.phone, input.secondFactorRequired ?? false, roleCode],
  );
  if (!rows[0]) throw new AppError('USERNAME_UNAVAILABLE');
  await setExtraRoles(tx, rows[0].id, extras, now);
  return findStaff(tx, rows[0].id);
}

/**
 * Changes a staff account's name, role, placement and phone. Nobody changes
 * their own role (STAFF_OWN_ACCOUNT): a role is given by someone else.
 */
export async function updateStaff(tx: Queryable, actor: Actor, id: string, input: StaffUpdate, now: Date): Promise<{ before: Staff; after: Staff }> {
  const before = await findStaff(tx, id, true);
  const roleCode = await roleRecordOf(tx, input);
  const extras = await assertRolesFit(tx, { mainCode: roleCode ?? input.role, extraCodes: input.extraRoleCodes ?? before.extraRoleCodes, departmentId: input.departmentId });
  // 三员分立: nobody changes their own roles, built-in or record, main or held beside it.
  const ownRolesChanged = input.role !== before.role || (roleCode ?? input.role) !== before.roleCode || extras.join() !== before.extraRoleCodes.join();
  if (id === actor.id && ownRolesChanged) throw new AppError('STAFF_OWN_ACCOUNT', { reason: 'own_role' });
  if (before.role === 'admin' && input.role !== 'admin' && before.status === 'active') await assertAnotherAdmin(tx, id);
  await tx.query(
    `UPDATE users SET display_name = $2, role = $3, center_id = $4, department_id = $5, window_id = $6, phone = $7,
            second_factor_required = COALESCE($8, second_factor_required), role_code = $9 WHERE id = $1`,
    [id, input.displayName, input.role, input.centerId, input.departmentId, input.windowId, input.phone, input.secondFactorRequired ?? null, roleCode],
  );
  await setExtraRoles(tx, id, extras, now);
  return { before, after: await findStaff(tx, id) };
}

/**
 * Deactivates (or reactivates) a staff account. Deactivation ends the
 * person's sessions at once; nobody deactivates themselves (STAFF_OWN_ACCOUNT),
 * nor the last administrator. The caller makes sure no open step is left
 * with the person (the handover moves them first).
 */
export async function setStaffActive(tx: Queryable, actor: Actor, id: string, active: boolean): Promise<{ staff: Staff; sessionsEnded: number }> {
  const before = await findStaff(tx, id, true);
  if (!active && id === actor.id) throw new AppError('STAFF_OWN_ACCOUNT', { reason: 'own_deactivation' });
  if (!active && before.role === 'admin' && before.status === 'active') await assertAnotherAdmin(tx, id);
  await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, !active]);
  const ended = active ? 0 : (await tx.query('DELETE FROM sessions WHERE user_id = $1', [id])).rowCount ?? 0;
  return { staff: await findStaff(tx, id), sessionsEnded: ended };
}

/** The roles a staff member may be given (every role but the citizen's). */
export const STAFF_ROLES: readonly Role[] = staffRoleSchema.options;

/**
 * An administrator's reset of someone's second factor (a lost phone and lost
 * recovery codes, a lost security key): the authenticator, codes and keys go, and the person's sessions
 * end; one the administrator requires it of enrols again at the next sign-in.
 */
export async function resetStaffSecondFactor(tx: Queryable, id: string): Promise<{ staff: Staff; sessionsEnded: number }> {
  await findStaff(tx, id, true);
  const removedApp = await removeSecondFactor(tx, id);
  if (!(await removeAllSecurityKeys(tx, id)) && !removedApp) throw new AppError('SECOND_FACTOR_NOT_ENABLED');
  const ended = (await tx.query('DELETE FROM sessions WHERE user_id = $1', [id])).rowCount ?? 0;
  return { staff: await findStaff(tx, id), sessionsEnded: ended };
}

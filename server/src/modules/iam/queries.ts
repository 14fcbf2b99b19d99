import type { Queryable } from '../../platform/db/pool.ts';
import type { Role } from '../../platform/http/context.ts';
import type { z } from 'zod';
import type { userSchema } from './schemas.ts';
import { heldRoles, holdsDuty } from './person-roles.ts';

export type UserView = z.infer<typeof userSchema>;

/**
 * The name of a department by id. The departments are the catalogue's, and
 * the catalogue calls iam, so the composition root hands this read in.
 */
export type DepartmentNameOf = (q: Queryable, id: string) => Promise<string | null>;

/**
 * A person as they see themselves: the role they act in (`acting`: the
 * session's, after 切换角色; left out: their main role, as a new session starts)
 * and every role they may switch to.
 */
export async function findUserView(
  db: Queryable, id: string, departmentName: DepartmentNameOf, acting?: { role: Role; roleCode: string },
): Promise<UserView | undefined> {
  const { rows } = await db.query<Omit<UserView, 'departmentName' | 'roles'>>(
    `SELECT id, username, display_name AS "displayName", role, COALESCE(role_code, role) AS "roleCode", department_id AS "departmentId", language
       FROM users WHERE id = $1`,
    [id],
  );
  const u = rows[0];
  if (!u) return undefined;
  const roles = u.role === 'applicant' ? [] : await heldRoles(db, id);
  return {
    ...u, ...(acting ? { role: acting.role, roleCode: acting.roleCode } : {}), roles,
    departmentName: u.departmentId ? await departmentName(db, u.departmentId) : null,
  };
}

/** A staff account as the workbench's pickers and checks see it. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
}

/** Active staff (no applicants, no disabled accounts) by display name; only these ids, roles or departments when given. */
export async function activeStaff(
  q: Queryable, only: { ids?: readonly string[]; roles?: readonly Role[]; departmentIds?: readonly string[] } = {},
): Promise<StaffMember[]> {
  const { rows } = await q.query<StaffMember>(
    `SELECT id, display_name AS "displayName", role, department_id AS "departmentId" FROM users
      WHERE role <> 'applicant' AND NOT disabled
        AND ($1::uuid[] IS NULL OR id = ANY($1)) AND ($2::text[] IS NULL OR ${holdsDuty('$2::text[]')}) AND ($3::uuid[] IS NULL OR department_id = ANY($3))
      ORDER BY display_name`,
    [only.ids ? [...new Set(only.ids)] : null, only.roles ? [...only.roles] : null, only.departmentIds ? [...new Set(only.departmentIds)] : null],
  );
  return rows;
}

export async function accountExists(q: Queryable, username: string): Promise<boolean> {
  const { rowCount } = await q.query('SELECT 1 FROM users WHERE username = $1', [username]);
  return (rowCount ?? 0) > 0;
}

export async function windowOf(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ window_id: string | null }>('SELECT window_id FROM users WHERE id = $1', [userId]);
  return rows[0]?.window_id ?? null;
}

export async function accountDepartments(q: Queryable, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; department_id: string | null }>('SELECT id, department_id FROM users WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.department_id]));
}

/** Display names of these accounts by id, disabled ones too (a record keeps who made it). */
export async function displayNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

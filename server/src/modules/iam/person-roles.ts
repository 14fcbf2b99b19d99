import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import type { Actor, Role } from '../../platform/http/context.ts';

/**
 * Roles matched to people and departments (角色管理: 角色与人员、部门的匹配,
 * issue 14). A person has a main role (users.role, users.role_code) and may
 * hold others beside it (user_roles); a session acts in one at a time
 * (sessions.acting_role), so every rule still reads one duty and one data
 * scope per request. A role may be matched to departments (role_departments):
 * then only people of those departments hold it.
 */

/** SQL: the `users` row holds one of these duties, as its main role or an enabled role beside it (user_roles). */
export const holdsDuty = (duties: string): string =>
  `(users.role = ANY(${duties}) OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.code = ur.role_code
      WHERE ur.user_id = users.id AND r.enabled AND r.base = ANY(${duties})))`;

/** 三员分立: whoever holds one of these duties holds no role of another duty. */
const SEPARATED_DUTIES: ReadonlySet<Role> = new Set(['admin', 'audit_admin', 'security_admin']);
/** Duties that decide a department's steps: their holder belongs to a department. */
const DEPARTMENT_DUTIES: ReadonlySet<Role> = new Set(['approver', 'agency_head']);

interface RoleFacts {
  code: string;
  base: Role;
  enabled: boolean;
  departmentIds: string[];
}

async function roleFacts(q: Queryable, codes: readonly string[]): Promise<Map<string, RoleFacts>> {
  const { rows } = await q.query<RoleFacts>(
    `SELECT r.code, r.base, r.enabled,
            COALESCE((SELECT array_agg(rd.department_id) FROM role_departments rd WHERE rd.role_id = r.id), '{}') AS "departmentIds"
       FROM roles r WHERE r.code = ANY($1::text[])`,
    [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/**
 * Checks the roles a person is to hold (their main role's code and the others)
 * against their department, and answers the others to store: sorted, without
 * the main one or repeats. Refuses a role that is unknown or disabled
 * (ROLE_NOT_FOUND), the citizen's role (STAFF_ROLE_INVALID), an approver's or
 * agency head's duty without a department (STAFF_ROLE_INVALID), a separated
 * duty beside another (STAFF_ROLES_SEPARATED), and a role matched to other
 * departments (ROLE_DEPARTMENT_MISMATCH).
 */
export async function assertRolesFit(
  q: Queryable, person: { mainCode: string; extraCodes: readonly string[]; departmentId: string | null },
): Promise<string[]> {
  const extras = [...new Set(person.extraCodes)].filter((c) => c !== person.mainCode).sort();
  const facts = await roleFacts(q, [person.mainCode, ...extras]);
  const main = facts.get(person.mainCode);
  if (!main) throw new AppError('ROLE_NOT_FOUND', { code: person.mainCode });
  for (const code of extras) {
    const f = facts.get(code);
    if (!f || !f.enabled) throw new AppError('ROLE_NOT_FOUND', { code });
    if (f.base === 'applicant') throw new AppError('STAFF_ROLE_INVALID', { role: f.base, reason: 'applicant' });
  }
  const held = [main, ...extras.map((c) => facts.get(c)!)];
  const duties = new Set(held.map((f) => f.base));
  if (duties.size > 1 && [...duties].some((d) => SEPARATED_DUTIES.has(d))) {
    throw new AppError('STAFF_ROLES_SEPARATED', { duties: [...duties].sort() });
  }
  for (const f of held) {
    if (DEPARTMENT_DUTIES.has(f.base) && !person.departmentId) throw new AppError('STAFF_ROLE_INVALID', { role: f.base, reason: 'department_required' });
    if (f.departmentIds.length > 0 && (!person.departmentId || !f.departmentIds.includes(person.departmentId))) {
      throw new AppError('ROLE_DEPARTMENT_MISMATCH', { code: f.code });
    }
  }
  return extras;
}

/** Stores the roles a person holds beside the main one (already checked by `assertRolesFit`). */
export async function setExtraRoles(tx: Queryable, userId: string, codes: readonly string[], now: Date): Promise<void> {
  await tx.query('DELETE FROM user_roles WHERE user_id = $1 AND NOT (role_code = ANY($2::text[]))', [userId, [...codes]]);
  if (codes.length === 0) return;
  await tx.query(
    `INSERT INTO user_roles (user_id, role_code, granted_at) SELECT $1, c, $3 FROM unnest($2::text[]) AS c ON CONFLICT DO NOTHING`,
    [userId, [...codes], now],
  );
}

/** A role a person may act in, as the header's switch shows it. */
export interface HeldRole {
  code: string;
  name: string;
  nameEn: string;
  base: Role;
  /** The person's main role (the one a new session starts in). */
  main: boolean;
}

/** The enabled roles a person holds: the main one first, then the others in the roles' order. */
export async function heldRoles(q: Queryable, userId: string): Promise<HeldRole[]> {
  const { rows } = await q.query<HeldRole>(
    `SELECT r.code, r.name, r.name_en AS "nameEn", r.base, true AS main, -1 AS o, r.code AS c
       FROM users u JOIN roles r ON r.code = COALESCE(u.role_code, u.role) WHERE u.id = $1
     UNION ALL
     SELECT r.code, r.name, r.name_en, r.base, false, r.sort_order, r.code
       FROM user_roles ur JOIN roles r ON r.code = ur.role_code AND r.enabled WHERE ur.user_id = $1
     ORDER BY o, c`,
    [userId],
  );
  return rows.map(({ code, name, nameEn, base, main }) => ({ code, name, nameEn, base, main }));
}

/**
 * Switches the role a session acts in (切换角色): to the person's main role or
 * one they hold beside it (ROLE_NOT_HELD otherwise). `session.role_switched`; answers the role.
 */
export async function switchActingRole(tx: Tx, actor: Actor, sessionId: string, now: Date, code: string): Promise<HeldRole> {
  const role = (await heldRoles(tx, actor.id)).find((r) => r.code === code);
  if (!role) throw new AppError('ROLE_NOT_HELD', { code });
  await tx.query('UPDATE sessions SET acting_role = $2 WHERE id = $1 AND user_id = $3', [sessionId, role.main ? null : role.code, actor.id]);
  await appendEvent(tx, {
    type: 'session.role_switched', actor: { id: actor.id, role: actor.role }, occurredAt: now,
    payload: { userId: actor.id, from: actor.roleCode, to: role.code, duty: role.base },
  });
  return role;
}

/** A staff member as the role's page lists them (角色人员匹配): whether and how they hold the role. */
export interface RolePerson {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  /** The duty of their main role. */
  duty: Role;
  /** `main`: their main role (changed on the staff page); `extra`: held beside it; null: not held. */
  holds: 'main' | 'extra' | null;
}

/** Every active staff member, by name, each with how they hold this role. */
export async function rolePeople(q: Queryable, code: string): Promise<RolePerson[]> {
  const { rows } = await q.query<RolePerson>(
    `SELECT u.id, u.username, u.display_name AS "displayName", u.department_id AS "departmentId", u.role AS duty,
            CASE WHEN COALESCE(u.role_code, u.role) = $1 THEN 'main'
                 WHEN EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role_code = $1) THEN 'extra' END AS holds
       FROM users u
      WHERE NOT u.disabled AND u.role <> 'applicant'
      ORDER BY u.display_name, u.username`,
    [code],
  );
  return rows;
}

/**
 * Sets who holds a role beside their main one (角色人员匹配), from the role's
 * page: each person added is checked as the staff page checks them
 * (`assertRolesFit`); people whose main role it is stay. Nobody changes their
 * own roles (STAFF_OWN_ACCOUNT). Answers who was added and who removed.
 */
export async function setRoleHolders(
  tx: Tx, actor: Actor, now: Date, code: string, userIds: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const wanted = new Set(userIds);
  const { rows: current } = await tx.query<{ user_id: string }>('SELECT user_id FROM user_roles WHERE role_code = $1 FOR UPDATE', [code]);
  const had = new Set(current.map((r) => r.user_id));
  const { rows: people } = await tx.query<{ id: string; main_code: string; department_id: string | null; extras: string[] }>(
    `SELECT u.id, COALESCE(u.role_code, u.role) AS main_code, u.department_id,
            COALESCE((SELECT array_agg(ur.role_code) FROM user_roles ur WHERE ur.user_id = u.id), '{}') AS extras
       FROM users u WHERE u.id = ANY($1::uuid[]) AND NOT u.disabled AND u.role <> 'applicant' FOR UPDATE OF u`,
    [[...new Set([...wanted, ...had])]],
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const added = [...wanted].filter((id) => !had.has(id) && byId.get(id)?.main_code !== code).sort();
  const removed = [...had].filter((id) => !wanted.has(id)).sort();
  for (const id of [...added, ...removed]) {
    const person = byId.get(id);
    if (!person) throw new AppError('STAFF_NOT_FOUND', { id });
    if (id === actor.id) throw new AppError('STAFF_OWN_ACCOUNT', { reason: 'own_role' });
    const extras = added.includes(id) ? [...person.extras, code] : person.extras.filter((c) => c !== code);
    await setExtraRoles(tx, id, await assertRolesFit(tx, { mainCode: person.main_code, extraCodes: extras, departmentId: person.department_id }), now);
  }
  if (added.length || removed.length) {
    await appendEvent(tx, { type: 'access.role_holders_set', actor: { id: actor.id, role: actor.role }, occurredAt: now, payload: { code, added, removed } });
  }
  return { added, removed };
}

/**
 * Matches a role to departments (empty: any). Refused while someone holding
 * it works in another department (ROLE_DEPARTMENT_MISMATCH, with how many):
 * give them another role first.
 */
export async function setRoleDepartments(tx: Queryable, roleId: string, code: string, departmentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(departmentIds)];
  if (ids.length > 0) {
    const { rows } = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users u
        WHERE NOT u.disabled AND (u.department_id IS NULL OR NOT (u.department_id = ANY($2::uuid[])))
          AND (COALESCE(u.role_code, u.role) = $1 OR EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role_code = $1))`,
      [code, ids],
    );
    if (rows[0]!.n > 0) throw new AppError('ROLE_DEPARTMENT_MISMATCH', { code, people: rows[0]!.n });
  }
  await tx.query('DELETE FROM role_departments WHERE role_id = $1 AND NOT (department_id = ANY($2::uuid[]))', [roleId, ids]);
  await tx.query(
    'INSERT INTO role_departments (role_id, department_id) SELECT $1, d FROM unnest($2::uuid[]) AS d ON CONFLICT DO NOTHING',
    [roleId, ids],
  );
}

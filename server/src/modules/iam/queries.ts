import type { Queryable } from '../../platform/db/pool.ts';
import type { z } from 'zod';
import type { userSchema } from './schemas.ts';

export type UserView = z.infer<typeof userSchema>;

export async function findUserView(db: Queryable, id: string): Promise<UserView | undefined> {
  const { rows } = await db.query(
    `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.department_id AS "departmentId", d.name AS "departmentName", u.language
       FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = $1`,
    [id],
  );
  return rows[0] as UserView | undefined;
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

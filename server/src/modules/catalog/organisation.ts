import { z } from 'zod';
import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The organisation the catalogue hangs on (issue #14): centers in three levels
 * (三级部署: 市 → 县/区 → 乡镇/街道), their departments (with sub-units) and their
 * windows (number, name, hall position, the items each takes in). Nothing is
 * deleted: cases, items and people refer to these rows, so departments and
 * windows are disabled instead.
 */

export const CENTER_LEVELS = ['city', 'county', 'township'] as const;
export type CenterLevel = (typeof CENTER_LEVELS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const centerInputSchema = z.object({
  code: z.string().trim().regex(/^[A-Z0-9-]{2,32}$/),
  name: text(100),
  level: z.enum(CENTER_LEVELS),
  parentId: z.uuid().nullable(),
  phone: optionalText(40),
  address: optionalText(200),
  sortOrder: z.number().int().min(0).max(9999),
});
export type CenterInput = z.infer<typeof centerInputSchema>;

export const departmentInputSchema = z.object({
  centerId: z.uuid(),
  // The code is part of every case number of the department (cases.case_no).
  code: z.string().trim().regex(/^[A-Z]{2,8}$/),
  name: text(100),
  parentId: z.uuid().nullable(),
  sortOrder: z.number().int().min(0).max(9999),
  enabled: z.boolean(),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export const windowInputSchema = z.object({
  centerId: z.uuid(),
  code: z.string().trim().regex(/^[A-Za-z0-9-]{1,16}$/),
  name: text(100),
  departmentId: z.uuid().nullable(),
  hallPosition: z.string().trim().max(100),
  phone: optionalText(40),
  itemIds: z.array(z.uuid()).max(500),
  enabled: z.boolean(),
});
export type WindowInput = z.infer<typeof windowInputSchema>;

export const centerSchema = centerInputSchema.extend({ id: z.uuid(), code: z.string() });
export const departmentSchema = departmentInputSchema.extend({ id: z.uuid(), code: z.string() });
export const windowSchema = windowInputSchema.extend({ id: z.uuid(), code: z.string() });
export const organisationSchema = z.object({ centers: z.array(centerSchema), departments: z.array(departmentSchema), windows: z.array(windowSchema) });
export type Organisation = z.infer<typeof organisationSchema>;

const CENTER_COLUMNS = `id, code, name, level, parent_id AS "parentId", phone, address, sort_order AS "sortOrder"`;
const DEPARTMENT_COLUMNS = `id, center_id AS "centerId", code, name, parent_id AS "parentId", sort_order AS "sortOrder", enabled`;
const WINDOW_COLUMNS = `w.id, w.center_id AS "centerId", w.code, w.name, w.department_id AS "departmentId", w.hall_position AS "hallPosition",
  w.phone, w.enabled, coalesce((SELECT array_agg(wi.item_id ORDER BY wi.item_id) FROM window_items wi WHERE wi.window_id = w.id), '{}') AS "itemIds"`;

/** Every center, department and window, in their listed order (the admin console builds the tree). */
export async function organisation(q: Queryable): Promise<Organisation> {
  const [centers, departments, windows] = await Promise.all([
    q.query<Organisation['centers'][number]>(`SELECT ${CENTER_COLUMNS} FROM centers ORDER BY sort_order, created_at`),
    q.query<Organisation['departments'][number]>(`SELECT ${DEPARTMENT_COLUMNS} FROM departments ORDER BY sort_order, code`),
    q.query<Organisation['windows'][number]>(`SELECT ${WINDOW_COLUMNS} FROM windows w ORDER BY w.code`),
  ]);
  return { centers: centers.rows, departments: departments.rows, windows: windows.rows };
}

const levelBelow = (level: CenterLevel): CenterLevel | null => CENTER_LEVELS[CENTER_LEVELS.indexOf(level) + 1] ?? null;

/** The center and every center above it, nearest first. */
async function centerAncestry(q: Queryable, centerId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `WITH RECURSIVE t AS (SELECT id, parent_id, 0 AS depth FROM centers WHERE id = $1
       UNION SELECT c.id, c.parent_id, t.depth + 1 FROM centers c JOIN t ON c.id = t.parent_id WHERE t.depth < 10)
     SELECT id FROM t ORDER BY depth`,
    [centerId],
  );
  return rows.map((r) => r.id);
}

/**
 * Writes one row of `table` (UPDATE when `id` is given, INSERT otherwise) from
 * column names and values, and returns its id; a unique code already taken
 * answers `taken`. The names are this file's constants, never input.
 */
async function writeRow(
  tx: Queryable, table: 'centers' | 'departments' | 'windows', id: string | null, fields: Record<string, unknown>,
  taken: 'CENTER_CODE_TAKEN' | 'DEPARTMENT_CODE_TAKEN' | 'WINDOW_CODE_TAKEN',
): Promise<string> {
  const columns = Object.keys(fields);
  const values = Object.values(fields);
  const written = await (id
    ? tx.query<{ id: string }>(`UPDATE ${table} SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1 RETURNING id`, [id, ...values])
    : tx.query<{ id: string }>(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(',')}) RETURNING id`, values)
  ).catch((err: unknown) => {
    if ((err as { code?: string }).code === '23505') throw new AppError(taken);
    throw err;
  });
  return written.rows[0]!.id;
}

async function lockedRow<T>(q: Queryable, sql: string, id: string, missing: 'CENTER_NOT_FOUND' | 'DEPARTMENT_NOT_FOUND' | 'WINDOW_NOT_FOUND'): Promise<T> {
  const { rows } = await q.query<T & object>(sql, [id]);
  if (!rows[0]) throw new AppError(missing);
  return rows[0];
}

export interface Saved<T> { id: string; before: T | null; after: T }

/**
 * Creates (id null) or changes a center. A root may be of any level; a child
 * is exactly one level below its parent, and its own children one below it;
 * a center cannot move under itself or under one of its own (CENTER_PARENT_CYCLE).
 */
export async function saveCenter(tx: Queryable, id: string | null, input: CenterInput): Promise<Saved<Organisation['centers'][number]>> {
  const before = id ? await lockedRow<Organisation['centers'][number]>(tx, `SELECT ${CENTER_COLUMNS} FROM centers WHERE id = $1 FOR UPDATE`, id, 'CENTER_NOT_FOUND') : null;
  if (input.parentId) {
    const parent = await tx.query<{ level: CenterLevel }>('SELECT level FROM centers WHERE id = $1', [input.parentId]);
    if (!parent.rows[0]) throw new AppError('CENTER_NOT_FOUND', { parentId: input.parentId });
    if (id && (await centerAncestry(tx, input.parentId)).includes(id)) throw new AppError('CENTER_PARENT_CYCLE');
    if (levelBelow(parent.rows[0].level) !== input.level) throw new AppError('CENTER_LEVEL_INVALID', { parentLevel: parent.rows[0].level, level: input.level });
  }
  if (id) {
    const children = await tx.query<{ level: CenterLevel }>('SELECT DISTINCT level FROM centers WHERE parent_id = $1', [id]);
    if (children.rows.some((c) => c.level !== levelBelow(input.level))) throw new AppError('CENTER_LEVEL_INVALID', { level: input.level, children: children.rows.map((c) => c.level) });
  }
  const savedId = await writeRow(tx, 'centers', id, {
    code: input.code, name: input.name, level: input.level, parent_id: input.parentId, phone: input.phone || null, address: input.address || null, sort_order: input.sortOrder,
  }, 'CENTER_CODE_TAKEN');
  const after = (await tx.query<Organisation['centers'][number]>(`SELECT ${CENTER_COLUMNS} FROM centers WHERE id = $1`, [savedId])).rows[0]!;
  return { id: after.id, before, after };
}

/**
 * Creates or changes a department. A parent (科室 under a bureau) is a
 * department of the same center and not the department itself or one below
 * it (DEPARTMENT_PARENT_INVALID). A department moves to another center only
 * without sub-units and windows of its own there.
 */
export async function saveDepartment(tx: Queryable, id: string | null, input: DepartmentInput): Promise<Saved<Organisation['departments'][number]>> {
  const before = id ? await lockedRow<Organisation['departments'][number]>(tx, `SELECT ${DEPARTMENT_COLUMNS} FROM departments WHERE id = $1 FOR UPDATE`, id, 'DEPARTMENT_NOT_FOUND') : null;
  if (!(await tx.query('SELECT 1 FROM centers WHERE id = $1', [input.centerId])).rowCount) throw new AppError('CENTER_NOT_FOUND');
  if (input.parentId) {
    const parent = await tx.query<{ center_id: string }>('SELECT center_id FROM departments WHERE id = $1', [input.parentId]);
    if (parent.rows[0]?.center_id !== input.centerId) throw new AppError('DEPARTMENT_PARENT_INVALID', { parentId: input.parentId });
    if (id && (await departmentSubtree(tx, id)).includes(input.parentId)) throw new AppError('DEPARTMENT_PARENT_INVALID', { parentId: input.parentId });
  }
  if (before && before.centerId !== input.centerId) {
    const attached = await tx.query('SELECT 1 FROM departments WHERE parent_id = $1 UNION ALL SELECT 1 FROM windows WHERE department_id = $1 LIMIT 1', [id]);
    if (attached.rowCount) throw new AppError('DEPARTMENT_PARENT_INVALID', { reason: 'has_sub_units_or_windows' });
  }
  const savedId = await writeRow(tx, 'departments', id, {
    center_id: input.centerId, code: input.code, name: input.name, parent_id: input.parentId, sort_order: input.sortOrder, enabled: input.enabled,
  }, 'DEPARTMENT_CODE_TAKEN');
  const after = (await tx.query<Organisation['departments'][number]>(`SELECT ${DEPARTMENT_COLUMNS} FROM departments WHERE id = $1`, [savedId])).rows[0]!;
  return { id: after.id, before, after };
}

/**
 * Creates or changes a window. Its department is one of its center's
 * (WINDOW_DEPARTMENT_INVALID); it takes in published items of its center's
 * departments or of a center above (代收代办: a station's window takes in a
 * county item, the case going to the county department) — WINDOW_ITEM_INVALID otherwise.
 */
export async function saveWindow(tx: Queryable, id: string | null, input: WindowInput): Promise<Saved<Organisation['windows'][number]>> {
  const before = id ? await lockedRow<Organisation['windows'][number]>(tx, `SELECT ${WINDOW_COLUMNS} FROM windows w WHERE w.id = $1 FOR UPDATE OF w`, id, 'WINDOW_NOT_FOUND') : null;
  if (!(await tx.query('SELECT 1 FROM centers WHERE id = $1', [input.centerId])).rowCount) throw new AppError('CENTER_NOT_FOUND');
  if (input.departmentId) {
    const dept = await tx.query<{ center_id: string }>('SELECT center_id FROM departments WHERE id = $1', [input.departmentId]);
    if (dept.rows[0]?.center_id !== input.centerId) throw new AppError('WINDOW_DEPARTMENT_INVALID', { departmentId: input.departmentId });
  }
  const itemIds = [...new Set(input.itemIds)];
  if (itemIds.length) {
    const reachable = await tx.query<{ id: string }>(
      `SELECT i.id FROM service_items i JOIN departments d ON d.id = i.department_id
        WHERE i.id = ANY($1::uuid[]) AND d.center_id = ANY($2::uuid[])`,
      [itemIds, await centerAncestry(tx, input.centerId)],
    );
    const ok = new Set(reachable.rows.map((r) => r.id));
    const refused = itemIds.filter((x) => !ok.has(x));
    if (refused.length) throw new AppError('WINDOW_ITEM_INVALID', { itemIds: refused });
  }
  const windowId = await writeRow(tx, 'windows', id, {
    center_id: input.centerId, code: input.code, name: input.name, department_id: input.departmentId, hall_position: input.hallPosition,
    phone: input.phone || null, enabled: input.enabled,
  }, 'WINDOW_CODE_TAKEN');
  await tx.query('DELETE FROM window_items WHERE window_id = $1 AND NOT (item_id = ANY($2::uuid[]))', [windowId, itemIds]);
  await tx.query('INSERT INTO window_items (window_id, item_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [windowId, itemIds]);
  const after = (await tx.query<Organisation['windows'][number]>(`SELECT ${WINDOW_COLUMNS} FROM windows w WHERE w.id = $1`, [windowId])).rows[0]!;
  return { id: after.id, before, after };
}

/** The department and every sub-unit below it, with their codes (steps are offered to departments by code). */
export async function departmentSubtree(q: Queryable, departmentId: string): Promise<string[]> {
  return (await departmentScope(q, departmentId)).departmentIds;
}

/** The departments (ids and codes) at and below a department: the data scope "own department and below". */
export async function departmentScope(q: Queryable, departmentId: string): Promise<{ departmentIds: string[]; codes: string[] }> {
  const { rows } = await q.query<{ id: string; code: string }>(
    `WITH RECURSIVE t AS (SELECT id, code FROM departments WHERE id = $1 UNION SELECT d.id, d.code FROM departments d JOIN t ON d.parent_id = t.id) SELECT id, code FROM t`,
    [departmentId],
  );
  return { departmentIds: rows.map((r) => r.id), codes: rows.map((r) => r.code) };
}

/**
 * The departments and windows of a center and every center below it: the
 * data scope "own center and below". `whole` says it spans every center there
 * is (a lone county, the city at the top), so a list needs no filter at all.
 */
export async function centerScope(q: Queryable, centerId: string): Promise<{ departmentIds: string[]; windowIds: string[]; whole: boolean }> {
  // One statement, not four: every staff list asks this first, and each round trip costs the list's node and the database alike.
  const { rows } = await q.query<{ departmentIds: string[]; windowIds: string[]; whole: boolean }>(
    `WITH RECURSIVE t AS (SELECT id FROM centers WHERE id = $1 UNION SELECT c.id FROM centers c JOIN t ON c.parent_id = t.id)
     SELECT ARRAY(SELECT id FROM departments WHERE center_id IN (SELECT id FROM t)) AS "departmentIds",
            ARRAY(SELECT id FROM windows WHERE center_id IN (SELECT id FROM t)) AS "windowIds",
            (SELECT count(*) FROM t) = (SELECT count(*) FROM centers) AS whole`,
    [centerId],
  );
  return rows[0]!;
}

/**
 * Checks where a staff member is placed: an existing center, and a department
 * and window of that center (STAFF_PLACEMENT_INVALID otherwise). A disabled
 * department or window takes nobody new.
 */
export async function checkPlacement(
  q: Queryable, p: { centerId: string; departmentId: string | null; windowId: string | null },
  kept: { departmentId: string | null; windowId: string | null } = { departmentId: null, windowId: null },
): Promise<void> {
  // Someone already in a department or at a window that was disabled since may stay there.
  const { rows } = await q.query<{ center: boolean; dept: boolean; win: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM centers WHERE id = $1) AS center,
            ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM departments WHERE id = $2 AND center_id = $1 AND (enabled OR id = $4))) AS dept,
            ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM windows WHERE id = $3 AND center_id = $1 AND (enabled OR id = $5))) AS win`,
    [p.centerId, p.departmentId, p.windowId, kept.departmentId, kept.windowId],
  );
  const r = rows[0]!;
  if (!r.center || !r.dept || !r.win) throw new AppError('STAFF_PLACEMENT_INVALID', { center: r.center, department: r.dept, window: r.win });
}

import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import type { ItemDetail } from './schemas.ts';

const ITEM_COLUMNS = `i.id, i.code, i.name, i.department_id AS "departmentId", d.name AS "departmentName",
  i.item_type AS "itemType", i.legal_days AS "legalDays", i.promised_days AS "promisedDays", i.limit_unit AS "limitUnit", i.fee`;

export async function listItems(db: Queryable) {
  const { rows } = await db.query(
    `SELECT ${ITEM_COLUMNS} FROM service_items i JOIN departments d ON d.id = i.department_id
      WHERE i.enabled ORDER BY d.sort_order, i.code`,
  );
  return rows;
}

/** The item with its form and materials, or ITEM_NOT_FOUND. */
export async function getItem(db: Queryable, id: string): Promise<ItemDetail> {
  const { rows } = await db.query(
    `SELECT ${ITEM_COLUMNS}, i.legal_basis AS "legalBasis", i.description, i.form_fields AS "formFields"
       FROM service_items i JOIN departments d ON d.id = i.department_id WHERE i.id = $1 AND i.enabled`,
    [id],
  );
  const item = rows[0];
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  const materials = await db.query(
    'SELECT id, name, required, form, copies FROM item_materials WHERE item_id = $1 ORDER BY sort_order, name',
    [id],
  );
  return { ...item, materials: materials.rows } as ItemDetail;
}

export async function getCenter(db: Queryable) {
  const { rows } = await db.query('SELECT name, phone, address FROM centers ORDER BY created_at LIMIT 1');
  return rows[0] ?? { name: '政务服务中心', phone: null, address: null };
}

export async function listDepartments(db: Queryable) {
  const { rows } = await db.query('SELECT id, code, name FROM departments ORDER BY sort_order, code');
  return rows;
}

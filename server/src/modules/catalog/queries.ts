import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import type { ItemDetail } from './schemas.ts';
import { itemFormSpec } from '../forms/index.ts';

/** The row with its form as a FormSpec (`form`), read from form_spec (or the old list when that is null). */
function withForm<T extends { formSpec: unknown; formFields: unknown }>({ formSpec, ...row }: T) {
  const form = itemFormSpec({ form_spec: formSpec, form_fields: row.formFields } as Parameters<typeof itemFormSpec>[0]);
  return { ...row, form: form as unknown as ItemDetail['form'] };
}
import { composeCodes } from './rules.ts';

const ITEM_COLUMNS = `i.id, i.code, i.name, i.department_id AS "departmentId", d.name AS "departmentName",
  i.item_type AS "itemType", i.legal_days AS "legalDays", i.promised_days AS "promisedDays", i.limit_unit AS "limitUnit", i.fee, i.category_id AS "categoryId"`;

/** The enabled (published) items; `categoryIds` keeps those in any of the given categories. */
export async function listItems(db: Queryable, filter: { categoryIds?: string[] } = {}) {
  const { rows } = await db.query(
    `SELECT ${ITEM_COLUMNS} FROM service_items i JOIN departments d ON d.id = i.department_id
      WHERE i.enabled AND ($1::uuid[] IS NULL OR i.category_id = ANY($1::uuid[])) ORDER BY d.sort_order, i.code`,
    [filter.categoryIds ?? null],
  );
  return rows;
}

/** The item with its form and materials, or ITEM_NOT_FOUND. */
export async function getItem(db: Queryable, id: string): Promise<ItemDetail> {
  const { rows } = await db.query(
    `SELECT ${ITEM_COLUMNS}, i.legal_basis AS "legalBasis", i.description, i.form_fields AS "formFields", i.form_spec AS "formSpec",
            i.current_version_id AS "versionId", v.version, cat.name AS "categoryName", i.conditions, i.fee_free AS "feeFree",
            i.fee_items AS "feeItems", i.apply_location AS location, i.apply_hours AS hours, i.contact_phone AS "contactPhone",
            i.complaint_phone AS "complaintPhone", i.allows_deficient_acceptance AS "allowsDeficientAcceptance",
            json_build_object('typeCode', i.code_type, 'mainCode', i.code_main, 'subCode', i.code_sub,
              'implementerCode', i.implementer_code, 'handlingSeq', i.handling_seq) AS "codeParts"
       FROM service_items i JOIN departments d ON d.id = i.department_id
       LEFT JOIN item_versions v ON v.id = i.current_version_id LEFT JOIN item_categories cat ON cat.id = i.category_id
      WHERE i.id = $1 AND i.enabled`,
    [id],
  );
  const item = rows[0];
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  const materials = await db.query(
    `SELECT id, name, required, form, copies, original_or_copy AS "originalOrCopy", requirement, condition_text AS condition, medium,
            sample_upload_id AS "sampleUploadId", elicence_type AS "elicenceType", is_deferrable AS deferrable
       FROM item_materials WHERE item_id = $1 AND NOT retired ORDER BY sort_order, name`,
    [id],
  );
  const codes = composeCodes(item.codeParts);
  return {
    ...withForm(item), materials: materials.rows,
    basicCode: codes.basic, implementationCode: codes.implementation, handlingCode: codes.handling,
  } as ItemDetail;
}

export async function getCenter(db: Queryable) {
  const { rows } = await db.query('SELECT name, phone, address FROM centers ORDER BY created_at LIMIT 1');
  return rows[0] ?? { name: '政务服务中心', phone: null, address: null };
}

export async function listDepartments(db: Queryable) {
  const { rows } = await db.query('SELECT id, code, name FROM departments ORDER BY sort_order, code');
  return rows;
}

/** Materials by id, retired ones too (a case keeps what it was filed with): name and listed order. */
export async function materialsByIds(db: Queryable, ids: readonly string[]): Promise<Map<string, { name: string; sortOrder: number }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; name: string; sortOrder: number }>(
    'SELECT id, name, sort_order AS "sortOrder" FROM item_materials WHERE id = ANY($1::uuid[])', [[...new Set(ids)]],
  );
  return new Map(rows.map(({ id, ...m }) => [id, m]));
}

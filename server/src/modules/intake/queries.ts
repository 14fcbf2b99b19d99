import type { Queryable } from '../../platform/db/pool.ts';
import { formatIsoDate, toShanghai } from '../calendar/index.ts';
import type { ApplicantKind, ItemMaterialFacts, MaterialCheck, PastApplication, ProfileFacts } from './rules.ts';

/** Today in Beijing as YYYY-MM-DD: owed materials fall due by the calendar day. */
export const beijingToday = (now: Date): string => formatIsoDate(toShanghai(now).day);

export interface ApplicantView extends ProfileFacts {
  id: string;
  /** True when the profile belongs to an online account (its cases show under 我的办件). */
  hasAccount: boolean;
  updatedAt: Date;
}

const APPLICANT_COLUMNS = `id, kind, id_number AS "idNumber", name, phone, address, legal_representative AS "legalRepresentative",
  contact_person AS "contactPerson", user_id IS NOT NULL AS "hasAccount", updated_at AS "updatedAt"`;

/** The stored profile of a person or enterprise by its number, if any. */
export async function findApplicant(db: Queryable, kind: ApplicantKind, idNumber: string): Promise<ApplicantView | undefined> {
  const { rows } = await db.query<ApplicantView>(`SELECT ${APPLICANT_COLUMNS} FROM applicants WHERE kind = $1 AND id_number = $2`, [kind, idNumber]);
  return rows[0];
}

/** The applicant's latest applications, newest first (their form data feeds the prefill). */
export async function pastApplications(db: Queryable, applicantId: string, limit = 20): Promise<PastApplication[]> {
  const { rows } = await db.query<PastApplication>(
    `SELECT case_no AS "caseNo", form_data AS "formData" FROM cases WHERE applicant_profile_id = $1 ORDER BY submitted_at DESC LIMIT $2`,
    [applicantId, limit],
  );
  return rows;
}

/** The item's materials with what the checklist and 容缺 rules need. */
export async function itemMaterials(db: Queryable, itemId: string): Promise<ItemMaterialFacts[]> {
  const { rows } = await db.query<ItemMaterialFacts>(
    `SELECT id, name, required, is_deferrable AS deferrable FROM item_materials WHERE item_id = $1 AND NOT retired ORDER BY sort_order, name`,
    [itemId],
  );
  return rows;
}

export interface ChecklistRow extends MaterialCheck {
  name: string;
  required: boolean;
  deferrable: boolean;
  checkedAt: Date | null;
  checkedByName: string | null;
}

/** Every material of the case's item with its check, if checked yet. */
export async function checklistOf(db: Queryable, caseId: string): Promise<ChecklistRow[]> {
  const { rows } = await db.query<ChecklistRow & { status: MaterialCheck['status'] | null }>(
    `SELECT m.id AS "materialId", m.name, m.required, m.is_deferrable AS deferrable,
            k.status, coalesce(k.note, '') AS note, coalesce(k.original_seen, false) AS "originalSeen", coalesce(k.copies, 0) AS copies,
            k.checked_at AS "checkedAt", u.display_name AS "checkedByName"
       FROM cases c JOIN item_materials m ON m.item_id = c.item_id
       LEFT JOIN case_material_checks k ON k.case_id = c.id AND k.material_id = m.id
       LEFT JOIN users u ON u.id = k.checked_by
      WHERE c.id = $1 AND (NOT m.retired OR k.status IS NOT NULL)
      ORDER BY m.sort_order, m.name`,
    [caseId],
  );
  return rows;
}

export interface OwedMaterial {
  materialId: string;
  name: string;
  dueDate: string;
  receivedAt: Date | null;
  overdue: boolean;
}

/** 容缺受理: what the case still owes (and what arrived), with the overdue flag as of `now`. */
export async function owedMaterialsOf(db: Queryable, caseId: string, now: Date): Promise<OwedMaterial[]> {
  const { rows } = await db.query<OwedMaterial>(
    `SELECT material_id AS "materialId", name, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", received_at AS "receivedAt",
            (received_at IS NULL AND due_date < $2::date) AS overdue
       FROM case_owed_materials WHERE case_id = $1 ORDER BY due_date, name`,
    [caseId, beijingToday(now)],
  );
  return rows;
}

export interface OwedListRow extends OwedMaterial {
  caseId: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
}

/** Open owed materials of all cases, the most urgent first (clerks and managers). */
export async function listOwedMaterials(db: Queryable, now: Date, onlyOverdue: boolean): Promise<OwedListRow[]> {
  const { rows } = await db.query<OwedListRow>(
    `SELECT o.case_id AS "caseId", c.case_no AS "caseNo", i.name AS "itemName", c.applicant_name AS "applicantName",
            o.material_id AS "materialId", o.name, to_char(o.due_date, 'YYYY-MM-DD') AS "dueDate", o.received_at AS "receivedAt",
            (o.due_date < $1::date) AS overdue
       FROM case_owed_materials o JOIN cases c ON c.id = o.case_id JOIN service_items i ON i.id = c.item_id
      WHERE o.received_at IS NULL AND ($2::boolean = false OR o.due_date < $1::date)
      ORDER BY o.due_date, c.case_no LIMIT 500`,
    [beijingToday(now), onlyOverdue],
  );
  return rows;
}

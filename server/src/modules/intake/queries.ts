import type { Queryable } from '../../platform/db/pool.ts';
import { formatIsoDate, toShanghai } from '../calendar/index.ts';
import { applicationsOfProfile, caseRefs } from '../cases/index.ts';
import { itemMaterialList, itemNames } from '../catalog/index.ts';
import { displayNames } from '../iam/index.ts';
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
  return applicationsOfProfile(db, applicantId, limit) as Promise<PastApplication[]>;
}

/** The phones on these applicant profiles, by profile id (a walk-in applicant without an account is reached there). */
export async function applicantPhones(db: Queryable, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; phone: string | null }>('SELECT id, phone FROM applicants WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.phone]));
}

/** The item's materials with what the checklist and 容缺 rules need. */
export async function itemMaterials(db: Queryable, itemId: string): Promise<ItemMaterialFacts[]> {
  return (await itemMaterialList(db, itemId)).filter((m) => !m.retired).map(({ retired: _r, ...m }) => m);
}

export interface ChecklistRow extends MaterialCheck {
  name: string;
  required: boolean;
  deferrable: boolean;
  checkedAt: Date | null;
  checkedByName: string | null;
}

/** Every material of the case's item (`itemId`) with its check, if checked yet; a retired material only when it was checked. */
export async function checklistOf(db: Queryable, caseId: string, itemId: string): Promise<ChecklistRow[]> {
  // One after another: `db` may be a transaction's single client.
  const materials = await itemMaterialList(db, itemId);
  const { rows } = await db.query<MaterialCheck & { checkedAt: Date; checkedBy: string | null }>(
    `SELECT material_id AS "materialId", status, note, original_seen AS "originalSeen", copies, checked_at AS "checkedAt", checked_by AS "checkedBy"
       FROM case_material_checks WHERE case_id = $1`,
    [caseId],
  );
  const checks = new Map(rows.map((k) => [k.materialId, k]));
  const names = await displayNames(db, rows.flatMap((k) => (k.checkedBy ? [k.checkedBy] : [])));
  return materials.filter((m) => !m.retired || checks.has(m.id)).map((m) => {
    const k = checks.get(m.id);
    return {
      materialId: m.id, name: m.name, required: m.required, deferrable: m.deferrable,
      // Unchecked: null, as this row has always carried it (callers keep the rows with a status).
      status: k?.status ?? (null as unknown as MaterialCheck['status']), note: k?.note ?? '', originalSeen: k?.originalSeen ?? false, copies: k?.copies ?? 0,
      checkedAt: k?.checkedAt ?? null, checkedByName: (k?.checkedBy && names.get(k.checkedBy)) ?? null,
    };
  });
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

const OWED_LIMIT = 500;

/** Open owed materials of all cases, the most urgent first, then by case number (clerks and managers). */
export async function listOwedMaterials(db: Queryable, now: Date, onlyOverdue: boolean): Promise<OwedListRow[]> {
  // The case number is the cases' column: read every row due no later than the list's last due date (ties in
  // that date may sort either side of the cut), then order by number here and cut.
  const open = `received_at IS NULL AND ($2::boolean = false OR due_date < $1::date)`;
  const { rows } = await db.query<Omit<OwedListRow, 'caseNo' | 'itemName' | 'applicantName'>>(
    `SELECT case_id AS "caseId", material_id AS "materialId", name, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", received_at AS "receivedAt",
            (due_date < $1::date) AS overdue
       FROM case_owed_materials
      WHERE ${open} AND due_date <= coalesce((SELECT due_date FROM case_owed_materials WHERE ${open} ORDER BY due_date OFFSET $3 LIMIT 1), 'infinity')`,
    [beijingToday(now), onlyOverdue, OWED_LIMIT - 1],
  );
  const cases = await caseRefs(db, rows.map((r) => r.caseId));
  const items = await itemNames(db, [...cases.values()].map((c) => c.itemId));
  return rows.map((r) => {
    const c = cases.get(r.caseId)!;
    return { ...r, caseNo: c.caseNo, itemName: items.get(c.itemId)!, applicantName: c.applicantName };
  })
    // Case numbers are ASCII: code-unit order is the database's byte order.
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0))
    .slice(0, OWED_LIMIT);
}

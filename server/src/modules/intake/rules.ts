/**
 * Window intake rules, pure: identity numbers, prefill from the applicant's
 * profile and earlier applications (解决二次录入), the material checklist, and
 * what 容缺受理 and 即办件当场办结 require.
 */
import { isValidCreditCode, isValidIdCard } from '../../../../shared/identity.ts';
import { AppError } from '../../platform/errors.ts';
import type { FormField } from '../catalog/index.ts';

export type ApplicantKind = 'person' | 'enterprise';

/** Upper case without spaces: how numbers are typed, compared and stored. */
export function normaliseNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * A person's resident ID number (GB 11643) or an enterprise's unified social
 * credit code (GB 32100), normalised; INVALID_ID_CARD / INVALID_CREDIT_CODE otherwise.
 * `today` (YYYY-MM-DD, Beijing) bounds the birth date.
 */
export function checkIdentity(kind: ApplicantKind, raw: string, today: string): string {
  const n = normaliseNumber(raw);
  if (kind === 'person' && !isValidIdCard(n, { today })) throw new AppError('INVALID_ID_CARD', { number: n.slice(0, 6) });
  if (kind === 'enterprise' && !isValidCreditCode(n)) throw new AppError('INVALID_CREDIT_CODE');
  return n;
}

export interface ProfileFacts {
  kind: ApplicantKind;
  idNumber: string | null;
  name: string;
  phone: string | null;
  address: string | null;
  legalRepresentative: string | null;
  contactPerson: string | null;
}

/** Form keys the profile answers, by the names the catalogue uses for them. */
function fromProfile(p: ProfileFacts): Record<string, string | null> {
  return {
    applicantName: p.name,
    contactPhone: p.phone,
    phone: p.phone,
    address: p.address,
    idNumber: p.kind === 'person' ? p.idNumber : null,
    creditCode: p.kind === 'enterprise' ? p.idNumber : null,
    legalRepresentative: p.legalRepresentative,
    contactPerson: p.contactPerson,
  };
}

export interface PastApplication {
  caseNo: string;
  formData: Record<string, unknown>;
}

export type PrefillSource = { kind: 'profile' } | { kind: 'case'; caseNo: string };

/**
 * The item's form filled from the profile first, then from the newest earlier
 * application that has a value of the right type for the same key; each
 * value says where it came from.
 */
export function prefill(
  fields: readonly FormField[], profile: ProfileFacts | null, past: readonly PastApplication[],
): { formData: Record<string, string | number>; sources: Record<string, PrefillSource> } {
  const formData: Record<string, string | number> = {};
  const sources: Record<string, PrefillSource> = {};
  const known = profile ? fromProfile(profile) : {};
  for (const f of fields) {
    const p = known[f.key];
    if (p) {
      formData[f.key] = p;
      sources[f.key] = { kind: 'profile' };
      continue;
    }
    for (const a of past) {
      const v = a.formData[f.key];
      const fits = f.type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string' && v.trim() !== '';
      if (fits) {
        formData[f.key] = v as string | number;
        sources[f.key] = { kind: 'case', caseNo: a.caseNo };
        break;
      }
    }
  }
  return { formData, sources };
}

export type CheckStatus = 'received' | 'missing' | 'irregular';

export interface MaterialCheck {
  materialId: string;
  status: CheckStatus;
  note: string;
  originalSeen: boolean;
  copies: number;
}

export interface ItemMaterialFacts {
  id: string;
  name: string;
  required: boolean;
  deferrable: boolean;
}

/** A checklist as saved: known materials, each once, irregular ones with a note. */
export function checkChecklist(materials: readonly ItemMaterialFacts[], checks: readonly MaterialCheck[]): MaterialCheck[] {
  const ids = new Set(materials.map((m) => m.id));
  const seen = new Set<string>();
  return checks.map((c) => {
    if (!ids.has(c.materialId)) throw new AppError('VALIDATION_FAILED', { materialId: c.materialId, reason: 'unknown_material' });
    if (seen.has(c.materialId)) throw new AppError('VALIDATION_FAILED', { materialId: c.materialId, reason: 'duplicate_material' });
    seen.add(c.materialId);
    const note = c.note.trim();
    if (c.status === 'irregular' && !note) throw new AppError('CHECK_NOTE_REQUIRED', { materialId: c.materialId });
    return { ...c, note };
  });
}

/** 即办件当场办结 needs every required material checked and received. */
export function assertChecklistComplete(materials: readonly ItemMaterialFacts[], checks: readonly MaterialCheck[]): void {
  const byId = new Map(checks.map((c) => [c.materialId, c]));
  const open = materials.filter((m) => m.required && byId.get(m.id)?.status !== 'received').map((m) => m.id);
  if (open.length > 0) throw new AppError('CHECKLIST_INCOMPLETE', { materialIds: open });
}

/**
 * 容缺受理: only where the item allows it, only for deferrable materials, and
 * not while the checklist shows a non-deferrable required material missing or
 * irregular (that needs the one-time notice, 第三十二条).
 */
export function assertDeficientAcceptance(
  allowed: boolean, materials: readonly ItemMaterialFacts[], checks: readonly MaterialCheck[], owed: readonly string[],
): ItemMaterialFacts[] {
  if (!allowed) throw new AppError('DEFICIENT_NOT_ALLOWED');
  if (owed.length === 0) throw new AppError('OWED_ITEMS_REQUIRED');
  const byId = new Map(materials.map((m) => [m.id, m]));
  const list: ItemMaterialFacts[] = [];
  for (const id of new Set(owed)) {
    const m = byId.get(id);
    if (!m) throw new AppError('VALIDATION_FAILED', { materialId: id, reason: 'unknown_material' });
    if (!m.deferrable) throw new AppError('MATERIAL_NOT_DEFERRABLE', { materialId: id });
    list.push(m);
  }
  // What the checklist found missing or irregular must be owed, so it can be owed only if deferrable.
  const unlisted = checks
    .filter((c) => c.status !== 'received' && !owed.includes(c.materialId))
    .map((c) => byId.get(c.materialId))
    .filter((m): m is ItemMaterialFacts => Boolean(m?.required));
  const blocking = unlisted.filter((m) => !m.deferrable).map((m) => m.id);
  if (blocking.length > 0) throw new AppError('MATERIAL_NOT_DEFERRABLE', { materialIds: blocking });
  if (unlisted.length > 0) throw new AppError('OWED_ITEMS_REQUIRED', { materialIds: unlisted.map((m) => m.id) });
  return list;
}

/** The one-time notice's lines drafted from the checklist: every missing or irregular material. */
export function noticeDraft(checks: readonly MaterialCheck[]): { materialId: string; problem: 'missing' | 'irregular'; note: string }[] {
  return checks.filter((c) => c.status !== 'received').map((c) => ({ materialId: c.materialId, problem: c.status as 'missing' | 'irregular', note: c.note }));
}

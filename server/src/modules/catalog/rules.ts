import type { z } from 'zod';
import { isDeepStrictEqual } from 'node:util';
import { contentMaterialSchema, itemContentSchema, type CodeParts, type ContentMaterial, type DiffEntry, type Fee, type ItemContent } from './content.ts';
import type { CatalogErrorCode } from './errors.ts';
import { isValidCreditCode } from '../../../../shared/identity.ts';
import { checkFormSpec } from '../../../../shared/forms/index.ts';

/** One problem found in a draft or an import row: where, and its stable code. */
export interface Problem {
  path: string;
  code: CatalogErrorCode;
}

const ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/;
/** Landline with area code and extension, mobile, or a short service number (12345). */
const PHONE = /^(\d{3,4}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|\d{5,6}|400-?\d{3}-?\d{4})$/;
const CODE_PART: Record<keyof CodeParts, RegExp> = {
  typeCode: /^[0-9A-Z]{2}$/,
  mainCode: /^[0-9A-Z]{5,7}$/,
  subCode: /^[0-9A-Z]{3}$/,
  implementerCode: /^[0-9A-HJ-NPQRTUWXY]{18}$/,
  handlingSeq: /^[0-9]{2,3}$/,
};

/** The semantic rules of an item's content (shape is checked by the zod schema first). */
export function checkContent(c: ItemContent): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, code: CatalogErrorCode) => problems.push({ path, code });
  if (!c.code) add('code', 'CATALOG_VALUE_REQUIRED');
  else if (!ITEM_CODE.test(c.code)) add('code', 'ITEM_CODE_INVALID');
  if (!c.name) add('name', 'CATALOG_VALUE_REQUIRED');
  if (c.promisedDays > c.legalDays) add('promisedDays', 'ITEM_LIMITS_INVERTED');
  for (const key of Object.keys(CODE_PART) as (keyof CodeParts)[]) {
    const v = c.codeParts[key];
    if (v !== null && v !== '' && !CODE_PART[key].test(v)) add(`codeParts.${key}`, 'ITEM_CODE_PART_INVALID');
    // The implementer is a legal person: its code carries the GB 32100 check character.
    else if (key === 'implementerCode' && v && !isValidCreditCode(v)) add(`codeParts.${key}`, 'ITEM_CODE_PART_INVALID');
  }
  checkFee(c.fee).forEach((p) => add(`fee.${p}`, 'ITEM_FEE_INVALID'));
  // The form must be one the shared validator can run (forms module, checkFormSpec), named down to the field.
  if (c.formSpec !== null && c.formSpec !== undefined) {
    for (const p of checkFormSpec(c.formSpec)) add(p.field ? `formSpec.${p.field}` : 'formSpec', 'CATALOG_VALUE_INVALID');
  }
  for (const key of ['contactPhone', 'complaintPhone'] as const) {
    if (c[key] && !PHONE.test(c[key])) add(key, 'ITEM_PHONE_INVALID');
  }
  const names = new Set<string>();
  c.materials.forEach((m, i) => {
    const at = `materials.${i}`;
    if (!m.name) add(`${at}.name`, 'CATALOG_VALUE_REQUIRED');
    else if (names.has(m.name)) add(`${at}.name`, 'MATERIAL_NAME_DUPLICATE');
    names.add(m.name);
    if (m.requirement === 'conditional' && !m.condition) add(`${at}.condition`, 'MATERIAL_CONDITION_REQUIRED');
    if (m.deferrable && !c.allowsDeficientAcceptance) add(`${at}.deferrable`, 'MATERIAL_DEFERRABLE_NOT_ALLOWED');
  });
  return problems;
}

function checkFee(fee: Fee): string[] {
  if (fee.free) return fee.items.length > 0 ? ['items'] : [];
  if (fee.items.length === 0) return ['items'];
  const bad: string[] = [];
  fee.items.forEach((f, i) => { if (!f.name || !f.basis) bad.push(`items.${i}`); });
  return bad;
}

/** Zod issues as problems with catalogue codes (missing → required, too long, else invalid). */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], raw: unknown): Problem[] {
  const at = (path: readonly PropertyKey[]) => path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | null | undefined)?.[k], raw);
  return issues.map((i) => ({
    path: i.path.map(String).join('.'),
    code: i.code === 'invalid_type' && at(i.path) === undefined ? 'CATALOG_VALUE_REQUIRED'
      : i.code === 'too_big' && i.origin === 'string' ? 'CATALOG_TEXT_TOO_LONG'
        : 'CATALOG_VALUE_INVALID',
  }));
}

/** The one-line fee text kept on service_items.fee for lists and notices. */
export function feeSummary(fee: Fee): string {
  if (fee.free) return '不收费';
  return fee.items.map((f) => `${f.name} ${formatYuan(f.amount)} 元`).join('；');
}

const formatYuan = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export const MEDIUM_LABEL = { paper: '纸质件', electronic: '电子件', both: '纸质件和电子件' } as const;
export const ORIGINAL_LABEL = { original: '原件', copy: '复印件', both: '原件和复印件' } as const;

/** The code parts composed: 基本编码, 实施编码, 业务办理项编码, each null when a part is missing. */
export function composeCodes(p: CodeParts): { basic: string | null; implementation: string | null; handling: string | null } {
  const basic = p.typeCode && p.mainCode && p.subCode ? `${p.typeCode}${p.mainCode}${p.subCode}` : null;
  const implementation = basic && p.implementerCode ? `${p.implementerCode}${basic}` : null;
  const handling = implementation && p.handlingSeq ? `${implementation}${p.handlingSeq}` : null;
  return { basic, implementation, handling };
}

/** Canonical form: empty code parts as null, so '' and null never differ. */
export function normaliseContent<T extends ItemContent>(c: T): T {
  const parts = Object.fromEntries(Object.entries(c.codeParts).map(([k, v]) => [k, v === '' ? null : v])) as CodeParts;
  return {
    ...c, codeParts: parts, formSpec: c.formSpec ?? null,
    materials: c.materials.map((m) => ({ ...m, elicenceType: m.elicenceType === '' ? null : m.elicenceType })),
  };
}

/**
 * What changed from `a` to `b`: scalar and object elements by path, materials
 * matched by id (else by name), each added, removed or changed field listed.
 */
export function diffContent(a: ItemContent, b: ItemContent): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const key of Object.keys(itemContentSchema.shape) as (keyof ItemContent)[]) {
    if (key === 'materials') continue;
    if (!isDeepStrictEqual(a[key], b[key])) out.push({ path: key, before: a[key] ?? null, after: b[key] ?? null });
  }
  const keyOf = (m: ContentMaterial) => m.id ?? `name:${m.name}`;
  const before = new Map(a.materials.map((m) => [keyOf(m), m]));
  const matched = new Set<string>();
  /** The old materials, in the new order. */
  const kept: ContentMaterial[] = [];
  for (const m of b.materials) {
    const old = before.get(keyOf(m)) ?? a.materials.find((x) => x.name === m.name && !matched.has(keyOf(x)));
    if (!old) { out.push({ path: `materials[${m.name}]`, before: null, after: strip(m) }); continue; }
    matched.add(keyOf(old));
    kept.push(old);
    for (const field of Object.keys(contentMaterialSchema.shape) as (keyof ContentMaterial)[]) {
      if (field === 'id') continue;
      if (!isDeepStrictEqual(old[field], m[field])) out.push({ path: `materials[${old.name}].${field}`, before: old[field] ?? null, after: m[field] ?? null });
    }
  }
  for (const m of a.materials) if (!matched.has(keyOf(m))) out.push({ path: `materials[${m.name}]`, before: strip(m), after: null });
  const order = a.materials.filter((m) => matched.has(keyOf(m))).map((m) => m.name);
  const newOrder = kept.map((m) => m.name);
  if (!isDeepStrictEqual(order, newOrder)) out.push({ path: 'materials.order', before: order, after: newOrder });
  return out;
}

function strip(m: ContentMaterial): Omit<ContentMaterial, 'id'> {
  const { id: _id, ...rest } = m;
  return rest;
}

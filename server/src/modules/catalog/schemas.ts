import { z } from 'zod';
import { formSpecSchema } from '../forms/index.ts';

export const itemTypeSchema = z.enum(['immediate', 'promised', 'joint', 'reported']);

export const formFieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
  label: z.string(),
  type: z.enum(['text', 'textarea', 'number', 'date', 'phone']),
  required: z.boolean(),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const itemSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  itemType: itemTypeSchema,
  legalDays: z.number().int(),
  promisedDays: z.number().int(),
  /** workday (default, 第八十二条), day (natural days) or hour (office hours). */
  limitUnit: z.enum(['workday', 'day', 'hour']),
  fee: z.string(),
  /** 项目分类; null when not assigned. */
  categoryId: z.uuid().nullable(),
});

export const materialSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  required: z.boolean(),
  form: z.string(),
  copies: z.number().int(),
  /** 原件 / 复印件 / 原件和复印件 */
  originalOrCopy: z.enum(['original', 'copy', 'both']),
  /** required, or conditional: needed when `condition` applies */
  requirement: z.enum(['required', 'conditional']),
  condition: z.string(),
  medium: z.enum(['paper', 'electronic', 'both']),
  sampleUploadId: z.uuid().nullable(),
  /** A reusable electronic licence (电子证照) type standing in for it. */
  elicenceType: z.string().nullable(),
  /** May be owed under 容缺受理. */
  deferrable: z.boolean(),
});

export const itemDetailSchema = itemSummarySchema.extend({
  legalBasis: z.string(),
  description: z.string(),
  /** Deprecated: a flat view of `form` for old readers. */
  formFields: z.array(formFieldSchema),
  /** The application form (FormSpec: JSON Schema + layout), validated by shared/forms on both sides. */
  form: formSpecSchema,
  materials: z.array(materialSchema),
  /** The published version a form rendered from this carries back on submission (stale → ITEM_VERSION_STALE). */
  versionId: z.uuid().nullable(),
  version: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  /** 受理条件 */
  conditions: z.string(),
  feeFree: z.boolean(),
  feeItems: z.array(z.object({ name: z.string(), amount: z.number(), basis: z.string() })),
  /** 办理地点 / 办理时间 */
  location: z.string(),
  hours: z.string(),
  contactPhone: z.string(),
  complaintPhone: z.string(),
  allowsDeficientAcceptance: z.boolean(),
  /** 事项编码 parts per GB/T 39554.1 and the codes they compose (null when incomplete). */
  codeParts: z.object({
    typeCode: z.string().nullable(), mainCode: z.string().nullable(), subCode: z.string().nullable(),
    implementerCode: z.string().nullable(), handlingSeq: z.string().nullable(),
  }),
  basicCode: z.string().nullable(),
  implementationCode: z.string().nullable(),
  handlingCode: z.string().nullable(),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const centerSchema = z.object({ name: z.string(), phone: z.string().nullable(), address: z.string().nullable() });
export const departmentSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/** 表单设计器: an item's form with its revision. */
export const formSummarySchema = z.object({
  itemId: z.uuid(),
  code: z.string(),
  name: z.string(),
  departmentName: z.string(),
  fieldCount: z.number().int(),
  revision: z.number().int(),
});

export const itemFormSchema = formSummarySchema.extend({ form: formSpecSchema });

export const saveFormBody = z.object({
  form: formSpecSchema,
  /** The revision the designer loaded; a save over a newer one is refused (FORM_SPEC_STALE). */
  revision: z.number().int().min(0),
});

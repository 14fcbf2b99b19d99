import { z } from 'zod';
import { formFieldSchema, itemTypeSchema } from './schemas.ts';

/**
 * The content of an item version: the full snapshot of a service item with
 * every standard element, its materials, its form and its bound process.
 * Drafts and published versions store exactly this (item_versions.content).
 */

const text = (max: number) => z.string().trim().max(max);

/** The parts of the item code as GB/T 39554.1 structures it (each optional). */
export const codePartsSchema = z.object({
  /** 事项类型代码 */
  typeCode: z.string().nullable(),
  /** 主项编码 */
  mainCode: z.string().nullable(),
  /** 子项编码 (000 when the item has no sub-items) */
  subCode: z.string().nullable(),
  /** 实施主体编码: the implementing body's unified social credit code */
  implementerCode: z.string().nullable(),
  /** 业务办理项顺序码 */
  handlingSeq: z.string().nullable(),
});
export type CodeParts = z.infer<typeof codePartsSchema>;

export const feeItemSchema = z.object({
  name: text(100),
  /** Yuan. */
  amount: z.number().min(0).max(100_000_000),
  /** 收费依据 */
  basis: text(500),
});
export const feeSchema = z.object({ free: z.boolean(), items: z.array(feeItemSchema).max(50) });
export type Fee = z.infer<typeof feeSchema>;

export const contentMaterialSchema = z.object({
  /** Kept across versions so uploads keep pointing at their material; the server assigns it to new ones. */
  id: z.uuid().optional(),
  name: text(200),
  /** 原件 / 复印件 / 原件和复印件 */
  originalOrCopy: z.enum(['original', 'copy', 'both']),
  copies: z.number().int().min(1).max(99),
  /** 必要 / 按条件提交 (with the condition) */
  requirement: z.enum(['required', 'conditional']),
  condition: text(500),
  /** 纸质 / 电子 / 纸质和电子 */
  medium: z.enum(['paper', 'electronic', 'both']),
  /** 样表: an upload id */
  sampleUploadId: z.uuid().nullable(),
  /** A reusable electronic licence type (电子证照) that stands in for the material. */
  elicenceType: text(100).nullable(),
  /** May be owed under 容缺受理. */
  deferrable: z.boolean(),
});
export type ContentMaterial = z.infer<typeof contentMaterialSchema>;

export const itemContentSchema = z.object({
  code: text(64),
  name: text(200),
  departmentId: z.uuid(),
  categoryId: z.uuid().nullable(),
  itemType: itemTypeSchema,
  legalBasis: text(4000),
  legalDays: z.number().int().min(0).max(3650),
  promisedDays: z.number().int().min(0).max(3650),
  limitUnit: z.enum(['workday', 'day', 'hour']),
  description: text(4000),
  codeParts: codePartsSchema,
  /** 受理条件 */
  conditions: text(4000),
  fee: feeSchema,
  /** 办理地点 */
  location: text(500),
  /** 办理时间 */
  hours: text(500),
  contactPhone: text(40),
  complaintPhone: text(40),
  /** 容缺受理 allowed */
  allowsDeficientAcceptance: z.boolean(),
  /**
   * 申请人/受理人回避: whoever applied for a case or accepted it at the window
   * does not handle its approval steps. On unless turned off (versions saved
   * before the setting existed read as on).
   */
  separateDuties: z.boolean().default(true),
  formFields: z.array(formFieldSchema),
  /** The form designer's form (JSON Schema + layout); opaque here. */
  formSpec: z.unknown().nullable(),
  /** Key of the bound published process. */
  processKey: z.string().max(100).nullable(),
  materials: z.array(contentMaterialSchema).max(100),
});
export type ItemContent = z.infer<typeof itemContentSchema>;
/** Content as stored: every material has its id. */
export type StoredContent = Omit<ItemContent, 'materials'> & { materials: (ContentMaterial & { id: string })[] };

/** Stored content with the settings added since it was saved, at their defaults (a version is immutable, so it is read, not rewritten). */
export const withContentDefaults = <C extends Omit<ItemContent, 'materials'>>(c: C): C => ({ ...c, separateDuties: c.separateDuties ?? true });

export const versionStatusSchema = z.enum(['draft', 'published', 'superseded']);

export const versionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: versionStatusSchema,
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
  publishedBy: z.string().nullable(),
});

export const versionDetailSchema = versionSummarySchema.extend({ itemId: z.uuid(), content: itemContentSchema });

export const diffEntrySchema = z.object({
  /** Dotted path, materials by name: `legalDays`, `fee.items`, `materials[营业执照].copies`, `materials[身份证]` (added or removed). */
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type DiffEntry = z.infer<typeof diffEntrySchema>;

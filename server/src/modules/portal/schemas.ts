import { z } from 'zod';
import { formDataSchema } from '../forms/index.ts';
import { submitResponse } from '../cases/index.ts';
import { RATING_LEVELS } from './rules.ts';

export const idParams = z.object({ id: z.uuid() });
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

// ── Articles ────────────────────────────────────────────────────────────────
export const articleCategorySchema = z.enum(['news', 'disclosure']);
export const articleSummarySchema = z.object({
  id: z.uuid(),
  category: articleCategorySchema,
  title: z.string(),
  pinned: z.boolean(),
  publishedAt: z.date().nullable(),
});
export const articleSchema = articleSummarySchema.extend({ body: z.string() });
export const adminArticleSchema = articleSchema.extend({ updatedAt: z.date(), version: z.number().int() });
export const articleInput = z.object({
  category: articleCategorySchema,
  title: z.string().trim().min(1).max(200),
  body: z.string().max(50_000),
  pinned: z.boolean().default(false),
  /** Null keeps it a draft; a future moment schedules it. */
  publishedAt: z.coerce.date().nullable(),
});
export const articleUpdateInput = articleInput.extend({ version: z.number().int().min(1) });

// ── Search ──────────────────────────────────────────────────────────────────
export const searchResultSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  itemType: z.enum(['immediate', 'promised', 'joint', 'reported']),
  promisedDays: z.number().int(),
  legalDays: z.number().int(),
  /** The unit both limits count in. */
  limitUnit: z.enum(['workday', 'day', 'hour']),
  match: z.enum(['name', 'code', 'department', 'initials', 'pinyin']),
});

// ── Drafts ──────────────────────────────────────────────────────────────────
const materialsSchema = z.array(z.object({ materialId: z.uuid(), uploadId: z.uuid() })).max(50);
export const draftInput = z.object({ itemId: z.uuid(), formData: formDataSchema, materials: materialsSchema });
export const draftSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  itemName: z.string(),
  departmentName: z.string(),
  formData: formDataSchema,
  materials: z.array(z.object({ materialId: z.uuid(), uploadId: z.uuid(), originalName: z.string(), sizeBytes: z.number().int() })),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const submitDraftInput = z.object({
  /** The form as it stands on screen; the stored draft when left out. */
  formData: formDataSchema.optional(),
  materials: materialsSchema.optional(),
  idempotencyKey: z.string().min(8).max(100),
  /** The item version the form was rendered from; an older one than current → ITEM_VERSION_STALE (catalog). */
  itemVersionId: z.uuid().optional(),
});
/** A draft submitted answers as an online application does. */
export const submittedSchema = submitResponse;

// ── Results ─────────────────────────────────────────────────────────────────
export const resultRowSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  result: z.enum(['approved', 'denied', 'refused']),
  concludedAt: z.date(),
});

// ── Consultations and complaints ────────────────────────────────────────────
export const messageKindSchema = z.enum(['consultation', 'complaint']);
export const messageInput = z.object({
  kind: messageKindSchema,
  itemId: z.uuid().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  subject: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(2000),
  contactName: z.string().trim().max(50).optional(),
  contactPhone: z.string().trim().max(20).optional(),
});
export const messageReceiptSchema = z.object({
  id: z.uuid(), ticketNo: z.string(), queryCode: z.string(), kind: messageKindSchema, replyDueAt: z.date(),
});
/** What the citizen (or an anonymous submitter with the query code) sees. */
export const citizenMessageSchema = z.object({
  id: z.uuid(),
  ticketNo: z.string(),
  kind: messageKindSchema,
  departmentName: z.string(),
  itemName: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  answeredAt: z.date().nullable(),
  createdAt: z.date(),
  replyDueAt: z.date(),
});
/** What department staff see: the contact too, so they can call back. */
export const staffMessageSchema = citizenMessageSchema.extend({
  departmentId: z.uuid(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  anonymous: z.boolean(),
  answeredByName: z.string().nullable(),
});

// ── Ratings ─────────────────────────────────────────────────────────────────
export const ratingLevelSchema = z.enum(RATING_LEVELS);
export const ratingInput = z.object({ level: ratingLevelSchema, comment: z.string().max(1000).default('') });
export const ratingSchema = z.object({
  caseId: z.uuid(),
  level: ratingLevelSchema,
  score: z.number().int(),
  bad: z.boolean(),
  comment: z.string(),
  createdAt: z.date(),
});
export const caseIdParams = z.object({ caseId: z.uuid() });

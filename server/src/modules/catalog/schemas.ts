import { z } from 'zod';

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
});

export const materialSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  required: z.boolean(),
  form: z.string(),
  copies: z.number().int(),
});

export const itemDetailSchema = itemSummarySchema.extend({
  legalBasis: z.string(),
  description: z.string(),
  formFields: z.array(formFieldSchema),
  materials: z.array(materialSchema),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const centerSchema = z.object({ name: z.string(), phone: z.string().nullable(), address: z.string().nullable() });
export const departmentSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

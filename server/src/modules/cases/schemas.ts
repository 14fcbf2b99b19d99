import { z } from 'zod';
import { formFieldSchema } from '../catalog/index.ts';

export const caseStatusSchema = z.enum(['submitted', 'accepted', 'refused', 'approved', 'denied']);

export const caseSummarySchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  applicantName: z.string(),
  status: caseStatusSchema,
  submittedAt: z.date(),
  acceptedAt: z.date().nullable(),
  concludedAt: z.date().nullable(),
});

export const timelineEntrySchema = z.object({
  type: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});

export const caseDetailSchema = caseSummarySchema.extend({
  queryCode: z.string(),
  itemId: z.uuid(),
  formData: z.record(z.string(), z.unknown()),
  formFields: z.array(formFieldSchema),
  resultNote: z.string().nullable(),
  materials: z.array(z.object({
    uploadId: z.uuid(), materialName: z.string(), originalName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(),
  })),
  tasks: z.array(z.object({
    id: z.uuid(), name: z.string(), departmentName: z.string(), status: z.enum(['open', 'done']),
    outcome: z.enum(['approved', 'denied']).nullable(), opinion: z.string().nullable(), completedAt: z.date().nullable(),
  })),
  timeline: z.array(timelineEntrySchema),
});

export const submitBody = z.object({
  itemId: z.uuid(),
  formData: z.record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.null()])),
  materials: z.array(z.object({ materialId: z.uuid(), uploadId: z.uuid() })).max(50),
  idempotencyKey: z.string().min(8).max(100),
});

export const submitResponse = z.object({ id: z.uuid(), caseNo: z.string(), queryCode: z.string(), status: caseStatusSchema });

export const progressSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  status: caseStatusSchema,
  submittedAt: z.date(),
  acceptedAt: z.date().nullable(),
  concludedAt: z.date().nullable(),
  resultNote: z.string().nullable(),
  timeline: z.array(timelineEntrySchema.omit({ actorName: true })),
});

export const taskListSchema = z.object({
  items: z.array(z.object({
    id: z.uuid(), caseId: z.uuid(), caseNo: z.string(), itemName: z.string(), applicantName: z.string(), name: z.string(), createdAt: z.date(),
  })),
});

export const idParams = z.object({ id: z.uuid() });

import { z } from 'zod';
import { formFieldSchema } from '../catalog/index.ts';
import { formDataSchema, formSpecSchema } from '../forms/index.ts';

export const caseStatusSchema = z.enum(['submitted', 'supplement_requested', 'accepted', 'refused', 'approved', 'denied']);

/** The one colour rule's answer for a running deadline; null when no clock runs. */
const dueFields = {
  dueAt: z.date().nullable(),
  colour: z.enum(['green', 'yellow', 'red']).nullable(),
  workdaysLeft: z.number().int().nullable(),
};

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
  dueProvisional: z.boolean(),
  ...dueFields,
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const timelineEntrySchema = z.object({
  type: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  /** The process step's name, for task events. */
  step: z.string().nullable(),
  note: z.string().nullable(),
});

export const caseDetailSchema = caseSummarySchema.extend({
  queryCode: z.string(),
  itemId: z.uuid(),
  formData: z.record(z.string(), z.unknown()),
  formFields: z.array(formFieldSchema),
  /** The item's form (FormSpec) the data was checked against; null for a row with only the old list. */
  form: formSpecSchema.nullable(),
  resultNote: z.string().nullable(),
  materials: z.array(z.object({
    uploadId: z.uuid(), materialName: z.string(), originalName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(),
  })),
  tasks: z.array(z.object({
    id: z.uuid(), name: z.string(), departmentName: z.string(), status: z.enum(['open', 'done', 'cancelled']),
    outcome: z.enum(['approved', 'denied']).nullable(), opinion: z.string().nullable(), completedAt: z.date().nullable(), dueAt: z.date().nullable(),
  })),
  timeline: z.array(timelineEntrySchema),
  clock: z.object({
    phase: z.enum(['intake', 'supplement', 'handling', 'concluded']),
    due: z.string().nullable(),
    legalDue: z.string().nullable(),
    provisional: z.boolean(),
    colour: z.enum(['green', 'yellow', 'red']).nullable(),
    workdaysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
    ledger: z.string().nullable(),
    legalLedger: z.string().nullable(),
    notice: z.object({ due: z.string(), state: z.enum(['open', 'notified', 'deemed_accepted']), issuedAt: z.string().nullable() }).nullable(),
    pauses: z.array(z.object({
      id: z.uuid(), type: z.string(), reason: z.string(), firstDay: z.string(), expectedLastDay: z.string(), lastDay: z.string().nullable(), running: z.boolean(),
    })),
    extension: z.object({ workdays: z.number().int(), reason: z.string(), approverRole: z.string(), createdAt: z.string() }).nullable(),
  }),
  supplementNotice: z.object({
    items: z.array(z.object({ materialId: z.uuid(), name: z.string(), problem: z.enum(['missing', 'irregular']), note: z.string() })),
    note: z.string(),
    issuedAt: z.date(),
    supplementedAt: z.date().nullable(),
  }).nullable(),
  /** 网上申报 or 窗口接件 (with the window and the clerk who registered it). */
  channel: z.enum(['online', 'window']),
  windowName: z.string().nullable(),
  submittedByName: z.string().nullable(),
  /** False for a 即办件 concluded at the window: no process ran. */
  hasProcess: z.boolean(),
  /** 容缺受理: materials still owed, with their due dates. */
  owedMaterials: z.array(z.object({
    materialId: z.uuid(), name: z.string(), dueDate: z.string(), receivedAt: z.date().nullable(), overdue: z.boolean(),
  })),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const submitBody = z.object({
  itemId: z.uuid(),
  formData: formDataSchema,
  materials: z.array(z.object({ materialId: z.uuid(), uploadId: z.uuid() })).max(50),
  idempotencyKey: z.string().min(8).max(100),
  /** The item version the form was rendered from (GET /api/items/:id versionId); stale → ITEM_VERSION_STALE. */
  itemVersionId: z.uuid().optional(),
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
    /** 申请人/受理人回避: the person applied for or accepted this case and may not handle the step (given to them in person: hand it on). */
    recused: z.boolean(),
    ...dueFields,
  })),
  nextCursor: z.string().nullable(),
});
export type TaskList = z.infer<typeof taskListSchema>;

export const idParams = z.object({ id: z.uuid() });

import { z } from 'zod';
import { submitBody, submitResponse } from '../cases/index.ts';

export const applicantKindSchema = z.enum(['person', 'enterprise']);

const text = (max: number) => z.string().max(max).optional();

export const applicantInput = z.object({
  kind: applicantKindSchema,
  idNumber: z.string().min(1).max(30),
  name: z.string().trim().min(1).max(100),
  phone: text(30),
  address: text(200),
  legalRepresentative: text(50),
  contactPerson: text(50),
});

export const applicantSchema = z.object({
  id: z.uuid(),
  kind: applicantKindSchema,
  idNumber: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  contactPerson: z.string().nullable(),
  hasAccount: z.boolean(),
  updatedAt: z.date(),
});

export const lookupQuery = z.object({ kind: applicantKindSchema, number: z.string().min(1).max(30), itemId: z.uuid().optional() });

const prefillSource = z.union([z.object({ kind: z.literal('profile') }), z.object({ kind: z.literal('case'), caseNo: z.string() })]);

export const lookupResponse = z.object({
  idNumber: z.string(),
  applicant: applicantSchema.nullable(),
  formData: z.record(z.string(), z.union([z.string(), z.number()])),
  sources: z.record(z.string(), prefillSource),
});

export const walkInBody = submitBody.extend({ applicant: applicantInput });
export const walkInResponse = submitResponse.extend({ applicantId: z.uuid() });

export const checkSchema = z.object({
  materialId: z.uuid(),
  status: z.enum(['received', 'missing', 'irregular']),
  note: z.string().max(500).default(''),
  originalSeen: z.boolean().default(false),
  copies: z.number().int().min(0).max(99).default(0),
});

export const checklistSchema = z.object({
  items: z.array(z.object({
    materialId: z.uuid(),
    name: z.string(),
    required: z.boolean(),
    deferrable: z.boolean(),
    status: z.enum(['received', 'missing', 'irregular']).nullable(),
    note: z.string(),
    originalSeen: z.boolean(),
    copies: z.number().int(),
    checkedAt: z.date().nullable(),
    checkedByName: z.string().nullable(),
  })),
  /** The one-time notice's lines drafted from the checklist (missing and irregular materials). */
  noticeDraft: z.array(z.object({ materialId: z.uuid(), problem: z.enum(['missing', 'irregular']), note: z.string() })),
  allowsDeficientAcceptance: z.boolean(),
  immediate: z.boolean(),
});

export const owedRowSchema = z.object({
  materialId: z.uuid(), name: z.string(), dueDate: z.string(), receivedAt: z.date().nullable(), overdue: z.boolean(),
});

export const owedListSchema = z.object({
  items: z.array(owedRowSchema.extend({ caseId: z.uuid(), caseNo: z.string(), itemName: z.string(), applicantName: z.string() })),
});

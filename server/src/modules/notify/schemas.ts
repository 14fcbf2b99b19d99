import { z } from 'zod';
import { CHANNELS } from './kinds.ts';

export const channelSchema = z.enum(CHANNELS as unknown as ['sms', 'email', 'inapp']);
const bilingual = z.object({ zh: z.string(), en: z.string() });

export const inboxMessageSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  caseId: z.uuid().nullable(),
  caseNo: z.string().nullable(),
  urgent: z.boolean(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const inboxQuery = z.object({
  unread: z.enum(['0', '1']).default('0'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const readBody = z.object({ ids: z.array(z.uuid()).min(1).max(200).optional() });

export const preferenceSchema = z.object({
  kind: z.string(),
  label: bilingual,
  channels: z.array(channelSchema),
  mandatory: z.array(channelSchema),
  available: z.array(channelSchema),
});

export const contactSchema = z.object({ phone: z.string().nullable(), email: z.string().nullable() });
export const contactBody = z.object({
  phone: z.string().trim().max(20).nullable().optional(),
  email: z.string().trim().max(200).nullable().optional(),
});

const templateText = {
  titleZh: z.string().max(100),
  bodyZh: z.string().max(1000),
  titleEn: z.string().max(200),
  bodyEn: z.string().max(2000),
};
export const templateTextSchema = z.object(templateText);
export const templateBody = z.object({ ...templateText, version: z.number().int().min(0) });

export const templateSchema = z.object({
  kind: z.string(),
  label: bilingual,
  audience: z.enum(['applicant', 'staff']),
  variables: z.array(z.string()),
  aboutCase: z.boolean(),
  urgent: z.boolean(),
  ...templateText,
  version: z.number().int(),
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
});

export const outboxQuery = z.object({
  status: z.enum(['pending', 'sent', 'dead']).default('sent'),
  channel: z.enum(['sms', 'email']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const outboxItemSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  // The outbox holds what leaves the building (0090_notifications.sql checks it); in-app messages are the inbox.
  channel: z.enum(['sms', 'email']),
  address: z.string(),
  caseNo: z.string().nullable(),
  urgent: z.boolean(),
  subject: z.string(),
  body: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  transport: z.string().nullable(),
  parts: z.number().int(),
  delivered: z.boolean(),
  receipt: z.string().nullable(),
  contentHash: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string(),
  updatedAt: z.string(),
});

export const depthSchema = z.object({
  channel: z.string(),
  pending: z.number().int(),
  due: z.number().int(),
  dead: z.number().int(),
  sent: z.number().int(),
  oldestDueSeconds: z.number().int(),
});

export const sentLogSchema = z.object({
  channel: z.string(),
  address: z.string(),
  contentHash: z.string(),
  transport: z.string(),
  attempt: z.number().int(),
  gatewayIds: z.array(z.string()),
  sentAt: z.string(),
});

export const idParams = z.object({ id: z.uuid() });
export const kindParams = z.object({ kind: z.string().max(60) });

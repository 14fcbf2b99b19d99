import { z } from 'zod';

/**
 * What a supervision platform hands back to a source: the notices of the
 * warnings and cards it raised on that source's cases, for the source to tell
 * its own people (the step's holder and the department's head). Supervision
 * knows them only by the ids their events carried; their phones and inboxes
 * are the source's. So the source fetches its notices through
 * `POST /api/supervision/notices`, signed like an event batch, delivers them
 * in its own transaction, and acknowledges them in its next request: a crash
 * in between fetches them again, and the notification's key sends each once.
 */
export const CARD_NOTICES_PATH = '/api/supervision/notices';

/** Most notices in one answer. */
export const MAX_NOTICES = 200;

export const cardNoticeSchema = z.object({
  cardId: z.uuid(),
  number: z.string(),
  level: z.enum(['warning', 'yellow', 'red']),
  /** The case as the source knows it. */
  caseId: z.uuid(),
  caseNo: z.string(),
  stepName: z.string().nullable(),
  ruleName: z.string(),
  dueAt: z.string().nullable(),
  /** Account ids of the source: the step's holder, and departments whose head is told. */
  recipients: z.array(z.object({ kind: z.enum(['user', 'department_head']), id: z.uuid() })),
});
export type CardNotice = z.infer<typeof cardNoticeSchema>;

export const noticesRequestSchema = z.object({
  /** Cards whose notices the source has delivered (from its previous request). */
  ack: z.array(z.uuid()).max(MAX_NOTICES).default([]),
  limit: z.number().int().min(1).max(MAX_NOTICES).default(100),
});
export type NoticesRequest = z.input<typeof noticesRequestSchema>;

export const noticesResponseSchema = z.object({ acknowledged: z.number().int(), notices: z.array(cardNoticeSchema) });
export type NoticesResponse = z.infer<typeof noticesResponseSchema>;

import { z } from 'zod';
import { NOTICE_KINDS } from './rules.ts';

export const documentSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  number: z.string(),
  issuedAt: z.date(),
});

export const documentListSchema = z.object({ items: z.array(documentSummarySchema) });

export const idParams = z.object({ id: z.uuid() });

/**
 * Request and response schemas of the card routes (validation and the OpenAPI
 * document). The answers and bodies are shared with the browser
 * (shared/supervision/cards.ts); the query and path parameters are the server's own.
 */
import { z } from 'zod';
import { CARD_LEVELS, CARD_STATUSES } from '../../../../../shared/supervision/cards.ts';

export {
  cardSummarySchema, cardListSchema, cardDetailSchema, moveSchema, ruleSetBodySchema, ruleSetSchema, saveRulesSchema, forecastSchema,
} from '../../../../../shared/supervision/cards.ts';

export const cardListQuery = z.object({
  level: z.enum(CARD_LEVELS).optional(),
  status: z.enum(CARD_STATUSES).optional(),
  caseNo: z.string().max(40).optional(),
  departmentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const idParams = z.object({ id: z.uuid() });

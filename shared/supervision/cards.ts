/**
 * 预警纠错 over HTTP: the card routes' answers and requests
 * (/api/supervision/cards, /rules, /forecast), as zod schemas. The server
 * validates and documents with them (OpenAPI); the browser takes the types
 * (type-only imports: no zod in the web bundle), so the two cannot drift.
 */
import { z } from 'zod';

export const CARD_LEVELS = ['warning', 'yellow', 'red'] as const;
export type CardLevel = (typeof CARD_LEVELS)[number];

export const CARD_STATUSES = ['raised', 'accepted', 'filed', 'investigating', 'decided', 'appealed', 'upheld', 'revoked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const CARD_MOVES = ['accept', 'file', 'investigate', 'decide', 'appeal', 'review'] as const;
export type CardMove = (typeof CARD_MOVES)[number];

export const OUTCOMES = ['no_fault', 'criticism', 'rectification', 'referral'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const level = z.enum(CARD_LEVELS);
const status = z.enum(CARD_STATUSES);
const text = (max: number) => z.string().max(max);

export const cardSummarySchema = z.object({
  id: z.uuid(), number: z.string(), caseNo: z.string(), stepName: z.string().nullable(), stage: z.string(), level, rule: z.string(),
  ruleName: z.string(), ruleVersion: z.number().int(), department: z.string().nullable(), departmentId: z.string().nullable(),
  assignee: z.string().nullable(), dueAt: z.string().nullable(), raisedAt: z.string(), status,
});
export type CardSummary = z.infer<typeof cardSummarySchema>;

export const cardListSchema = z.object({
  items: z.array(cardSummarySchema), total: z.number().int(),
  levels: z.object({ warning: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
});
export type CardList = z.infer<typeof cardListSchema>;

/** The time limit of one step of a card's handling, with its colour on the legal clock. */
export const stepClockSchema = z.object({
  step: z.enum(['accept', 'decide', 'appeal', 'review']), startedAt: z.string(), dueAt: z.string(), doneAt: z.string().nullable(),
  colour: z.enum(['green', 'yellow', 'red']),
});
export type StepClock = z.infer<typeof stepClockSchema>;

export const cardDetailSchema = cardSummarySchema.extend({
  triggerSeqs: z.array(z.number().int()),
  source: z.string(),
  handling: z.object({
    acceptedAt: z.string().nullable(), filedAt: z.string().nullable(), fileReason: z.string().nullable(), decidedAt: z.string().nullable(),
    outcome: z.enum(OUTCOMES).nullable(), opinion: z.string().nullable(), rectifyBy: z.string().nullable(), adviceNo: z.string().nullable(),
    appealedAt: z.string().nullable(), appealReason: z.string().nullable(), reviewedAt: z.string().nullable(), reviewOpinion: z.string().nullable(),
  }),
  clocks: z.array(stepClockSchema),
  /** The moves the signed-in person may make now. */
  moves: z.array(z.enum(CARD_MOVES)),
  /** The investigation: supervisors only (null for others). */
  notes: z.array(z.object({
    id: z.uuid(), author: z.string(), note: z.string(), attachedSeqs: z.array(z.number().int()), createdAt: z.string(),
    files: z.array(z.object({ id: z.uuid(), name: z.string(), size: z.number().int() })),
  })).nullable(),
  caseEvents: z.array(z.object({ seq: z.number().int(), type: z.string(), occurredAt: z.string(), actorRole: z.string().nullable() })).nullable(),
  log: z.array(z.object({ seq: z.number().int(), type: z.string(), occurredAt: z.string(), actorRole: z.string().nullable(), hash: z.string() })),
});
export type CardDetail = z.infer<typeof cardDetailSchema>;

export const moveSchema = z.discriminatedUnion('move', [
  z.object({ move: z.literal('accept') }),
  z.object({ move: z.literal('file'), reason: text(2000) }),
  z.object({
    move: z.literal('investigate'), note: text(4000), attachSeqs: z.array(z.number().int().positive()).max(100).optional(),
    evidence: z.array(z.object({ name: text(200).min(1), content: z.string().max(7_500_000) })).max(5).optional(),
  }),
  z.object({ move: z.literal('decide'), outcome: z.enum(OUTCOMES), opinion: text(4000), rectifyBy: z.iso.date().nullable().optional() }),
  z.object({ move: z.literal('appeal'), reason: text(2000) }),
  z.object({ move: z.literal('review'), verdict: z.enum(['uphold', 'revoke']), opinion: text(4000) }),
]);
export type MoveBody = z.infer<typeof moveSchema>;

const ruleBase = { code: z.string().max(40), nameZh: text(60), nameEn: text(120), level, enabled: z.boolean() };
export const ruleSetBodySchema = z.object({
  rules: z.array(z.discriminatedUnion('kind', [
    z.object({ ...ruleBase, kind: z.literal('threshold'), measure: z.enum(['used_fraction', 'workdays_left', 'overdue']), value: z.number() }),
    z.object({ ...ruleBase, kind: z.literal('violation'), eventTypes: z.array(z.string().max(80)).max(20) }),
  ])).max(50),
  lifecycle: z.object({ acceptWorkdays: z.number().int(), decideWorkdays: z.number().int(), appealWorkdays: z.number().int(), reviewWorkdays: z.number().int() }),
});
export type Rule = z.infer<typeof ruleSetBodySchema>['rules'][number];
export type Lifecycle = z.infer<typeof ruleSetBodySchema>['lifecycle'];

export const ruleSetSchema = ruleSetBodySchema.extend({
  version: z.number().int(), note: z.string(), createdAt: z.string(), createdBy: z.string().nullable(),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

export const saveRulesSchema = ruleSetBodySchema.extend({ baseVersion: z.number().int().min(0), note: text(200).default('') });
export type SaveRules = z.input<typeof saveRulesSchema>;

export const forecastCardSchema = z.object({
  caseNo: z.string(), level, rule: z.string(), ruleVersion: z.number().int(), stage: z.string(), department: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** When it passed or will pass; not part of the command's output. */
  passesAt: z.string(),
  /** Already raised (true) or only foreseen. */
  raised: z.boolean(),
  step: z.string().nullable(),
});
export type ForecastCard = z.infer<typeof forecastCardSchema>;

export const forecastSchema = z.object({ at: z.string(), cards: z.array(forecastCardSchema) });

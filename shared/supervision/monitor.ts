/**
 * 实时监察 over HTTP: what the monitoring routes answer (/api/supervision/
 * overview, cases, anomalies, volume, attendance, sources, findings), as zod
 * schemas. The server validates and documents with them (OpenAPI); the
 * browser takes the types (type-only imports: no zod in the web bundle).
 */
import { z } from 'zod';
import { CARD_LEVELS } from './cards.ts';

/** The five stages supervision watches: 受理、承办、审核、批准、办结. */
export const STAGES = ['accept', 'handle', 'review', 'approve', 'conclude'] as const;
export type Stage = (typeof STAGES)[number];

export const ANOMALY_KINDS = ['out_of_order', 'skipped_steps', 'refusal_without_basis', 'deemed_acceptance', 'repeated_notice', 'timeout_action'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

const stage = z.enum(STAGES);

/** 综合监察: one department's or item's cases of the period. */
export const countRowSchema = z.object({
  key: z.string().nullable(), name: z.string().nullable(), total: z.number().int(), atIntake: z.number().int(), inProgress: z.number().int(),
  concluded: z.number().int(), refused: z.number().int(), onTime: z.number().int(), overdue: z.number().int(),
  /** Cases with a warning, a yellow or a red card. */
  warned: z.number().int(), yellow: z.number().int(), red: z.number().int(),
});
export type CountRow = z.infer<typeof countRowSchema>;

export const stepViewSchema = z.object({
  stepId: z.string(), name: z.string().nullable(), department: z.string().nullable(), assignee: z.string().nullable(),
  startedAt: z.string(), dueAt: z.string().nullable(), completedAt: z.string().nullable(), completedBy: z.string().nullable(),
  outcome: z.string().nullable(), status: z.string(), byTimeout: z.boolean(),
  /** The step's limit (due − start), ms; null when it has none. */
  limitMs: z.number().nullable(),
  /** How long it took (or has taken so far), ms. */
  durationMs: z.number(),
  overdue: z.boolean(),
});
export type StepView = z.infer<typeof stepViewSchema>;

export const stageViewSchema = z.object({
  stage, startedAt: z.string().nullable(), completedAt: z.string().nullable(), dueAt: z.string().nullable(),
  /** Who acted in this stage, by name (in order, once each). */
  actors: z.array(z.string()),
  steps: z.array(stepViewSchema),
});
export type StageView = z.infer<typeof stageViewSchema>;

/** A warning or card of one case, as 过程监察 lists it. */
export const caseCardSchema = z.object({
  number: z.string(), level: z.enum(CARD_LEVELS), rule: z.string(), ruleName: z.string(), ruleVersion: z.number().int(),
  stage: z.string(), step: z.string().nullable(), department: z.string().nullable(), assignee: z.string().nullable(),
  dueAt: z.string().nullable(), raisedAt: z.string(), status: z.string(),
});
export type CaseCard = z.infer<typeof caseCardSchema>;

/** 过程监察: one case in the five stages, built from events only. */
export const caseViewSchema = z.object({
  source: z.string(), caseId: z.string(), caseNo: z.string(), itemCode: z.string().nullable(), itemName: z.string().nullable(),
  department: z.string().nullable(), departmentId: z.string().nullable(), status: z.string(), stage: stage.nullable(),
  channel: z.string().nullable(), applicantType: z.string().nullable(), submittedAt: z.string(), acceptedAt: z.string().nullable(),
  deemedAccepted: z.boolean(), concludedAt: z.string().nullable(), dueAt: z.string().nullable(), outcome: z.string().nullable(),
  paused: z.boolean(), overdue: z.boolean(),
  stages: z.array(stageViewSchema),
  anomalies: z.array(z.object({ kind: z.string(), occurredAt: z.string(), details: z.unknown() })),
  cards: z.array(caseCardSchema),
});
export type CaseView = z.infer<typeof caseViewSchema>;

/** 异常程序监察: one irregular procedure noticed on ingest. */
export const anomalySchema = z.object({
  kind: z.string(), caseNo: z.string().nullable(), department: z.string().nullable(), step: z.string().nullable(), occurredAt: z.string(),
  details: z.unknown(),
});
export type AnomalyView = z.infer<typeof anomalySchema>;

/** 办件数量异常监察: today's volume of a department or item against the same weekday of past weeks. */
export const volumeRowSchema = z.object({
  key: z.string().nullable(), name: z.string().nullable(), today: z.number().int(),
  /** Mean and standard deviation of the same weekday, up to the same time of day, over the past `weeks` weeks. */
  mean: z.number(), sd: z.number(), weeks: z.number().int(),
  /** (today − mean) / max(sd, 1): a floor of one case keeps small counts from flagging on noise. */
  z: z.number(),
  flagged: z.boolean(),
});
export type VolumeRow = z.infer<typeof volumeRowSchema>;

/** 考勤: a window clerk's first sign-in and last sign-out of a day, against the hall's hours. */
export const attendanceSchema = z.object({
  userId: z.string(), name: z.string().nullable(), window: z.string().nullable(), signedInAt: z.string().nullable(), signedOutAt: z.string().nullable(),
  opens: z.string().nullable(), closes: z.string().nullable(), late: z.boolean(), leftEarly: z.boolean(),
});
export type AttendanceView = z.infer<typeof attendanceSchema>;

/** An event source: an approval system feeding the platform. */
export const sourceSchema = z.object({
  id: z.string(), name: z.string(), enabled: z.boolean(), lastSeq: z.number().int(), received: z.number().int(),
  lastBatchAt: z.string().nullable(), createdAt: z.string(),
});
export type SourceView = z.infer<typeof sourceSchema>;

/** A refused batch (or other irregularity) of a source. */
export const findingSchema = z.object({
  source: z.string().nullable(), code: z.string(), seq: z.number().int().nullable(), details: z.unknown(), recordedAt: z.string(),
});
export type FindingView = z.infer<typeof findingSchema>;

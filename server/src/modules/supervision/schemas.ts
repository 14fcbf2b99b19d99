import { z } from 'zod';
import { STAGES } from './stages.ts';

/** zod schemas of the supervision routes: request validation and the OpenAPI document. */

export const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const periodQuery = z.object({ from: dayString.optional(), to: dayString.optional() });

/** The China day of an instant, YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The period asked for; by default today (or the last `defaultDays` days). */
export function periodOf(q: { from?: string; to?: string }, now: Date, defaultDays = 1): { from: string; to: string } {
  const to = q.to ?? chinaDay(now);
  const from = q.from ?? chinaDay(new Date(Date.parse(`${to}T12:00:00+08:00`) - (defaultDays - 1) * 86_400_000));
  return from <= to ? { from, to } : { from: to, to: from };
}

export const sourceSchema = z.object({
  id: z.string(), name: z.string(), enabled: z.boolean(), lastSeq: z.number().int(), received: z.number().int(),
  lastBatchAt: z.string().nullable(), createdAt: z.string(),
});

export const newSourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, '小写字母、数字、- 或 _，2–40 个字符'),
  name: z.string().trim().min(1).max(100),
});

export const findingSchema = z.object({
  source: z.string().nullable(), code: z.string(), seq: z.number().int().nullable(), details: z.unknown(), recordedAt: z.string(),
});

export const countRowSchema = z.object({
  key: z.string().nullable(), name: z.string().nullable(), total: z.number().int(), atIntake: z.number().int(), inProgress: z.number().int(),
  concluded: z.number().int(), refused: z.number().int(), onTime: z.number().int(), overdue: z.number().int(),
  warned: z.number().int(), yellow: z.number().int(), red: z.number().int(),
});

const stageEnum = z.enum(STAGES);

const stepViewSchema = z.object({
  stepId: z.string(), name: z.string().nullable(), department: z.string().nullable(), assignee: z.string().nullable(),
  startedAt: z.string(), dueAt: z.string().nullable(), completedAt: z.string().nullable(), completedBy: z.string().nullable(),
  outcome: z.string().nullable(), status: z.string(), byTimeout: z.boolean(), limitMs: z.number().nullable(), durationMs: z.number(), overdue: z.boolean(),
});

export const caseViewSchema = z.object({
  source: z.string(), caseId: z.string(), caseNo: z.string(), itemCode: z.string().nullable(), itemName: z.string().nullable(),
  department: z.string().nullable(), departmentId: z.string().nullable(), status: z.string(), stage: stageEnum.nullable(),
  channel: z.string().nullable(), applicantType: z.string().nullable(), submittedAt: z.string(), acceptedAt: z.string().nullable(),
  deemedAccepted: z.boolean(), concludedAt: z.string().nullable(), dueAt: z.string().nullable(), outcome: z.string().nullable(),
  paused: z.boolean(), overdue: z.boolean(),
  stages: z.array(z.object({
    stage: stageEnum, startedAt: z.string().nullable(), completedAt: z.string().nullable(), dueAt: z.string().nullable(),
    actors: z.array(z.string()), steps: z.array(stepViewSchema),
  })),
  anomalies: z.array(z.object({ kind: z.string(), occurredAt: z.string(), details: z.unknown() })),
  cards: z.array(z.object({
    number: z.string(), level: z.enum(['warning', 'yellow', 'red']), rule: z.string(), ruleName: z.string(), ruleVersion: z.number().int(),
    stage: z.string(), step: z.string().nullable(), department: z.string().nullable(), assignee: z.string().nullable(),
    dueAt: z.string().nullable(), raisedAt: z.string(), status: z.string(),
  })),
});

export const anomalyKind = z.enum(['out_of_order', 'skipped_steps', 'refusal_without_basis', 'deemed_acceptance', 'repeated_notice', 'timeout_action']);

export const anomalySchema = z.object({
  kind: z.string(), caseNo: z.string().nullable(), department: z.string().nullable(), step: z.string().nullable(), occurredAt: z.string(), details: z.unknown(),
});

export const volumeRowSchema = z.object({
  key: z.string().nullable(), name: z.string().nullable(), today: z.number().int(), mean: z.number(), sd: z.number(), weeks: z.number().int(),
  z: z.number(), flagged: z.boolean(),
});

export const attendanceSchema = z.object({
  userId: z.string(), name: z.string().nullable(), window: z.string().nullable(), signedInAt: z.string().nullable(), signedOutAt: z.string().nullable(),
  opens: z.string().nullable(), closes: z.string().nullable(), late: z.boolean(), leftEarly: z.boolean(),
});

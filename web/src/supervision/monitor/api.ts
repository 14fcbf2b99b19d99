// The monitoring pages' calls to /api/supervision/* (the platform's own projection).
import { request } from '../../api/client';

export type Stage = 'accept' | 'handle' | 'review' | 'approve' | 'conclude';
export type GroupBy = 'department' | 'item';

export interface CountRow {
  key: string | null;
  name: string | null;
  total: number;
  atIntake: number;
  inProgress: number;
  concluded: number;
  refused: number;
  onTime: number;
  overdue: number;
  warned: number;
  yellow: number;
  red: number;
}

export interface Overview { from: string; to: string; by: GroupBy; rows: CountRow[] }

export interface CaseCard {
  number: string; level: 'warning' | 'yellow' | 'red'; rule: string; ruleName: string; ruleVersion: number; stage: string;
  step: string | null; department: string | null; assignee: string | null; dueAt: string | null; raisedAt: string; status: string;
}

export interface StepView {
  stepId: string;
  name: string | null;
  department: string | null;
  assignee: string | null;
  startedAt: string;
  dueAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  outcome: string | null;
  status: string;
  byTimeout: boolean;
  limitMs: number | null;
  durationMs: number;
  overdue: boolean;
}

export interface StageView { stage: Stage; startedAt: string | null; completedAt: string | null; dueAt: string | null; actors: string[]; steps: StepView[] }

export interface CaseView {
  source: string;
  caseNo: string;
  itemCode: string | null;
  itemName: string | null;
  department: string | null;
  status: string;
  stage: Stage | null;
  submittedAt: string;
  acceptedAt: string | null;
  deemedAccepted: boolean;
  concludedAt: string | null;
  dueAt: string | null;
  outcome: string | null;
  paused: boolean;
  overdue: boolean;
  stages: StageView[];
  anomalies: { kind: string; occurredAt: string; details: unknown }[];
  cards: CaseCard[];
}

export interface Anomaly { kind: string; caseNo: string | null; department: string | null; step: string | null; occurredAt: string; details: Record<string, unknown> | null }
export interface VolumeRow { key: string | null; name: string | null; today: number; mean: number; sd: number; weeks: number; z: number; flagged: boolean }
export interface AttendanceRow {
  userId: string; name: string | null; window: string | null; signedInAt: string | null; signedOutAt: string | null;
  opens: string | null; closes: string | null; late: boolean; leftEarly: boolean;
}
export interface Source { id: string; name: string; enabled: boolean; lastSeq: number; received: number; lastBatchAt: string | null; createdAt: string }
export interface Finding { source: string | null; code: string; seq: number | null; details: unknown; recordedAt: string }

export const monitorApi = {
  overview: (q: { by: GroupBy; from?: string; to?: string }) => request<Overview>('GET', '/api/supervision/overview', { query: q }),
  caseView: (caseNo: string) => request<CaseView>('GET', `/api/supervision/cases/${encodeURIComponent(caseNo)}`),
  findCases: (prefix: string) => request<{ items: { caseNo: string; itemName: string | null; status: string }[] }>('GET', '/api/supervision/cases', { query: { prefix } }),
  anomalies: (q: { from?: string; to?: string; kind?: string }) => request<{ from: string; to: string; items: Anomaly[] }>('GET', '/api/supervision/anomalies', { query: q }),
  volume: (by: GroupBy) => request<{ at: string; weeks: number; rows: VolumeRow[] }>('GET', '/api/supervision/volume', { query: { by } }),
  attendance: (day?: string) => request<{ day: string; items: AttendanceRow[] }>('GET', '/api/supervision/attendance', { query: day ? { day } : {} }),
  fees: () => request<{ feeEventsKnown: boolean; items: unknown[] }>('GET', '/api/supervision/fees'),
  sources: () => request<{ items: Source[] }>('GET', '/api/supervision/sources'),
  addSource: (body: { id: string; name: string }) => request<Source & { key: string }>('POST', '/api/supervision/sources', { body }),
  findings: () => request<{ items: Finding[] }>('GET', '/api/supervision/findings'),
};

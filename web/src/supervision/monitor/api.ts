// The monitoring pages' calls to /api/supervision/* (the platform's own projection).
import { request } from '../../api/client';

// The answers are the server's own schemas (shared/supervision/monitor.ts), imported as types only.
import type {
  AnomalyView, AttendanceView, CaseView, CountRow, FindingView, SourceView, VolumeRow,
} from '../../../../shared/supervision/monitor';

export type {
  AnomalyView, AttendanceView, CaseCard, CaseView, CountRow, FindingView, SourceView, Stage, StageView, StepView, VolumeRow,
} from '../../../../shared/supervision/monitor';
export type GroupBy = 'department' | 'item';
export interface Overview { from: string; to: string; by: GroupBy; rows: CountRow[] }

export const monitorApi = {
  overview: (q: { by: GroupBy; from?: string; to?: string }) => request<Overview>('GET', '/api/supervision/overview', { query: q }),
  caseView: (caseNo: string) => request<CaseView>('GET', `/api/supervision/cases/${encodeURIComponent(caseNo)}`),
  findCases: (prefix: string) => request<{ items: { caseNo: string; itemName: string | null; status: string }[] }>('GET', '/api/supervision/cases', { query: { prefix } }),
  anomalies: (q: { from?: string; to?: string; kind?: string }) => request<{ from: string; to: string; items: AnomalyView[] }>('GET', '/api/supervision/anomalies', { query: q }),
  volume: (by: GroupBy) => request<{ at: string; weeks: number; rows: VolumeRow[] }>('GET', '/api/supervision/volume', { query: { by } }),
  attendance: (day?: string) => request<{ day: string; items: AttendanceView[] }>('GET', '/api/supervision/attendance', { query: day ? { day } : {} }),
  fees: () => request<{ feeEventsKnown: boolean; items: unknown[] }>('GET', '/api/supervision/fees'),
  sources: () => request<{ items: SourceView[] }>('GET', '/api/supervision/sources'),
  addSource: (body: { id: string; name: string }) => request<SourceView & { key: string }>('POST', '/api/supervision/sources', { body }),
  findings: () => request<{ items: FindingView[] }>('GET', '/api/supervision/findings'),
};

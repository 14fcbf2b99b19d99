// The monitoring pages' calls to /api/supervision/* (the platform's own projection).
import { http, ok } from '../../api/http';
import type { QueryOf, ResponseOf } from '../../api';

// The answers are the server's own schemas (shared/supervision/monitor.ts), imported as types only.
export type {
  AnomalyView, AttendanceView, CaseCard, CaseView, CountRow, FindingView, SourceView, Stage, StageView, StepView, VolumeRow,
} from '../../../../shared/supervision/monitor';
export type Overview = ResponseOf<'/api/supervision/overview'>;
export type GroupBy = NonNullable<QueryOf<'/api/supervision/overview'>['by']>;
export type AnomalyKind = NonNullable<QueryOf<'/api/supervision/anomalies'>['kind']>;

export const monitorApi = {
  overview: (q: QueryOf<'/api/supervision/overview'>) => ok(http.GET('/api/supervision/overview', { params: { query: q } })),
  caseView: (caseNo: string) => ok(http.GET('/api/supervision/cases/{caseNo}', { params: { path: { caseNo } } })),
  findCases: (prefix: string) => ok(http.GET('/api/supervision/cases', { params: { query: { prefix } } })),
  anomalies: (q: QueryOf<'/api/supervision/anomalies'>) => ok(http.GET('/api/supervision/anomalies', { params: { query: q } })),
  volume: (by: GroupBy) => ok(http.GET('/api/supervision/volume', { params: { query: { by } } })),
  attendance: (day?: string) => ok(http.GET('/api/supervision/attendance', { params: { query: { day } } })),
  fees: () => ok(http.GET('/api/supervision/fees')),
  sources: () => ok(http.GET('/api/supervision/sources')),
  addSource: (body: { id: string; name: string }) => ok(http.POST('/api/supervision/sources', { body })),
  findings: () => ok(http.GET('/api/supervision/findings')),
};

// Typed functions for every route of docs/api-foundation.md.
import { request } from './client';
import { http, ok } from './http';
import type {
  CalendarEdit,
  CalendarRegion,
  CalendarYear,
  ClockSettings,
  DeadlineResult,
  DeadlineUnit,
  StartPauseInput,
  SupplementNoticeInput,
  CaseDetail,
  CaseListQuery,
  CaseScope,
  CaseSummary,
  ItemDetail,
  ListOf,
  PageOf,
  SubmitCaseInput,
  SupervisionEvent,
  TaskOutcome,
  TaskSummary,
  User,
} from './types';

export { ApiError, apiLanguage, setApiLanguage, toApiError } from './client';
export type * from './types';

const id = (value: string) => encodeURIComponent(value);

/**
 * The server declares an item's form spec and a case's form values as open
 * JSON; both are the shared form language's (shared/forms checks them on
 * either side), which the browser's types name.
 */
const inFormLanguage = async <T>(pending: Promise<unknown>): Promise<T> => (await pending) as T;

export const api = {
  auth: {
    register: (input: { username: string; password: string; displayName: string; phone?: string; language?: User['language'] }) =>
      request<{ user: User }>('POST', '/api/auth/register', { body: input }),
    login: (input: { username: string; password: string; code?: string }) => ok(http.POST('/api/auth/login', { body: input })),
    logout: () => request<void>('POST', '/api/auth/logout', { body: {} }),
    me: () => ok(http.GET('/api/auth/me')),
    setLanguage: (language: User['language']) => request<{ user: User }>('PUT', '/api/auth/language', { body: { language } }),
    sessions: () => ok(http.GET('/api/auth/sessions')),
    endSession: (sessionId: string) => request<void>('DELETE', `/api/auth/sessions/${id(sessionId)}`),
    logoutEverywhere: () => request<void>('POST', '/api/auth/logout-everywhere', { body: {} }),
    /** Changes one's own password; the other sessions end (how many is returned), this one stays. */
    changePassword: (input: { currentPassword: string; newPassword: string }) =>
      request<{ sessionsEnded: number }>('POST', '/api/auth/password', { body: input }),
  },
  catalog: {
    center: () => ok(http.GET('/api/center')),
    departments: () => ok(http.GET('/api/departments')),
    items: () => ok(http.GET('/api/items')),
    item: (itemId: string) => inFormLanguage<ItemDetail>(ok(http.GET('/api/items/{id}', { params: { path: { id: itemId } } }))),
  },
  uploads: {
    /** Where the upload component posts (multipart, field `file`). */
    postUrl: '/api/uploads',
    downloadUrl: (uploadId: string) => `/api/uploads/${id(uploadId)}`,
  },
  cases: {
    submit: (input: SubmitCaseInput) => ok(http.POST('/api/cases', { body: input })),
    /** One page of a case list; `cursor` from the previous page's nextCursor. */
    list: (scope: CaseScope, query: CaseListQuery = {}) => request<PageOf<CaseSummary>>('GET', '/api/cases', { query: { scope, ...query } }),
    get: (caseId: string) => request<CaseDetail>('GET', `/api/cases/${id(caseId)}`),
    accept: (caseId: string) => request<CaseDetail>('POST', `/api/cases/${id(caseId)}/accept`, { body: {} }),
    refuse: (caseId: string, reason: string) => request<CaseDetail>('POST', `/api/cases/${id(caseId)}/refuse`, { body: { reason } }),
    startPause: (caseId: string, input: StartPauseInput) => request<CaseDetail>('POST', `/api/cases/${id(caseId)}/pauses`, { body: input }),
    endPause: (caseId: string, lastDay?: string) =>
      request<CaseDetail>('POST', `/api/cases/${id(caseId)}/pauses/end`, { body: lastDay ? { lastDay } : {} }),
    extend: (caseId: string, input: { workdays: number; reason: string }) =>
      request<CaseDetail>('POST', `/api/cases/${id(caseId)}/extension`, { body: input }),
    supplementNotice: (caseId: string, input: SupplementNoticeInput) =>
      request<CaseDetail>('POST', `/api/cases/${id(caseId)}/supplement-notice`, { body: input }),
    supplement: (caseId: string, materials: { materialId: string; uploadId: string }[]) =>
      request<CaseDetail>('POST', `/api/cases/${id(caseId)}/supplement`, { body: { materials } }),
    /** The notices issued on the case (受理 / 不予受理 / 补正 / 办结), oldest first. */
    documents: (caseId: string) => ok(http.GET('/api/cases/{id}/documents', { params: { path: { id: caseId } } })),
    /** One notice's PDF, served inline so the browser shows and prints it. */
    documentUrl: (documentId: string) => `/api/documents/${id(documentId)}`,
  },
  calendar: {
    regions: () => ok(http.GET('/api/calendar/regions')),
    createRegion: (input: CalendarRegion) => request<{ code: string }>('POST', '/api/calendar/regions', { body: input }),
    year: (region: string, year: number) => request<CalendarYear>('GET', `/api/calendar/${id(region)}/years/${year}`),
    setDay: (region: string, date: string, input: { kind: 'workday' | 'holiday'; name: string; reason: string }) =>
      request<unknown>('PUT', `/api/calendar/${id(region)}/days/${id(date)}`, { body: input }),
    clearDay: (region: string, date: string, reason: string) =>
      request<unknown>('POST', `/api/calendar/${id(region)}/days/${id(date)}/clear`, { body: { reason } }),
    importNotice: (region: string, input: { format: 'csv' | 'json'; year?: number; content: string }) =>
      request<unknown>('POST', `/api/calendar/${id(region)}/notice`, { body: input }),
    edits: (region: string) => request<ListOf<CalendarEdit>>('GET', `/api/calendar/${id(region)}/edits`),
    recomputes: () => ok(http.GET('/api/calendar/recomputes')),
    settings: () => request<ClockSettings>('GET', '/api/calendar/settings'),
    saveSettings: (input: ClockSettings) => request<{ ok: boolean }>('PUT', '/api/calendar/settings', { body: input }),
    /** The deadline calculator; pauses as `A:B` date ranges. */
    deadline: (query: { from: string; days: number; unit: DeadlineUnit; region: string; pauses: string[] }) =>
      request<DeadlineResult>('GET', '/api/calendar/deadline', { query: { from: query.from, days: query.days, unit: query.unit, region: query.region }, repeat: { pause: query.pauses } }),
  },
  tasks: {
    list: (query: Omit<CaseListQuery, 'status' | 'departmentId'> = {}) => request<PageOf<TaskSummary>>('GET', '/api/tasks', { query }),
    complete: (taskId: string, outcome: TaskOutcome, opinion: string) =>
      inFormLanguage<CaseDetail>(ok(http.POST('/api/tasks/{id}/complete', { params: { path: { id: taskId } }, body: { outcome, opinion } }))),
  },
  progress: {
    lookup: (caseNo: string, queryCode: string) => ok(http.GET('/api/progress', { params: { query: { caseNo, queryCode } } })),
  },
  supervision: {
    events: (query: { caseNo?: string; type?: string; departmentId?: string; from?: string; to?: string; afterSeq?: number; order?: 'asc' | 'desc'; cursor?: string; limit?: number }) =>
      request<PageOf<SupervisionEvent>>('GET', '/api/supervision/events', { query }),
    chain: () => ok(http.GET('/api/supervision/chain')),
  },
};

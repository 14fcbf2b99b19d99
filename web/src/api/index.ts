// Typed functions for every route of docs/api-foundation.md.
import { http, ok } from './http';
import type {
  CalendarRegion,
  CaseDetail,
  CaseListQuery,
  CaseScope,
  ClockSettings,
  DeadlineUnit,
  ItemDetail,
  QueryOf,
  RequestOf,
  StartPauseInput,
  SubmitCaseInput,
  SupplementNoticeInput,
  TaskOutcome,
  User,
} from './types';

export { ApiError, apiLanguage, setApiLanguage, toApiError } from './client';
export type * from './types';

const id = (value: string) => encodeURIComponent(value);
const onCase = (caseId: string) => ({ path: { id: caseId } });

/**
 * The server declares an item's form spec and a case's form values as open
 * JSON; both are the shared form language's (shared/forms checks them on
 * either side), which the browser's types name.
 */
const inFormLanguage = async <T>(pending: Promise<unknown>): Promise<T> => (await pending) as T;

export const api = {
  auth: {
    register: (input: RequestOf<'/api/auth/register', 'post'>) => ok(http.POST('/api/auth/register', { body: input })),
    login: (input: RequestOf<'/api/auth/login', 'post'>) => ok(http.POST('/api/auth/login', { body: input })),
    logout: () => ok(http.POST('/api/auth/logout')),
    me: () => ok(http.GET('/api/auth/me')),
    setLanguage: (language: User['language']) => ok(http.PUT('/api/auth/language', { body: { language } })),
    switchRole: (code: string) => ok(http.PUT('/api/auth/role', { body: { code } })),
    sessions: () => ok(http.GET('/api/auth/sessions')),
    endSession: (sessionId: string) => ok(http.DELETE('/api/auth/sessions/{id}', { params: { path: { id: sessionId } } })),
    logoutEverywhere: () => ok(http.POST('/api/auth/logout-everywhere')),
    /** Changes one's own password; the other sessions end (how many is returned), this one stays. */
    changePassword: (input: { currentPassword: string; newPassword: string }) => ok(http.POST('/api/auth/password', { body: input })),
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
    list: (scope: CaseScope, query: CaseListQuery = {}) => ok(http.GET('/api/cases', { params: { query: { scope, ...query } } })),
    get: (caseId: string) => inFormLanguage<CaseDetail>(ok(http.GET('/api/cases/{id}', { params: onCase(caseId) }))),
    accept: (caseId: string) => inFormLanguage<CaseDetail>(ok(http.POST('/api/cases/{id}/accept', { params: onCase(caseId), body: {} }))),
    refuse: (caseId: string, reason: string) =>
      inFormLanguage<CaseDetail>(ok(http.POST('/api/cases/{id}/refuse', { params: onCase(caseId), body: { reason } }))),
    startPause: (caseId: string, input: StartPauseInput) =>
      inFormLanguage<CaseDetail>(ok(http.POST('/api/cases/{id}/pauses', { params: onCase(caseId), body: input }))),
    endPause: (caseId: string, lastDay?: string) =>
      inFormLanguage<CaseDetail>(ok(http.POST('/api/cases/{id}/pauses/end', { params: onCase(caseId), body: lastDay ? { lastDay } : {} }))),
    extend: (caseId: string, input: { workdays: number; reason: string }) =>
      inFormLanguage<CaseDetail>(ok(http.POST('/api/cases/{id}/extension', { params: onCase(caseId), body: input }))),
    supplementNotice: (caseId: string, input: SupplementNoticeInput) =>
      inFormLanguage<CaseDetail>(ok(http.POST('/api/cases/{id}/supplement-notice', { params: onCase(caseId), body: input }))),
    supplement: (caseId: string, materials: { materialId: string; uploadId: string }[]) =>
      inFormLanguage<CaseDetail>(ok(http.POST('/api/cases/{id}/supplement', { params: onCase(caseId), body: { materials } }))),
    /** The notices issued on the case (受理 / 不予受理 / 补正 / 办结), oldest first. */
    documents: (caseId: string) => ok(http.GET('/api/cases/{id}/documents', { params: onCase(caseId) })),
    /** One notice's PDF, served inline so the browser shows and prints it. */
    documentUrl: (documentId: string) => `/api/documents/${id(documentId)}`,
  },
  calendar: {
    regions: () => ok(http.GET('/api/calendar/regions')),
    createRegion: (input: CalendarRegion) => ok(http.POST('/api/calendar/regions', { body: input })),
    year: (region: string, year: number) => ok(http.GET('/api/calendar/{region}/years/{year}', { params: { path: { region, year } } })),
    setDay: (region: string, date: string, input: { kind: 'workday' | 'holiday'; name: string; reason: string }) =>
      ok(http.PUT('/api/calendar/{region}/days/{date}', { params: { path: { region, date } }, body: input })),
    clearDay: (region: string, date: string, reason: string) =>
      ok(http.POST('/api/calendar/{region}/days/{date}/clear', { params: { path: { region, date } }, body: { reason } })),
    importNotice: (region: string, input: { format: 'csv' | 'json'; year?: number; content: string }) =>
      ok(http.POST('/api/calendar/{region}/notice', { params: { path: { region } }, body: input })),
    edits: (region: string) => ok(http.GET('/api/calendar/{region}/edits', { params: { path: { region } } })),
    recomputes: () => ok(http.GET('/api/calendar/recomputes')),
    settings: () => ok(http.GET('/api/calendar/settings')),
    saveSettings: (input: ClockSettings) => ok(http.PUT('/api/calendar/settings', { body: input })),
    /** The deadline calculator; pauses as `A:B` date ranges. */
    deadline: (query: { from: string; days: number; unit: DeadlineUnit; region: string; pauses: string[] }) =>
      ok(http.GET('/api/calendar/deadline', { params: { query: { from: query.from, days: query.days, unit: query.unit, region: query.region, pause: query.pauses } } })),
  },
  tasks: {
    list: (query: Omit<CaseListQuery, 'status' | 'departmentId'> = {}) => ok(http.GET('/api/tasks', { params: { query } })),
    complete: (taskId: string, outcome: TaskOutcome, opinion: string) =>
      inFormLanguage<CaseDetail>(ok(http.POST('/api/tasks/{id}/complete', { params: { path: { id: taskId } }, body: { outcome, opinion } }))),
  },
  progress: {
    lookup: (caseNo: string, queryCode: string) => ok(http.GET('/api/progress', { params: { query: { caseNo, queryCode } } })),
  },
  supervision: {
    events: (query: QueryOf<'/api/supervision/events'>) => ok(http.GET('/api/supervision/events', { params: { query } })),
    chain: () => ok(http.GET('/api/supervision/chain')),
  },
};

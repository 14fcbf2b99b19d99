// Window intake's calls (server/src/modules/intake/routes.ts).
import { http, ok } from '../../api/http';
import type { CaseDetail, FormValue, RequestOf, ResponseOf } from '../../api';

export type Lookup = ResponseOf<'/api/intake/applicants/lookup'>;
export type Applicant = NonNullable<Lookup['applicant']>;
export type ApplicantKind = Applicant['kind'];
export type PrefillSource = Lookup['sources'][string];
export type ApplicantInput = RequestOf<'/api/intake/cases', 'post'>['applicant'];

export type Checklist = ResponseOf<'/api/intake/cases/{id}/checklist'>;
export type ChecklistItem = Checklist['items'][number];
export type CheckStatus = NonNullable<ChecklistItem['status']>;

export type OwedRow = ResponseOf<'/api/intake/owed'>['items'][number];

const onCase = (caseId: string) => ({ path: { id: caseId } });

/**
 * The case a command answers; its form values are the shared form language's
 * (the server declares them as open JSON), as api.cases narrows them.
 */
const asCase = async (pending: Promise<unknown>): Promise<CaseDetail> => (await pending) as CaseDetail;

export const intakeApi = {
  lookup: (kind: ApplicantKind, number: string, itemId?: string) =>
    ok(http.GET('/api/intake/applicants/lookup', { params: { query: { kind, number, itemId } } })),
  submit: (input: Omit<RequestOf<'/api/intake/cases', 'post'>, 'formData'> & { formData: Record<string, FormValue> }) =>
    ok(http.POST('/api/intake/cases', { body: input })),
  checklist: (caseId: string) => ok(http.GET('/api/intake/cases/{id}/checklist', { params: onCase(caseId) })),
  saveChecklist: (caseId: string, items: RequestOf<'/api/intake/cases/{id}/checklist', 'put'>['items']) =>
    ok(http.PUT('/api/intake/cases/{id}/checklist', { params: onCase(caseId), body: { items } })),
  acceptDeficient: (caseId: string, materialIds: string[], workdays: number) =>
    asCase(ok(http.POST('/api/intake/cases/{id}/accept-deficient', { params: onCase(caseId), body: { materialIds, workdays } }))),
  receiveOwed: (caseId: string, materialId: string) =>
    asCase(ok(http.POST('/api/intake/cases/{id}/owed/{materialId}/receive', { params: { path: { id: caseId, materialId } }, body: {} }))),
  conclude: (caseId: string, opinion: string) => asCase(ok(http.POST('/api/intake/cases/{id}/conclude', { params: onCase(caseId), body: { opinion } }))),
  owed: (overdue: boolean) => ok(http.GET('/api/intake/owed', { params: { query: { overdue: overdue ? 'true' : 'false' } } })),
};

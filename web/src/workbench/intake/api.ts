// Window intake's calls (server/src/modules/intake/routes.ts).
import { request } from '../../api/client';
import type { CaseDetail, FormValue, SubmittedCase } from '../../api';

export type ApplicantKind = 'person' | 'enterprise';

export interface Applicant {
  id: string;
  kind: ApplicantKind;
  idNumber: string | null;
  name: string;
  phone: string | null;
  address: string | null;
  legalRepresentative: string | null;
  contactPerson: string | null;
  hasAccount: boolean;
  updatedAt: string;
}

export type PrefillSource = { kind: 'profile' } | { kind: 'case'; caseNo: string };

export interface Lookup {
  idNumber: string;
  applicant: Applicant | null;
  formData: Record<string, string | number>;
  sources: Record<string, PrefillSource>;
}

export interface ApplicantInput {
  kind: ApplicantKind;
  idNumber: string;
  name: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
  contactPerson?: string;
}

export type CheckStatus = 'received' | 'missing' | 'irregular';

export interface ChecklistItem {
  materialId: string;
  name: string;
  required: boolean;
  deferrable: boolean;
  status: CheckStatus | null;
  note: string;
  originalSeen: boolean;
  copies: number;
  checkedAt: string | null;
  checkedByName: string | null;
}

export interface Checklist {
  items: ChecklistItem[];
  noticeDraft: { materialId: string; problem: 'missing' | 'irregular'; note: string }[];
  allowsDeficientAcceptance: boolean;
  immediate: boolean;
}

export interface OwedRow {
  caseId: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  materialId: string;
  name: string;
  dueDate: string;
  receivedAt: string | null;
  overdue: boolean;
}

const enc = encodeURIComponent;

export const intakeApi = {
  lookup: (kind: ApplicantKind, number: string, itemId?: string) =>
    request<Lookup>('GET', '/api/intake/applicants/lookup', { query: { kind, number, itemId } }),
  submit: (input: {
    itemId: string;
    applicant: ApplicantInput;
    formData: Record<string, FormValue>;
    materials: { materialId: string; uploadId: string }[];
    idempotencyKey: string;
    itemVersionId?: string;
  }) => request<SubmittedCase & { applicantId: string }>('POST', '/api/intake/cases', { body: input }),
  checklist: (caseId: string) => request<Checklist>('GET', `/api/intake/cases/${enc(caseId)}/checklist`),
  saveChecklist: (caseId: string, items: { materialId: string; status: CheckStatus; note: string; originalSeen: boolean; copies: number }[]) =>
    request<Checklist>('PUT', `/api/intake/cases/${enc(caseId)}/checklist`, { body: { items } }),
  acceptDeficient: (caseId: string, materialIds: string[], workdays: number) =>
    request<CaseDetail>('POST', `/api/intake/cases/${enc(caseId)}/accept-deficient`, { body: { materialIds, workdays } }),
  receiveOwed: (caseId: string, materialId: string) =>
    request<CaseDetail>('POST', `/api/intake/cases/${enc(caseId)}/owed/${enc(materialId)}/receive`, { body: {} }),
  conclude: (caseId: string, opinion: string) => request<CaseDetail>('POST', `/api/intake/cases/${enc(caseId)}/conclude`, { body: { opinion } }),
  owed: (overdue: boolean) => request<{ items: OwedRow[] }>('GET', '/api/intake/owed', { query: { overdue: String(overdue) } }),
};

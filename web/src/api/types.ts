// Types of the foundation API, as specified in docs/api-foundation.md.

export type Role = 'applicant' | 'clerk' | 'approver' | 'manager' | 'supervisor' | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
}

export interface Center {
  name: string;
  phone: string | null;
  address: string | null;
}

export interface Department {
  id: string;
  code: string;
  name: string;
}

export type ItemType = 'immediate' | 'promised' | 'joint' | 'reported';

export interface ItemSummary {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  itemType: ItemType;
  legalDays: number;
  promisedDays: number;
  fee: string;
}

export type FormFieldType = 'text' | 'textarea' | 'number' | 'date' | 'phone';

export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
}

export interface ItemMaterial {
  id: string;
  name: string;
  required: boolean;
  form: string;
  copies: number;
}

export interface ItemDetail extends ItemSummary {
  legalBasis: string;
  description: string;
  formFields: FormField[];
  materials: ItemMaterial[];
}

export interface Upload {
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
}

export type CaseStatus = 'submitted' | 'supplement_requested' | 'accepted' | 'refused' | 'approved' | 'denied';

/** Deadline colour of a running clock (docs/legal-clock.md): yellow from one working day left, red when overdue. */
export type DueColour = 'green' | 'yellow' | 'red';

/** Deadline fields on lists; null when no clock runs. Optional so older servers still type-check. */
export interface DueFields {
  dueAt?: string | null;
  colour?: DueColour | null;
  workdaysLeft?: number | null;
}

export type FormValue = string | number | null;

export interface SubmitCaseInput {
  itemId: string;
  formData: Record<string, FormValue>;
  materials: { materialId: string; uploadId: string }[];
  idempotencyKey: string;
}

export interface SubmittedCase {
  id: string;
  caseNo: string;
  queryCode: string;
  status: CaseStatus;
}

export interface CaseSummary extends DueFields {
  id: string;
  caseNo: string;
  itemName: string;
  departmentName: string;
  applicantName: string;
  status: CaseStatus;
  submittedAt: string;
  acceptedAt: string | null;
  concludedAt: string | null;
}

/** Known event types; other producers may add more, so the UI falls back to the raw type. */
export type EventType = 'case.submitted' | 'case.accepted' | 'case.refused' | 'task.completed' | 'case.concluded';

export interface TimelineEntry {
  type: EventType | (string & {});
  at: string;
  actorName?: string | null;
  note?: string | null;
}

export interface CaseMaterial {
  uploadId: string;
  materialName: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
}

export type TaskOutcome = 'approved' | 'denied';

export interface CaseTask {
  id: string;
  name: string;
  departmentName: string;
  status: 'open' | 'done' | (string & {});
  outcome: TaskOutcome | null;
  opinion: string | null;
  completedAt: string | null;
}

/** The legal clock of a case (docs/legal-clock.md); only the fields this UI shows. */
export interface CaseClock {
  phase: 'intake' | 'supplement' | 'handling' | 'concluded' | (string & {});
  due: string | null;
  legalDue: string | null;
  provisional: boolean;
  colour: DueColour | null;
  workdaysLeft: number | null;
  overdue: boolean;
  /** One sentence saying how the due date was computed. */
  ledger: string | null;
  legalLedger: string | null;
}

export interface CaseDetail extends CaseSummary {
  clock?: CaseClock;
  queryCode: string;
  itemId: string;
  formData: Record<string, FormValue>;
  formFields: FormField[];
  materials: CaseMaterial[];
  timeline: TimelineEntry[];
  tasks: CaseTask[];
  resultNote: string | null;
}

export type CaseScope = 'mine' | 'intake' | 'all';

export interface TaskSummary extends DueFields {
  id: string;
  caseId: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  name: string;
  createdAt: string;
}

export interface Progress {
  caseNo: string;
  itemName: string;
  departmentName: string;
  status: CaseStatus;
  submittedAt: string;
  acceptedAt: string | null;
  concludedAt: string | null;
  resultNote: string | null;
  timeline: TimelineEntry[];
}

export interface SupervisionEvent {
  seq: number;
  id: string;
  type: string;
  schemaVersion: number;
  caseId: string | null;
  caseNo: string | null;
  departmentId: string | null;
  actorRole: string | null;
  occurredAt: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export interface ChainStatus {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

export interface ListOf<T> {
  items: T[];
}

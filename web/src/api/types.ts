// Types of the foundation API, as specified in docs/api-foundation.md.
import type { FormSpec } from '../../../shared/forms';
import type { CaseListFilters } from '../../../shared/case-list';

export type Role = 'applicant' | 'clerk' | 'approver' | 'manager' | 'supervisor' | 'admin' | 'agency_head' | 'government_head' | 'supervision_leader';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  /** Preferred language: the screens after sign-in and the notifications sent to this person. */
  language: 'zh' | 'en';
}

/** One of the signed-in person's live sessions (GET /api/auth/sessions). */
export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  address: string | null;
  current: boolean;
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
  /** The unit both limits count in: working days (the default, 第八十二条), natural days or office hours. */
  limitUnit: LimitUnit;
  fee: string;
  /** 项目分类; null when not assigned. */
  categoryId: string | null;
}

export type LimitUnit = 'workday' | 'day' | 'hour';

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
  /** Same as requirement === 'required'; kept for older readers. */
  required: boolean;
  /** A label of `medium` (纸质件 / 电子件 / 纸质件和电子件). */
  form: string;
  copies: number;
  /** 原件 / 复印件 / 原件和复印件 */
  originalOrCopy: 'original' | 'copy' | 'both';
  /** required, or conditional: needed when `condition` applies. */
  requirement: 'required' | 'conditional';
  condition: string;
  medium: 'paper' | 'electronic' | 'both';
  /** A sample file, served publicly by GET /api/items/:id/materials/:materialId/sample. */
  sampleUploadId: string | null;
  /** A reusable electronic licence (电子证照) type that stands in for the paper. */
  elicenceType: string | null;
  /** May be owed under 容缺受理. */
  deferrable: boolean;
}

export interface ItemDetail extends ItemSummary {
  categoryName: string | null;
  legalBasis: string;
  description: string;
  formFields: FormField[];
  /** The application form (JSON Schema + layout), validated by shared/forms in the browser and on the server. */
  form: FormSpec;
  materials: ItemMaterial[];
  /** The published version this guide and form come from; sent back on submission. */
  versionId: string | null;
  version: number | null;
  /** 受理条件 */
  conditions: string;
  feeFree: boolean;
  /** Amounts in yuan, each with the document that sets it. */
  feeItems: { name: string; amount: number; basis: string }[];
  /** 办理地点 / 办理时间 */
  location: string;
  hours: string;
  contactPhone: string;
  /** 监督投诉电话 */
  complaintPhone: string;
  /** 容缺受理: materials marked deferrable may be handed in after acceptance. */
  allowsDeficientAcceptance: boolean;
  /** 事项编码 parts (GB/T 39554.1) and the codes they compose, null when incomplete. */
  codeParts: {
    typeCode: string | null;
    mainCode: string | null;
    subCode: string | null;
    implementerCode: string | null;
    handlingSeq: string | null;
  };
  basicCode: string | null;
  implementationCode: string | null;
  handlingCode: string | null;
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
  /** True when the due date lies past the published holiday data (a best guess, said to be one). */
  dueProvisional?: boolean;
}

export type FormValue = string | number | null;

export interface SubmitCaseInput {
  itemId: string;
  formData: Record<string, FormValue>;
  materials: { materialId: string; uploadId: string }[];
  idempotencyKey: string;
  /** The item version the form was rendered from; a newer published one refuses it (ITEM_VERSION_STALE). */
  itemVersionId?: string;
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
export type EventType =
  | 'case.submitted'
  | 'case.accepted'
  | 'case.refused'
  | 'task.completed'
  | 'case.concluded'
  | 'case.paused'
  | 'case.resumed'
  | 'case.extended'
  | 'case.supplement_requested'
  | 'case.supplemented'
  | 'case.deemed_accepted';

export interface TimelineEntry {
  type: EventType | (string & {});
  at: string;
  actorName?: string | null;
  note?: string | null;
  /** The process step's name, for a completed step. */
  step?: string | null;
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
  /** The Art. 32 window for the one-time notice (第三十二条). */
  notice?: { due: string; state: NoticeState; issuedAt: string | null } | null;
  pauses?: CasePause[];
  extension?: CaseExtension | null;
}

export type NoticeState = 'open' | 'notified' | 'deemed_accepted';

/** 补正 and the Art. 45 special procedures. */
export type PauseType = 'supplement' | 'hearing' | 'tender' | 'auction' | 'inspection' | 'testing' | 'quarantine' | 'appraisal' | 'expert_review';

export interface CasePause {
  id: string;
  type: PauseType | (string & {});
  reason: string;
  firstDay: string;
  expectedLastDay: string;
  lastDay: string | null;
  running: boolean;
}

export interface CaseExtension {
  workdays: number;
  reason: string;
  approverRole: string;
  createdAt: string;
}

export type SupplementProblem = 'missing' | 'irregular';

export interface SupplementNotice {
  items: { materialId: string; name: string; problem: SupplementProblem; note: string }[];
  note: string;
  issuedAt: string;
  supplementedAt: string | null;
}

export interface StartPauseInput {
  type: PauseType;
  reason: string;
  firstDay?: string;
  expectedLastDay: string;
}

export interface SupplementNoticeInput {
  items: { materialId: string; problem: SupplementProblem; note?: string }[];
  note: string;
}

/** One day of a calendar year (GET /api/calendar/:region/years/:year). */
export interface CalendarDay {
  date: string;
  weekday: string;
  work: boolean;
  name: string | null;
  source: 'week' | 'national' | 'region' | (string & {});
  provisional: boolean;
}

export interface CalendarYear {
  region: string;
  year: number;
  knownThrough: string;
  days: CalendarDay[];
}

export interface CalendarRegion {
  code: string;
  name: string;
}

export interface CalendarDayState {
  kind: 'workday' | 'holiday';
  name: string;
  source: string;
}

/** A deadline recompute job after a calendar edit: n (done) of m (total) open cases. */
export interface RecomputeJob {
  id: number;
  eventType: string;
  region: string | null;
  days: string[] | null;
  reason: string;
  requestedBy: { id: string; name: string } | null;
  requestedAt: string;
  state: 'queued' | 'running' | 'done';
  total: number;
  done: number;
  moved: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface CalendarEdit {
  id: number;
  date: string;
  before: CalendarDayState | null;
  after: CalendarDayState | null;
  reason: string;
  actorId: string | null;
  actorRole: string | null;
  at: string;
}

export interface ClockSettings {
  region: string;
  open: string;
  close: string;
  yellowWorkdays: number;
}

export type DeadlineUnit = 'workday' | 'day' | 'hour';

export interface DeadlineResult {
  due: string;
  dueDate: string;
  unit: DeadlineUnit;
  provisional: boolean;
  region: string;
  ledger: { entries: unknown[]; text: string };
}

/** details of CALENDAR_NOTICE_INVALID. */
export interface NoticeProblem {
  row: number;
  message: string;
  field?: string;
}

export interface CaseDetail extends CaseSummary {
  clock?: CaseClock;
  supplementNotice?: SupplementNotice | null;
  queryCode: string;
  itemId: string;
  formData: Record<string, FormValue>;
  formFields: FormField[];
  materials: CaseMaterial[];
  timeline: TimelineEntry[];
  tasks: CaseTask[];
  resultNote: string | null;
  /** 网上申报 or 窗口接件 (window intake: the window and the clerk). */
  channel?: 'online' | 'window';
  windowName?: string | null;
  submittedByName?: string | null;
  /** False for a 即办件 concluded at the window: no process ran. */
  hasProcess?: boolean;
  /** 容缺受理: materials still owed with their due dates. */
  owedMaterials?: OwedMaterial[];
}

export interface OwedMaterial {
  materialId: string;
  name: string;
  dueDate: string;
  receivedAt: string | null;
  overdue: boolean;
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

/** A notice issued on a case (GET /api/cases/:id/documents). */
export interface NoticeDocument {
  id: string;
  kind: 'acceptance' | 'refusal' | 'supplement' | 'conclusion';
  title: string;
  number: string;
  issuedAt: string;
}

export interface ListOf<T> {
  items: T[];
}

/** A page of a cursor-paged list: its rows and the cursor of the next page (null on the last). */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** Filters of the case lists and the to-do (see GET /api/cases); dates YYYY-MM-DD. */
export interface CaseListQuery extends CaseListFilters {
  order?: 'asc' | 'desc' | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

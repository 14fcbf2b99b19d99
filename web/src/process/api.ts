// The process screens' calls (server/src/modules/cases/step-routes.ts): a case's
// diagram and history, and the task operations on its steps.
import { request } from '../api/client';

export interface Highlight {
  done: string[];
  active: string[];
  returned: string[];
}

export interface ProcessEntry {
  id: number;
  instanceId: string;
  taskId: string | null;
  nodeId: string | null;
  action: string;
  actorId: string | null;
  actorName: string | null;
  at: string;
  opinion: string | null;
  fields: Record<string, { from: unknown; to: unknown }> | null;
  details: Record<string, unknown> | null;
}

export interface CaseProcess {
  key: string;
  version: number;
  xml: string;
  highlight: Highlight;
  entries: ProcessEntry[];
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
  departmentName: string | null;
}

export type TaskOperation =
  | 'complete' | 'claim' | 'unclaim' | 'return' | 'transfer' | 'delegate' | 'resolve'
  | 'addSigners' | 'removeSigner' | 'copy' | 'withdraw' | 'urge';

export interface SignerView {
  index: number;
  kind: string;
  value: string;
  name: string;
  state: string;
}

/** What the signed-in person may do now on each step (the server's rules; the UI shows only these). */
export interface CaseOperations {
  instanceStatus: string;
  suspend: boolean;
  resume: boolean;
  tasks: {
    taskId: string;
    nodeId: string;
    name: string | null;
    status: string;
    operations: TaskOperation[];
    returnTargets: string[];
    /** Whom 转办 may give the step to (user ids). */
    transferTargets: string[];
    removableSigners: SignerView[];
    owner: string | null;
    ownerName: string | null;
    delegate: string | null;
    delegateName: string | null;
  }[];
}

export interface CopyView {
  id: string;
  caseId: string | null;
  caseNo: string | null;
  itemName: string | null;
  step: string | null;
  sentBy: string | null;
  sentByName: string | null;
  sentAt: string;
  readAt: string | null;
  userId: string;
  userName: string | null;
}

export interface Workload {
  id: string;
  displayName: string;
  role: string;
  departmentName: string | null;
  openTasks: number;
}

const enc = encodeURIComponent;
type Ok = { ok: true };

export const processApi = {
  caseProcess: (caseId: string) => request<CaseProcess>('GET', `/api/cases/${enc(caseId)}/process`),
  staff: () => request<StaffMember[]>('GET', '/api/staff'),
  returnTargets: (taskId: string) => request<{ nodeIds: string[] }>('GET', `/api/tasks/${enc(taskId)}/return-targets`),
  returnTask: (taskId: string, targetNodeId: string, opinion: string) =>
    request<Ok>('POST', `/api/tasks/${enc(taskId)}/return`, { body: { targetNodeId, opinion } }),
  withdraw: (taskId: string, reason?: string) => request<Ok>('POST', `/api/tasks/${enc(taskId)}/withdraw`, { body: reason ? { reason } : {} }),
  claim: (taskId: string) => request<Ok>('POST', `/api/tasks/${enc(taskId)}/claim`, { body: {} }),
  unclaim: (taskId: string) => request<Ok>('POST', `/api/tasks/${enc(taskId)}/unclaim`, { body: {} }),
  transfer: (taskId: string, to: string, reason?: string) =>
    request<Ok>('POST', `/api/tasks/${enc(taskId)}/transfer`, { body: reason ? { to, reason } : { to } }),
  delegate: (taskId: string, to: string, reason?: string) =>
    request<Ok>('POST', `/api/tasks/${enc(taskId)}/delegate`, { body: reason ? { to, reason } : { to } }),
  resolve: (taskId: string, opinion?: string) => request<Ok>('POST', `/api/tasks/${enc(taskId)}/resolve`, { body: opinion ? { opinion } : {} }),
  addSigners: (taskId: string, users: string[]) => request<Ok>('POST', `/api/tasks/${enc(taskId)}/signers`, { body: { users } }),
  removeSigner: (taskId: string, signerIndex: number, reason?: string) =>
    request<Ok>('POST', `/api/tasks/${enc(taskId)}/signers/remove`, { body: reason ? { signerIndex, reason } : { signerIndex } }),
  operations: (caseId: string) => request<CaseOperations>('GET', `/api/cases/${enc(caseId)}/operations`),
  /** One page of 抄送我的 (unread first) and the number unread in all. */
  myCopies: (query: { state?: 'unread' | 'read' | undefined; cursor?: string | undefined; limit?: number } = {}) =>
    request<{ items: CopyView[]; unread: number; nextCursor: string | null }>('GET', '/api/copies', { query }),
  caseCopies: (caseId: string) => request<{ items: CopyView[] }>('GET', `/api/cases/${enc(caseId)}/copies`),
  workload: () => request<Workload[]>('GET', '/api/staff/workload'),
  handover: (from: string, to: string) => request<{ taskIds: string[] }>('POST', `/api/users/${enc(from)}/handover`, { body: { to } }),
  /** Who may take over every open task of `from` (the deciders of each task's department). */
  handoverTargets: (from: string) => request<{ items: StaffMember[] }>('GET', `/api/users/${enc(from)}/handover-targets`),
  urge: (taskId: string, message?: string) => request<Ok>('POST', `/api/tasks/${enc(taskId)}/urge`, { body: message ? { message } : {} }),
  copyTo: (caseId: string, users: string[], taskId?: string) =>
    request<Ok>('POST', `/api/cases/${enc(caseId)}/copies`, { body: taskId ? { users, taskId } : { users } }),
  markCopyRead: (copyId: string) => request<Ok>('POST', `/api/copies/${enc(copyId)}/read`, { body: {} }),
  suspend: (caseId: string, reason: string) => request<Ok>('POST', `/api/cases/${enc(caseId)}/suspend`, { body: { reason } }),
  resume: (caseId: string) => request<Ok>('POST', `/api/cases/${enc(caseId)}/resume`, { body: {} }),
};

export const processKey = (caseId: string) => ['cases', 'process', caseId] as const;
export const operationsKey = (caseId: string) => ['cases', 'process', caseId, 'operations'] as const;
export const copiesKey = ['copies'] as const;

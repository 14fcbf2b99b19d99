// The process screens' calls (server/src/modules/cases/step-routes.ts): a case's
// diagram and history, and the task operations on its steps.
import { http, ok } from '../api/http';
import type { QueryOf, ResponseOf } from '../api';

export type CaseProcess = ResponseOf<'/api/cases/{id}/process'>;
export type Highlight = CaseProcess['highlight'];
export type ProcessEntry = CaseProcess['entries'][number];
export type StaffMember = ResponseOf<'/api/staff'>[number];
/** What the signed-in person may do now on each step (the server's rules; the UI shows only these). */
export type CaseOperations = ResponseOf<'/api/cases/{id}/operations'>;
export type TaskOperation = CaseOperations['tasks'][number]['operations'][number];
export type SignerView = CaseOperations['tasks'][number]['removableSigners'][number];
export type CopyView = ResponseOf<'/api/copies'>['items'][number];
export type Workload = ResponseOf<'/api/staff/workload'>[number];

const onCase = (caseId: string) => ({ path: { id: caseId } });
const onTask = (taskId: string) => ({ path: { id: taskId } });

export const processApi = {
  caseProcess: (caseId: string) => ok(http.GET('/api/cases/{id}/process', { params: onCase(caseId) })),
  staff: () => ok(http.GET('/api/staff')),
  returnTargets: (taskId: string) => ok(http.GET('/api/tasks/{id}/return-targets', { params: onTask(taskId) })),
  returnTask: (taskId: string, targetNodeId: string, opinion: string) =>
    ok(http.POST('/api/tasks/{id}/return', { params: onTask(taskId), body: { targetNodeId, opinion } })),
  withdraw: (taskId: string, reason?: string) => ok(http.POST('/api/tasks/{id}/withdraw', { params: onTask(taskId), body: reason ? { reason } : {} })),
  claim: (taskId: string) => ok(http.POST('/api/tasks/{id}/claim', { params: onTask(taskId), body: {} })),
  unclaim: (taskId: string) => ok(http.POST('/api/tasks/{id}/unclaim', { params: onTask(taskId), body: {} })),
  transfer: (taskId: string, to: string, reason?: string) =>
    ok(http.POST('/api/tasks/{id}/transfer', { params: onTask(taskId), body: reason ? { to, reason } : { to } })),
  delegate: (taskId: string, to: string, reason?: string) =>
    ok(http.POST('/api/tasks/{id}/delegate', { params: onTask(taskId), body: reason ? { to, reason } : { to } })),
  resolve: (taskId: string, opinion?: string) => ok(http.POST('/api/tasks/{id}/resolve', { params: onTask(taskId), body: opinion ? { opinion } : {} })),
  addSigners: (taskId: string, users: string[]) => ok(http.POST('/api/tasks/{id}/signers', { params: onTask(taskId), body: { users } })),
  removeSigner: (taskId: string, signerIndex: number, reason?: string) =>
    ok(http.POST('/api/tasks/{id}/signers/remove', { params: onTask(taskId), body: reason ? { signerIndex, reason } : { signerIndex } })),
  operations: (caseId: string) => ok(http.GET('/api/cases/{id}/operations', { params: onCase(caseId) })),
  /** One page of 抄送我的 (unread first) and the number unread in all. */
  myCopies: (query: QueryOf<'/api/copies'> = {}) => ok(http.GET('/api/copies', { params: { query } })),
  caseCopies: (caseId: string) => ok(http.GET('/api/cases/{id}/copies', { params: onCase(caseId) })),
  workload: () => ok(http.GET('/api/staff/workload')),
  handover: (from: string, to: string) => ok(http.POST('/api/users/{id}/handover', { params: { path: { id: from } }, body: { to } })),
  /** Who may take over every open task of `from` (the deciders of each task's department). */
  handoverTargets: (from: string) => ok(http.GET('/api/users/{id}/handover-targets', { params: { path: { id: from } } })),
  urge: (taskId: string, message?: string) => ok(http.POST('/api/tasks/{id}/urge', { params: onTask(taskId), body: message ? { message } : {} })),
  copyTo: (caseId: string, users: string[], taskId?: string) =>
    ok(http.POST('/api/cases/{id}/copies', { params: onCase(caseId), body: taskId ? { users, taskId } : { users } })),
  markCopyRead: (copyId: string) => ok(http.POST('/api/copies/{id}/read', { params: { path: { id: copyId } } })),
  suspend: (caseId: string, reason: string) => ok(http.POST('/api/cases/{id}/suspend', { params: onCase(caseId), body: { reason } })),
  resume: (caseId: string) => ok(http.POST('/api/cases/{id}/resume', { params: onCase(caseId), body: {} })),
};

export const processKey = (caseId: string) => ['cases', 'process', caseId] as const;
export const operationsKey = (caseId: string) => ['cases', 'process', caseId, 'operations'] as const;
export const copiesKey = ['copies'] as const;

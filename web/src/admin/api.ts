// The designer's calls to /api/workflow (server/src/modules/workflow/routes.ts).
import { request } from '../api/client';

export type DefinitionStatus = 'draft' | 'published';

export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  elementId: string | null;
  elementType: string | null;
  zh: string;
  en: string;
}

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string | null;
  status: DefinitionStatus;
}

export interface DefinitionVersion extends DefinitionSummary {
  createdAt: string;
  publishedAt: string | null;
}

export interface ListedVersion extends DefinitionVersion {
  /** Instances running or suspended on this version now. */
  openInstances: number;
  totalInstances: number;
}

export interface ProcessEntry {
  key: string;
  name: string | null;
  published: ListedVersion | null;
  /** The draft newer than the published version, if any. */
  draft: ListedVersion | null;
  /** Newest first. */
  versions: ListedVersion[];
  /** Service items that start this process on acceptance. */
  items: { id: string; code: string; name: string; enabled: boolean }[];
}

export interface ExpressionCheck {
  valid: boolean;
  error?: { position: number; zh: string; en: string };
}

export interface Validation {
  findings: Finding[];
  errors: number;
  warnings: number;
}

export const workflowApi = {
  list: () => request<ProcessEntry[]>('GET', '/api/workflow/definitions'),
  get: (id: string) => request<DefinitionVersion & { xml: string }>('GET', `/api/workflow/definitions/${encodeURIComponent(id)}`),
  validate: (xml: string) => request<Validation>('POST', '/api/workflow/validate', { body: { xml } }),
  deploy: (xml: string, publish = false) => request<DefinitionSummary>('POST', '/api/workflow/definitions', { body: { xml, publish } }),
  publish: (id: string) => request<DefinitionSummary>('POST', `/api/workflow/definitions/${encodeURIComponent(id)}/publish`, { body: {} }),
  deleteDraft: (id: string) => request<{ id: string; key: string; version: number }>('DELETE', `/api/workflow/definitions/${encodeURIComponent(id)}`),
  checkExpression: (expression: string) => request<ExpressionCheck>('POST', '/api/workflow/expressions/check', { body: { expression } }),
  exportUrl: (id: string) => `/api/workflow/definitions/${encodeURIComponent(id)}/export`,
};

/** The findings a refused deploy carries (BPMN_INVALID details.findings). */
export function findingsOf(details: unknown): Finding[] | null {
  const findings = (details as { findings?: unknown } | null | undefined)?.findings;
  return Array.isArray(findings) ? (findings as Finding[]) : null;
}

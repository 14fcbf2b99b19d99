// The designer's calls to /api/workflow (server/src/modules/workflow/routes.ts).
import { http, ok } from '../api/http';
import type { ResponseOf } from '../api';

export type ProcessEntry = ResponseOf<'/api/workflow/definitions'>[number];
export type ListedVersion = ProcessEntry['versions'][number];
export type DefinitionStatus = ListedVersion['status'];
export type DefinitionVersion = Omit<ResponseOf<'/api/workflow/definitions/{id}'>, 'xml'>;
export type DefinitionSummary = ResponseOf<'/api/workflow/definitions', 'post'>;
export type Validation = ResponseOf<'/api/workflow/validate', 'post'>;
export type Finding = Validation['findings'][number];
export type ExpressionCheck = ResponseOf<'/api/workflow/expressions/check', 'post'>;

const onId = (id: string) => ({ path: { id } });

export const workflowApi = {
  list: () => ok(http.GET('/api/workflow/definitions')),
  get: (id: string) => ok(http.GET('/api/workflow/definitions/{id}', { params: onId(id) })),
  validate: (xml: string) => ok(http.POST('/api/workflow/validate', { body: { xml } })),
  deploy: (xml: string, publish = false) => ok(http.POST('/api/workflow/definitions', { body: { xml, publish } })),
  publish: (id: string) => ok(http.POST('/api/workflow/definitions/{id}/publish', { params: onId(id) })),
  deleteDraft: (id: string) => ok(http.DELETE('/api/workflow/definitions/{id}', { params: onId(id) })),
  checkExpression: (expression: string) => ok(http.POST('/api/workflow/expressions/check', { body: { expression } })),
  exportUrl: (id: string) => `/api/workflow/definitions/${encodeURIComponent(id)}/export`,
};

/** The findings a refused deploy carries (BPMN_INVALID details.findings). */
export function findingsOf(details: unknown): Finding[] | null {
  const findings = (details as { findings?: unknown } | null | undefined)?.findings;
  return Array.isArray(findings) ? (findings as Finding[]) : null;
}

// The audit log's calls (server/src/platform/audit/routes.ts).
import { http, ok, queryString } from '../../api/http';
import type { QueryOf, ResponseOf } from '../../api';

export type AuditEntry = ResponseOf<'/api/audit/log'>['items'][number];
export type AuditFilter = Omit<QueryOf<'/api/audit/log'>, 'before' | 'limit'>;
export type ChainCheck = ResponseOf<'/api/audit/verify'>;

/** The filter as a query string (empty values left out). */
export function auditQuery(f: AuditFilter, extra: Record<string, string | number> = {}): string {
  return queryString({ ...f, ...extra });
}

export const auditApi = {
  log: (f: AuditFilter, before?: number) => ok(http.GET('/api/audit/log', { params: { query: before ? { ...f, before, limit: 50 } : { ...f, limit: 50 } } })),
  verify: () => ok(http.GET('/api/audit/verify')),
  exportUrl: (f: AuditFilter) => `/api/audit/log/export?${auditQuery(f)}`,
};

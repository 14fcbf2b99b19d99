// The audit log's calls (server/src/platform/audit/routes.ts).
import { request } from '../../api/client';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  address: string | null;
  result: string;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetId?: string;
  result?: 'ok' | 'refused';
  from?: string;
  to?: string;
}

export type ChainCheck = { ok: boolean; checked: number; firstBroken: { seq: number; reason: 'missing' | 'link' | 'hash' } | null };

/** The filter as a query string (empty values left out). */
export function auditQuery(f: AuditFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

export const auditApi = {
  log: (f: AuditFilter, before?: number) =>
    request<{ items: AuditEntry[]; nextBefore: number | null }>('GET', `/api/audit/log?${auditQuery(f, before ? { before, limit: 50 } : { limit: 50 })}`),
  verify: () => request<ChainCheck>('GET', '/api/audit/verify'),
  exportUrl: (f: AuditFilter) => `/api/audit/log/export?${auditQuery(f)}`,
};

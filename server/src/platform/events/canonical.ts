import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: one byte string per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedContent {
  seq: number;
  id: string;
  type: string;
  schemaVersion: number;
  caseId: string | null;
  caseNo: string | null;
  departmentId: string | null;
  actorId: string | null;
  actorRole: string | null;
  occurredAt: string;
  payload: unknown;
}

/** hash = SHA-256(prevHash + canonical content); the genesis prevHash is 64 zeros. */
export function eventHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);

import type { ErrorEntry } from '../../platform/error-entry.ts';

export const ssoErrors = {
  SSO_CLIENT_NOT_FOUND: { status: 404, zh: '接入系统不存在', en: 'Connected system not found' },
} as const satisfies Record<string, ErrorEntry>;

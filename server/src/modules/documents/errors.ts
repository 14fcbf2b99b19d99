import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the documents module; merged into the one catalogue in platform/errors.ts. */
export const documentErrors = {
  DOCUMENT_NOT_FOUND: { status: 404, zh: '通知书不存在', en: 'Notice not found' },
} as const satisfies Record<string, ErrorEntry>;

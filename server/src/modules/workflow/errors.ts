import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the workflow module; merged into the one catalogue in platform/errors.ts. */
export const workflowErrors = {} as const satisfies Record<string, ErrorEntry>;

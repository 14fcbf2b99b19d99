import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the calendar module; merged into the one catalogue in platform/errors.ts. */
export const calendarErrors = {} as const satisfies Record<string, ErrorEntry>;

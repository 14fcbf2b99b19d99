/**
 * Office hours of a center: the deadline of a day is its close of office
 * (the "close of office on the last day"), in Asia/Shanghai.
 */
import { AppError } from '../../platform/errors.ts';
import { formatHhMm, parseHhMm } from './dates.ts';

export interface OfficeHours {
  /** Minutes since midnight when the center opens. */
  readonly open: number;
  /** Minutes since midnight when the center closes; a day's deadline. */
  readonly close: number;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { open: 9 * 60, close: 17 * 60 + 30 };

/** Office hours from `HH:MM` strings, refusing a close not after the open. */
export function officeHours(open: string, close: string): OfficeHours {
  const o = parseHhMm(open);
  const c = parseHhMm(close);
  if (o === undefined || c === undefined || c <= o) {
    throw new AppError('CALENDAR_OFFICE_HOURS_INVALID', { open, close });
  }
  return { open: o, close: c };
}

/** `{open: 'HH:MM', close: 'HH:MM'}` for storage and display. */
export function formatOfficeHours(h: OfficeHours): { open: string; close: string } {
  return { open: formatHhMm(h.open), close: formatHhMm(h.close) };
}

/**
 * Who may change calendars and office hours: the administrator, who keeps
 * the calendars (MISSION: administrator — calendars). Center managers read them.
 */
import { AppError } from '../../platform/errors.ts';
import type { CalendarActor } from './store.ts';

/** Throws FORBIDDEN unless the actor may edit calendars and office hours. */
export function authorizeCalendarEdit(actor: CalendarActor): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', { action: 'calendar.edit' });
}

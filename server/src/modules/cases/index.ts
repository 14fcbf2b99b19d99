/** The cases module's public face for other modules and the composition root. */
export { deemOverdueApplicationsAccepted } from './commands.ts';
export { applyCalendarChanges } from './clock-commands.ts';

/** The cases module's public face for other modules and the composition root. */
export { deemOverdueApplicationsAccepted } from './commands.ts';
export { applyCalendarChanges, calendarDeadlineConsumer } from './clock-commands.ts';
/** Background deadline recomputation after calendar edits: each node runs a worker; jobs and their progress. */
export { startRecomputeWorker, listRecomputeJobs, runRecomputeStep, recomputeBacklog } from './deadline-recompute.ts';
export type { RecomputeJob } from './deadline-recompute.ts';
/** Public results (办件结果公示) and the facts a rating needs; submitting an application (the portal submits drafts). */
export { listConcludedResults, caseRatingFacts, ownUploads } from './public-reads.ts';
export type { ConcludedResult, CaseRatingFacts } from './public-reads.ts';
export { submitApplication } from './commands.ts';
export type { Application, SubmitResult } from './commands.ts';
/** Window intake (modules/intake) builds its outcomes from these, inside its own transactions. */
export { checkApplication, concludeAtWindow, insertCase, lockCase, openHandling } from './commands.ts';
export type { CaseParties, LockedCase } from './commands.ts';
export { getCaseDetail } from './queries.ts';
export { loadClock } from './clock.ts';
export { attachUploads, findUpload } from './uploads.ts';
/** Case number, item, applicant and contact, for notifications. */
export { casePartiesOf } from './contacts.ts';
export type { CaseParties as CaseContactParties } from './contacts.ts';

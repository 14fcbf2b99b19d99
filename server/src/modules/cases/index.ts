/** The cases module's public face for other modules and the composition root. */
export { deemOverdueApplicationsAccepted } from './commands.ts';
export { applyCalendarChanges } from './clock-commands.ts';
/** Public results (办件结果公示) and the facts a rating needs; submitting an application (the portal submits drafts). */
export { listConcludedResults, caseRatingFacts, ownUploads } from './public-reads.ts';
export type { ConcludedResult, CaseRatingFacts } from './public-reads.ts';
export { submitApplication } from './commands.ts';
export type { Application, SubmitResult } from './commands.ts';
export { findUpload } from './uploads.ts';

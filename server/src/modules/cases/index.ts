/** The cases module's public face for other modules and the composition root. */
/**
 * Request and response schemas other modules' routes reuse (a walk-in
 * submission answers like an online one). Exported first: intake's schemas
 * extend them when they load, and the case page's reads load intake (owed
 * materials), so they must be ready before the rest of this file's imports.
 */
export { caseDetailSchema, idParams, submitBody, submitResponse } from './schemas.ts';
export { deemOverdueApplicationsAccepted } from './commands.ts';
export { applyCalendarChanges, calendarDeadlineConsumer } from './clock-commands.ts';
/** Background deadline recomputation after calendar edits: each node runs a worker; jobs and their progress. */
export { startRecomputeWorker, listRecomputeJobs, runRecomputeStep, recomputeBacklog } from './deadline-recompute.ts';
export type { RecomputeJob } from './deadline-recompute.ts';
/** Public results (办件结果公示) and the facts a rating needs; submitting an application (the portal submits drafts). */
export { listConcludedResults, caseRatingFacts } from './public-reads.ts';
export type { ConcludedResult, CaseRatingFacts } from './public-reads.ts';
export { submitApplication } from './commands.ts';
export type { Application, SubmitResult } from './commands.ts';
/** Window intake (modules/intake) builds its outcomes from these, inside its own transactions. */
export { checkApplication, concludeAtWindow, insertCase, lockCase, openHandling } from './commands.ts';
export type { CaseParties, LockedCase } from './commands.ts';
export { getCaseDetail } from './queries.ts';
export { loadClock } from './clock.ts';
/** Open steps' due moments now, moved by their cases' pauses (deadline warnings). */
export { currentStepDues } from './clock.ts';
/** Case number, item, applicant and contact, for notifications. */
export { casePartiesOf } from './contacts.ts';
export type { CaseParties as CaseContactParties } from './contacts.ts';
/** The case routes: applications and lists, uploads, the legal clock on a case, process steps. */
export { registerCaseRoutes } from './routes.ts';
export { registerClockRoutes } from './clock-routes.ts';
export { registerStepRoutes } from './step-routes.ts';
/** The sweep that concludes cases whose process ended without a decision step's conclusion. */
export { concludeEndedProcesses } from './process-end.ts';
/** The case commands the demo center's sample cases are made with (the routes call the same). */
export { acceptCase, refuseCase, completeTask } from './commands.ts';
/** The clerk's window must take in the item (ITEM_NOT_SERVED_AT_WINDOW; a walk-in needs a window at all). */
export { assertWindowTakesIn } from './commands.ts';
export { issueSupplementNotice } from './clock-commands.ts';
/** A moment's day in China time (YYYY-MM-DD), the day case numbers and lists use. */
export { chinaDay } from './rules.ts';
/** A case's deadlines from its stored inputs and the center's clock. */
export { deadlines, loadClockInputs } from './clock.ts';
/** Issues a case's notice (受理 / 不予受理 / 补正 / 办结) from its facts in the outcome's transaction. */
export { issueCaseNotice } from './notices.ts';
/** Case states and the one table of the moves between them. */
export { CASE_MOVES, assertCaseMove, canMoveCase, type CaseMove, type CaseStatus } from './rules.ts';
/** A case's number, department, item and state by id; a window clerk's case by its idempotency key. */
export { caseRefs, windowCaseByKey, applicationsOfProfile, type CaseRef } from './case-refs.ts';
/** The 审批项目统计汇总表's case counts per item and department over a period. */
export { caseCountsByItem, type ItemCaseCounts } from './item-counts.ts';

/** Window intake's public face: reads the cases module shows on a case (no imports from cases, so no cycle). */
export { owedMaterialsOf, type OwedMaterial } from './queries.ts';
/** The phones on applicant profiles, by profile id (notices to walk-in applicants). */
export { applicantPhones } from './queries.ts';
/** Window intake routes. */
export { registerIntakeRoutes } from './routes.ts';
/** The sweep that reports each overdue owed material once. */
export { reportOverdueOwedMaterials } from './commands.ts';
/** The window's commands the demo center's walk-in cases are made with. */
export { submitWalkIn, saveChecklist, concludeImmediate, type ApplicantInput } from './commands.ts';
/** The clerk's sign-in and sign-out (考勤); the demo center's sample days sign in with it. */
export { signAttendance } from './attendance.ts';

/**
 * The filters of the case lists and the to-do (GET /api/cases, GET /api/tasks),
 * as the server reads them and the browser sends them. Dates are center days,
 * YYYY-MM-DD; case number and applicant match by prefix.
 */
export interface CaseListFilters {
  status?: 'submitted' | 'supplement_requested' | 'accepted' | 'refused' | 'approved' | 'denied' | undefined;
  departmentId?: string | undefined;
  itemId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  caseNo?: string | undefined;
  applicant?: string | undefined;
}

/**
 * The principals of the authorization matrix: who calls. Each is a demo
 * account (or a registered citizen, or nobody) standing in a relation to the
 * objects the matrix test builds (world.ts):
 *
 * - `applicant`: the citizen who applied for the case (and owns its uploads,
 *   drafts, consultation and rating);
 * - `deptApprover` / `agencyHead`: approver and agency head of the case's
 *   department (市场监管), whose step is open;
 * - `otherApprover`: an approver of a department with nothing to do with it;
 * - `stepHolder`: an approver of a department with nothing to do with the
 *   applicant's case, given a step of another case in person (added to its
 *   countersign, 加签); they call the routes about *that* step and case, unless
 *   the row says `sameObject`;
 * - `copyRecipient`: an approver of another department sent a copy (抄送);
 * - `auditor`: the audit administrator (审计管理员), who reads the audit log and nothing else;
 * - `secadmin`: the security administrator (安全管理员), who makes roles and binds them;
 * - the other roles as themselves.
 *
 * The order is the order of the calls on each route: people who would
 * change the object (its applicant, its department) come last, so a refusal
 * is never an effect of an earlier call.
 */
export const PRINCIPALS = [
  'anonymous', 'otherApplicant', 'otherApprover', 'supervisor', 'auditor', 'secadmin', 'govHead', 'clerk', 'copyRecipient', 'stepHolder',
  'manager', 'admin', 'agencyHead', 'deptApprover', 'applicant',
] as const;

export type Principal = (typeof PRINCIPALS)[number];

/** The account each principal logs in as (`otherApplicant` registers first; `anonymous` sends no cookie). */
export const ACCOUNTS: Record<Exclude<Principal, 'anonymous' | 'otherApplicant'>, string> = {
  applicant: 'citizen',
  clerk: 'clerk',
  deptApprover: 'approver',
  otherApprover: 'approver_rsj',
  agencyHead: 'head_scjg',
  govHead: 'gov_head',
  manager: 'manager',
  supervisor: 'supervisor',
  auditor: 'auditor',
  secadmin: 'secadmin',
  admin: 'admin',
  stepHolder: 'approver_wjw',
  copyRecipient: 'approver_zjj',
};

export const OTHER_APPLICANT = { username: 'authz_other_citizen', password: 'Other-citizen-2026!', displayName: '钱多多' };

/** The main role of each signed-in principal's account: the one role every principal holds (切换角色 to it is allowed). */
export const MAIN_ROLES: Record<Exclude<Principal, 'anonymous'>, string> = {
  applicant: 'applicant', otherApplicant: 'applicant', clerk: 'clerk', deptApprover: 'approver', otherApprover: 'approver', agencyHead: 'agency_head',
  govHead: 'government_head', manager: 'manager', supervisor: 'supervisor', auditor: 'audit_admin', secadmin: 'security_admin', admin: 'admin',
  stepHolder: 'approver', copyRecipient: 'approver',
};

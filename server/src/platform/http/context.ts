import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';

/** What every module's routes and commands are given: the composition root builds it once. */
export interface AppContext {
  db: Db;
  clock: Clock;
  config: Config;
  /** Folder for uploaded files, outside any served folder. */
  uploadsDir: string;
}

/** agency_head (部门负责人) and government_head (政府负责人) approve extensions (行政许可法 第四十二条). */
/**
 * 三员分立: audit_admin (审计管理员) reads the audit log and nothing else;
 * security_admin (安全管理员) decides who may do what (roles and their
 * bindings); the system administrator runs the organisation, items and processes.
 */
export type Role = 'applicant' | 'clerk' | 'approver' | 'manager' | 'supervisor' | 'admin' | 'agency_head' | 'government_head' | 'supervision_leader' | 'audit_admin' | 'security_admin';

export const ROLES: readonly Role[] = ['applicant', 'clerk', 'approver', 'manager', 'supervisor', 'admin', 'agency_head', 'government_head', 'supervision_leader', 'audit_admin', 'security_admin'];

/** The authenticated caller, as every command and policy sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  /** The duty the person's role is based on: it decides data scope and what the handlers' policies allow. */
  role: Role;
  /** The person's role record (iam `roles.code`): the access gate checks its bindings. A built-in role's code is its duty. */
  roleCode: string;
  departmentId: string | null;
  /** The center the person works for (staff); null for applicants. */
  centerId: string | null;
}

/**
 * How far a role's lists reach (数据权限, issue #14): its own records, its
 * department, its department and the sub-units below, its center and the
 * centers below (县 → 乡镇/街道), or everything.
 */
export type DataScope = 'own' | 'department' | 'department_and_below' | 'center_and_below' | 'all';

/** The data scope of each role: an attribute of the role, applied by the case lists (cases/case-list.ts). */
export const ROLE_DATA_SCOPE: Record<Role, DataScope> = {
  applicant: 'own',
  approver: 'department',
  agency_head: 'department_and_below',
  clerk: 'center_and_below',
  manager: 'center_and_below',
  government_head: 'center_and_below',
  admin: 'all',
  // Supervision reads the event stream, never the case lists (cases answer FORBIDDEN).
  supervisor: 'own',
  supervision_leader: 'own',
  // The audit administrator reads the audit log, not the cases.
  audit_admin: 'own',
  // The security administrator works on roles and resources, not on cases.
  security_admin: 'own',
};

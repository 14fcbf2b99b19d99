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
export type Role = 'applicant' | 'clerk' | 'approver' | 'manager' | 'supervisor' | 'admin' | 'agency_head' | 'government_head' | 'supervision_leader';

export const ROLES: readonly Role[] = ['applicant', 'clerk', 'approver', 'manager', 'supervisor', 'admin', 'agency_head', 'government_head', 'supervision_leader'];

/** The authenticated caller, as every command and policy sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
}

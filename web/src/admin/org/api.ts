// The organisation console's calls (server/src/modules/org/routes.ts).
import { request } from '../../api/client';

export type CenterLevel = 'city' | 'county' | 'township';
export const CENTER_LEVELS: readonly CenterLevel[] = ['city', 'county', 'township'];

export interface CenterInput {
  code: string;
  name: string;
  level: CenterLevel;
  parentId: string | null;
  phone: string | null;
  address: string | null;
  sortOrder: number;
}
export interface Center extends CenterInput {
  id: string;
}

export interface DepartmentInput {
  centerId: string;
  code: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
  enabled: boolean;
}
export interface Department extends DepartmentInput {
  id: string;
}

export interface WindowInput {
  centerId: string;
  code: string;
  name: string;
  departmentId: string | null;
  hallPosition: string;
  phone: string | null;
  itemIds: string[];
  enabled: boolean;
}
export interface ServiceWindow extends WindowInput {
  id: string;
}

export interface Organisation {
  centers: Center[];
  departments: Department[];
  windows: ServiceWindow[];
}

export type StaffRole = 'clerk' | 'approver' | 'manager' | 'supervisor' | 'admin' | 'agency_head' | 'government_head' | 'supervision_leader' | 'audit_admin';
export const STAFF_ROLES: readonly StaffRole[] = ['clerk', 'approver', 'agency_head', 'manager', 'government_head', 'supervisor', 'supervision_leader', 'admin', 'audit_admin'];

export interface StaffInput {
  displayName: string;
  role: StaffRole;
  centerId: string;
  departmentId: string | null;
  windowId: string | null;
  phone: string | null;
  /** Must sign in with an authenticator app as well (两步验证). */
  secondFactorRequired: boolean;
}
export interface Staff extends StaffInput {
  id: string;
  username: string;
  status: 'active' | 'disabled';
  /** Has confirmed an authenticator app. */
  secondFactorEnrolled: boolean;
  /** Open steps held in person (assigned, claimed, delegated): they go through the handover before a deactivation. */
  openSteps: number;
}

/** A published item, to choose what a window takes in. */
export interface ItemOption {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
}

const enc = encodeURIComponent;

export const orgApi = {
  organisation: () => request<Organisation>('GET', '/api/admin/org'),
  saveCenter: (id: string | null, body: CenterInput) =>
    id ? request<Center>('PUT', `/api/admin/org/centers/${enc(id)}`, { body }) : request<Center>('POST', '/api/admin/org/centers', { body }),
  saveDepartment: (id: string | null, body: DepartmentInput) =>
    id ? request<Department>('PUT', `/api/admin/org/departments/${enc(id)}`, { body }) : request<Department>('POST', '/api/admin/org/departments', { body }),
  saveWindow: (id: string | null, body: WindowInput) =>
    id ? request<ServiceWindow>('PUT', `/api/admin/org/windows/${enc(id)}`, { body }) : request<ServiceWindow>('POST', '/api/admin/org/windows', { body }),
  items: () => request<ItemOption[]>('GET', '/api/items'),
  staff: () => request<{ items: Staff[] }>('GET', '/api/admin/staff'),
  createStaff: (body: StaffInput & { username: string; initialPassword: string }) => request<Staff>('POST', '/api/admin/staff', { body }),
  updateStaff: (id: string, body: StaffInput) => request<Staff>('PUT', `/api/admin/staff/${enc(id)}`, { body }),
  deactivate: (id: string) => request<Staff>('POST', `/api/admin/staff/${enc(id)}/deactivate`, { body: {} }),
  reactivate: (id: string) => request<Staff>('POST', `/api/admin/staff/${enc(id)}/reactivate`, { body: {} }),
  /** A lost phone and lost recovery codes: the authenticator goes and the person's sessions end. */
  resetSecondFactor: (id: string) => request<Staff>('POST', `/api/admin/staff/${enc(id)}/second-factor/reset`, { body: {} }),
};

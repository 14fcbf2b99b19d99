// 角色管理, 资源管理 and 权限管理's calls (server/src/modules/iam/access-routes.ts).
import { http, ok } from '../../api/http';
import type { RequestOf, ResponseOf } from '../../api';

export type RoleRecord = ResponseOf<'/api/admin/roles'>['items'][number];
export type RoleCreate = RequestOf<'/api/admin/roles', 'post'>;
export type RoleInput = RequestOf<'/api/admin/roles/{id}', 'put'>;
export type RoleBase = RoleCreate['base'];
export type ResourceNode = ResponseOf<'/api/admin/resources'>;
export type RolePerson = ResponseOf<'/api/admin/roles/{id}/people'>['items'][number];
export type ResourceCreate = RequestOf<'/api/admin/resources', 'post'>;
export type ResourceInput = RequestOf<'/api/admin/resources/{id}', 'put'>;

export const ROLE_BASES: readonly RoleBase[] = ['clerk', 'approver', 'agency_head', 'manager', 'government_head', 'supervisor', 'supervision_leader', 'admin', 'audit_admin', 'security_admin'];

const onId = (id: string) => ({ path: { id } });

export const ROLES_KEY = ['admin', 'roles'] as const;
export const RESOURCES_KEY = ['admin', 'resources'] as const;

export const accessApi = {
  roles: () => ok(http.GET('/api/admin/roles')),
  createRole: (body: RoleCreate) => ok(http.POST('/api/admin/roles', { body })),
  updateRole: (id: string, body: RoleInput) => ok(http.PUT('/api/admin/roles/{id}', { params: onId(id), body })),
  deleteRole: (id: string) => ok(http.DELETE('/api/admin/roles/{id}', { params: onId(id) })),
  rolePeople: (id: string) => ok(http.GET('/api/admin/roles/{id}/people', { params: onId(id) })),
  setRolePeople: (id: string, userIds: string[]) => ok(http.PUT('/api/admin/roles/{id}/people', { params: onId(id), body: { userIds } })),
  tree: () => ok(http.GET('/api/admin/resources')),
  addChild: (body: ResourceCreate) => ok(http.POST('/api/admin/resources', { body })),
  updateNode: (id: string, body: ResourceInput) => ok(http.PUT('/api/admin/resources/{id}', { params: onId(id), body })),
  move: (id: string, direction: 'up' | 'down') => ok(http.POST('/api/admin/resources/{id}/move', { params: onId(id), body: { direction } })),
  deleteNode: (id: string) => ok(http.DELETE('/api/admin/resources/{id}', { params: onId(id) })),
  bind: (id: string, roles: string[]) => ok(http.PUT('/api/admin/permissions/{id}', { params: onId(id), body: { roles } })),
};

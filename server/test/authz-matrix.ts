import type { CaseBundle, World } from './authz/world.ts';
import { catalogueUpload, orgUpload, letterCode, newStationClerk, orgBodies, pdfUpload } from './authz/world.ts';
import { MAIN_ROLES, OTHER_APPLICANT, PRINCIPALS, type Principal } from './authz/principals.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';

/**
 * The authorization matrix: for every route of docs/openapi.json, who may
 * call it (`allow`) — everyone else must be refused — and how the test calls
 * it (`call`: URL and a body that passes the route's schema, so the answer
 * is the route's own decision). server/test/authz-matrix.test.ts builds the
 * objects (authz/world.ts), calls every route as every principal
 * (authz/principals.ts) and fails on any difference, and on a route of the
 * OpenAPI document without a row here.
 *
 * Allowed means the route did not refuse the caller: not 401, not 403, and
 * not 404 (the system answers "not found" to whom may not see an object, and
 * every object the test names exists — but for NOT_REFUSALS, sub-objects it
 * names on purpose without them existing). A 400/409/422 after the checks — the
 * case already accepted, the form incomplete — counts as allowed: the caller
 * got past authorization. A route that changes a case runs on a case of its
 * own (`CaseBundle`, after `prepare`), made again after each call that
 * succeeded, so every principal meets the same state.
 *
 * To add a route: one row, `allow` listing who may call it, `call` saying how.
 */

export interface Call {
  url: string;
  body?: unknown;
  multipart?: { payload: Buffer; headers: Record<string, string> };
  /** A server-sent event stream: the answer is its status; the stream is closed at once. */
  stream?: true;
}

export interface CallContext {
  w: World;
  b: CaseBundle;
  p: Principal;
  /** The case and step the principal calls about: the step holder's own (加签) one, else the applicant's. */
  caseId: string;
  taskId: string;
  /** A fresh number for unique codes and keys. */
  n: number;
  /** What the row's `prepare` returned. */
  extra: Record<string, string>;
}

/** 404 codes about a sub-object the test names without making it (a material the case does not owe), answered after the caller was let through. */
export const NOT_REFUSALS: readonly string[] = ['OWED_NOT_FOUND', 'SV_CASE_UNKNOWN', 'WEBAUTHN_KEY_NOT_FOUND'];

export interface Row {
  allow: readonly Principal[];
  call: (x: CallContext) => Call;
  /**
   * Puts the route's fresh case in the state the operation applies to, acting
   * as a principal, before the calls; what it returns is `extra` in the call.
   * `signIn` starts another session of a principal and gives its id.
   */
  prepare?: (x: { b: CaseBundle; w: World; act: Act; signIn: (p: Principal) => Promise<string>; raiseCards: () => Promise<{ moveId: string }> }) => Promise<unknown>;
  /** Run `prepare` again after every call that succeeded (its object changed), as a route that changes a case does. */
  againAfterSuccess?: true;
  /** The step holder too calls about the applicant's case and step (not their own). */
  sameObject?: boolean;
  /** The call may end the caller's sessions: they sign in again afterwards. */
  endsSessions?: true;
}

export type Act = (p: Principal, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => Promise<unknown>;

/** A menu of its own under the resource tree's root, for a resource route to change. */
async function matrixNode(w: World, act: Act): Promise<{ rootId: string; nodeId: string }> {
  const { id: rootId } = (await act('admin', 'GET', '/api/admin/resources')) as { id: string };
  const n = w.next();
  const { id } = (await act('admin', 'POST', '/api/admin/resources', { parentId: rootId, kind: 'menu', code: `matrix-node-${n}`, name: `矩阵节点${n}` })) as { id: string };
  return { rootId, nodeId: id };
}

const everyone = PRINCIPALS;
const signedIn = PRINCIPALS.filter((p) => p !== 'anonymous');
const applicants = ['applicant', 'otherApplicant'] as const;
const staffPrincipals = signedIn.filter((p) => p !== 'applicant' && p !== 'otherApplicant');
/** Who reads the case (cases/policy.ts canReadCase): its applicant, the center's clerks, leaders and admins, its department, whoever holds a step of it or was sent a copy. */
const caseReaders = ['applicant', 'clerk', 'deptApprover', 'agencyHead', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'admin'] as const;
const get = (url: string) => (): Call => ({ url });
const ssoClientBody = {
  name: '档案管理系统', redirectUris: ['https://archive.example.gov.cn/callback'], postLogoutRedirectUris: [],
  backchannelLogoutUri: 'https://archive.example.gov.cn/backchannel-logout', enabled: true,
};

export const MATRIX: Record<string, Row> = {
  // ── Accounts ──
  'POST /api/auth/register': { allow: everyone, call: ({ n }) => ({ url: '/api/auth/register', body: { username: `authz_reg_${n}`, password: 'Register-2026-authz!', displayName: '注册' } }) },
  'POST /api/auth/login': { allow: everyone, call: () => ({ url: '/api/auth/login', body: { username: 'citizen', password: 'Tongban@2026' } }) },
  'POST /api/auth/logout': { allow: everyone, endsSessions: true, call: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { allow: signedIn, call: get('/api/auth/me') },
  // The sign-in page asks whether an external identity provider is offered: before anyone signs in.
  'GET /api/auth/external': { allow: everyone, call: get('/api/auth/external') },
  'DELETE /api/auth/external': { allow: staffPrincipals, call: () => ({ url: '/api/auth/external' }) },
  'PUT /api/auth/language': { allow: signedIn, call: () => ({ url: '/api/auth/language', body: { language: 'zh' } }) },
  'GET /api/auth/sessions': { allow: signedIn, call: get('/api/auth/sessions') },
  // Everyone signed in switches to the role they hold (their main one); nobody can switch to a role they do not hold (person-roles.test.ts).
  'PUT /api/auth/role': { allow: signedIn, call: ({ p }) => ({ url: '/api/auth/role', body: { code: p === 'anonymous' ? 'clerk' : MAIN_ROLES[p] } }) },
  // Everyone tries to end the applicant's other session; only the applicant may.
  'DELETE /api/auth/sessions/{id}': {
    allow: ['applicant'], call: ({ extra }) => ({ url: `/api/auth/sessions/${extra.sessionId}` }),
    prepare: async ({ signIn }) => ({ sessionId: await signIn('applicant') }),
  },
  'POST /api/auth/logout-everywhere': { allow: signedIn, endsSessions: true, call: () => ({ url: '/api/auth/logout-everywhere' }) },
  // Everyone signed in may change their own password: the right current one and a new one the policy refuses (nothing changes).
  'POST /api/auth/password': {
    allow: signedIn,
    call: ({ p }) => ({ url: '/api/auth/password', body: { currentPassword: p === 'otherApplicant' ? OTHER_APPLICANT.password : DEMO_PASSWORD, newPassword: 'short' } }),
  },

  // 两步验证 of one's own account: staff only. Nobody here has one, so the code routes answer SECOND_FACTOR_NOT_ENABLED / _NOT_STARTED after the check.
  'GET /api/auth/second-factor': { allow: staffPrincipals, call: get('/api/auth/second-factor') },
  'POST /api/auth/second-factor/setup': { allow: staffPrincipals, call: () => ({ url: '/api/auth/second-factor/setup', body: {} }) },
  'POST /api/auth/second-factor/confirm': { allow: staffPrincipals, call: () => ({ url: '/api/auth/second-factor/confirm', body: { code: '000000' } }) },
  'POST /api/auth/second-factor/recovery-codes': { allow: staffPrincipals, call: () => ({ url: '/api/auth/second-factor/recovery-codes', body: { code: '000000' } }) },
  'POST /api/auth/second-factor/disable': { allow: staffPrincipals, call: () => ({ url: '/api/auth/second-factor/disable', body: { code: '000000' } }) },
  // 安全密钥 of one's own account: staff only. The key answer is garbage (WEBAUTHN_RESPONSE_INVALID) and the key to remove does not exist (a sub-object named on purpose).
  'POST /api/auth/webauthn/registration-options': { allow: staffPrincipals, call: () => ({ url: '/api/auth/webauthn/registration-options', body: {} }) },
  'POST /api/auth/webauthn/keys': {
    allow: staffPrincipals,
    call: () => ({ url: '/api/auth/webauthn/keys', body: { name: '矩阵密钥', response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' } } } }),
  },
  'DELETE /api/auth/webauthn/keys/{id}': { allow: staffPrincipals, call: () => ({ url: '/api/auth/webauthn/keys/00000000-0000-4000-8000-000000000000' }) },
  // Public like the login: the right password of an account without keys answers WEBAUTHN_NOT_REGISTERED.
  'POST /api/auth/webauthn/login-options': { allow: everyone, call: () => ({ url: '/api/auth/webauthn/login-options', body: { username: 'citizen', password: 'Tongban@2026' } }) },

  // ── Catalogue (public) ──
  'GET /api/center': { allow: everyone, call: get('/api/center') },
  'GET /api/departments': { allow: everyone, call: get('/api/departments') },
  'GET /api/item-categories': { allow: everyone, call: get('/api/item-categories') },
  'GET /api/items': { allow: everyone, call: get('/api/items') },
  'GET /api/items/{id}': { allow: everyone, call: ({ w }) => ({ url: `/api/items/${w.itemId}` }) },
  'GET /api/items/{id}/materials/{materialId}/sample': { allow: everyone, call: ({ w }) => ({ url: `/api/items/${w.sampleItemId}/materials/${w.sampleMaterialId}/sample` }) },

  // ── Audit log (the audit administrator alone; 三员分立: not the system administrator) ──
  'GET /api/audit/log': { allow: ['auditor'], call: get('/api/audit/log?limit=5') },
  'GET /api/audit/log/export': { allow: ['auditor'], call: get('/api/audit/log/export?action=case.read') },
  'GET /api/audit/verify': { allow: ['auditor'], call: get('/api/audit/verify') },

  // ── Roles and resources (三员分立: roles and bindings are the security administrator's, the tree the system administrator's) ──
  'GET /api/auth/pages': { allow: signedIn, call: get('/api/auth/pages') },
  'GET /api/admin/roles': { allow: ['secadmin', 'admin'], call: get('/api/admin/roles') },
  'POST /api/admin/roles': { allow: ['secadmin'], call: ({ n }) => ({ url: '/api/admin/roles', body: { code: `matrix_${n}`, name: `矩阵角色${n}`, base: 'clerk' } }) },
  'PUT /api/admin/roles/{id}': {
    allow: ['secadmin'], call: ({ extra }) => ({ url: `/api/admin/roles/${extra.roleId}`, body: { name: '矩阵角色（改）' } }),
    prepare: async ({ w, act }) => ({ roleId: ((await act('secadmin', 'POST', '/api/admin/roles', { code: `matrix_${w.next()}`, name: '矩阵角色', base: 'clerk' })) as { id: string }).id }),
  },
  'DELETE /api/admin/roles/{id}': {
    allow: ['secadmin'], againAfterSuccess: true, call: ({ extra }) => ({ url: `/api/admin/roles/${extra.roleId}` }),
    prepare: async ({ w, act }) => ({ roleId: ((await act('secadmin', 'POST', '/api/admin/roles', { code: `matrix_${w.next()}`, name: '矩阵角色', base: 'clerk' })) as { id: string }).id }),
  },
  'GET /api/admin/roles/{id}/people': {
    allow: ['secadmin', 'admin'], call: ({ extra }) => ({ url: `/api/admin/roles/${extra.roleId}/people` }),
    prepare: async ({ act }) => ({ roleId: ((await act('secadmin', 'GET', '/api/admin/roles')) as { items: { id: string; code: string }[] }).items.find((r) => r.code === 'supervisor')!.id }),
  },
  'PUT /api/admin/roles/{id}/people': {
    allow: ['secadmin'], call: ({ extra }) => ({ url: `/api/admin/roles/${extra.roleId}/people`, body: { userIds: [] } }),
    prepare: async ({ w, act }) => ({ roleId: ((await act('secadmin', 'POST', '/api/admin/roles', { code: `matrix_${w.next()}`, name: '矩阵角色', base: 'clerk' })) as { id: string }).id }),
  },
  'GET /api/admin/resources': { allow: ['secadmin', 'admin'], call: get('/api/admin/resources') },
  'POST /api/admin/resources': {
    allow: ['admin'], call: ({ extra, n }) => ({ url: '/api/admin/resources', body: { parentId: extra.rootId, kind: 'menu', code: `matrix-${n}`, name: `矩阵菜单${n}` } }),
    prepare: async ({ act }) => ({ rootId: ((await act('admin', 'GET', '/api/admin/resources')) as { id: string }).id }),
  },
  'PUT /api/admin/resources/{id}': {
    allow: ['admin'], call: ({ extra }) => ({ url: `/api/admin/resources/${extra.nodeId}`, body: { name: '矩阵菜单（改）', enabled: true, parentId: extra.rootId } }),
    prepare: async ({ w, act }) => matrixNode(w, act),
  },
  'POST /api/admin/resources/{id}/move': {
    allow: ['admin'], call: ({ extra }) => ({ url: `/api/admin/resources/${extra.nodeId}/move`, body: { direction: 'up' } }),
    prepare: async ({ w, act }) => matrixNode(w, act),
  },
  'DELETE /api/admin/resources/{id}': {
    allow: ['admin'], againAfterSuccess: true, call: ({ extra }) => ({ url: `/api/admin/resources/${extra.nodeId}` }),
    prepare: async ({ w, act }) => matrixNode(w, act),
  },
  'PUT /api/admin/permissions/{id}': {
    allow: ['secadmin'], call: ({ extra }) => ({ url: `/api/admin/permissions/${extra.nodeId}`, body: { roles: ['admin', 'manager'] } }),
    prepare: async ({ w, act }) => matrixNode(w, act),
  },

  // ── Organisation and staff (system administrators) ──
  'GET /api/admin/org': { allow: ['admin'], call: get('/api/admin/org') },
  'GET /api/admin/org/export.xlsx': { allow: ['admin'], call: get('/api/admin/org/export.xlsx') },
  'POST /api/admin/org/import': { allow: ['admin'], call: () => ({ url: '/api/admin/org/import?dryRun=1', multipart: orgUpload() }) },
  'POST /api/admin/org/centers': { allow: ['admin'], call: ({ w, n }) => ({ url: '/api/admin/org/centers', body: { ...orgBodies(w.org).station, code: `AZ-C${n}`, name: `矩阵镇${n}` } }) },
  'PUT /api/admin/org/centers/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/org/centers/${w.org.stationId}`, body: orgBodies(w.org).station }) },
  'POST /api/admin/org/departments': { allow: ['admin'], call: ({ w, n }) => ({ url: '/api/admin/org/departments', body: { ...orgBodies(w.org).department, code: letterCode(n), name: `矩阵部门${n}` } }) },
  'PUT /api/admin/org/departments/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/org/departments/${w.org.departmentId}`, body: orgBodies(w.org).department }) },
  'POST /api/admin/org/windows': { allow: ['admin'], call: ({ w, n }) => ({ url: '/api/admin/org/windows', body: { ...orgBodies(w.org).window, code: `AZ-W${n}`, name: `矩阵窗口${n}` } }) },
  'PUT /api/admin/org/windows/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/org/windows/${w.org.windowId}`, body: orgBodies(w.org).window }) },
  'GET /api/admin/staff': { allow: ['admin'], call: get('/api/admin/staff') },
  'POST /api/admin/staff': { allow: ['admin'], call: ({ w, n }) => ({ url: '/api/admin/staff', body: newStationClerk(w.org, n) }) },
  'PUT /api/admin/staff/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/staff/${w.org.staffId}`, body: orgBodies(w.org).staff }) },
  // A fresh clerk for each call that succeeded: the next caller meets an active one again.
  'POST /api/admin/staff/{id}/deactivate': {
    allow: ['admin'], againAfterSuccess: true, call: ({ extra }) => ({ url: `/api/admin/staff/${extra.staffId}/deactivate`, body: {} }),
    prepare: async ({ w, act }) => ({ staffId: ((await act('admin', 'POST', '/api/admin/staff', newStationClerk(w.org, w.next()))) as { id: string }).id }),
  },
  'POST /api/admin/staff/{id}/second-factor/reset': {
    allow: ['admin'], call: ({ extra }) => ({ url: `/api/admin/staff/${extra.staffId}/second-factor/reset`, body: {} }),
    prepare: async ({ w, act }) => ({ staffId: ((await act('admin', 'POST', '/api/admin/staff', newStationClerk(w.org, w.next()))) as { id: string }).id }),
  },
  'POST /api/admin/staff/{id}/reactivate': {
    allow: ['admin'], againAfterSuccess: true, call: ({ extra }) => ({ url: `/api/admin/staff/${extra.staffId}/reactivate`, body: {} }),
    prepare: async ({ w, act }) => {
      const { id } = (await act('admin', 'POST', '/api/admin/staff', newStationClerk(w.org, w.next()))) as { id: string };
      await act('admin', 'POST', `/api/admin/staff/${id}/deactivate`);
      return { staffId: id };
    },
  },

  // ── Single sign-on: connected systems ──
  'GET /api/admin/sso/clients': { allow: ['admin'], call: get('/api/admin/sso/clients') },
  'POST /api/admin/sso/clients': { allow: ['admin'], call: () => ({ url: '/api/admin/sso/clients', body: ssoClientBody }) },
  'PUT /api/admin/sso/clients/{id}': {
    allow: ['admin'], call: ({ extra }) => ({ url: `/api/admin/sso/clients/${extra.clientId}`, body: ssoClientBody }),
    prepare: async ({ act }) => ({ clientId: ((await act('admin', 'POST', '/api/admin/sso/clients', ssoClientBody)) as { id: string }).id }),
  },
  'POST /api/admin/sso/clients/{id}/secret': {
    allow: ['admin'], call: ({ extra }) => ({ url: `/api/admin/sso/clients/${extra.clientId}/secret`, body: {} }),
    prepare: async ({ act }) => ({ clientId: ((await act('admin', 'POST', '/api/admin/sso/clients', ssoClientBody)) as { id: string }).id }),
  },
  'DELETE /api/admin/sso/external-identities/{userId}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/sso/external-identities/${w.org.staffId}` }) },
  'DELETE /api/admin/sso/clients/{id}': {
    allow: ['admin'], againAfterSuccess: true, call: ({ extra }) => ({ url: `/api/admin/sso/clients/${extra.clientId}` }),
    prepare: async ({ act }) => ({ clientId: ((await act('admin', 'POST', '/api/admin/sso/clients', ssoClientBody)) as { id: string }).id }),
  },

  // ── Catalogue administration ──
  'GET /api/admin/catalog/items': { allow: ['admin'], call: get('/api/admin/catalog/items') },
  'POST /api/admin/catalog/items': { allow: ['admin'], call: ({ w }) => ({ url: '/api/admin/catalog/items', body: { content: w.catalog.content } }) },
  'GET /api/admin/catalog/items/{id}/versions': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/items/${w.catalog.editItemId}/versions` }) },
  'POST /api/admin/catalog/items/{id}/draft': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/items/${w.catalog.plainItemId}/draft` }) },
  'PUT /api/admin/catalog/items/{id}/draft': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/items/${w.catalog.editItemId}/draft`, body: { content: w.catalog.content } }) },
  'DELETE /api/admin/catalog/items/{id}/draft': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/items/${w.catalog.dropItemId}/draft` }) },
  'POST /api/admin/catalog/items/{id}/publish': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/items/${w.catalog.publishItemId}/publish` }) },
  'GET /api/admin/catalog/items/{id}/diff': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/items/${w.catalog.editItemId}/diff?from=${w.catalog.publishedVersionId}&to=${w.catalog.editVersionId}` }) },
  'GET /api/admin/catalog/versions/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/versions/${w.catalog.editVersionId}` }) },
  'PUT /api/admin/catalog/versions/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/versions/${w.catalog.editVersionId}`, body: { content: w.catalog.content } }) },
  'POST /api/admin/catalog/categories': { allow: ['admin'], call: ({ n }) => ({ url: '/api/admin/catalog/categories', body: { code: `AUTHZ-C${n}`, name: `矩阵分类${n}`, parentId: null, sortOrder: 99 } }) },
  'PUT /api/admin/catalog/categories/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/categories/${w.catalog.categoryId}`, body: { code: 'AUTHZ-A', name: '矩阵分类甲', parentId: null, sortOrder: 90 } }) },
  'DELETE /api/admin/catalog/categories/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/catalog/categories/${w.catalog.dropCategoryId}` }) },
  'GET /api/admin/catalog/export': { allow: ['admin'], call: get('/api/admin/catalog/export?format=json') },
  'POST /api/admin/catalog/import': {
    allow: ['admin'],
    call: () => ({ url: '/api/admin/catalog/import?dryRun=1', multipart: catalogueUpload() }),
  },
  'GET /api/catalog/statistics': { allow: ['manager', 'admin'], call: get('/api/catalog/statistics?from=2026-09-01&to=2026-09-30') },
  'GET /api/catalog/statistics.xlsx': { allow: ['manager', 'admin'], call: get('/api/catalog/statistics.xlsx?from=2026-09-01&to=2026-09-30') },

  // ── Cases ──
  'POST /api/cases': { allow: applicants, call: ({ w, n }) => ({ url: '/api/cases', body: { itemId: w.itemId, formData: {}, materials: [], idempotencyKey: `authz-${n}` } }) },
  'GET /api/cases': { allow: signedIn, call: get('/api/cases') },
  'GET /api/cases/{id}': { allow: caseReaders, call: ({ caseId }) => ({ url: `/api/cases/${caseId}` }) },
  'POST /api/cases/{id}/accept': { allow: ['clerk'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/accept`, body: {} }) },
  'POST /api/cases/{id}/refuse': { allow: ['clerk'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/refuse`, body: { reason: '不属于本中心受理范围' } }) },
  'GET /api/tasks': { allow: ['deptApprover', 'otherApprover', 'stepHolder', 'copyRecipient'], call: get('/api/tasks') },
  'POST /api/tasks/{id}/complete': { allow: ['deptApprover', 'agencyHead', 'stepHolder'], call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/complete`, body: { outcome: 'approved', opinion: '准予许可' } }) },
  'GET /api/progress': { allow: everyone, call: ({ b }) => ({ url: `/api/progress?caseNo=${b.caseNo}&queryCode=${b.queryCode}` }) },
  'POST /api/uploads': { allow: signedIn, call: () => ({ url: '/api/uploads', multipart: pdfUpload() }) },
  'GET /api/uploads/{id}': { allow: ['applicant', 'clerk', 'deptApprover', 'agencyHead', 'copyRecipient', 'govHead', 'manager', 'admin'], call: ({ b }) => ({ url: `/api/uploads/${b.uploadId}` }) },
  'POST /api/cases/{id}/pauses': { allow: ['deptApprover', 'manager'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/pauses`, body: { type: 'hearing', reason: '听证', expectedLastDay: '2026-10-20' } }) },
  'POST /api/cases/{id}/pauses/end': { allow: ['deptApprover', 'manager'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/pauses/end`, body: {} }) },
  'POST /api/cases/{id}/extension': { allow: ['agencyHead'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/extension`, body: { workdays: 5, reason: '情况复杂' } }) },
  'POST /api/cases/{id}/supplement-notice': { allow: ['clerk'], call: ({ caseId, w }) => ({ url: `/api/cases/${caseId}/supplement-notice`, body: { items: [{ materialId: w.materialId, problem: 'missing' }] } }) },
  'POST /api/cases/{id}/supplement': { allow: ['applicant'], call: ({ caseId, w, b }) => ({ url: `/api/cases/${caseId}/supplement`, body: { materials: [{ materialId: w.materialId, uploadId: b.uploadId }] } }) },

  // ── Process and task operations ──
  'GET /api/cases/{id}/process': { allow: caseReaders, call: ({ caseId }) => ({ url: `/api/cases/${caseId}/process` }) },
  'GET /api/cases/{id}/operations': { allow: ['deptApprover', 'agencyHead', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'admin'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/operations` }) },
  'GET /api/copies': { allow: signedIn, call: get('/api/copies') },
  'GET /api/cases/{id}/copies': { allow: ['deptApprover', 'agencyHead', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'admin'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/copies` }) },
  'POST /api/cases/{id}/copies': { allow: ['deptApprover', 'agencyHead', 'stepHolder', 'manager', 'admin'], call: ({ caseId, w }) => ({ url: `/api/cases/${caseId}/copies`, body: { users: [w.userId.otherApprover] } }) },
  'GET /api/staff/workload': { allow: ['manager', 'admin'], call: get('/api/staff/workload') },
  'GET /api/tasks/{id}/return-targets': { allow: ['deptApprover', 'agencyHead', 'stepHolder'], call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/return-targets` }) },
  'POST /api/tasks/{id}/claim': { allow: ['deptApprover', 'agencyHead', 'stepHolder'], call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/claim`, body: {} }) },
  'POST /api/tasks/{id}/unclaim': {
    allow: ['deptApprover', 'stepHolder'], call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/unclaim`, body: {} }),
    prepare: ({ b, act }) => act('deptApprover', 'POST', `/api/tasks/${b.taskId}/claim`),
  },
  'POST /api/tasks/{id}/return': { allow: ['deptApprover', 'agencyHead', 'stepHolder'], call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/return`, body: { targetNodeId: 'review', opinion: '请重新审查' } }) },
  'POST /api/tasks/{id}/withdraw': {
    allow: ['deptApprover'], sameObject: true, call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/withdraw`, body: {} }),
    prepare: ({ b, act }) => act('deptApprover', 'POST', `/api/tasks/${b.taskId}/complete`, { outcome: 'approved', opinion: '审查通过' }),
  },
  'POST /api/tasks/{id}/transfer': { allow: ['deptApprover', 'agencyHead', 'stepHolder'], call: ({ taskId, w, p }) => ({ url: `/api/tasks/${taskId}/transfer`, body: { to: p === 'agencyHead' ? w.userId.deptApprover : w.userId.agencyHead } }) },
  'POST /api/tasks/{id}/delegate': { allow: ['deptApprover', 'agencyHead', 'stepHolder'], call: ({ taskId, w }) => ({ url: `/api/tasks/${taskId}/delegate`, body: { to: w.userId.manager } }) },
  'POST /api/tasks/{id}/resolve': {
    allow: ['stepHolder'], sameObject: true, call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/resolve`, body: { opinion: '已核查' } }),
    prepare: ({ b, w, act }) => act('deptApprover', 'POST', `/api/tasks/${b.taskId}/delegate`, { to: w.userId.stepHolder }),
  },
  'POST /api/tasks/{id}/signers': { allow: ['deptApprover', 'agencyHead', 'stepHolder'], call: ({ taskId, w }) => ({ url: `/api/tasks/${taskId}/signers`, body: { users: [w.userId.copyRecipient] } }) },
  'POST /api/tasks/{id}/signers/remove': { allow: ['deptApprover', 'agencyHead', 'stepHolder'], call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/signers/remove`, body: { signerIndex: 0 } }) },
  'POST /api/tasks/{id}/urge': { allow: ['agencyHead', 'manager', 'admin'], call: ({ taskId }) => ({ url: `/api/tasks/${taskId}/urge`, body: {} }) },
  'POST /api/copies/{id}/read': { allow: ['copyRecipient'], call: ({ b }) => ({ url: `/api/copies/${b.copyId}/read` }) },
  'POST /api/cases/{id}/suspend': { allow: ['manager', 'admin'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/suspend`, body: { reason: '等待司法裁决' } }) },
  'POST /api/cases/{id}/resume': { allow: ['manager', 'admin'], call: ({ caseId }) => ({ url: `/api/cases/${caseId}/resume`, body: {} }) },
  'POST /api/users/{id}/handover': { allow: ['manager', 'admin'], call: ({ w }) => ({ url: `/api/users/${w.userId.otherApprover}/handover`, body: { to: w.userId.deptApprover } }) },
  'GET /api/users/{id}/handover-targets': { allow: ['manager', 'admin'], call: ({ w }) => ({ url: `/api/users/${w.userId.deptApprover}/handover-targets` }) },
  'GET /api/staff': { allow: ['deptApprover', 'agencyHead', 'otherApprover', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'admin'], call: get('/api/staff') },

  // ── Calendar and legal clock ──
  'GET /api/calendar/regions': { allow: ['clerk', 'deptApprover', 'agencyHead', 'otherApprover', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'supervisor', 'admin'], call: get('/api/calendar/regions') },
  'POST /api/calendar/regions': { allow: ['admin'], call: ({ n }) => ({ url: '/api/calendar/regions', body: { code: `AZ${n}`, name: `矩阵地区${n}` } }) },
  'GET /api/calendar/{region}/years/{year}': { allow: ['clerk', 'deptApprover', 'agencyHead', 'otherApprover', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'supervisor', 'admin'], call: ({ w }) => ({ url: `/api/calendar/${w.calendar.region}/years/2026` }) },
  'PUT /api/calendar/{region}/days/{date}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/calendar/${w.calendar.region}/days/2026-12-19`, body: { kind: 'workday', name: '调休', reason: '矩阵测试' } }) },
  'POST /api/calendar/{region}/days/{date}/clear': { allow: ['admin'], call: ({ w }) => ({ url: `/api/calendar/${w.calendar.region}/days/2026-12-19/clear`, body: { reason: '矩阵测试' } }) },
  'POST /api/calendar/{region}/notice': { allow: ['admin'], call: ({ w }) => ({ url: `/api/calendar/${w.calendar.region}/notice`, body: { format: 'json', content: '[]' } }) },
  'GET /api/calendar/{region}/edits': { allow: ['manager', 'supervisor', 'admin'], call: ({ w }) => ({ url: `/api/calendar/${w.calendar.region}/edits` }) },
  'GET /api/calendar/settings': { allow: ['clerk', 'deptApprover', 'agencyHead', 'otherApprover', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'supervisor', 'admin'], call: get('/api/calendar/settings') },
  'PUT /api/calendar/settings': { allow: ['admin'], call: ({ w }) => ({ url: '/api/calendar/settings', body: { region: w.calendar.region, open: '09:00', close: '17:00', yellowWorkdays: 1 } }) },
  'GET /api/calendar/deadline': { allow: ['clerk', 'deptApprover', 'agencyHead', 'otherApprover', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'supervisor', 'admin'], call: get('/api/calendar/deadline?from=2026-09-24&days=20') },

  // ── Supervision ──
  'GET /api/supervision/events': { allow: ['manager', 'supervisor', 'admin'], call: get('/api/supervision/events') },
  'GET /api/supervision/chain': { allow: ['manager', 'supervisor', 'admin'], call: get('/api/supervision/chain') },
  'GET /api/supervision/cards': { allow: ['clerk', 'deptApprover', 'agencyHead', 'otherApprover', 'stepHolder', 'copyRecipient', 'govHead', 'manager', 'supervisor', 'admin'], call: get('/api/supervision/cards') },
  'GET /api/supervision/cards/{id}': { allow: ['deptApprover', 'agencyHead', 'supervisor'], call: ({ w }) => ({ url: `/api/supervision/cards/${w.cards.decidedId}` }) },
  'POST /api/supervision/cards/{id}/moves': {
    allow: ['supervisor'], againAfterSuccess: true, call: ({ extra }) => ({ url: `/api/supervision/cards/${extra.moveId}/moves`, body: { move: 'accept' } }),
    prepare: ({ raiseCards }) => raiseCards(),
  },
  'GET /api/supervision/cards/{id}/advice': { allow: ['deptApprover', 'agencyHead', 'supervisor'], call: ({ w }) => ({ url: `/api/supervision/cards/${w.cards.decidedId}/advice` }) },
  'GET /api/supervision/cards/{id}/evidence/{fileId}': { allow: ['supervisor'], call: ({ w }) => ({ url: `/api/supervision/cards/${w.cards.decidedId}/evidence/${w.cards.evidenceId}` }) },
  // 电子监察 platform: supervisors (and 监察负责人, not a principal here, who alone registers sources); the ingest door
  // answers only a registered source's signature, so every session is refused (INGEST_SOURCE_UNKNOWN).
  'POST /api/supervision/ingest': { allow: [], call: () => ({ url: '/api/supervision/ingest', body: { events: [] } }) },
  // The notices door likewise answers only a source's signature (its cards' notices, fetched by its approval side).
  'POST /api/supervision/notices': { allow: [], call: () => ({ url: '/api/supervision/notices', body: { ack: [] } }) },
  'GET /api/supervision/sources': { allow: ['supervisor'], call: get('/api/supervision/sources') },
  'POST /api/supervision/sources': { allow: [], call: ({ n }) => ({ url: '/api/supervision/sources', body: { id: `county-${n}`, name: '某县' } }) },
  'POST /api/supervision/sources/{id}/key': { allow: [], call: () => ({ url: '/api/supervision/sources/center/key' }) },
  'PATCH /api/supervision/sources/{id}': { allow: [], call: () => ({ url: '/api/supervision/sources/center', body: { enabled: true } }) },
  'GET /api/supervision/findings': { allow: ['supervisor'], call: get('/api/supervision/findings') },
  'GET /api/supervision/overview': { allow: ['supervisor'], call: get('/api/supervision/overview') },
  'GET /api/supervision/cases': { allow: ['supervisor'], call: get('/api/supervision/cases?prefix=2026') },
  'GET /api/supervision/cases/{caseNo}': { allow: ['supervisor'], call: get('/api/supervision/cases/NONE-0001') },
  'GET /api/supervision/anomalies': { allow: ['supervisor'], call: get('/api/supervision/anomalies') },
  'GET /api/supervision/volume': { allow: ['supervisor'], call: get('/api/supervision/volume') },
  'GET /api/supervision/attendance': { allow: ['supervisor'], call: get('/api/supervision/attendance') },
  'GET /api/supervision/fees': { allow: ['supervisor'], call: get('/api/supervision/fees') },
  'GET /api/supervision/live': { allow: ['supervisor'], call: () => ({ url: '/api/supervision/live', stream: true }) },
  'GET /api/intake/attendance': { allow: ['clerk'], call: get('/api/intake/attendance') },
  'POST /api/intake/attendance/sign-in': { allow: ['clerk'], call: () => ({ url: '/api/intake/attendance/sign-in', body: {} }) },
  'POST /api/intake/attendance/sign-out': { allow: ['clerk'], call: () => ({ url: '/api/intake/attendance/sign-out', body: {} }) },
  'GET /api/supervision/rules': { allow: ['supervisor'], call: get('/api/supervision/rules') },
  'PUT /api/supervision/rules': { allow: ['supervisor'], call: ({ w }) => ({ url: '/api/supervision/rules', body: w.cards.rules }) },
  'GET /api/supervision/forecast': { allow: ['supervisor'], call: get('/api/supervision/forecast') },

  // ── Process definitions ──
  'GET /api/workflow/definitions': { allow: ['manager', 'admin'], call: get('/api/workflow/definitions') },
  'POST /api/workflow/definitions': { allow: ['admin'], call: ({ w }) => ({ url: '/api/workflow/definitions', body: { xml: w.workflow.xml } }) },
  'GET /api/workflow/definitions/{id}': { allow: ['manager', 'admin'], call: ({ w }) => ({ url: `/api/workflow/definitions/${w.workflow.definitionId}` }) },
  'DELETE /api/workflow/definitions/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/workflow/definitions/${w.workflow.dropDraftId}` }) },
  'GET /api/workflow/definitions/{id}/export': { allow: ['manager', 'admin'], call: ({ w }) => ({ url: `/api/workflow/definitions/${w.workflow.definitionId}/export` }) },
  'POST /api/workflow/validate': { allow: ['admin'], call: ({ w }) => ({ url: '/api/workflow/validate', body: { xml: w.workflow.xml } }) },
  'POST /api/workflow/expressions/check': { allow: ['admin'], call: () => ({ url: '/api/workflow/expressions/check', body: { expression: 'amount > 100' } }) },
  'POST /api/workflow/definitions/{id}/publish': { allow: ['admin'], call: ({ w }) => ({ url: `/api/workflow/definitions/${w.workflow.publishDraftId}/publish` }) },

  // ── Notices ──
  'GET /api/cases/{id}/documents': { allow: caseReaders, call: ({ caseId }) => ({ url: `/api/cases/${caseId}/documents` }) },
  'GET /api/documents/{id}': { allow: ['applicant', 'clerk', 'deptApprover', 'agencyHead', 'copyRecipient', 'govHead', 'manager', 'admin'], call: ({ b }) => ({ url: `/api/documents/${b.documentId}` }) },

  // ── Portal ──
  'GET /api/portal/articles': { allow: everyone, call: get('/api/portal/articles') },
  'GET /api/portal/articles/{id}': { allow: everyone, call: ({ w }) => ({ url: `/api/portal/articles/${w.portal.articleId}` }) },
  'GET /api/portal/admin/articles': { allow: ['manager', 'admin'], call: get('/api/portal/admin/articles') },
  'POST /api/portal/admin/articles': { allow: ['admin'], call: ({ n }) => ({ url: '/api/portal/admin/articles', body: { category: 'news', title: `矩阵新闻${n}`, body: '正文', publishedAt: null } }) },
  'PUT /api/portal/admin/articles/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/portal/admin/articles/${w.portal.editArticleId}`, body: { category: 'news', title: '矩阵已改新闻', body: '正文', publishedAt: null, version: w.portal.editArticleVersion } }) },
  'DELETE /api/portal/admin/articles/{id}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/portal/admin/articles/${w.portal.dropArticleId}` }) },
  'GET /api/portal/search': { allow: everyone, call: get('/api/portal/search?q=yyzz') },
  'GET /api/portal/drafts': { allow: applicants, call: get('/api/portal/drafts') },
  'PUT /api/portal/drafts': { allow: applicants, call: ({ w }) => ({ url: '/api/portal/drafts', body: { itemId: w.portal.draftItemId, formData: {}, materials: [] } }) },
  'GET /api/portal/drafts/by-item/{id}': { allow: applicants, call: ({ w }) => ({ url: `/api/portal/drafts/by-item/${w.portal.draftItemId}` }) },
  'DELETE /api/portal/drafts/{id}': { allow: ['applicant'], call: ({ w }) => ({ url: `/api/portal/drafts/${w.portal.dropDraftId}` }) },
  'POST /api/portal/drafts/{id}/submit': { allow: ['applicant'], call: ({ w, n }) => ({ url: `/api/portal/drafts/${w.portal.submitDraftId}/submit`, body: { idempotencyKey: `authz-draft-${n}` } }) },
  'GET /api/portal/results': { allow: everyone, call: get('/api/portal/results') },
  'POST /api/portal/messages': { allow: ['applicant', 'otherApplicant', 'anonymous'], call: ({ w }) => ({ url: '/api/portal/messages', body: { kind: 'complaint', departmentId: null, itemId: w.itemId, subject: '矩阵投诉', body: '窗口排队太久', contactName: '矩阵', contactPhone: '13800000000' } }) },
  'GET /api/portal/messages': { allow: ['deptApprover', 'agencyHead', 'otherApprover', 'stepHolder', 'copyRecipient', 'manager', 'admin'], call: get('/api/portal/messages') },
  'GET /api/portal/messages/mine': { allow: applicants, call: get('/api/portal/messages/mine') },
  'GET /api/portal/messages/lookup': { allow: everyone, call: ({ w }) => ({ url: `/api/portal/messages/lookup?ticketNo=${w.portal.ticketNo}&queryCode=${w.portal.ticketCode}` }) },
  'POST /api/portal/messages/{id}/answer': { allow: ['deptApprover', 'agencyHead', 'manager'], call: ({ w }) => ({ url: `/api/portal/messages/${w.portal.messageId}/answer`, body: { answer: '请携带营业执照原件。' } }) },
  'GET /api/portal/cases/{caseId}/rating': { allow: ['applicant', 'manager', 'supervisor'], call: ({ caseId }) => ({ url: `/api/portal/cases/${caseId}/rating` }) },
  'POST /api/portal/cases/{caseId}/rating': { allow: ['applicant'], call: ({ caseId }) => ({ url: `/api/portal/cases/${caseId}/rating`, body: { level: 'satisfied' } }) },

  // ── Form designer ──
  'GET /api/admin/forms': { allow: ['admin'], call: get('/api/admin/forms') },
  'GET /api/admin/forms/{itemId}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/forms/${w.form.itemId}` }) },
  'PUT /api/admin/forms/{itemId}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/forms/${w.form.itemId}`, body: { form: w.form.form, revision: w.form.revision } }) },
  'POST /api/admin/forms/check': { allow: ['admin'], call: ({ w }) => ({ url: '/api/admin/forms/check', body: { form: w.form.form } }) },

  // ── Window intake ──
  'GET /api/intake/applicants/lookup': { allow: ['clerk', 'manager', 'admin'], call: ({ w }) => ({ url: `/api/intake/applicants/lookup?kind=enterprise&number=${w.enterpriseCode}` }) },
  'POST /api/intake/cases': {
    allow: ['clerk'],
    call: ({ w, n }) => ({ url: '/api/intake/cases', body: { itemId: w.itemId, formData: {}, materials: [], idempotencyKey: `authz-walkin-${n}`, applicant: { kind: 'enterprise', idNumber: w.enterpriseCode, name: '矩阵科技有限公司' } } }),
  },
  'GET /api/intake/cases/{id}/checklist': { allow: ['clerk', 'deptApprover', 'stepHolder', 'copyRecipient', 'manager', 'admin'], call: ({ caseId }) => ({ url: `/api/intake/cases/${caseId}/checklist` }) },
  'PUT /api/intake/cases/{id}/checklist': { allow: ['clerk'], call: ({ caseId, w }) => ({ url: `/api/intake/cases/${caseId}/checklist`, body: { items: [{ materialId: w.materialId, status: 'received' }] } }) },
  'POST /api/intake/cases/{id}/accept-deficient': { allow: ['clerk'], call: ({ caseId, w }) => ({ url: `/api/intake/cases/${caseId}/accept-deficient`, body: { materialIds: [w.materialId], workdays: 5 } }) },
  'POST /api/intake/cases/{id}/owed/{materialId}/receive': { allow: ['clerk'], call: ({ caseId, w }) => ({ url: `/api/intake/cases/${caseId}/owed/${w.materialId}/receive`, body: {} }) },
  'POST /api/intake/cases/{id}/conclude': { allow: ['clerk'], call: ({ caseId }) => ({ url: `/api/intake/cases/${caseId}/conclude`, body: {} }) },
  'GET /api/intake/owed': { allow: ['clerk', 'manager', 'admin'], call: get('/api/intake/owed') },

  // ── Operations ──
  'GET /api/admin/consumers': { allow: ['admin'], call: get('/api/admin/consumers') },
  'GET /api/calendar/recomputes': { allow: ['supervisor', 'manager', 'admin'], call: get('/api/calendar/recomputes') },

  // ── Notifications ──
  'GET /api/notify/inbox': { allow: signedIn, call: get('/api/notify/inbox') },
  'GET /api/notify/unread': { allow: signedIn, call: get('/api/notify/unread') },
  'POST /api/notify/inbox/read': { allow: signedIn, call: () => ({ url: '/api/notify/inbox/read', body: {} }) },
  'GET /api/notify/stream': { allow: signedIn, call: () => ({ url: '/api/notify/stream', stream: true }) },
  'GET /api/notify/preferences': { allow: signedIn, call: get('/api/notify/preferences') },
  'PUT /api/notify/preferences/{kind}': { allow: signedIn, call: () => ({ url: '/api/notify/preferences/case.accepted', body: { channels: ['inapp'] } }) },
  'GET /api/notify/contact': { allow: signedIn, call: get('/api/notify/contact') },
  'PUT /api/notify/contact': { allow: signedIn, call: () => ({ url: '/api/notify/contact', body: { phone: '13800138000', email: null } }) },
  'GET /api/admin/notify/templates': { allow: ['admin'], call: get('/api/admin/notify/templates') },
  'PUT /api/admin/notify/templates/{kind}': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/notify/templates/${w.template.kind}`, body: { ...w.template.text, version: w.template.version } }) },
  'POST /api/admin/notify/templates/{kind}/preview': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/notify/templates/${w.template.kind}/preview`, body: w.template.text }) },
  'GET /api/admin/notify/outbox': { allow: ['admin'], call: get('/api/admin/notify/outbox') },
  'GET /api/admin/notify/outbox/{id}/audit': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/notify/outbox/${w.outboxId}/audit` }) },
  'POST /api/admin/notify/outbox/{id}/resend': { allow: ['admin'], call: ({ w }) => ({ url: `/api/admin/notify/outbox/${w.outboxId}/resend` }) },
  'GET /api/admin/notify/depth': { allow: ['admin'], call: get('/api/admin/notify/depth') },
};

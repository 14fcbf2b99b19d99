/**
 * The org module's public face: the administrator's organisation and staff
 * console (issue #14). It owns no table: centers, departments and windows are
 * the catalogue's, accounts iam's; it checks one against the other and keeps
 * people with open steps from being deactivated.
 */
/** 组织机构 and 人员管理 routes (/api/admin/org, /api/admin/staff). */
export { registerOrgRoutes } from './routes.ts';

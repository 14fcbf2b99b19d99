import type { Role } from '../../platform/http/context.ts';

/**
 * The shells and pages of the web UI as the resource tree first holds them
 * (issue 14: 资源管理). A page's code is its path in the browser, so a shell's
 * menu finds it; `api` lists the route prefixes whose API nodes are first put
 * under the page (disable the page and they answer 403); `roles` are the roles
 * first bound to the page (whose menus show it). Routes no page claims go
 * under a group per OpenAPI tag. Later changes are the administrators': the
 * seed only adds what is missing.
 */
export interface PageDeclaration {
  path: string;
  name: string;
  nameEn: string;
  roles: readonly Role[];
  api?: readonly string[];
}

export interface ShellDeclaration {
  code: string;
  name: string;
  nameEn: string;
  pages: readonly PageDeclaration[];
}

const DECIDERS: readonly Role[] = ['clerk', 'approver', 'agency_head', 'manager', 'admin', 'government_head'];
const SUPERVISION: readonly Role[] = ['supervisor', 'supervision_leader', 'admin', 'manager'];

export const SHELLS: readonly ShellDeclaration[] = [
  {
    code: '/workbench', name: '工作台', nameEn: 'Workbench', pages: [
      { path: '/workbench/intake', name: '窗口受理', nameEn: 'Intake', roles: ['clerk', 'manager', 'admin'], api: ['/api/intake/cases', '/api/intake/applicants'] },
      { path: '/workbench/walk-in', name: '现场登记', nameEn: 'Walk-in', roles: ['clerk'] },
      { path: '/workbench/owed', name: '容缺后补', nameEn: 'Owed materials', roles: ['clerk', 'manager', 'admin'], api: ['/api/intake/owed'] },
      { path: '/workbench/tasks', name: '待办任务', nameEn: 'My tasks', roles: ['approver'], api: ['/api/tasks'] },
      { path: '/workbench/cases', name: '全部办件', nameEn: 'All cases', roles: ['manager', 'admin', 'agency_head', 'government_head'] },
      { path: '/workbench/my-cards', name: '我的督办', nameEn: 'My supervision cards', roles: DECIDERS },
      { path: '/workbench/calendar', name: '工作日历', nameEn: 'Calendar', roles: ['admin', 'manager'], api: ['/api/calendar'] },
      { path: '/workbench/copies', name: '抄送我的', nameEn: 'Copies', roles: DECIDERS, api: ['/api/copies'] },
      { path: '/workbench/handover', name: '工作交接', nameEn: 'Handover', roles: ['manager', 'admin'], api: ['/api/staff/workload'] },
    ],
  },
  {
    code: '/admin', name: '后台管理', nameEn: 'Admin console', pages: [
      { path: '/admin/processes', name: '流程设计', nameEn: 'Processes', roles: ['admin', 'manager'], api: ['/api/workflow'] },
      { path: '/admin/portal', name: '门户文章', nameEn: 'Portal articles', roles: ['admin', 'manager'], api: ['/api/portal/admin'] },
      { path: '/admin/forms', name: '表单设计', nameEn: 'Forms', roles: ['admin'], api: ['/api/admin/forms'] },
      { path: '/admin/catalog', name: '事项目录', nameEn: 'Catalogue', roles: ['admin'], api: ['/api/admin/catalog'] },
      { path: '/admin/statistics', name: '统计分析', nameEn: 'Statistics', roles: ['admin', 'manager'], api: ['/api/catalog/statistics'] },
      { path: '/admin/notify/templates', name: '通知模板', nameEn: 'Notice templates', roles: ['admin'], api: ['/api/admin/notify/templates'] },
      { path: '/admin/notify/outbox', name: '发送队列', nameEn: 'Outbox', roles: ['admin'], api: ['/api/admin/notify/outbox'] },
      { path: '/admin/org', name: '组织机构', nameEn: 'Organisation', roles: ['admin'], api: ['/api/admin/org'] },
      { path: '/admin/staff', name: '人员管理', nameEn: 'Staff', roles: ['admin'], api: ['/api/admin/staff'] },
      { path: '/admin/sso', name: '单点登录', nameEn: 'Single sign-on', roles: ['admin'], api: ['/api/admin/sso'] },
      { path: '/admin/roles', name: '角色管理', nameEn: 'Roles', roles: ['security_admin'], api: ['/api/admin/roles'] },
      { path: '/admin/permissions', name: '权限管理', nameEn: 'Permissions', roles: ['security_admin'], api: ['/api/admin/permissions'] },
      { path: '/admin/resources', name: '资源管理', nameEn: 'Resources', roles: ['admin'], api: ['/api/admin/resources'] },
      { path: '/admin/audit', name: '安全审计', nameEn: 'Audit log', roles: ['audit_admin'], api: ['/api/audit'] },
    ],
  },
  {
    code: '/supervision', name: '电子监察', nameEn: 'Supervision', pages: [
      { path: '/supervision', name: '总览', nameEn: 'Overview', roles: SUPERVISION, api: ['/api/supervision/overview', '/api/supervision/live'] },
      { path: '/supervision/process', name: '过程监察', nameEn: 'Process', roles: SUPERVISION, api: ['/api/supervision/cases', '/api/supervision/events', '/api/supervision/chain'] },
      { path: '/supervision/anomalies', name: '异常', nameEn: 'Anomalies', roles: SUPERVISION, api: ['/api/supervision/anomalies', '/api/supervision/rules'] },
      { path: '/supervision/volume', name: '业务量', nameEn: 'Volume', roles: SUPERVISION, api: ['/api/supervision/volume', '/api/supervision/forecast'] },
      { path: '/supervision/attendance', name: '考勤', nameEn: 'Attendance', roles: SUPERVISION, api: ['/api/supervision/attendance'] },
      { path: '/supervision/fees', name: '收费', nameEn: 'Fees', roles: SUPERVISION, api: ['/api/supervision/fees'] },
      { path: '/supervision/sources', name: '接入来源', nameEn: 'Sources', roles: SUPERVISION, api: ['/api/supervision/sources', '/api/supervision/findings'] },
    ],
  },
];

/** The page whose prefix claims this route (the longest), if any. */
export function claimingPage(url: string): string | null {
  let best: { path: string; len: number } | null = null;
  for (const shell of SHELLS) {
    for (const page of shell.pages) {
      for (const prefix of page.api ?? []) {
        if ((url === prefix || url.startsWith(`${prefix}/`)) && (!best || prefix.length > best.len)) best = { path: page.path, len: prefix.length };
      }
    }
  }
  return best?.path ?? null;
}

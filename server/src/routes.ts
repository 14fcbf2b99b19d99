import type { Api } from './platform/http/app.ts';
import type { AppContext } from './platform/http/context.ts';
import { registerAccess, registerIamRoutes } from './modules/iam/index.ts';
import { departmentsByIds, itemsBindingProcesses, registerCatalogRoutes, registerFormDesignerRoutes, theCenterId } from './modules/catalog/index.ts';
import { caseCountsByItem, getCaseDetail, registerCaseRoutes, registerClockRoutes, registerStepRoutes } from './modules/cases/index.ts';
import { registerUploadRoutes } from './modules/files/index.ts';
import { registerCalendarRoutes } from './modules/calendar/index.ts';
import { registerWorkflowRoutes } from './modules/workflow/index.ts';
import { registerDocumentRoutes } from './modules/documents/index.ts';
import { registerPortalRoutes } from './modules/portal/index.ts';
import { registerFormRoutes } from './modules/forms/index.ts';
import { registerIntakeRoutes } from './modules/intake/index.ts';
import { registerCardRoutes, registerSupervisionRoutes } from './modules/supervision/index.ts';
import { registerNotifyRoutes } from './modules/notify/index.ts';
import { registerOrgRoutes } from './modules/org/index.ts';
import { registerSsoRoutes, SsoProviders } from './modules/sso/index.ts';
import { registerOpsRoutes } from './platform/ops/routes.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';

/**
 * Which routes this process serves, in the order of the OpenAPI document. A supervision platform of its
 * own (--role supervision) serves accounts, messages and supervision only; an
 * approval side that publishes elsewhere (--role approval) no supervision.
 */
export function registerRoutes(api: Api, ctx: AppContext): void {
  const role = ctx.config.role ?? 'all';
  // First: the access gate sees every route registered after it (roles and resources, issue 14).
  registerAccess(api, ctx);
  // A person's own view names their department: the catalogue's read (the catalogue calls iam, not the other way).
  registerIamRoutes(api, ctx, async (q, id) => (await departmentsByIds(q, [id])).get(id)?.name ?? null);
  if (role !== 'supervision') {
    // The catalogue's statistics count cases: the cases module's read.
    registerCatalogRoutes(api, ctx, caseCountsByItem);
    registerCaseRoutes(api, ctx);
    // A staff member reaches an uploaded material through the case it belongs to.
    registerUploadRoutes(api, ctx, getCaseDetail);
    registerClockRoutes(api, ctx);
    registerStepRoutes(api, ctx);
    // The clock's settings are the calendar's; the center they belong to is the catalogue's.
    registerCalendarRoutes(api, ctx, theCenterId);
    // The process list shows the items binding each key: the catalogue's read.
    registerWorkflowRoutes(api, ctx, itemsBindingProcesses);
    // A case's notices are seen by whoever may see the case.
    registerDocumentRoutes(api, ctx, getCaseDetail);
    registerPortalRoutes(api, ctx);
    registerFormDesignerRoutes(api, ctx);
    registerFormRoutes(api, ctx);
    registerIntakeRoutes(api, ctx);
    registerOrgRoutes(api, ctx);
    // Single sign-on for the center's other systems: its staff sign in with their Tongban account.
    registerSsoRoutes(api, ctx, new SsoProviders(ctx));
  }
  if (role !== 'approval') {
    registerSupervisionRoutes(api, ctx);
    registerCardRoutes(api, ctx);
  }
  registerOpsRoutes(api, ctx);
  registerAuditRoutes(api, ctx);
  registerNotifyRoutes(api, ctx);
}

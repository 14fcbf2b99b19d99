import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { AccessCache, registerAccessGate, seedResources, type DeclaredRoute } from './access.ts';

/**
 * Roles and the resource tree (issue 14): the access gate in front of every
 * route registered after this call, which seeds the tree from those routes
 * before it first reads it.
 */
export function registerAccess(app: Api, ctx: AppContext): AccessCache {
  const routes: DeclaredRoute[] = [];
  const cache = new AccessCache(ctx.db, () => seedResources(ctx.db, routes));
  registerAccessGate(app, cache, routes);
  return cache;
}

import { buildHttpApp, type App, type BuildOptions } from './platform/http/app.ts';
import type { AppContext } from './platform/http/context.ts';
import { registerRoutes } from './routes.ts';
import { metricSources } from './metric-sources.ts';

/** The whole HTTP app: the platform's plugins with every module's routes (routes.ts) and metrics (metric-sources.ts). */
export function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<App> {
  return buildHttpApp(ctx, { routes: registerRoutes, metrics: metricSources() }, opts);
}

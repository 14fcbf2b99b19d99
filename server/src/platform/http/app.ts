import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { projectPath } from '../paths.ts';
import Fastify, {
  type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import { jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { openApiTransform } from './responses.ts';
import type { AppContext } from './context.ts';
import { frameworkErrorHandler, registerErrorHandler } from './error-handler.ts';
import { localeFrom, messageFor } from '../errors.ts';
import { registerSessionHook } from './auth.ts';
import { registerAuditHook } from '../audit/hook.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerCrossSiteCheck } from './cross-site.ts';
import { registerInputGuard } from './input-guard.ts';
import { clockStore } from './rate-limit.ts';
import { AppError } from '../errors.ts';
import { registerMetrics, type MetricSource } from '../ops/metrics.ts';

export type App = FastifyInstance;
/** The app as route modules see it: zod schemas type each handler's input. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The built web UI; TONGBAN_WEB_DIST serves a build kept elsewhere. */
export const webDistDir = process.env.TONGBAN_WEB_DIST
  ? path.resolve(process.env.TONGBAN_WEB_DIST)
  : projectPath('web', 'dist');

export interface BuildOptions {
  logger?: boolean | { level: string };
  /** Serve the built web UI from web/dist (off in API tests). */
  serveWeb?: boolean;
}

/** What the composition root plugs into the platform's HTTP app (server/src/app.ts). */
export interface HttpParts {
  /** Registers the routes this process serves (the modules' and the platform's operations routes). */
  routes: (api: Api, ctx: AppContext) => void;
  /** What modules add to /metrics. */
  metrics: MetricSource[];
}

/**
 * Builds the HTTP app: plugins, error catalogue, OpenAPI, session and input
 * hooks, metrics, the web UI; the routes are handed in by the composition root
 * (server/src/routes.ts), so the platform imports no module.
 */
export async function buildHttpApp(ctx: AppContext, parts: HttpParts, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // Only listed proxies may say who the client is (X-Forwarded-For) and how it came (X-Forwarded-Proto).
    trustProxy: ctx.config.trustProxy.length ? ctx.config.trustProxy : false,
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await registerSecurityHeaders(app, ctx.config);
  registerCrossSiteCheck(app, ctx.config.publicUrl);
  await app.register(cookie);
  // Per-route limits (config.rateLimit on a route), keyed by the client address.
  await app.register(rateLimit, {
    global: false,
    store: clockStore(ctx.clock),
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, limit) => new AppError('RATE_LIMITED', { retryAfterMs: limit.ttl }),
  });
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tongban 通办 API', version: '0.1.0', description: '行政审批与电子监察平台 API。错误体：{code, message, correlationId}。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tb_session' } } },
    },
    transform: openApiTransform,
    // Schemas registered with an id (a recursive one: the resource tree) become components the routes refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSessionHook(app, ctx);
  registerAuditHook(app, ctx);
  registerInputGuard(app);

  const api = app.withTypeProvider<ZodTypeProvider>();
  parts.routes(api, ctx);
  registerMetrics(app, ctx, parts.metrics);

  if (opts.serveWeb && fs.existsSync(path.join(webDistDir, 'index.html'))) {
    // Hashed assets may be cached for good; the shell must be fetched afresh.
    await app.register(fastifyStatic, {
      root: webDistDir,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const spa = opts.serveWeb && fs.existsSync(path.join(webDistDir, 'index.html'));
  // Client-side routes (/workbench/…, /my/cases/…) all load the SPA shell;
  // a missing asset or API path stays a coded 404 so a stale tab fails plainly.
  app.setNotFoundHandler((req, reply) => {
    if (spa && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) {
      // The supervision platform alone shows only its own shell (and the login page).
      if (ctx.config.role === 'supervision' && !/^\/(supervision|login)(\/|\?|$)/.test(req.url)) return reply.redirect('/supervision');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const locale = localeFrom(req.headers['accept-language']);
    return reply.status(404).send({ code: 'NOT_FOUND', message: messageFor('NOT_FOUND', locale), correlationId: req.id });
  });
  return app;
}

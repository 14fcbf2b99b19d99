import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config.ts';

/**
 * Response headers that keep the web UI from being framed (clickjacking) or
 * made to run foreign code: a Content-Security-Policy with
 * `frame-ancestors 'none'`, plus helmet's other defaults (nosniff,
 * same-origin opener and resource policies, no referrer to other sites).
 *
 * Scripts come only from this server (the Vite build has no inline script).
 * Styles may be inline: antd writes its CSS-in-JS into <style> elements and
 * bpmn-js and antd set style attributes. Images may be data: or blob: URLs
 * (the diagram editor's exports, icons in the API docs). No upgrade of http
 * to https: a center may serve plain HTTP on its own network, and HSTS is
 * sent only when secure cookies say the site is served over HTTPS.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // Same-origin only, not 'none': browsers show a notice PDF through their built-in viewer, which this governs.
        objectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.secureCookies ? { maxAge: 180 * 86_400 } : false,
  });
}

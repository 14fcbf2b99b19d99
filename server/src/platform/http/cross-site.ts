import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser sent from another site
 * (CSRF: a form or fetch on a foreign page riding the session cookie,
 * including multipart uploads and catalogue imports, which a plain HTML form
 * can send). Browsers say where a request comes from: Sec-Fetch-Site on
 * current ones, Origin on every cross-origin POST (checked when Sec-Fetch-Site is absent). A request carrying
 * neither did not come from a web page (curl, scripts) and cannot ride a
 * victim's cookie. Same-origin means the Origin's host is the host the
 * request was sent to, or the configured public address.
 */
export function registerCrossSiteCheck(app: FastifyInstance, publicUrl: string | undefined): void {
  const publicHost = publicUrl ? hostOf(publicUrl) : undefined;
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    if (isCrossSite(req, publicHost)) throw new AppError('CROSS_SITE_REQUEST');
  });
}

function isCrossSite(req: FastifyRequest, publicHost: string | undefined): boolean {
  const site = req.headers['sec-fetch-site'];
  // Set by the browser alone (pages cannot forge it), so it decides when present, also behind a
  // rewriting proxy such as the Vite dev server. `none` is the user's own action (address bar,
  // bookmark); `same-site` is a sibling subdomain, which is another application.
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = hostOf(origin);
  return host === undefined || (host !== req.host.toLowerCase() && host !== publicHost);
}

/** `host[:port]` of a URL, lower case; undefined for `null` or garbage. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

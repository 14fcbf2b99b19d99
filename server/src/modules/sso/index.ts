/**
 * 单点登录 (issue #14): Tongban as the OpenID Connect provider of the
 * center's other systems — one sign-in for all, and one sign-out that ends
 * them all (back-channel logout). docs/sso.md.
 */
import type { AppContext } from '../../platform/http/context.ts';
import { every } from '../../platform/every.ts';
import { SsoProviders } from './provider.ts';
import { deliverLogouts, endExpiredSessions } from './logout.ts';
import { removeExpiredRecords } from './store.ts';

/** The provider's endpoints, the sign-in hand-over and the admin routes of connected systems. */
export { registerSsoRoutes } from './routes.ts';
/** The providers of this process, one per issuer (TONGBAN_PUBLIC_URL, else the address a request came to). */
export { SsoProviders } from './provider.ts';
/** The durable consumer that ends provider sessions with their Tongban session and queues the logout tokens. */
export { ssoLogoutConsumer, deliverLogouts, endExpiredSessions } from './logout.ts';
/** Logout tokens per client not yet delivered (the admin page and /metrics show them). */
export { logoutBacklog } from './logout.ts';

/**
 * The background work of single sign-on on this node: due logout tokens sent
 * every second; every minute, the provider sessions of Tongban sessions that
 * ran out are ended (their systems told); every ten minutes, expired provider
 * records removed.
 */
export function startSsoWorker(ctx: AppContext, onError: (err: Error) => void): () => Promise<void> {
  const providers = new SsoProviders(ctx);
  let lastCleanup = 0;
  let lastExpiry = 0;
  return every(1000, async () => {
    if (Date.now() - lastExpiry > 60_000) {
      lastExpiry = Date.now();
      await endExpiredSessions(ctx.db, ctx.clock.now());
    }
    await deliverLogouts(ctx.db, (issuer) => providers.forIssuer(issuer), new Date());
    if (Date.now() - lastCleanup > 600_000) {
      lastCleanup = Date.now();
      await removeExpiredRecords(ctx.db);
    }
  }, onError);
}

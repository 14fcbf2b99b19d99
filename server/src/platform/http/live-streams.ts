import type { Api } from './app.ts';

/**
 * The open live (server-sent events) responses of a route group: each adds
 * the function that ends it, and removes it once ended. They are all ended
 * as the app starts closing (preClose): Fastify's HTTP server then waits for
 * its connections to end, which an open stream never does, so without this a
 * shutdown would wait on every open tab.
 */
export function liveStreams(app: Api): Set<() => void> {
  const ends = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...ends]) end();
  });
  return ends;
}

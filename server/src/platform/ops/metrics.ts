import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../http/context.ts';
import { AppError } from '../errors.ts';
import { consumerLag } from '../events/consumer.ts';

/** A figure a module offers to /metrics, read at each scrape (e.g. the notification outbox). */
export interface MetricSource {
  name: string;
  help: string;
  labels: readonly string[];
  read(ctx: AppContext): Promise<{ labels: Record<string, string>; value: number }[]>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read /metrics: with TONGBAN_METRICS_TOKEN set, only a request
 * bearing it (`Authorization: Bearer …`); without, only a direct connection
 * from this host (loopback socket, no proxy's X-Forwarded-For), so a reverse
 * proxy on the same host does not publish it.
 */
function mayScrape(req: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const digest = (s: string) => createHash('sha256').update(s).digest();
    return timingSafeEqual(digest(given), digest(token));
  }
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined;
}

/**
 * The Prometheus endpoint `GET /metrics` of one node: requests by route and
 * status with their durations, state-changing requests (commands) by route
 * and outcome, the process (memory, event loop), and at each scrape from the
 * database: every event consumer's lag, the chain's backlog and head, and
 * what modules offer (`sources`). The database figures are the same on every
 * node; request and process figures are per node (Prometheus labels the
 * target).
 */
export function registerMetrics(app: FastifyInstance, ctx: AppContext, sources: readonly MetricSource[], token = process.env.TONGBAN_METRICS_TOKEN || undefined): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'tongban_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const durations = new Histogram({
    name: 'tongban_http_request_duration_seconds', help: 'HTTP request duration by method, route and status', labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const commands = new Counter({ name: 'tongban_commands_total', help: 'State-changing API requests by route and outcome (ok, refused, error)', labelNames: ['route', 'outcome'], registers: [registry] });
  const lag = new Gauge({ name: 'tongban_consumer_lag_events', help: 'Chained events an event consumer has not passed yet', labelNames: ['consumer'], registers: [registry] });
  const failures = new Gauge({ name: 'tongban_consumer_failures', help: 'Consecutive failed batches of an event consumer', labelNames: ['consumer'], registers: [registry] });
  const unchained = new Gauge({ name: 'tongban_chain_unchained_events', help: 'Committed events waiting for the chainer', registers: [registry] });
  const unchainedAge = new Gauge({ name: 'tongban_chain_oldest_unchained_seconds', help: 'Age of the oldest event waiting for the chainer', registers: [registry] });
  const head = new Gauge({ name: 'tongban_chain_head_seq', help: 'Sequence number of the last chained event', registers: [registry] });
  const offered = sources.map((s) => ({ source: s, gauge: new Gauge({ name: s.name, help: s.help, labelNames: [...s.labels], registers: [registry] }) }));

  app.addHook('onResponse', async (req, reply) => {
    if (req.url === '/metrics') return;
    const route = req.routeOptions.url ?? 'unmatched';
    const labels = { method: req.method, route, status: String(reply.statusCode) };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
    if (route.startsWith('/api/') && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      commands.inc({ route, outcome: reply.statusCode < 400 ? 'ok' : reply.statusCode < 500 ? 'refused' : 'error' });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayScrape(req, token)) throw new AppError('FORBIDDEN', { action: 'metrics' });
    for (const c of await consumerLag(ctx.db)) {
      lag.set({ consumer: c.name }, c.lag);
      failures.set({ consumer: c.name }, c.failures);
    }
    const chain = await ctx.db.query<{ waiting: number; oldest: number | null; head: number }>(
      `SELECT (SELECT count(*)::int FROM events WHERE seq IS NULL) AS waiting,
              (SELECT extract(epoch FROM now() - min(occurred_at))::float8 FROM events WHERE seq IS NULL) AS oldest,
              (SELECT last_seq FROM event_chain_head WHERE id) AS head`,
    );
    unchained.set(chain.rows[0]!.waiting);
    unchainedAge.set(Math.max(0, chain.rows[0]!.oldest ?? 0));
    head.set(chain.rows[0]!.head);
    for (const { source, gauge } of offered) {
      gauge.reset();
      for (const v of await source.read(ctx)) gauge.set(v.labels, v.value);
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

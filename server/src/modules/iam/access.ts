import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/auth.ts';
import type { Role } from '../../platform/http/context.ts';
import { SHELLS, claimingPage } from './resource-tree.ts';

/** A route as it was registered: what the seed makes its API node from. */
export interface DeclaredRoute {
  method: string;
  url: string;
  roles: readonly Role[] | undefined;
  duty: Role | undefined;
  tag: string;
  summary: string;
}

interface RouteAccess {
  /** Enabled, and so is every node above it. */
  enabled: boolean;
  /** Codes of the enabled roles bound to the route. */
  roles: ReadonlySet<string>;
}

/** What the gate reads: the tree and its bindings as of one version of `access_version`. */
interface AccessSnapshot {
  version: string;
  routes: ReadonlyMap<string, RouteAccess>;
  /** Per page path: enabled (with its ancestors), and the enabled roles bound to it. */
  pages: ReadonlyMap<string, RouteAccess>;
}

/** A node's version is looked at most this often; a change on another node shows within it. */
const RECHECK_MS = 1_000;

const routeKey = (method: string, url: string): string => `${method === 'HEAD' ? 'GET' : method} ${url}`;

async function loadSnapshot(q: Queryable): Promise<AccessSnapshot> {
  const [version, nodes, bindings] = await Promise.all([
    q.query<{ version: string }>('SELECT version::text FROM access_version'),
    q.query<{ id: string; parent_id: string | null; kind: string; code: string; enabled: boolean; method: string | null; route: string | null }>(
      'SELECT id, parent_id, kind, code, enabled, method, route FROM resources',
    ),
    q.query<{ resource_id: string; code: string }>(
      'SELECT rr.resource_id, r.code FROM role_resources rr JOIN roles r ON r.id = rr.role_id WHERE r.enabled',
    ),
  ]);
  const byId = new Map(nodes.rows.map((n) => [n.id, n]));
  const enabled = new Map<string, boolean>();
  const isEnabled = (id: string): boolean => {
    const known = enabled.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    // Set before the walk up: a cycle (which the commands refuse) cannot loop here.
    enabled.set(id, n.enabled);
    const value = n.enabled && (n.parent_id === null || isEnabled(n.parent_id));
    enabled.set(id, value);
    return value;
  };
  const bound = new Map<string, Set<string>>();
  for (const b of bindings.rows) {
    const set = bound.get(b.resource_id) ?? new Set<string>();
    set.add(b.code);
    bound.set(b.resource_id, set);
  }
  const routes = new Map<string, RouteAccess>();
  const pages = new Map<string, RouteAccess>();
  for (const n of nodes.rows) {
    const access = { enabled: isEnabled(n.id), roles: bound.get(n.id) ?? new Set<string>() };
    if (n.kind === 'api') routes.set(routeKey(n.method!, n.route!), access);
    else if (n.kind === 'page') pages.set(n.code, access);
  }
  return { version: version.rows[0]!.version, routes, pages };
}

/**
 * The bindings in memory, one copy per process: reloaded when this process
 * changes them (`invalidate`), and when `access_version` moved on another node
 * (looked at no more than once a second), so a change takes effect without a
 * restart on every node sharing the database. The first load seeds the tree
 * from the routes (`seed`), so an app that never serves a request (the
 * contracts' writer) needs no database.
 */
export class AccessCache {
  private snapshot: AccessSnapshot | null = null;
  private checkedAt = 0;
  private loading: Promise<AccessSnapshot> | null = null;
  private seeded: Promise<void> | null = null;
  /** Moved by every local change: a load begun before it must not be kept as current. */
  private generation = 0;

  constructor(private readonly db: Db, private readonly seed: () => Promise<void>, private readonly now: () => number = Date.now) {}

  invalidate(): void {
    this.snapshot = null;
    this.loading = null;
    this.generation += 1;
  }

  async current(): Promise<AccessSnapshot> {
    const held = this.snapshot;
    if (held && this.now() - this.checkedAt < RECHECK_MS) return held;
    if (!this.loading) {
      const load = this.refresh(held);
      this.loading = load;
      void load.finally(() => { if (this.loading === load) this.loading = null; }).catch(() => undefined);
    }
    return this.loading;
  }

  private async refresh(held: AccessSnapshot | null): Promise<AccessSnapshot> {
    const generation = this.generation;
    // A failed seed is tried again by the next request.
    this.seeded ??= this.seed().catch((e: unknown) => { this.seeded = null; throw e; });
    await this.seeded;
    const keep = (s: AccessSnapshot): AccessSnapshot => {
      if (generation === this.generation) {
        this.snapshot = s;
        this.checkedAt = this.now();
      }
      return s;
    };
    if (held) {
      const { rows } = await this.db.query<{ version: string }>('SELECT version::text FROM access_version');
      if (rows[0]!.version === held.version) return keep(held);
    }
    return keep(await loadSnapshot(this.db));
  }
}

/** Marks a change of roles, resources or bindings, in the change's transaction. */
export async function bumpAccessVersion(q: Queryable): Promise<void> {
  await q.query('UPDATE access_version SET version = version + 1');
}

/**
 * The access gate (issue 14): before a handler runs, the route's API node is
 * looked up in the cached tree. A disabled node, or one under a disabled node,
 * answers RESOURCE_DISABLED; a route that declares roles (`config.roles`) then
 * admits only the roles bound to its node, and a route of a separated duty
 * (`config.duty`, 三员分立) only people of that duty, whatever is bound. The
 * handlers keep the per-object and data-scope checks.
 */
export function registerAccessGate(app: FastifyInstance, cache: AccessCache, routes: DeclaredRoute[]): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = route.config as { roles?: readonly Role[]; duty?: Role } | undefined;
    const schema = route.schema as { tags?: string[]; summary?: string; hide?: boolean } | undefined;
    if (schema?.hide || !route.url.startsWith('/api/')) return;
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push({ method, url: route.url, roles: config?.roles, duty: config?.duty, tag: schema?.tags?.[0] ?? 'other', summary: schema?.summary ?? route.url });
    }
  });
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const url = req.routeOptions.url;
    if (!url) return;
    const { roles, duty } = req.routeOptions.config;
    const node = (await cache.current()).routes.get(routeKey(req.method, url));
    if (node && !node.enabled) throw new AppError('RESOURCE_DISABLED');
    if (!roles) return;
    const actor = requireActor(req);
    // A route registered after the last seed (none in a running server) keeps its declared roles.
    const allowed = node ? node.roles.has(actor.roleCode) : roles.includes(actor.role);
    if (!allowed || (duty && actor.role !== duty)) throw new AppError('FORBIDDEN');
  });
}

/** The page paths an actor's menus leave out: disabled (or under a disabled node), or not bound to their role. */
export async function hiddenPages(cache: AccessCache, roleCode: string): Promise<string[]> {
  const { pages } = await cache.current();
  return [...pages].filter(([, p]) => !p.enabled || !p.roles.has(roleCode)).map(([path]) => path).sort();
}

/**
 * Adds to the tree what the code declares and the tree lacks: the shells and
 * pages, a group per tag, a node per API route, each new node bound to its
 * declared roles. Existing nodes and bindings are left as the administrators
 * made them, so running it again (every start, on every node) changes nothing.
 */
export async function seedResources(db: Db, routes: readonly DeclaredRoute[]): Promise<void> {
  await withTx(db, async (tx) => {
    // Two nodes starting together take turns; the second finds everything there.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('tongban.resources.seed'))");
    const nodes: { code: string; parent: string | null; kind: string; name: string; nameEn: string; sort: number; method: string | null; route: string | null; roles: readonly string[] }[] = [];
    nodes.push({ code: 'root', parent: null, kind: 'root', name: '全部资源', nameEn: 'All resources', sort: 0, method: null, route: null, roles: [] });
    SHELLS.forEach((shell, i) => {
      nodes.push({ code: shell.code, parent: 'root', kind: 'shell', name: shell.name, nameEn: shell.nameEn, sort: (i + 1) * 10, method: null, route: null, roles: [] });
      shell.pages.forEach((page, j) => {
        nodes.push({ code: page.path, parent: shell.code, kind: 'page', name: page.name, nameEn: page.nameEn, sort: (j + 1) * 10, method: null, route: null, roles: page.roles });
      });
    });
    nodes.push({ code: 'api', parent: 'root', kind: 'menu', name: '其他接口', nameEn: 'Other routes', sort: 1000, method: null, route: null, roles: [] });
    const tags = [...new Set(routes.map((r) => r.tag))].sort();
    for (const tag of tags) nodes.push({ code: `api:${tag}`, parent: 'api', kind: 'menu', name: tag, nameEn: tag, sort: 0, method: null, route: null, roles: [] });
    routes.forEach((r, i) => {
      nodes.push({
        code: `${r.method} ${r.url}`, parent: claimingPage(r.url) ?? `api:${r.tag}`, kind: 'api', name: r.summary.slice(0, 200), nameEn: '',
        sort: i, method: r.method, route: r.url, roles: r.roles ?? [],
      });
    });
    // One statement per depth: a node's parent is inserted (or was there) before it.
    const rows: { id: string; code: string }[] = [];
    for (const level of levels(nodes)) {
      const res = await tx.query<{ id: string; code: string }>(
        `INSERT INTO resources (code, parent_id, kind, name, name_en, sort_order, method, route, builtin)
         SELECT t.code, p.id, t.kind, t.name, t.name_en, t.sort_order, t.method, t.route, true
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
                AS t(code, parent, kind, name, name_en, sort_order, method, route)
           LEFT JOIN resources p ON p.code = t.parent
         ON CONFLICT DO NOTHING
         RETURNING id, code`,
        [level.map((n) => n.code), level.map((n) => n.parent), level.map((n) => n.kind), level.map((n) => n.name), level.map((n) => n.nameEn),
          level.map((n) => n.sort), level.map((n) => n.method), level.map((n) => n.route)],
      );
      rows.push(...res.rows);
    }
    if (rows.length === 0) return;
    const rolesOf = new Map(nodes.map((n) => [n.code, n.roles]));
    const pairs = rows.flatMap((r) => (rolesOf.get(r.code) ?? []).map((role) => [r.id, role] as const));
    await tx.query(
      `INSERT INTO role_resources (role_id, resource_id)
       SELECT r.id, t.resource_id FROM unnest($1::uuid[], $2::text[]) AS t(resource_id, role) JOIN roles r ON r.code = t.role
       ON CONFLICT DO NOTHING`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    await bumpAccessVersion(tx);
  });
}

/** The nodes by depth: a level's parents are all in the levels before it. */
function levels<T extends { code: string; parent: string | null }>(nodes: readonly T[]): T[][] {
  const depth = new Map<string, number>();
  const out: T[][] = [];
  for (const n of nodes) {
    const d = n.parent === null ? 0 : depth.get(n.parent)! + 1;
    depth.set(n.code, d);
    (out[d] ??= []).push(n);
  }
  return out;
}

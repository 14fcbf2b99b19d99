import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { hostileStrings, hostileValue, pathParamFor, valueFor, type JsonSchema, type Resolver } from '../../../test/fuzz-inputs.ts';
import { errorCatalogue } from '../errors.ts';

/**
 * Every write route of the OpenAPI document, called with inputs generated
 * from its own schema plus hostile values (NUL, lone surrogates, bidi
 * controls, 1 MB strings, deep nesting, numbers at the edges), as anonymous
 * and as each kind of principal: never a 500, every refusal in the documented
 * error body with a catalogued code, and no row or event stored by a refusal.
 * Bounded by FUZZ_RUNS per route and FUZZ_BUDGET_MS in all (a slow machine
 * gets fewer inputs per route, never fewer routes); prints what it tried and
 * every 500 with its input.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 90_000);
/** Tried on every route whatever the time: one input of each kind. */
const MIN_RUNS = 2;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Each kind of principal; the approver and the agency head are the factory department's, whose step is open. */
const PRINCIPALS = ['citizen', 'clerk', 'approver', 'head', 'manager', 'supervisor', 'admin'] as const;
type Principal = (typeof PRINCIPALS)[number];
/**
 * Tables whose job includes changing on a refusal: the supervision ingest door
 * keeps every refused batch as a finding, the audit log records every attempt
 * at an audited change with its result (a refused one with its code, checked
 * below), and a security key's challenge is spent by any answer to it, right
 * or wrong (single use: a refused answer cannot be tried again against it).
 */
const REFUSAL_LOGS = new Set(['supervision.findings', 'public.audit_log', 'public.webauthn_challenges']);
// Same-origin headers, as the browser sends them with a cookie.
const ORIGIN = { host: 'localhost', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };

interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let t: TestApp;
const f = factories(() => t);
let cookies: Record<string, string>;
/** The account each principal signs in as. */
const usernames: Record<Principal, string> = { citizen: 'citizen', clerk: 'clerk', approver: '', head: '', manager: 'manager', supervisor: 'supervisor', admin: 'admin' };
const signIn = async () => Object.fromEntries(await Promise.all(PRINCIPALS.map(async (p) => [p, await login(t.app, usernames[p])] as const)));
/** The principals' cookies, with a fresh sign-in for each whose session no longer answers. */
async function signInAgainWhereEnded(current: Record<string, string>): Promise<Record<string, string>> {
  const next = { ...current };
  for (const p of PRINCIPALS) {
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: current[p]! } });
    if (me.statusCode !== 200) next[p] = await login(t.app, usernames[p]);
  }
  return next;
}
let ids: string[];
let countSql: string;

beforeAll(async () => {
  t = await createTestApp();
  const item = await f.item();
  Object.assign(usernames, { approver: item.department.approver, head: item.department.head });
  cookies = await signIn();
  // Some state to reach past "not found": cases waiting and one accepted (its steps open).
  const first = await f.submit(item);
  await f.submit(item);
  const accepted = await t.app.inject({ method: 'POST', url: `/api/cases/${first.id}/accept`, headers: { ...ORIGIN, cookie: cookies.clerk! }, payload: {} });
  expect(accepted.statusCode).toBe(200);
  const idTables = await t.ctx.db.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.columns
      WHERE column_name = 'id' AND data_type = 'uuid' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  ids = [];
  for (const r of idTables.rows) ids.push(...(await t.ctx.db.query<{ id: string }>(`SELECT id::text FROM "${r.s}"."${r.t}" LIMIT 3`)).rows.map((x) => x.id));
  // The staff routes may deactivate or re-role the account an id names: the
  // principals' own accounts stay out of the pool, so every principal can
  // still sign in for the routes after (other accounts are fair game).
  const principals = await t.ctx.db.query<{ id: string }>('SELECT id::text FROM users WHERE username = ANY($1::text[])', [Object.values(usernames)]);
  const own = new Set(principals.rows.map((r) => r.id));
  ids = ids.filter((id) => !own.has(id));
  const tables = await t.ctx.db.query<{ s: string; t: string }>(
    `SELECT schemaname AS s, tablename AS t FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  countSql = `SELECT ${tables.rows.map((r) => `(SELECT count(*) FROM "${r.s}"."${r.t}") AS "${r.s}.${r.t}"`).join(', ')}`;
}, 120_000);
afterAll(() => t.close());

async function rowCounts(): Promise<Record<string, number>> {
  return (await t.ctx.db.query<Record<string, number>>(countSql)).rows[0]!;
}

/** Percent-encodes a path segment; a lone surrogate goes out as the bytes a careless client would send. */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^%A-Za-z0-9\-_.~]/g, (c) => encodeURIComponent(c));
  }
}

const preview = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 240 ? `${s.slice(0, 240)}…(${s.length} chars)` : s;
};

function writeOperations(doc: { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (['post', 'put', 'patch', 'delete'].includes(method)) ops.push({ ...op, method: method.toUpperCase(), path });
    }
  }
  // Signing out ends the principal's session: the auth routes go last.
  return ops.sort((a, b) => Number(a.path.startsWith('/api/auth/')) - Number(b.path.startsWith('/api/auth/')));
}

interface Sample {
  principal: Principal | null;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  multipart: { filename: string; bytes: number } | null;
}

function sampleArb(op: Operation, resolver: Resolver): fc.Arbitrary<Sample> {
  const params: Record<string, fc.Arbitrary<string>> = {};
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.parameters ?? []) {
    if (p.in === 'path') params[p.name] = pathParamFor(p.schema, resolver);
    if (p.in === 'query') query[p.name] = fc.oneof(valueFor(p.schema, resolver), hostileStrings.filter((s) => s.length < 2000));
  }
  const json = op.requestBody?.content?.['application/json']?.schema;
  const body = json ? valueFor(json, resolver) : fc.oneof(fc.constant(undefined), hostileValue);
  // Routes without a JSON body may take files (uploads, catalogue import): send some with hostile names.
  const multipart = json ? fc.constant(null) : fc.option(fc.record({ filename: hostileStrings.filter((s) => s.length < 300), bytes: fc.constantFrom(0, 1, 4096) }));
  return fc.record({
    principal: fc.constantFrom(null, ...PRINCIPALS),
    params: fc.record(params),
    query: fc.record(query, { requiredKeys: [] }),
    body,
    multipart,
  });
}

function multipartBody(filename: string, size: number): { payload: Buffer; type: string } {
  const boundary = '----tongbanfuzz';
  const name = Buffer.from(filename.replace(/[\r\n"]/g, '_'));
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`), name,
    Buffer.from('"\r\nContent-Type: application/pdf\r\n\r\n'), Buffer.alloc(size, 0x25), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, type: `multipart/form-data; boundary=${boundary}` };
}

it('never answers a write route with a 500, refuses in the documented body, and stores nothing when it refuses', async () => {
  const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>; components?: { schemas?: Record<string, JsonSchema> } };
  const ref = (r: string): JsonSchema => doc.components?.schemas?.[r.split('/').pop()!] ?? {};
  // Half the inputs keep the schema's shape with hostile strings inside (they reach the handlers), half break it anywhere.
  const resolvers: Resolver[] = [{ ids, ref, hostility: 'strings' }, { ids, ref, hostility: 'anywhere' }];
  const ops = writeOperations(doc);
  const started = Date.now();
  const failures: string[] = [];
  let tried = 0;
  let refused = 0;
  let serverErrors = 0;
  let routesDone = 0;
  const refusals = new Map<string, number>();
  // Rows per table after the last request: the "before" of the next one.
  let counts = await rowCounts();
  console.log(`[fuzz] ${ops.length} write routes × ${RUNS} inputs, seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)`);
  for (const [i, op] of ops.entries()) {
    // This route's share of the time left.
    const routeDeadline = Date.now() + Math.max(0, BUDGET_MS - (Date.now() - started)) / (ops.length - i);
    const perKind = resolvers.map((resolver, k) => fc.sample(sampleArb(op, resolver), { numRuns: Math.ceil(RUNS / 2), seed: SEED + 2 * i + k }));
    // Alternate the kinds, so a cut-short route still gets both.
    const samples = perKind[0]!.flatMap((a, j) => [a, perKind[1]![j]!]);
    for (const [j, s] of samples.entries()) {
      if (j >= MIN_RUNS && Date.now() > routeDeadline) break;
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => segment(s.params[name] ?? ''));
      const qs = Object.entries(s.query).map(([k, v]) => `${k}=${segment(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`).join('&');
      const headers: Record<string, string> = { ...ORIGIN, ...(s.principal ? { cookie: cookies[s.principal]! } : {}) };
      let payload: string | Buffer | undefined;
      if (s.multipart) {
        const m = multipartBody(s.multipart.filename, s.multipart.bytes);
        payload = m.payload;
        headers['content-type'] = m.type;
      } else if (s.body !== undefined) {
        payload = JSON.stringify(s.body);
        headers['content-type'] = 'application/json';
      }
      const res = await t.app.inject({ method: op.method as 'POST', url: qs ? `${url}?${qs}` : url, headers, payload });
      tried++;
      const input = `${op.method} ${url.slice(0, 200)} as ${s.principal ?? 'anonymous'} body ${s.multipart ? `multipart ${preview(s.multipart)}` : preview(s.body)}`;
      if (res.statusCode >= 500) {
        serverErrors++;
        failures.push(`${res.statusCode} ← ${input}`);
        counts = await rowCounts();
        continue;
      }
      if (res.statusCode < 400) {
        counts = await rowCounts();
        continue;
      }
      refused++;
      refusals.set(`${res.statusCode}`, (refusals.get(`${res.statusCode}`) ?? 0) + 1);
      let body: { code?: unknown; message?: unknown; correlationId?: unknown } = {};
      try {
        body = res.json();
      } catch {
        // not JSON: reported below
      }
      if (typeof body.code !== 'string' || !(body.code in errorCatalogue) || typeof body.message !== 'string' || typeof body.correlationId !== 'string') {
        failures.push(`undocumented error body ${res.statusCode} ${res.body.slice(0, 200)} ← ${input}`);
        counts = await rowCounts();
        continue;
      }
      const after = await rowCounts();
      const before = counts;
      counts = after;
      const changed = Object.keys(after).filter((k) => after[k] !== before[k] && !REFUSAL_LOGS.has(k));
      if (changed.length) failures.push(`refused with ${body.code} but stored rows in ${changed.join(', ')} ← ${input}`);
      const audited = (after['public.audit_log'] ?? 0) - (before['public.audit_log'] ?? 0);
      if (audited > 0) {
        const { rows } = await t.ctx.db.query<{ result: string }>('SELECT result FROM audit_log ORDER BY pos DESC LIMIT $1', [audited]);
        if (rows.some((r) => r.result !== body.code)) failures.push(`refused with ${body.code} but audited as ${rows.map((r) => r.result).join(', ')} ← ${input}`);
      }
    }
    routesDone++;
    // A route under /api/auth may have ended a principal's session: sign in
    // again, but only those whose session is gone (sign-in is rate limited
    // per address, and the test clock never lets the window pass).
    if (op.path.startsWith('/api/auth/')) {
      cookies = await signInAgainWhereEnded(cookies);
      counts = await rowCounts();
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[fuzz] ${routesDone}/${ops.length} routes, ${tried} inputs tried, ${refused} refused, ${serverErrors} answered 500, ${failures.length} failures, ${seconds} s`);
  console.log(`[fuzz] refusals by status: ${[...refusals].map(([k, v]) => `${k}×${v}`).join(', ')}`);
  for (const f of failures.slice(0, 40)) console.log(`[fuzz] ${f}`);
  expect(routesDone).toBe(ops.length);
  expect(failures).toEqual([]);
}, 300_000);

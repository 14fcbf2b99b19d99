import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from './app.ts';
import { MATRIX, NOT_REFUSALS, type Call } from './authz-matrix.ts';
import { ACCOUNTS, OTHER_APPLICANT, PRINCIPALS, type Principal } from './authz/principals.ts';
import { actAs, buildCase, buildMainCase, buildStepCase, buildWorld, raiseCards, signInAs, type CaseBundle, type World } from './authz/world.ts';

// Every route of the OpenAPI document called as every principal; the answers
// must match server/test/authz-matrix.ts exactly. AUTHZ_MATRIX_PRINT=1 prints
// the observed `allow` lists (to review a new route's row).

const openapi = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../docs/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
const ROUTES = Object.entries(openapi.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));

/** A route that changes a case, its steps or copies gets a case of its own, made again after every call that changed it. */
const changesCase = (route: string) => !route.startsWith('GET ') && /\/(cases|tasks|copies)\/\{/.test(route);

/** The error code of a JSON error body, if it is one. */
function codeOf(body: string): string {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? '';
  } catch {
    return '';
  }
}

/** Refused: not signed in, forbidden, or told the object is not there (it is). */
const refused = (status: number, code: string) => status === 401 || status === 403 || (status === 404 && !NOT_REFUSALS.includes(code));

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t.close());

/** Signs the principal in again (after a call that ended their sessions). */
async function signInAgain(p: Principal): Promise<void> {
  if (p === 'anonymous') return;
  w.cookie[p] = p === 'otherApplicant' ? await login(t.app, OTHER_APPLICANT.username, OTHER_APPLICANT.password) : await login(t.app, ACCOUNTS[p]);
}

async function send(route: string, p: Principal, c: Call): Promise<{ statusCode: number; body: string }> {
  const method = route.split(' ')[0] as 'GET';
  const cookie = w.cookie[p];
  // A same-origin browser request: the route's authorization is what is under test, not a cross-site refusal.
  const headers: Record<string, string> = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}), ...(c.multipart?.headers ?? {}) };
  const payload = c.multipart ? c.multipart.payload : c.body === undefined ? undefined : JSON.stringify(c.body);
  if (!c.multipart && payload !== undefined) headers['content-type'] = 'application/json';
  if (c.stream) {
    // The answer is in the head; the stream itself would never end.
    const res = await t.app.inject({ method, url: c.url, headers, payloadAsStream: true });
    const body = res.statusCode === 200 ? '' : await streamText(res.stream());
    res.stream().destroy();
    return { statusCode: res.statusCode, body };
  }
  return t.app.inject({ method, url: c.url, headers, ...(payload === undefined ? {} : { payload }) });
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('authorization matrix', () => {
  it('has exactly one row for every route of the OpenAPI document', () => {
    expect(ROUTES.filter((r) => !MATRIX[r]), 'routes without a row in server/test/authz-matrix.ts').toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !ROUTES.includes(r)), 'rows for routes the OpenAPI document does not have').toEqual([]);
  });

  it('answers every principal on every route as the matrix says', async () => {
    const shared = await buildCase(t, w);
    const differences: string[] = [];
    const observed: Record<string, Principal[]> = {};
    const failures: string[] = [];
    let calls = 0;
    // The step holder's case (not the shared one) only changes when their own call succeeds: it is carried from route to route until then.
    let step = await buildStepCase(t, w);
    for (const route of ROUTES.filter((r) => MATRIX[r])) {
      const row = MATRIX[route]!;
      let b: CaseBundle = changesCase(route) ? { ...(await buildMainCase(t, w)), ...step } : shared;
      const prepare = async () => ((await row.prepare?.({
        b, w, act: actAs(t, w), signIn: signInAs(t, w), raiseCards: () => raiseCards(t, w.cookie.supervisor!, w.userId.deptApprover),
      })) ?? {}) as Record<string, string>;
      let extra = await prepare();
      observed[route] = [];
      for (const p of PRINCIPALS) {
        const mine = p === 'stepHolder' && !row.sameObject ? { caseId: b.stepCaseId, taskId: b.stepTaskId } : { caseId: b.caseId, taskId: b.taskId };
        const res = await send(route, p, row.call({ w, b, p, n: w.next(), extra, ...mine }));
        calls++;
        if (row.endsSessions) await signInAgain(p);
        // Whoever comes next meets the case as the first caller did, not as this one left it.
        if (res.statusCode < 300 && row.againAfterSuccess) extra = await prepare();
        if (res.statusCode < 300 && changesCase(route)) {
          const stepChanged = p === 'stepHolder' && !row.sameObject;
          if (stepChanged) step = await buildStepCase(t, w);
          if (stepChanged && !row.prepare) {
            b = { ...b, ...step };
          } else {
            b = { ...(await buildMainCase(t, w)), ...step };
            extra = await prepare();
          }
        }
        if (res.statusCode >= 500) failures.push(`${route} as ${p}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        const code = codeOf(res.body);
        const allowed = !refused(res.statusCode, code);
        if (allowed) observed[route].push(p);
        if (allowed !== row.allow.includes(p)) {
          differences.push(`${route} as ${p}: ${allowed ? 'allowed' : 'refused'} (${res.statusCode} ${code}), the matrix says ${allowed ? 'refused' : 'allowed'}`);
        }
      }
    }
    const unexpectedAllows = differences.filter((d) => d.includes(': allowed (')).length;
    console.log(`authorization matrix: ${ROUTES.length} routes × ${PRINCIPALS.length} principals = ${calls} calls; ${unexpectedAllows} unexpected allows, ${differences.length - unexpectedAllows} unexpected refusals`);
    if (process.env.AUTHZ_MATRIX_PRINT) {
      for (const [route, who] of Object.entries(observed)) console.log(`  '${route}': [${who.map((x) => `'${x}'`).join(', ')}]`);
    }
    expect(failures, 'server errors').toEqual([]);
    expect(differences).toEqual([]);
  }, 600_000);
});

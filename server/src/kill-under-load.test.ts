import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { sampleFormData } from '../../shared/forms/index.ts';
import type { FormSpec } from '../../shared/forms/spec.ts';
import { DEMO_PASSWORD } from './modules/demo/index.ts';
import { regionIndex } from './modules/forms/index.ts';
import { verifyChain } from './platform/events/stream.ts';
import { chainPending } from './platform/events/chain.ts';
import { createPool, type Db } from './platform/db/pool.ts';
import { systemClock } from './platform/clock.ts';
import { deployDefinition, startInstance } from './modules/workflow/index.ts';
import { freePort, KillableServer } from '../test/kill-harness.ts';

/**
 * Kill tests: clients submit applications, the window accepts them and the
 * department decides them (each acceptance and decision issues a PDF notice)
 * while SIGKILL hits the server process, and separately a PostgreSQL backend
 * (a database crash). A client retries what got no answer with the same
 * idempotency key. Afterwards: every acknowledged request is stored exactly
 * once, a retry of an acknowledged request with its key gets the same answer,
 * no timer fired twice, the event chain verifies.
 * Timers: throughout the run a process with a 2-second timer is started about
 * every second (through the engine, on the server's database), so timers come
 * due all through the kills and the server's sweeps (every 500 ms) fire them
 * while it is killed and while its database crashes; each must fire exactly
 * once, and some must have come due between the first kill and the last.
 * Bounded: KILL_ROUNDS kills of each kind, a few seconds of load between.
 */
const ROUNDS = Number(process.env.KILL_ROUNDS ?? 2);
const WORKERS = 4;
const LOAD_MS = 2500;
const ITEM_CODE = 'SCJG-XK-001';
const TIMER_KEY = 'kill_timer';
/** start → a 2-second timer → end: the instance completes when (and only when) its timer fires. */
const TIMER_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d_${TIMER_KEY}" targetNamespace="http://tongban.org/test">
  <bpmn:process id="${TIMER_KEY}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-kill-'));
fs.chmodSync(root, 0o755);
let server: KillableServer | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

type Op = 'submit' | 'accept' | 'complete';
interface Ack {
  op: Op;
  caseId: string;
  key: string;
  status: number;
  body: Record<string, unknown>;
  replay: () => Promise<Response>;
}

const stats = { sent: 0, interrupted: 0, acked: 0, retried: 0, timersStarted: 0 };
const alive = () => (server?.alive ? 'running' : 'down');
const acks: Ack[] = [];

const shanghaiToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends until answered: a refused connection, a cut response or a 5xx (the
 * server or its database dying under the request) is retried with the same
 * request, and so the same key, once the server answers again.
 */
async function untilAnswered(send: () => Promise<Response>, deadline: number): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    stats.sent++;
    if (attempt > 0) stats.retried++;
    try {
      const res = await send();
      if (res.status < 500) return res;
      await res.arrayBuffer();
    } catch {
      // connection refused or cut: the server is down
    }
    stats.interrupted++;
    if (Date.now() > deadline) throw new Error(`no answer before the deadline (server ${alive()}); its last output:\n${server?.output.slice(-3000)}`);
    await sleep(250);
  }
}

interface Session {
  base: () => string;
  cookie: Record<'citizen' | 'clerk' | 'approver', string>;
  item: { id: string; form: FormSpec; materials: { id: string; required: boolean }[] };
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const json = (s: Session, who: keyof Session['cookie'], extra: Record<string, string> = {}) =>
  ({ cookie: s.cookie[who], 'content-type': 'application/json', ...extra });

async function upload(s: Session, deadline: number): Promise<string> {
  const res = await untilAnswered(() => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n% kill test\n')], { type: 'application/pdf' }), '材料.pdf');
    return fetch(`${s.base()}/api/uploads`, { method: 'POST', headers: { cookie: s.cookie.citizen }, body: form });
  }, deadline);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** One case from submission to decision, each command retried with its key until answered. */
async function oneCase(s: Session, worker: number, n: number, deadline: number): Promise<void> {
  const attachments: string[] = [];
  for (const [field, f] of Object.entries(s.item.form.schema.properties as Record<string, { 'x-widget': string }>)) {
    if (f['x-widget'] === 'attachment' && s.item.form.schema.required?.includes(field)) attachments.push(await upload(s, deadline));
  }
  const formData = sampleFormData(s.item.form, { today: shanghaiToday(), regions: regionIndex(), attachment: () => attachments.shift() });
  const materials = [];
  for (const m of s.item.materials) if (m.required) materials.push({ materialId: m.id, uploadId: await upload(s, deadline) });
  const key = `kill-${worker}-${n}-${Date.now()}`;
  const body = JSON.stringify({ itemId: s.item.id, formData, materials, idempotencyKey: `${key}-submit` });
  const submit = () => fetch(`${s.base()}/api/cases`, { method: 'POST', headers: json(s, 'citizen'), body });
  const submitted = await untilAnswered(submit, deadline);
  expect([200, 201], await submitted.clone().text()).toContain(submitted.status);
  const c = (await submitted.json()) as { id: string };
  acks.push({ op: 'submit', caseId: c.id, key: `${key}-submit`, status: submitted.status, body: c, replay: submit });

  const accept = () => fetch(`${s.base()}/api/cases/${c.id}/accept`, { method: 'POST', headers: json(s, 'clerk', { 'idempotency-key': `${key}-accept` }), body: '{}' });
  const accepted = await untilAnswered(accept, deadline);
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  const acceptedBody = (await accepted.json()) as { tasks: { id: string; status: string }[] };
  acks.push({ op: 'accept', caseId: c.id, key: `${key}-accept`, status: 200, body: acceptedBody, replay: accept });

  const task = acceptedBody.tasks.find((t) => t.status === 'open');
  expect(task).toBeDefined();
  const decision = JSON.stringify({ outcome: 'approved', opinion: '材料齐全，符合条件' });
  const complete = () => fetch(`${s.base()}/api/tasks/${task!.id}/complete`, { method: 'POST', headers: json(s, 'approver', { 'idempotency-key': `${key}-complete` }), body: decision });
  const completed = await untilAnswered(complete, deadline);
  expect(completed.status, await completed.clone().text()).toBe(200);
  acks.push({ op: 'complete', caseId: c.id, key: `${key}-complete`, status: 200, body: (await completed.json()) as Record<string, unknown>, replay: complete });
  stats.acked += 3;
}

/**
 * Starts a timer process about every second until `stopping()`, straight on the
 * database (a failed start while the database is down is tried again; one that
 * committed unseen is simply one more instance, checked like the others).
 */
async function feedTimers(db: Db, stopping: () => boolean): Promise<void> {
  const engine = { db, clock: systemClock };
  for (let n = 0; !stopping(); ) {
    try {
      await startInstance(engine, { key: TIMER_KEY, businessKey: `kill-timer-${n}` });
      n++;
      stats.timersStarted++;
      await sleep(1000);
    } catch {
      await sleep(250);
    }
  }
}

it('stores every acknowledged request exactly once while the server and its database are killed', async () => {
  // Sweeps every 500 ms, so the engine's timers fire while the kills happen.
  server = new KillableServer(root, await freePort(), await freePort(), { TONGBAN_SWEEP_INTERVAL_MS: '500' });
  await server.start();
  const srv = server;
  const feedDb = createPool(srv.databaseUrl(), 2);
  await deployDefinition({ db: feedDb, clock: systemClock }, { xml: TIMER_PROCESS, publish: true });
  const base = () => srv.url;
  const items = (await (await fetch(`${base()}/api/items`)).json()) as { id: string; code: string }[];
  const item = (await (await fetch(`${base()}/api/items/${items.find((i) => i.code === ITEM_CODE)!.id}`)).json()) as Session['item'];
  const session: Session = {
    base, item,
    cookie: { citizen: await signIn(base(), 'citizen'), clerk: await signIn(base(), 'clerk'), approver: await signIn(base(), 'approver') },
  };

  // A safety net only: the rounds bound the run; a loaded machine restarts slowly.
  const deadline = Date.now() + 480_000;
  let stopping = false;
  const workers = Array.from({ length: WORKERS }, async (_, w) => {
    for (let n = 0; !stopping; n++) await oneCase(session, w, n, deadline);
  });
  const timerFeed = feedTimers(feedDb, () => stopping);
  const kills = { server: 0, databaseBackend: 0 };
  const killedAt: Date[] = [];
  // Each kill lands on work in flight: after a few new acknowledgements (or LOAD_MS × 8 on a crawling machine).
  const underLoad = async () => {
    const from = stats.acked;
    const until = Date.now() + LOAD_MS * 8;
    await sleep(LOAD_MS);
    while (stats.acked < from + 3 * WORKERS && Date.now() < until) await sleep(200);
  };
  const killer = (async () => {
    for (let round = 0; round < ROUNDS * 2; round++) {
      await underLoad();
      const at = Date.now();
      killedAt.push(new Date(at));
      if (round % 2 === 0) {
        await srv.kill9();
        kills.server++;
        await srv.start();
        console.log(`[kill] server killed and started again in ${Date.now() - at} ms; ${stats.acked} commands acknowledged so far`);
      } else {
        const pid = srv.killDatabaseBackend();
        if (pid) kills.databaseBackend++;
        console.log(`[kill] database backend ${pid ?? '(none found)'} killed; ${stats.acked} commands acknowledged so far`);
      }
    }
    await underLoad();
    stopping = true;
  })();
  await Promise.all([killer, ...workers, timerFeed]);

  // The last timers come due after the load: the sweeps fire them before the counts are read.
  const timersLeft = async () => (await feedDb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM wf_timers t JOIN wf_instances i ON i.id = t.instance_id
      WHERE i.business_key LIKE 'kill-timer-%' AND t.status = 'pending'`,
  )).rows[0]!.n;
  for (let i = 0; i < 120 && (await timersLeft()) > 0; i++) await sleep(500);
  await feedDb.end();

  // A retry of an acknowledged request with its key gets the same answer, and changes nothing.
  let sameAnswers = 0;
  const differing: string[] = [];
  for (const a of acks) {
    const res = await a.replay();
    const body = (await res.json()) as Record<string, unknown>;
    // The kept answer may list keys in another order (jsonb): compared as values.
    const same = a.op === 'submit' ? res.status === 200 && body.id === a.body.id : res.status === a.status && isDeepStrictEqual(body, a.body);
    if (same) sameAnswers++;
    else differing.push(`${a.op} ${a.key}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  }
  await srv.stop();

  // Read the stored data directly, with the install's own password.
  await srv.start();
  const db = createPool(srv.databaseUrl(), 2);
  try {
    const caseIds = [...new Set(acks.map((a) => a.caseId))];
    const count = async (sql: string) => (await db.query<{ case_id: string; n: number }>(sql, [caseIds])).rows;
    const byCase = (rows: { case_id: string; n: number }[]) => new Map(rows.map((r) => [r.case_id, r.n]));
    const cases = byCase(await count('SELECT id AS case_id, count(*)::int AS n FROM cases WHERE id = ANY($1) GROUP BY id'));
    const keys = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE idempotency_key LIKE 'kill-%' GROUP BY idempotency_key HAVING count(*) > 1`);
    const accepted = byCase(await count(`SELECT case_id, count(*)::int AS n FROM events WHERE case_id = ANY($1) AND type = 'case.accepted' GROUP BY case_id`));
    const concluded = byCase(await count(`SELECT case_id, count(*)::int AS n FROM events WHERE case_id = ANY($1) AND type = 'case.concluded' GROUP BY case_id`));
    const notices = byCase(await count(`SELECT case_id, count(*)::int AS n FROM documents WHERE case_id = ANY($1) GROUP BY case_id`));
    const status = new Map((await db.query<{ id: string; status: string }>('SELECT id, status FROM cases WHERE id = ANY($1)', [caseIds])).rows.map((r) => [r.id, r.status]));
    let lost = 0;
    let duplicated = keys.rowCount ?? 0;
    for (const a of acks) {
      const stored = a.op === 'submit' ? cases.get(a.caseId) : a.op === 'accept' ? accepted.get(a.caseId) : concluded.get(a.caseId);
      if (!stored) lost++;
      if ((stored ?? 0) > 1) duplicated++;
    }
    for (const id of caseIds) {
      // Acceptance and decision each issue one notice: a completed case has exactly two.
      if (status.get(id) === 'approved' && notices.get(id) !== 2) duplicated++;
    }
    // A timer fired twice would show as two events of one instance's node (or step), or its process ended twice.
    const timers = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'process.timer_fired'
        GROUP BY payload->>'instanceId', payload->>'nodeId', payload->>'taskId' HAVING count(*) > 1`,
    );
    const timersFired = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'process.timer_fired'`)).rows[0]!.n;
    // The fed processes: each ended once, by its timer firing once; some came due between the first kill and the last.
    const fed = (await db.query<{ instances: number; completed: number; fired: number; firedOnce: number; endedOnce: number; dueInKills: number }>(
      `SELECT count(*)::int AS instances,
              count(*) FILTER (WHERE i.status = 'completed')::int AS completed,
              coalesce(sum(f.n), 0)::int AS fired,
              count(*) FILTER (WHERE f.n = 1)::int AS "firedOnce",
              count(*) FILTER (WHERE e.n = 1)::int AS "endedOnce",
              count(*) FILTER (WHERE t.due_at BETWEEN $1 AND $2)::int AS "dueInKills"
         FROM wf_instances i
         JOIN wf_timers t ON t.instance_id = i.id
         LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM events WHERE type = 'process.timer_fired' AND payload->>'instanceId' = i.id::text) f ON true
         LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM events WHERE type = 'process.completed' AND payload->>'instanceId' = i.id::text) e ON true
        WHERE i.business_key LIKE 'kill-timer-%'`,
      [killedAt[0], killedAt.at(-1)],
    )).rows[0]!;
    await chainPending(db);
    const chain = await verifyChain(db);
    console.log(`[kill] ${kills.server} server kills, ${kills.databaseBackend} database crashes; ${caseIds.length} cases, ${acks.length} acknowledged commands (${stats.sent} requests sent, ${stats.interrupted} cut or refused by a kill, ${stats.retried} retries)`);
    console.log(`[kill] lost ${lost}, duplicated ${duplicated}, retries answered alike ${sameAnswers}/${acks.length}, timers fired ${timersFired} (twice: ${timers.rowCount}), event chain ${chain.ok ? `verified (${chain.checked} events)` : `broken at ${chain.firstBroken!.seq}`}`);
    console.log(`[kill] timer processes: ${fed.instances} started (${stats.timersStarted} acknowledged), ${fed.dueInKills} due between the first kill and the last; fired once ${fed.firedOnce}, ended once ${fed.endedOnce}, completed ${fed.completed}`);
    for (const d of differing.slice(0, 10)) console.log(`[kill] different answer on retry: ${d}`);
    expect(kills.server).toBe(ROUNDS);
    expect(stats.interrupted).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(differing).toEqual([]);
    expect(timers.rowCount).toBe(0);
    expect(fed.dueInKills).toBeGreaterThan(0);
    expect(fed.instances).toBeGreaterThanOrEqual(stats.timersStarted);
    expect(fed.firedOnce).toBe(fed.instances);
    expect(fed.endedOnce).toBe(fed.instances);
    expect(fed.completed).toBe(fed.instances);
    expect(fed.fired).toBe(fed.instances);
    expect(chain.ok).toBe(true);
  } finally {
    await db.end();
  }
}, 900_000);

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/platform/http/app.ts';
import { systemClock } from '../src/platform/clock.ts';
import { chainPending } from '../src/platform/events/chain.ts';
import { verifyChain } from '../src/platform/events/stream.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/modules/demo/index.ts';
import { deployDefinition, startInstance } from '../src/modules/workflow/index.ts';
import { applicationFor } from './app.ts';
import { createTestDb } from './db.ts';
import { freePort } from './free-port.ts';
import { spawnTongban, type TongbanProcess } from './tongban-process.ts';

/**
 * Two `tongban start` processes on one PostgreSQL (a database of the test
 * run's embedded server) and one shared files folder. Citizens and clerks
 * work through both nodes at once; one node is killed with SIGKILL in the
 * middle. Requests it dropped are retried on the other with the same
 * idempotency key, as a client does. At the end nothing is lost or done
 * twice: every application is one case, accepted once, every timer fired
 * once, the calendar edit recomputed once, every consumer caught up, the
 * hash chain intact, and a file uploaded through one node is read through
 * the other.
 */

const CASES = 12;
const TIMERS = 8;

let db: Awaited<ReturnType<typeof createTestDb>>;
let tmp: string;
const nodes: TongbanProcess[] = [];

/** An HTTP client of one node, shaped like Fastify's inject so the test helpers work over the network. */
function client(base: () => string) {
  return {
    inject: async (opts: { method?: string; url: string; headers?: Record<string, string>; payload?: unknown }) => {
      const body = opts.payload === undefined ? undefined : Buffer.isBuffer(opts.payload) ? opts.payload : JSON.stringify(opts.payload);
      const headers = { ...(body && !Buffer.isBuffer(opts.payload) ? { 'content-type': 'application/json' } : {}), ...opts.headers };
      const res = await fetch(base() + opts.url, { method: opts.method ?? 'GET', headers, body });
      const text = await res.text();
      return { statusCode: res.status, body: text, json: () => JSON.parse(text), headers: res.headers };
    },
  };
}

/** A Monday–Friday at least two days ahead (inside the deadlines of cases accepted now). */
function workdayAhead(): string {
  for (let d = 2; ; d++) {
    const day = new Date(Date.now() + d * 86_400_000 + 8 * 3_600_000);
    if (day.getUTCDay() >= 1 && day.getUTCDay() <= 5) return day.toISOString().slice(0, 10);
  }
}

async function login(node: ReturnType<typeof client>, username: string): Promise<string> {
  const res = await node.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  return /tb_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
}

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db.db);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-two-nodes-'));
  fs.chmodSync(tmp, 0o755);
  const started = await Promise.all(['a', 'b'].map(async (name) => spawnTongban(['bin/tongban.js', 'start'], {
    env: {
      ...process.env, DATABASE_URL: db.url, HOST: '127.0.0.1', PORT: String(await freePort()), TONGBAN_NO_DEMO: '1',
      TONGBAN_DATA_DIR: path.join(tmp, `node-${name}`), TONGBAN_FILES_DIR: path.join(tmp, 'files'), TONGBAN_SWEEP_INTERVAL_MS: '500',
    },
    readyTimeoutMs: 60_000,
  })));
  nodes.push(...started);
}, 90_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop('SIGKILL', 5000)));
  await db?.drop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('two nodes on one PostgreSQL', () => {
  it('share the work; a node killed under load loses nothing and does nothing twice', async () => {
    const [a, b] = nodes as [TongbanProcess, TongbanProcess];
    let aAlive = true;
    // Requests go to both nodes in turn; once A is dead, all go to B.
    const pick = (i: number) => client(() => (aAlive && i % 2 === 0 ? a.url : b.url));
    const viaB = client(() => b.url);
    /** Runs a request on node `i % 2`; a dropped connection is retried on B, as a client with the same key does. */
    const retried = async <T>(i: number, call: (node: ReturnType<typeof client>) => Promise<T>): Promise<T> => {
      try {
        return await call(pick(i));
      } catch {
        return call(viaB);
      }
    };
    // Sessions are rows: a cookie from B works on A.
    const citizen = await login(viaB, 'citizen');
    const clerk = await login(viaB, 'clerk');
    const admin = await login(viaB, 'admin');

    // Engine timers due in a few seconds; the nodes' sweeps fire them.
    const engine = { db: db.db, clock: systemClock };
    const key = `timer_${Date.now()}`;
    await deployDefinition(engine, {
      xml: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="http://tongban.org/schema/bpmn" id="d_${key}" targetNamespace="http://tongban.org/test">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT4S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="after" name="after" tongban:assigneeKind="user" tongban:assignee="clerk"/>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="after"/>
    <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`,
      publish: true,
    });
    const instances: string[] = [];
    for (let i = 0; i < TIMERS; i++) instances.push((await startInstance(engine, { key, businessKey: `T-${i}` })).instanceId);

    // The load: each application uploaded through one node and submitted through the other, then accepted.
    const submitted = new Map<number, string>();
    const work = async (i: number) => {
      const application = await retried(i + 1, (node) => applicationFor(node as unknown as App, citizen, 'SCJG-XK-001', `two-nodes-${i}`));
      const res = await retried(i, (node) => node.inject({ method: 'POST', url: '/api/cases', headers: { cookie: citizen }, payload: application }));
      expect([200, 201]).toContain(res.statusCode);
      const caseId = res.json().id as string;
      submitted.set(i, caseId);
      const accept = await retried(i + 1, (node) => node.inject({
        method: 'POST', url: `/api/cases/${caseId}/accept`, headers: { cookie: clerk, 'idempotency-key': `accept-${i}` }, payload: {},
      }));
      expect(accept.statusCode).toBe(200);
    };
    let next = 0;
    const workers = Array.from({ length: 3 }, async () => {
      for (let i = next++; i < CASES; i = next++) {
        if (i === Math.floor(CASES / 2) && aAlive) {
          // Mid-way, under load: A dies without a chance to clean up.
          aAlive = false;
          a.child.kill('SIGKILL');
          // A calendar edit while A is gone: one recompute job, done by B.
          const edit = await viaB.inject({
            method: 'PUT', url: `/api/calendar/CN/days/${workdayAhead()}`, headers: { cookie: admin }, payload: { kind: 'holiday', name: '测试停工', reason: '双节点测试' },
          });
          expect(edit.statusCode).toBe(200);
        }
        await work(i);
      }
    });
    await Promise.all(workers);
    expect(a.child.signalCode ?? 'SIGKILL').toBe('SIGKILL');

    // Every application is one case, accepted once.
    const ids = [...submitted.values()];
    expect(new Set(ids).size).toBe(CASES);
    const counts = await db.db.query<{ type: string; n: number; cases: number }>(
      `SELECT type, count(*)::int AS n, count(DISTINCT case_id)::int AS cases FROM events
        WHERE case_id = ANY($1::uuid[]) AND type IN ('case.submitted', 'case.accepted') GROUP BY type ORDER BY type`, [ids],
    );
    expect(counts.rows).toEqual([{ type: 'case.accepted', n: CASES, cases: CASES }, { type: 'case.submitted', n: CASES, cases: CASES }]);
    const mine = await db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE idempotency_key LIKE 'two-nodes-%'`);
    expect(mine.rows[0]!.n).toBe(CASES);

    // Every timer fired once (the survivor's sweeps run every 500 ms), and the recompute job ran once.
    const settled = async () => {
      const fired = await db.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM wf_tasks WHERE instance_id = ANY($1::uuid[]) AND node_id = 'after'`, [instances],
      );
      const job = await db.db.query<{ state: string }>(`SELECT state FROM deadline_recompute_jobs`);
      const lag = await db.db.query<{ behind: number }>(
        `SELECT count(*)::int AS behind FROM event_cursors c, event_chain_head h WHERE c.last_seq < h.last_seq AND c.consumer = 'cases.deadlines'`,
      );
      return fired.rows[0]!.n >= TIMERS && job.rows.length === 1 && job.rows[0]!.state === 'done' && lag.rows[0]!.behind === 0;
    };
    for (let i = 0; i < 60 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 500));
    const perInstance = await db.db.query<{ n: number }>(
      `SELECT count(t.id)::int AS n FROM unnest($1::uuid[]) AS i(id) LEFT JOIN wf_tasks t ON t.instance_id = i.id AND t.node_id = 'after' GROUP BY i.id`, [instances],
    );
    expect(perInstance.rows.map((r) => r.n)).toEqual(Array(TIMERS).fill(1));
    const jobs = await db.db.query<{ state: string; total: number; done: number }>('SELECT state, total, done FROM deadline_recompute_jobs');
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0]!.state).toBe('done');
    expect(jobs.rows[0]!.done).toBe(jobs.rows[0]!.total);
    const moves = await db.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'case.deadline_changed' AND payload->>'reason' = 'calendar_changed' GROUP BY case_id HAVING count(*) > 1`,
    );
    expect(moves.rows).toEqual([]);
    const moved = await db.db.query<{ n: number }>(
      `SELECT count(DISTINCT case_id)::int AS n FROM events WHERE type = 'case.deadline_changed' AND payload->>'reason' = 'calendar_changed'`,
    );
    expect(moved.rows[0]!.n).toBeGreaterThan(0);

    // Files are shared: a material uploaded through A (before it died) or B is read through B.
    const uploads = await db.db.query<{ id: string }>(`SELECT id FROM uploads WHERE case_id = ANY($1::uuid[])`, [ids]);
    expect(uploads.rows.length).toBeGreaterThanOrEqual(CASES);
    for (const u of uploads.rows) {
      const res = await viaB.inject({ url: `/api/uploads/${u.id}`, headers: { cookie: clerk } });
      expect(res.statusCode).toBe(200);
    }

    // The chain is whole.
    await chainPending(db.db);
    expect((await verifyChain(db.db)).ok).toBe(true);
  }, 120_000);
});

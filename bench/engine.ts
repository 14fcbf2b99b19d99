/**
 * `npm run bench -- engine [N] [M]`: N instances (default 10,000) of
 * "accept → three parallel department tasks → approve → end" run to
 * completion by 16 concurrent clients on our engine, on an embedded
 * PostgreSQL of its own. In the same run: M instances (default N / 10, at
 * most 1,000) of the same BPMN on the npm package bpmn-engine with its state
 * saved to PostgreSQL after every step and recovered before the next (what a
 * multi-user service built on that library must do), and the rate of
 * one-row-insert transactions with the same clients (the commit ceiling).
 * Our engine also runs at 1 and 4 clients (the shape of the curve), on a pool
 * of its own whose connections count what the engine sends: messages (round
 * trips), the statements in them and the COMMITs, per step — figures that do
 * not depend on how busy the machine is.
 * Prints the figures and ends with one JSON line of them.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from 'bpmn-engine';
import { systemClock } from '../server/src/platform/clock.ts';
import { createPool, withTx, type Db } from '../server/src/platform/db/pool.ts';
import { appendEvent, verifyChain } from '../server/src/platform/events/stream.ts';
import { chainPending, startChainer } from '../server/src/platform/events/chain.ts';
import { completeTask, deployDefinition, startInstance, type EngineEnv } from '../server/src/modules/workflow/engine/index.ts';
import { percentile, round, withBenchDatabase } from './_support.ts';

const CLIENTS = 16;
/** Group commit as the bench runs it: up to 4 shared transactions in flight, 16 commands each at most. */
export const GROUP_COMMIT = { concurrency: 4, size: 16 };
const USER_TASKS = new Set(['accept', 'deptA', 'deptB', 'deptC', 'approve']);

export const BENCH_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="http://tongban.org/schema/bpmn" id="bench" targetNamespace="http://tongban.org/bench">
  <bpmn:process id="joint_permit" name="联办许可" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="accept" name="受理" tongban:assigneeKind="user" tongban:assignee="clerk"/>
    <bpmn:parallelGateway id="split"/>
    <bpmn:userTask id="deptA" name="市场监管局审查" tongban:assigneeKind="user" tongban:assignee="a"/>
    <bpmn:userTask id="deptB" name="消防审查" tongban:assigneeKind="user" tongban:assignee="b"/>
    <bpmn:userTask id="deptC" name="卫生审查" tongban:assigneeKind="user" tongban:assignee="c"/>
    <bpmn:parallelGateway id="join"/>
    <bpmn:userTask id="approve" name="审批" tongban:assigneeKind="user" tongban:assignee="boss"/>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
    <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="split"/>
    <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="deptA"/>
    <bpmn:sequenceFlow id="f4" sourceRef="split" targetRef="deptB"/>
    <bpmn:sequenceFlow id="f5" sourceRef="split" targetRef="deptC"/>
    <bpmn:sequenceFlow id="f6" sourceRef="deptA" targetRef="join"/>
    <bpmn:sequenceFlow id="f7" sourceRef="deptB" targetRef="join"/>
    <bpmn:sequenceFlow id="f8" sourceRef="deptC" targetRef="join"/>
    <bpmn:sequenceFlow id="f9" sourceRef="join" targetRef="approve"/>
    <bpmn:sequenceFlow id="f10" sourceRef="approve" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

/** Runs `work(i)` for i in [0, n) on `clients` concurrent loops. */
export async function concurrently(n: number, clients: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) await work(i);
    }),
  );
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

export interface Run {
  instances: number;
  seconds: number;
  steps: number;
  latencies: number[];
  /** What the engine sent during the run (our engine only). */
  sent?: Sent;
}

export interface Sent {
  roundTrips: number;
  statements: number;
  commits: number;
}

/**
 * CPU seconds used so far by this process and by the PostgreSQL server under
 * `dataDir` (the postmaster with its children that exited, plus the live
 * backends), from /proc; null where /proc is not there.
 */
export function cpuSeconds(dataDir: string): { node: number; postgres: number | null } {
  const usage = process.cpuUsage();
  const node = (usage.user + usage.system) / 1e6;
  try {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const ticks = 100; // USER_HZ on Linux
    let total = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields after the name: state, ppid, …; utime, stime, cutime, cstime are the 12th to 15th.
      const pid = Number(entry);
      if (pid === postmaster) total += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      else if (Number(f[1]) === postmaster) total += Number(f[11]) + Number(f[12]);
    }
    return { node, postgres: total / ticks };
  } catch {
    return { node, postgres: null };
  }
}

/** A pool for the engine alone whose connections count the messages, statements and COMMITs they send. */
export function countingPool(url: string, max: number): { pool: Db; sent: Sent } {
  const sent: Sent = { roundTrips: 0, statements: 0, commits: 0 };
  const pool = createPool(url, max);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: unknown }).query = async (...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
      sent.roundTrips++;
      if (/\bCOMMIT\b/.test(text)) sent.commits++;
      const result = await query(...args);
      // A pipeline (platform/db/pipeline.ts) is one message of several statements; so is a simple-protocol message with several.
      const pipelined = (first as { statements?: unknown[] } | null)?.statements;
      sent.statements += pipelined ? pipelined.length : Array.isArray(result) ? result.length : 1;
      return result;
    };
  });
  return { pool, sent };
}

/** One instance of the process: start it, then complete every open task as it appears; each command's latency is pushed. Returns the completions. */
export async function runInstance(env: EngineEnv, i: number, latencies: number[]): Promise<number> {
  let s = performance.now();
  const started = await startInstance(env, { key: 'joint_permit', businessKey: `case-${i}`, variables: { amount: i } });
  latencies.push(performance.now() - s);
  let completions = 0;
  const queue = [...started.openedTasks];
  while (queue.length > 0) {
    const task = queue.shift()!;
    s = performance.now();
    const done = await completeTask(env, { taskId: task.id, actor: { id: task.assignee ?? '' }, outcome: 'approve', opinion: '同意' });
    latencies.push(performance.now() - s);
    completions++;
    queue.push(...done.openedTasks);
  }
  return completions;
}

/** Our engine: start, then complete every open task as it appears; each command is one step. */
export async function runOurs(env: EngineEnv, sent: Sent, n: number, clients = CLIENTS): Promise<Run & { heapAfterHalfMb: number; heapAfterAllMb: number }> {
  const before = { ...sent };
  const latencies: number[] = [];
  let steps = 0;
  let heapAfterHalfMb = 0;
  const t0 = performance.now();
  await concurrently(n, clients, async (i) => {
    // Awaited first: `steps += await …` would read steps before the await and lose the other clients' additions.
    const completions = await runInstance(env, i, latencies);
    steps += completions;
    if (i === Math.floor(n / 2)) {
      // After a full collection (npm run bench exposes gc), so the figure is live data, not garbage not yet collected.
      global.gc?.();
      heapAfterHalfMb = process.memoryUsage().heapUsed / 2 ** 20;
    }
    if (i % 200 === 0) sampleRss();
  });
  const seconds = (performance.now() - t0) / 1000;
  global.gc?.();
  const delta = { roundTrips: sent.roundTrips - before.roundTrips, statements: sent.statements - before.statements, commits: sent.commits - before.commits };
  return { instances: n, seconds, steps, latencies, sent: delta, heapAfterHalfMb, heapAfterAllMb: process.memoryUsage().heapUsed / 2 ** 20 };
}

/** bpmn-engine as a multi-user service must run it: recover from PostgreSQL, resume, signal one task, save. */
export async function runBpmnEngine(db: Db, n: number): Promise<Run> {
  await db.query('CREATE TABLE IF NOT EXISTS bench_bpmn_engine_state (id text PRIMARY KEY, state jsonb NOT NULL)');
  const latencies: number[] = [];
  let steps = 0;
  const t0 = performance.now();
  const settle = async (engine: Engine, execution: Awaited<ReturnType<Engine['execute']>>) => {
    // Let the engine's internal broker finish the step before reading its state.
    await new Promise((resolve) => setImmediate(resolve));
    // Postponed also lists flows waiting at the join; only user tasks take a signal.
    const waiting = execution.getPostponed().map((api) => api.id).filter((id) => USER_TASKS.has(id));
    return { waiting, state: await engine.getState() };
  };
  await concurrently(n, CLIENTS, async (i) => {
    const id = `bpmn-engine-${i}`;
    let s = performance.now();
    const engine = new Engine({ name: id, source: BENCH_BPMN });
    const execution = await engine.execute({ listener: new EventEmitter() });
    let { waiting, state } = await settle(engine, execution);
    await db.query('INSERT INTO bench_bpmn_engine_state (id, state) VALUES ($1, $2)', [id, JSON.stringify(state)]);
    latencies.push(performance.now() - s);
    while (waiting.length > 0) {
      s = performance.now();
      const { rows } = await db.query<{ state: unknown }>('SELECT state FROM bench_bpmn_engine_state WHERE id = $1', [id]);
      const recovered = new Engine({ name: id }).recover(rows[0]!.state);
      const resumed = await recovered.resume({ listener: new EventEmitter() });
      resumed.signal({ id: waiting[0]! });
      ({ waiting, state } = await settle(recovered, resumed));
      await db.query('UPDATE bench_bpmn_engine_state SET state = $2 WHERE id = $1', [id, JSON.stringify(state)]);
      latencies.push(performance.now() - s);
      steps++;
    }
    if (i % 50 === 0) sampleRss();
  });
  return { instances: n, seconds: (performance.now() - t0) / 1000, steps, latencies };
}

/**
 * One-event transactions through the platform's appendEvent (an unchained
 * insert; the chainer runs beside them): what every command pays at least once.
 */
async function runChainCeiling(db: Db, seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        // A test. type: outside production the stream checks every other type against its contract.
        await withTx(db, (tx) => appendEvent(tx, { type: 'test.bench_ping', occurredAt: new Date() }));
        count++;
      }
    }),
  );
  return count / seconds;
}

/** The commit ceiling: single-row INSERT transactions, same clients, fixed time. */
export async function runInsertCeiling(db: Db, seconds: number): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS bench_ceiling (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, payload text)');
  const until = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        await db.query('INSERT INTO bench_ceiling (at, payload) VALUES (now(), $1)', ['x']);
        count++;
      }
    }),
  );
  return count / seconds;
}

/** Bytes per finished instance, by table: the state rows, the task rows, the history, and the events it appended. */
async function storedBytesPerInstance(db: Db, n: number): Promise<Record<string, number>> {
  const tables = ['wf_instances', 'wf_tokens', 'wf_tasks', 'wf_timers', 'wf_subscriptions', 'wf_history'];
  const bytes: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await db.query<{ bytes: number | null }>(`SELECT SUM(pg_column_size(t.*))::bigint AS bytes FROM ${table} t`);
    bytes[table] = Math.round((rows[0]!.bytes ?? 0) / n);
  }
  const events = await db.query<{ bytes: number | null }>("SELECT SUM(pg_column_size(e.*))::bigint AS bytes FROM events e WHERE type LIKE 'task.%' OR type LIKE 'process.%'");
  bytes.events = Math.round((events.rows[0]!.bytes ?? 0) / n);
  bytes.engineTotal = tables.reduce((sum, t) => sum + bytes[t]!, 0);
  return bytes;
}

export interface Figures {
  instances: number;
  instancesPerSecond: number;
  taskCompletionsPerSecond: number;
  stepsPerSecond: number;
  p50StepMs: number;
  p99StepMs: number;
  seconds: number;
  clients: number;
  roundTripsPerStep?: number;
  statementsPerStep?: number;
  commitsPerStep?: number;
}

export function summary(name: string, r: Run, clients: number): Figures {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const figures: Figures = {
    instances: r.instances,
    instancesPerSecond: round(r.instances / r.seconds),
    taskCompletionsPerSecond: round(r.steps / r.seconds),
    stepsPerSecond: round(r.latencies.length / r.seconds),
    p50StepMs: round(percentile(sorted, 50), 2),
    p99StepMs: round(percentile(sorted, 99), 2),
    seconds: round(r.seconds, 2),
    clients,
  };
  // A step is a start or a task completion: each is one command.
  if (r.sent) {
    figures.roundTripsPerStep = round(r.sent.roundTrips / r.latencies.length, 2);
    figures.statementsPerStep = round(r.sent.statements / r.latencies.length, 2);
    figures.commitsPerStep = round(r.sent.commits / r.latencies.length, 2);
  }
  console.log(
    `${name}: ${figures.instances} instances in ${figures.seconds} s — ${figures.instancesPerSecond} instances/s, ` +
      `${figures.taskCompletionsPerSecond} task completions/s, step p50 ${figures.p50StepMs} ms, p99 ${figures.p99StepMs} ms` +
      (r.sent ? `; per step ${figures.roundTripsPerStep} round trips, ${figures.statementsPerStep} statements, ${figures.commitsPerStep} commits` : ''),
  );
  return figures;
}

export async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 10_000);
  const m = Number(args[1] ?? Math.min(1000, Math.max(1, Math.floor(n / 10))));
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(m) || m < 1) {
    console.error('用法：npm run bench -- engine [N 实例数] [M bpmn-engine 实例数]');
    process.exit(2);
  }
  await withBenchDatabase('engine', CLIENTS + 4, async (db, tmp) => {
    const url = (db as unknown as { options: { connectionString: string } }).options.connectionString;
    const counted = countingPool(url, CLIENTS);
    const env: EngineEnv = { db: counted.pool, clock: systemClock };
    await deployDefinition(env, { xml: BENCH_BPMN, publish: true });
    const load = () => os.loadavg().map((x) => round(x, 2));
    const loadAtStart = load();
    console.log(`machine: ${os.cpus().length} CPU, ${round(os.totalmem() / 2 ** 30)} GB; ${CLIENTS} concurrent clients; PostgreSQL embedded, fsync on; load average ${loadAtStart.join(' ')}`);

    // The chainer runs beside the engine as it does in the server.
    const stopChainer = startChainer(db, (err) => console.error(`chainer: ${err.message}`));
    // Warm-up: the model cache, JIT, connection pool.
    await runOurs(env, counted.sent, Math.min(200, n));
    const cpuBefore = cpuSeconds(path.join(tmp, 'pg'));
    const ours = await runOurs(env, counted.sent, n);
    const cpuAfter = cpuSeconds(path.join(tmp, 'pg'));
    const oursFigures = summary('tongban engine', ours, CLIENTS);
    // Where a step's time goes: CPU milliseconds per step in Node (engine, driver, chainer) and in PostgreSQL.
    const cpuMsPerStep = {
      node: round(((cpuAfter.node - cpuBefore.node) * 1000) / ours.latencies.length, 3),
      postgres: cpuAfter.postgres === null || cpuBefore.postgres === null ? null : round(((cpuAfter.postgres - cpuBefore.postgres) * 1000) / ours.latencies.length, 3),
    };
    console.log(`CPU per step at ${CLIENTS} clients: ${cpuMsPerStep.node} ms in Node (engine, driver, chainer), ${cpuMsPerStep.postgres ?? '?'} ms in PostgreSQL; ${os.cpus().length} CPUs`);
    // With 16 clients always waiting, a step's latency is mostly queueing
    // (Little's law: mean latency = clients / throughput); one client shows
    // what a step itself costs, four the middle of the curve.
    const four = Math.min(2000, n);
    const fourFigures = summary('tongban engine, 4 clients', await runOurs(env, counted.sent, four, 4), 4);
    const alone = summary('tongban engine, 1 client', await runOurs(env, counted.sent, Math.min(300, n), 1), 1);
    // Group commit (group-commit.ts): commands that queue up share a transaction.
    const groupedN = Math.min(n, 2000);
    const grouped = summary('tongban engine, group commit', await runOurs({ ...env, groupCommit: GROUP_COMMIT }, counted.sent, groupedN), CLIENTS);
    console.log(`queueing bound at ${CLIENTS} clients: mean step latency ≥ ${round((CLIENTS / oursFigures.stepsPerSecond) * 1000, 2)} ms at ${oursFigures.stepsPerSecond} steps/s`);
    // Timed apart: verifying re-hashes the whole chain, which takes seconds and says nothing of the chainer.
    const chainStart = performance.now();
    const left = await chainPending(db);
    const chainMs = round(performance.now() - chainStart);
    const verifyStart = performance.now();
    const chain = await verifyChain(db);
    const verifyMs = round(performance.now() - verifyStart);
    console.log(`event chain: ${left} events left to chain at the end (${chainMs} ms); ${chain.checked} events verified in ${verifyMs} ms, ${chain.ok ? 'intact' : 'BROKEN'}`);
    const bytes = await storedBytesPerInstance(db, n + groupedN + Math.min(200, n) + four + Math.min(300, n));
    console.log(
      `stored per finished instance: ${bytes.engineTotal} bytes of engine rows (instance ${bytes.wf_instances}, tasks ${bytes.wf_tasks}, ` +
        `history ${bytes.wf_history}, tokens ${bytes.wf_tokens}), plus ${bytes.events} bytes of events; the definition is stored once`,
    );
    console.log(`heap used: ${round(ours.heapAfterHalfMb)} MB after half the instances, ${round(ours.heapAfterAllMb)} MB after all`);

    const theirs = await runBpmnEngine(db, m);
    const theirFigures = summary(`bpmn-engine (state in PostgreSQL, N = ${m})`, theirs, CLIENTS);
    const ceiling = await runInsertCeiling(db, 5);
    const chainCeiling = await runChainCeiling(db, 5);
    await stopChainer();
    await counted.pool.end();
    sampleRss();
    const loadAtEnd = load();
    const ratio = oursFigures.instancesPerSecond / theirFigures.instancesPerSecond;
    const share = oursFigures.stepsPerSecond / ceiling;
    const groupedRatio = grouped.instancesPerSecond / theirFigures.instancesPerSecond;
    const groupedShare = grouped.stepsPerSecond / ceiling;
    console.log(`one-row insert transactions: ${round(ceiling)} /s (the commit ceiling with ${CLIENTS} clients)`);
    console.log(`one-event transactions (platform appendEvent): ${round(chainCeiling)} /s — engine commands are ${round((oursFigures.stepsPerSecond / chainCeiling) * 100)}% of it`);
    console.log(`ratio: ${round(ratio)}× bpmn-engine's instances/s; engine steps are ${round(share * 100)}% of the insert ceiling`);
    console.log(`with group commit: ${round(groupedRatio)}× bpmn-engine's instances/s; ${round(groupedShare * 100)}% of the insert ceiling`);
    console.log(`peak RSS: ${round(peakRss / 2 ** 20)} MB; load average at the end ${loadAtEnd.join(' ')}`);
    console.log(
      JSON.stringify({
        bench: 'engine',
        clients: CLIENTS,
        tongban: oursFigures,
        tongbanOneClient: alone,
        tongbanByClients: { 1: alone, 4: fourFigures, [CLIENTS]: oursFigures },
        cpuMsPerStep,
        bpmnEngine: theirFigures,
        insertTransactionsPerSecond: round(ceiling),
        oneEventTransactionsPerSecond: round(chainCeiling),
        ratioInstancesPerSecond: round(ratio, 2),
        stepShareOfInsertCeiling: round(share, 3),
        tongbanGroupCommit: { ...grouped, groupCommit: GROUP_COMMIT, ratioInstancesPerSecond: round(groupedRatio, 2), stepShareOfInsertCeiling: round(groupedShare, 3) },
        storedBytesPerInstance: bytes,
        heapUsedMb: { half: round(ours.heapAfterHalfMb), all: round(ours.heapAfterAllMb) },
        peakRssMb: round(peakRss / 2 ** 20),
        loadAverage: { start: loadAtStart, end: loadAtEnd },
      }),
    );
  });
}

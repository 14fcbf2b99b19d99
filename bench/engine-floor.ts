/**
 * `npm run bench -- engine-floor [N] [M]`: how fast the engine benchmark's
 * steps could run if the engine itself cost nothing. The benchmark's process
 * (bench/engine.ts: N instances, default 2,000, 16 clients, the chainer
 * beside them) runs once on the engine while every message each instance's
 * commands send is recorded. Then, each run from empty tables on a pool of
 * its own: the engine again, alone and with group commit (for comparison);
 * the recorded messages sent again, instance by instance, by 16 clients —
 * the same statements with the same values, prepared the same way
 * (platform/db/pipeline.ts), two messages per command, no engine code between
 * them — one transaction per command, and batched as group commit batches;
 * and both replays again with only the indexes the engine's and the
 * chainer's own reads use (every index that serves lists, supervision or
 * uniqueness dropped). Every run's rows are counted against the recorded
 * run's, so a run that did other work fails the benchmark. In the same run:
 * M bpmn-engine instances (default N / 4, at most 500) and the
 * one-row-insert ceiling, so each figure shows as a ratio and a share as
 * bench/engine.ts reports them. Ends with one JSON line.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../server/src/platform/clock.ts';
import { createPool, type Db } from '../server/src/platform/db/pool.ts';
import { pipeline, type Statement } from '../server/src/platform/db/pipeline.ts';
import { chainPending, startChainer } from '../server/src/platform/events/chain.ts';
import { deployDefinition, type EngineEnv } from '../server/src/modules/workflow/engine/index.ts';
import { committerOf, type GroupCommitOptions } from '../server/src/modules/workflow/engine/group-commit.ts';
import { BENCH_BPMN, GROUP_COMMIT, concurrently, cpuSeconds, runBpmnEngine, runInstance, runInsertCeiling, summary, type Figures, type Run } from './engine.ts';
import { round, withBenchDatabase } from './_support.ts';

const CLIENTS = 16;

/** One message as a command sent it: several statements in one pipeline, or one query. */
type Message = { statements: readonly Statement[] } | { text: string; values: readonly unknown[] };
/** A command's messages, BEGIN first; an instance's commands in the order they ran. */
type Command = Message[];

const recording = new AsyncLocalStorage<Command[]>();

/** A pool whose connections record every message into the instance log of the async context that sends it. */
function recordingPool(url: string): Db {
  const pool = createPool(url, CLIENTS);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const log = recording.getStore();
      if (log) {
        const first = args[0] as { statements?: readonly Statement[]; text?: string; values?: unknown[] } | string;
        const message: Message = typeof first === 'string'
          ? { text: first, values: (args[1] as unknown[] | undefined) ?? [] }
          : first.statements ? { statements: first.statements } : { text: first.text ?? '', values: first.values ?? [] };
        const opens = 'statements' in message ? message.statements[0]?.text === 'BEGIN' : /^\s*BEGIN\b/i.test(message.text);
        if (opens || log.length === 0) log.push([]);
        log.at(-1)!.push(message);
      }
      return query(...args);
    };
  });
  return pool;
}

/** The engine benchmark's process; each instance's messages land in its log when the pool records (recordingPool). */
async function runProcess(env: EngineEnv, n: number): Promise<{ run: Run; logs: Command[][] }> {
  const logs: Command[][] = Array.from({ length: n }, () => []);
  const latencies: number[] = [];
  let steps = 0;
  const t0 = performance.now();
  await concurrently(n, CLIENTS, (i) => recording.run(logs[i]!, async () => {
    // Awaited first: `steps += await …` would read steps before the await and lose the other clients' additions.
    const completions = await runInstance(env, i, latencies);
    steps += completions;
  }));
  return { run: { instances: n, seconds: (performance.now() - t0) / 1000, steps, latencies }, logs };
}

/** Sends one recorded command again on a connection of its own. */
async function replayAlone(db: Db, command: Command): Promise<void> {
  const client = await db.connect();
  try {
    for (const message of command) {
      if ('statements' in message) await pipeline(client, message.statements);
      else await client.query(message.text, [...message.values]);
    }
  } finally {
    client.release();
  }
}

/**
 * Group commit's own committer (group-commit.ts) sending recorded commands:
 * a replayed command is two messages — BEGIN and its reads, its writes and
 * COMMIT — so its first statements and its write are what a command hands the
 * committer; each instance's commands come one after another, so no two share
 * a process tree.
 */
function replayBatcher(db: Db, options: GroupCommitOptions): (command: Command) => Promise<void> {
  const committer = committerOf(db, options);
  const statementsOf = (m: Message | undefined): Statement[] => (m === undefined ? [] : 'statements' in m ? [...m.statements] : [{ text: m.text, values: m.values }]);
  return (command) => {
    const first = statementsOf(command[0]).filter((x) => x.text !== 'BEGIN');
    const writes = statementsOf(command[1]).filter((x) => x.text !== 'COMMIT');
    if (command.length !== 2 || writes.length > 1) throw new Error('a replayed command is BEGIN with its reads, then one write with COMMIT');
    return committer.submit({ first, rootOf: () => null, run: async () => ({ value: undefined, last: writes[0] ?? null }), alone: () => replayAlone(db, command) });
  };
}

/** Sends the recorded messages again: an instance's commands in order, 16 instances at a time, each command alone or batched. */
async function replay(db: Db, logs: Command[][], groupCommit?: GroupCommitOptions): Promise<Run> {
  const send = groupCommit ? replayBatcher(db, groupCommit) : (command: Command) => replayAlone(db, command);
  const latencies: number[] = [];
  const t0 = performance.now();
  await concurrently(logs.length, CLIENTS, async (i) => {
    for (const command of logs[i]!) {
      const s = performance.now();
      await send(command);
      latencies.push(performance.now() - s);
    }
  });
  const steps = latencies.length - logs.length;
  return { instances: logs.length, seconds: (performance.now() - t0) / 1000, steps, latencies };
}

const ENGINE_TABLES = ['wf_instances', 'wf_tokens', 'wf_tasks', 'wf_history', 'events'];

/** Row counts of what a run wrote, to hold a replay to the engine's work. */
async function written(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ENGINE_TABLES) counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  counts.completedTasks = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM wf_tasks WHERE status = 'completed'")).rows[0]!.n;
  counts.chained = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE seq IS NOT NULL')).rows[0]!.n;
  return counts;
}

/**
 * Empties what a run wrote (the definition stays) and checkpoints, so every
 * run starts from the same state: empty tables whose size the planner does
 * not know yet (TRUNCATE forgets it), and connections that have prepared
 * nothing (each run has a pool of its own).
 */
async function emptyEngineTables(db: Db): Promise<void> {
  await db.query(`TRUNCATE ${ENGINE_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
  await db.query("UPDATE event_chain_head SET last_seq = 0, last_hash = repeat('0', 64) WHERE id");
  await db.query('CHECKPOINT');
}

/** Indexes the engine's own reads in this process and the chainer's use; every other index of its tables is dropped. */
const ENGINE_READ_INDEXES = new Set(['wf_tokens_instance_idx', 'wf_tasks_instance_idx', 'events_unchained_idx']);

async function dropIndexesNobodyHereReads(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ table: string; index: string; constraint: string | null }>(
    `SELECT t.relname AS table, i.relname AS index, c.conname AS constraint
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid
      WHERE t.relname = ANY($1::text[]) AND NOT x.indisprimary ORDER BY 1, 2`,
    [ENGINE_TABLES],
  );
  const dropped: string[] = [];
  for (const r of rows) {
    if (ENGINE_READ_INDEXES.has(r.index)) continue;
    // Names come from the catalogue, not from input.
    await db.query(r.constraint ? `ALTER TABLE ${r.table} DROP CONSTRAINT ${r.constraint} CASCADE` : `DROP INDEX ${r.index}`);
    dropped.push(r.index);
  }
  return dropped;
}

interface Measured extends Figures {
  cpuMsPerStep: { node: number; postgres: number | null };
}

async function measured(name: string, dataDir: string, work: () => Promise<Run>): Promise<Measured> {
  const before = cpuSeconds(dataDir);
  const run = await work();
  const after = cpuSeconds(dataDir);
  const figures = summary(name, run, CLIENTS);
  const perStep = (x: number) => round((x * 1000) / run.latencies.length, 3);
  const cpuMsPerStep = {
    node: perStep(after.node - before.node),
    postgres: after.postgres === null || before.postgres === null ? null : perStep(after.postgres - before.postgres),
  };
  console.log(`  CPU per step: ${cpuMsPerStep.node} ms in Node, ${cpuMsPerStep.postgres ?? '?'} ms in PostgreSQL`);
  return { ...figures, cpuMsPerStep };
}

function sameWork(engine: Record<string, number>, replayed: Record<string, number>, what: string): void {
  const differs = Object.keys(engine).filter((k) => engine[k] !== replayed[k]);
  if (differs.length > 0) {
    throw new Error(`${what} wrote other rows than the engine: ${differs.map((k) => `${k} ${replayed[k]} ≠ ${engine[k]}`).join(', ')}`);
  }
}

export async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 2000);
  const m = Number(args[1] ?? Math.min(500, Math.max(1, Math.floor(n / 4))));
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(m) || m < 1) {
    console.error('用法：npm run bench -- engine-floor [N 实例数] [M bpmn-engine 实例数]');
    process.exit(2);
  }
  await withBenchDatabase('engine-floor', CLIENTS + 4, async (db, tmp) => {
    const dataDir = path.join(tmp, 'pg');
    const url = (db as unknown as { options: { connectionString: string } }).options.connectionString;
    const load = () => os.loadavg().map((x) => round(x, 2));
    const loadAtStart = load();
    console.log(`machine: ${os.cpus().length} CPU; ${CLIENTS} clients; PostgreSQL embedded, fsync on; load average ${loadAtStart.join(' ')}`);
    const warmPool = createPool(url, CLIENTS);
    await deployDefinition({ db: warmPool, clock: systemClock }, { xml: BENCH_BPMN, publish: true });
    const stopChainer = startChainer(db, (err) => console.error(`chainer: ${err.message}`));
    const settle = async () => {
      await chainPending(db);
      return written(db);
    };

    // Warm-up (model cache, JIT) on a pool of its own, then every run starts on empty tables.
    await runProcess({ db: warmPool, clock: systemClock }, Math.min(1000, n));
    await warmPool.end();
    await chainPending(db);
    await emptyEngineTables(db);
    // The recording run: what each instance's commands send, and the rows the replays must write again.
    const recorder = recordingPool(url);
    const recorded = await runProcess({ db: recorder, clock: systemClock }, n);
    await recorder.end();
    const logs = recorded.logs;
    const engineRows = await settle();
    console.log(`recorded ${logs.flat().length} commands, ${logs.flat(2).length} messages; they wrote ${JSON.stringify(engineRows)}`);

    const runs: [string, Measured][] = [];
    // Each run: empty tables, a pool of its own, the rows counted against the recorded run's.
    const fresh = async (name: string, work: (pool: Db) => Promise<Run>): Promise<Measured> => {
      await emptyEngineTables(db);
      const pool = createPool(url, CLIENTS);
      const figures = await measured(name, dataDir, () => work(pool));
      await pool.end();
      sameWork(engineRows, await settle(), name);
      runs.push([name, figures]);
      return figures;
    };
    const engine = await fresh('engine', async (pool) => (await runProcess({ db: pool, clock: systemClock }, n)).run);
    const grouped = await fresh('engine, group commit', async (pool) => (await runProcess({ db: pool, clock: systemClock, groupCommit: GROUP_COMMIT }, n)).run);
    const replayed = await fresh('replay', (pool) => replay(pool, logs));
    const replayedGrouped = await fresh('replay, group commit', (pool) => replay(pool, logs, GROUP_COMMIT));
    await emptyEngineTables(db);
    const dropped = await dropIndexesNobodyHereReads(db);
    console.log(`dropped ${dropped.length} indexes: ${dropped.join(', ')}`);
    const bare = await fresh('replay, engine-read indexes only', (pool) => replay(pool, logs));
    const bareGrouped = await fresh('replay, engine-read indexes only, group commit', (pool) => replay(pool, logs, GROUP_COMMIT));
    await stopChainer();

    const theirs = summary(`bpmn-engine (state in PostgreSQL, N = ${m})`, await runBpmnEngine(db, m), CLIENTS);
    const ceiling = await runInsertCeiling(db, 5);
    console.log(`one-row insert transactions: ${round(ceiling)} /s`);
    const against = (f: Figures) => ({ ratioInstancesPerSecond: round(f.instancesPerSecond / theirs.instancesPerSecond, 2), stepShareOfInsertCeiling: round(f.stepsPerSecond / ceiling, 3) });
    for (const [name, f] of runs) {
      const a = against(f);
      console.log(`${name}: ${f.stepsPerSecond} steps/s, ${a.ratioInstancesPerSecond}× bpmn-engine, ${round(a.stepShareOfInsertCeiling * 100)}% of the insert ceiling, p99 ${f.p99StepMs} ms`);
    }
    console.log(
      JSON.stringify({
        bench: 'engine-floor',
        clients: CLIENTS,
        groupCommit: GROUP_COMMIT,
        engine: { ...engine, ...against(engine) },
        engineGroupCommit: { ...grouped, ...against(grouped) },
        replay: { ...replayed, ...against(replayed) },
        replayGroupCommit: { ...replayedGrouped, ...against(replayedGrouped) },
        replayEngineReadIndexesOnly: { ...bare, ...against(bare) },
        replayEngineReadIndexesOnlyGroupCommit: { ...bareGrouped, ...against(bareGrouped) },
        droppedIndexes: dropped,
        bpmnEngine: theirs,
        insertTransactionsPerSecond: round(ceiling),
        loadAverage: { start: loadAtStart, end: load() },
      }),
    );
  });
}

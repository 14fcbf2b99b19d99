/**
 * `npm run bench -- engine-statements [N]`: where a step's time goes in
 * PostgreSQL. The engine benchmark's process (bench/engine.ts), N instances
 * (default 2,000) with 16 concurrent clients and the event chainer beside
 * them, on an embedded PostgreSQL of its own that preloads
 * pg_stat_statements with planning tracked. Prints, per step, the planning
 * and execution milliseconds and WAL bytes of each statement shape (the
 * engine's and the chainer's) and of all of them, and ends with one JSON line.
 * Execution time is time in the executor, waits included: under full load it
 * is larger than CPU time, so the shares are the robust part.
 */
import { systemClock } from '../server/src/platform/clock.ts';
import { startChainer } from '../server/src/platform/events/chain.ts';
import { deployDefinition, type EngineEnv } from '../server/src/modules/workflow/engine/index.ts';
import { BENCH_BPMN, countingPool, runOurs } from './engine.ts';
import { round, withBenchDatabase } from './_support.ts';

const CLIENTS = 16;

interface StatementRow {
  calls: number;
  plan_ms: number;
  exec_ms: number;
  wal_bytes: number;
  query: string;
}

export async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 2000);
  if (!Number.isInteger(n) || n < 1) {
    console.error('用法：npm run bench -- engine-statements [N 实例数]');
    process.exit(2);
  }
  await withBenchDatabase('engine-statements', CLIENTS + 4, async (db) => {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const url = (db as unknown as { options: { connectionString: string } }).options.connectionString;
    const counted = countingPool(url, CLIENTS);
    const env: EngineEnv = { db: counted.pool, clock: systemClock };
    await deployDefinition(env, { xml: BENCH_BPMN, publish: true });
    const stopChainer = startChainer(db, (err) => console.error(`chainer: ${err.message}`));
    // Warm-up, then count from zero: every connection has prepared its shapes by then.
    await runOurs(env, counted.sent, Math.min(200, n));
    await db.query('SELECT pg_stat_statements_reset()');
    const run = await runOurs(env, counted.sent, n);
    await stopChainer();
    await counted.pool.end();
    const steps = run.latencies.length;
    const { rows } = await db.query<StatementRow>(
      `SELECT calls::int, total_plan_time AS plan_ms, total_exec_time AS exec_ms, wal_bytes::bigint AS wal_bytes, regexp_replace(query, '\\s+', ' ', 'g') AS query
         FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_plan_time + total_exec_time DESC`,
    );
    const perStep = (x: number) => round(x / steps, 3);
    const total = rows.reduce((t, r) => ({ plan: t.plan + r.plan_ms, exec: t.exec + r.exec_ms, wal: t.wal + Number(r.wal_bytes) }), { plan: 0, exec: 0, wal: 0 });
    console.log(`${n} instances, ${steps} steps, ${CLIENTS} clients, in ${round(run.seconds, 2)} s (${round(steps / run.seconds)} steps/s)`);
    console.log(`per step, all statements: planning ${perStep(total.plan)} ms, execution ${perStep(total.exec)} ms, WAL ${Math.round(total.wal / steps)} bytes`);
    console.log('\ncalls/step  plan ms  exec ms  WAL B  statement');
    const top = rows.slice(0, 12).map((r) => ({
      callsPerStep: round(r.calls / steps, 2), planMs: perStep(r.plan_ms), execMs: perStep(r.exec_ms), walBytes: Math.round(Number(r.wal_bytes) / steps), statement: r.query.slice(0, 120),
    }));
    for (const t of top) console.log(`${String(t.callsPerStep).padStart(10)}  ${String(t.planMs).padStart(7)}  ${String(t.execMs).padStart(7)}  ${String(t.walBytes).padStart(5)}  ${t.statement}`);
    console.log(JSON.stringify({
      bench: 'engine-statements', instances: n, steps, clients: CLIENTS, stepsPerSecond: round(steps / run.seconds),
      perStep: { planMs: perStep(total.plan), execMs: perStep(total.exec), walBytes: Math.round(total.wal / steps) }, statements: top,
    }));
  }, { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' });
}

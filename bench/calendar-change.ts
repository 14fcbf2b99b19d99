/**
 * `npm run bench -- calendar-change [--cases N] [--clients C] [--loops L]`: an admin marks
 * a working day as a holiday with N open cases (default 100,000) whose clocks
 * run over it, while C clients (default 4) run real case commands (a pause and
 * its end, by the department's approver) on those cases; the node's recompute
 * worker keeps L batches in flight (default 2, as the system). Measured both ways in
 * one run, on an embedded PostgreSQL of its own:
 * - background (the system): the edit answers once stored; the calendar
 *   consumer records a recompute job and the worker moves the deadlines in
 *   batches, each its own short transaction;
 * - one transaction (the old way, kept only here): the edit answers after
 *   every open case has been locked and recomputed in one transaction.
 * The old way runs on the reverse edit (the holiday taken back), which moves
 * the same cases back. Prints the edit's answer time, the recompute time and
 * the wait of the concurrent commands, and ends with one JSON line.
 */
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../server/src/platform/clock.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { withTx, type Tx } from '../server/src/platform/db/pool.ts';
import type { App } from '../server/src/platform/http/app.ts';
import { buildApp } from '../server/src/app.ts';
import type { Actor, AppContext } from '../server/src/platform/http/context.ts';
import { startChainer } from '../server/src/platform/events/chain.ts';
import { startConsumers } from '../server/src/platform/events/consumer.ts';
import { seedDemo } from '../server/src/modules/demo/seed.ts';
import { loadDemoCases } from '../server/src/modules/demo/cases.ts';
import { DEMO_PASSWORD } from '../server/src/modules/demo/data.ts';
import { formatIsoDate, isWorkingDay, toShanghai } from '../server/src/modules/calendar/index.ts';
import { calendarDeadlineConsumer, startRecomputeWorker } from '../server/src/modules/cases/index.ts';
import { endPause, startPause } from '../server/src/modules/cases/clock-commands.ts';
import { loadClock } from '../server/src/modules/cases/clock.ts';
import { noticeDueAt, refreshDeadline } from '../server/src/modules/cases/deadline-store.ts';
import { cloneAcceptedCases } from '../server/test/bulk-cases.ts';
import { percentile, round, withBenchDatabase } from './_support.ts';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

async function login(app: App, username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return `tb_session=${res.cookies.find((c) => c.name === 'tb_session')!.value}`;
}

/** The old way: every open case locked in one transaction and recomputed one by one (as the consumer did before the jobs). */
async function recomputeInOneTransaction(tx: Tx, now: Date): Promise<number> {
  const cc = await loadClock(tx);
  const open = await tx.query<{ id: string; case_no: string; department_id: string; submitted_at: Date; status: string }>(
    `SELECT id, case_no, department_id, submitted_at, status FROM cases WHERE status IN ('accepted', 'submitted') FOR UPDATE`,
  );
  let moved = 0;
  for (const c of open.rows) {
    if (c.status === 'submitted') {
      await tx.query('UPDATE cases SET notice_due_at = $2 WHERE id = $1 AND notice_due_at IS NOT NULL', [c.id, noticeDueAt(cc, c.submitted_at)]);
      continue;
    }
    const before = await tx.query<{ due_at: Date | null }>('SELECT due_at FROM cases WHERE id = $1', [c.id]);
    const after = await refreshDeadline(tx, cc, c.id, c.case_no, c.department_id, 'calendar_changed', null, now);
    if (after && before.rows[0]!.due_at?.getTime() !== after.getTime()) moved++;
  }
  return moved;
}

/**
 * C clients, each pausing and resuming its own cases (two commands per case)
 * until `stop()`; every command's time from call to commit is one sample.
 */
function commandClients(ctx: AppContext, approver: Actor, caseIds: readonly string[], clients: number) {
  const latencies: number[] = [];
  const errors: string[] = [];
  let stopped = false;
  let next = 0;
  const today = formatIsoDate(toShanghai(new Date()).day);
  const later = formatIsoDate(toShanghai(new Date()).day + 3);
  const timed = async (fn: () => Promise<void>) => {
    const t0 = performance.now();
    try {
      await fn();
      latencies.push(performance.now() - t0);
    } catch (err) {
      errors.push((err as Error).message);
    }
  };
  const loops = Array.from({ length: clients }, async () => {
    while (!stopped) {
      const id = caseIds[next++ % caseIds.length]!;
      await timed(() => startPause(ctx, approver, id, { type: 'supplement', reason: '基准测试：补正', firstDay: today, expectedLastDay: later }));
      await timed(() => endPause(ctx, approver, id));
    }
  });
  return {
    latencies,
    errors,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

interface WayFigures {
  editAnswerMs: number;
  recomputeSeconds: number;
  moved: number;
  commands: number;
  commandErrors: number;
  commandP50Ms: number;
  commandP99Ms: number;
  commandMaxMs: number;
}

function summarise(name: string, w: Omit<WayFigures, 'commands' | 'commandErrors' | 'commandP50Ms' | 'commandP99Ms' | 'commandMaxMs'>, latencies: number[], errors: string[]): WayFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f: WayFigures = {
    ...w,
    editAnswerMs: round(w.editAnswerMs),
    recomputeSeconds: round(w.recomputeSeconds, 2),
    commands: sorted.length,
    commandErrors: errors.length,
    commandP50Ms: round(percentile(sorted, 50)),
    commandP99Ms: round(percentile(sorted, 99)),
    commandMaxMs: round(sorted.at(-1) ?? 0),
  };
  console.log(
    `${name}: edit answered in ${f.editAnswerMs} ms; ${f.moved} deadlines moved in ${f.recomputeSeconds} s; ` +
      `${f.commands} concurrent case commands, wait p50 ${f.commandP50Ms} ms, p99 ${f.commandP99Ms} ms, max ${f.commandMaxMs} ms` +
      (errors.length ? `; ${errors.length} refused (${[...new Set(errors)].slice(0, 3).join(' | ')})` : ''),
  );
  return f;
}

export async function run(args: string[]): Promise<void> {
  const n = option(args, 'cases', 100_000);
  const clients = option(args, 'clients', 4);
  // Batches the node's recompute worker keeps in flight (the system's default is 2).
  const loops = option(args, 'loops', 2);
  if (!Number.isInteger(n) || n < 100 || !Number.isInteger(clients) || clients < 1) {
    console.error('用法：npm run bench -- calendar-change [--cases N ≥ 100] [--clients C]');
    process.exit(2);
  }
  await withBenchDatabase('calendar', clients + 8, async (db, tmp) => {
    const ctx: AppContext = { db, clock: systemClock, config: { ...loadConfig({}), dataDir: tmp }, uploadsDir: path.join(tmp, 'uploads') };
    await seedDemo(db);
    await loadDemoCases(ctx);
    const app = await buildApp(ctx);
    await app.ready();
    console.log(`machine: ${os.cpus().length} CPU, ${round(os.totalmem() / 2 ** 30)} GB; PostgreSQL embedded, fsync on; ${clients} command clients; ${loops} recompute batches in flight; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

    // The template: a demo case accepted by the real commands; its copies are accepted over the last twelve days.
    const { rows: [template] } = await db.query<{ id: string; department_id: string }>(
      `SELECT id, department_id FROM cases WHERE status = 'accepted' AND limit_unit = 'workday' ORDER BY promised_days DESC LIMIT 1`,
    );
    if (!template) throw new Error('no accepted demo case to copy');
    const seedStart = performance.now();
    const now = Date.now();
    const ats = Array.from({ length: n }, (_, i) => new Date(now - ((i * 7919) % (12 * 86_400)) * 1000));
    const ids = await cloneAcceptedCases(db, template.id, ats);
    await db.query('ANALYZE cases');
    console.log(`seeded ${n} open cases in ${round((performance.now() - seedStart) / 1000, 1)} s (bulk SQL, deadlines as acceptance writes them)`);
    const { rows: [approverRow] } = await db.query<{ id: string; username: string; display_name: string }>(
      `SELECT id, username, display_name FROM users WHERE role = 'approver' AND department_id = $1 LIMIT 1`, [template.department_id],
    );
    const approver: Actor = { id: approverRow!.id, username: approverRow!.username, displayName: approverRow!.display_name, role: 'approver', roleCode: 'approver', departmentId: template.department_id, centerId: null };
    const admin = await login(app, 'admin');
    // The changed day: the first working day three days from now, inside most clocks.
    const cc = await loadClock(db);
    let day = toShanghai(new Date()).day + 3;
    while (!isWorkingDay(cc.calendar, day)) day++;
    const date = formatIsoDate(day);
    const region = cc.region;
    const reached = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE status = 'accepted' AND $1::date <= ((GREATEST(due_at, legal_due_at) AT TIME ZONE 'UTC') + interval '8 hours')::date`, [date],
    );
    console.log(`the edit: ${date} becomes a holiday in ${region}; ${reached.rows[0]!.n} open clocks run over it`);
    // Commands take cases the recompute will hold, spread over the table.
    // Each way gets its own cases (a case paused and resumed today cannot be paused again today).
    // Enough of them that the clients do not run out while a way runs (up to
    // 10,000 each, two commands per case): with 1,000 a way they went through
    // them all in a few seconds and then met only refusals (a pause overlaps
    // today's), which are no sample of a command's wait but still load the database.
    const stride = Math.max(1, Math.floor(n / 20_000));
    const casesOf = (way: number) => ids.filter((_, i) => i % stride === 0 && (i / stride) % 2 === way);

    // ── Background jobs (the system) ──
    const stopChainer = startChainer(db, (err) => console.error(`chainer: ${err.message}`));
    const consumers = startConsumers(db, [calendarDeadlineConsumer()], { now: () => new Date(), onError: (c, err) => console.error(`${c}: ${err.message}`) });
    const stopWorker = startRecomputeWorker(ctx, { loops, onError: (err) => console.error(`recompute: ${err.message}`) });
    const newClients = commandClients(ctx, approver, casesOf(0), clients);
    await new Promise((r) => setTimeout(r, 2000));
    const t0 = performance.now();
    const put = await app.inject({ method: 'PUT', url: `/api/calendar/${region}/days/${date}`, headers: { cookie: admin }, payload: { kind: 'holiday', name: '临时停工', reason: '基准测试' } });
    const editMs = performance.now() - t0;
    if (put.statusCode !== 200) throw new Error(`edit: ${put.body}`);
    let job: { state: string; moved: number; total: number; done: number } | undefined;
    for (;;) {
      job = (await db.query(`SELECT state, moved, total, done FROM deadline_recompute_jobs ORDER BY id DESC LIMIT 1`)).rows[0];
      if (job?.state === 'done') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const newSeconds = (performance.now() - t0) / 1000;
    await newClients.stop();
    await stopWorker();
    await consumers.stop();
    await stopChainer();
    console.log(`background job: ${job.total} open cases listed (the copies and the demo cases), ${job.done} recomputed`);
    const background = summarise('background jobs', { editAnswerMs: editMs, recomputeSeconds: newSeconds, moved: job.moved }, newClients.latencies, newClients.errors);

    // ── One transaction (the old way), on the reverse edit ──
    const oldClients = commandClients(ctx, approver, casesOf(1), clients);
    await new Promise((r) => setTimeout(r, 2000));
    const t1 = performance.now();
    const clear = await app.inject({ method: 'POST', url: `/api/calendar/${region}/days/${date}/clear`, headers: { cookie: admin }, payload: { reason: '基准测试：恢复' } });
    if (clear.statusCode !== 200) throw new Error(`edit: ${clear.body}`);
    const oldMoved = await withTx(db, (tx) => recomputeInOneTransaction(tx, new Date()));
    const oldSeconds = (performance.now() - t1) / 1000;
    await oldClients.stop();
    const single = summarise('one transaction (old)', { editAnswerMs: oldSeconds * 1000, recomputeSeconds: oldSeconds, moved: oldMoved }, oldClients.latencies, oldClients.errors);
    // The old way holds every row to the end: the jobs' flag must not be left to a later reader.
    await db.query(`UPDATE deadline_recompute_jobs SET state = 'done' WHERE state <> 'done'`);

    console.log(
      `edit answer: ${background.editAnswerMs} ms vs ${single.editAnswerMs} ms; recompute: ${background.recomputeSeconds} s vs ${single.recomputeSeconds} s; ` +
        `command wait p99: ${background.commandP99Ms} ms vs ${single.commandP99Ms} ms`,
    );
    await app.close();
    console.log(JSON.stringify({ bench: 'calendar-change', openCases: n, listed: job.total, clients, loops, loadAverage: os.loadavg().map((x) => round(x, 1)), background, oneTransaction: single }));
  });
}

/**
 * `npm run bench -- supervision [--cases N] [--passing K] [--ingest E] [--batch B]`:
 * the supervision platform with N cases known (default 1,000,000, one in ten
 * open, each open case with one open step), seeded with bulk SQL into the
 * projections (sv_cases, sv_steps), on an embedded PostgreSQL of its own.
 * Every size is an argument, so a small run (e.g. --cases 20000 --ingest 20000)
 * takes a minute or two; the defaults are the requirement's sizes.
 * Measured:
 * - ingest through the real door with N cases known: E events (default
 *   50,000) of new cases posted as signed batches of B (default 1,000) to
 *   POST /api/supervision/ingest over HTTP, one source and four sources at
 *   once, against one event per request (the alternative): events/s
 *   (bench/_supervision-door.ts);
 * - the deadline index written from the projections (what the tracker does
 *   after ingest): deadlines/s;
 * - the tracker following new events (events read, cases re-indexed): events/s;
 * - the time-driven scan with K deadlines passing (default 1,000), at N/10 and
 *   at N cases, against the alternative that evaluates every open deadline;
 * - a card raised after its threshold passes, with the tracker's own loop on
 *   the system clock: latency p50/p99;
 * - card counts by department and level: p99 over 200 queries.
 * Ends with one JSON line.
 */

import { systemClock } from '../server/src/platform/clock.ts';
import { withTx, type Db } from '../server/src/platform/db/pool.ts';
import { migrateSupervision } from '../server/src/modules/supervision/migrate.ts';
import { supervisionCalendar } from '../server/src/modules/supervision/cards/calendar.ts';
import { currentRuleSet } from '../server/src/modules/supervision/cards/rule-store.ts';
import { standingThresholds } from '../server/src/modules/supervision/cards/rules.ts';
import { followSources, scanPassing, startCardTracker, syncDeadlines } from '../server/src/modules/supervision/cards/tracker.ts';
import { percentile, round, withBenchDatabase } from './_support.ts';
import { openDoor, postAll } from './_supervision-door.ts';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const SOURCE = 'bench';

/** Cases [from, to): one in ten open with one open review step due 20–40 days ahead; the rest concluded. */
async function seedCases(db: Db, from: number, to: number): Promise<void> {
  for (let a = from; a < to; a += 100_000) {
    const b = Math.min(to, a + 100_000);
    await db.query(
      `INSERT INTO supervision.sv_cases (source_id, case_id, case_no, item_code, department_id, department_name, status, stage, submitted_at,
                                         accepted_at, due_at, concluded_at, outcome, last_seq, updated_at)
       SELECT $1, md5('c' || i)::uuid, 'B' || lpad(i::text, 8, '0'), 'ITEM' || (i % 40), md5('d' || (i % 9))::uuid, '部门' || (i % 9),
              CASE WHEN i % 10 = 0 THEN 'accepted' ELSE 'approved' END, CASE WHEN i % 10 = 0 THEN 'review' ELSE 'conclude' END,
              now() - (i % 20 + 1) * interval '1 day', now() - (i % 20 + 1) * interval '1 day',
              now() + (20 + i % 20) * interval '1 day' + interval '10 day',
              CASE WHEN i % 10 = 0 THEN NULL ELSE now() - interval '1 hour' END, CASE WHEN i % 10 = 0 THEN NULL ELSE 'approved' END, i, now()
         FROM generate_series($2::int, $3::int - 1) AS i`,
      [SOURCE, a, b],
    );
    await db.query(
      `INSERT INTO supervision.sv_steps (source_id, step_id, case_id, case_no, name, stage, department_id, department_name, assignee_id,
                                         started_at, due_at, last_seq)
       SELECT $1, md5('s' || i)::uuid, md5('c' || i)::uuid, 'B' || lpad(i::text, 8, '0'), '审查', 'review', md5('d' || (i % 9))::uuid,
              '部门' || (i % 9), md5('u' || (i % 500))::uuid, now() - (i % 20 + 1) * interval '1 day', now() + (20 + i % 20) * interval '1 day', i
         FROM generate_series($2::int, $3::int - 1) AS i WHERE i % 10 = 0`,
      [SOURCE, a, b],
    );
  }
  await db.query('ANALYZE supervision.sv_cases');
  await db.query('ANALYZE supervision.sv_steps');
}

/** Indexes the open deadlines of cases [from, to) as the tracker does after ingest; returns deadlines/s. */
async function indexDeadlines(db: Db, from: number, to: number): Promise<number> {
  const rules = await currentRuleSet(db, new Date());
  const cal = supervisionCalendar();
  const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision.sv_deadlines')).rows[0]!.n;
  const t0 = performance.now();
  for (let a = from; a < to; a += 20_000) {
    const ids = (await db.query<{ case_id: string }>(
      `SELECT md5('c' || i)::uuid AS case_id FROM generate_series($1::int, $2::int - 1) AS i WHERE i % 10 = 0`, [a, Math.min(to, a + 20_000)],
    )).rows.map((r) => r.case_id);
    await withTx(db, (tx) => syncDeadlines(tx, cal, rules, SOURCE, ids));
  }
  const seconds = (performance.now() - t0) / 1000;
  const after = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision.sv_deadlines')).rows[0]!.n;
  await db.query('ANALYZE supervision.sv_deadlines');
  return (after - before) / seconds;
}

/** Makes K step deadlines overdue an hour ago (their thresholds have all passed). */
async function makePassing(db: Db, k: number, offset: number): Promise<void> {
  await db.query(
    `UPDATE supervision.sv_deadlines d SET started_at = now() - interval '30 day', due_at = now() - interval '1 hour',
            next_threshold_at = now() - interval '1 hour', next_rule = 'time.warning'
      WHERE (d.source_id, d.case_id, d.step_key) IN (
        SELECT source_id, case_id, step_key FROM supervision.sv_deadlines WHERE step_key <> '' AND raised = '{}' ORDER BY case_id OFFSET $2 LIMIT $1)`,
    [k, offset],
  );
}

/** The alternative: read every open deadline and evaluate the rules on each. */
async function evaluateAll(db: Db): Promise<{ ms: number; standing: number }> {
  const rules = await currentRuleSet(db, new Date());
  const cal = supervisionCalendar();
  const t0 = performance.now();
  const now = new Date();
  let standing = 0;
  const steps = await db.query<{ started_at: Date; due_at: Date }>(`SELECT started_at, due_at FROM supervision.sv_steps WHERE status = 'open' AND due_at IS NOT NULL`);
  const cases = await db.query<{ started_at: Date; due_at: Date }>(
    'SELECT accepted_at AS started_at, due_at FROM supervision.sv_cases WHERE concluded_at IS NULL AND due_at IS NOT NULL',
  );
  for (const d of [...steps.rows, ...cases.rows]) standing += standingThresholds(cal, rules.rules, { startedAt: d.started_at, dueAt: d.due_at }, now).length;
  return { ms: performance.now() - t0, standing };
}

async function scanCost(db: Db, k: number, offset: number): Promise<{ scanMs: number; cards: number; allMs: number }> {
  await makePassing(db, k, offset);
  const t0 = performance.now();
  const cards = await scanPassing({ db, clock: systemClock });
  const scanMs = performance.now() - t0;
  const all = await evaluateAll(db);
  return { scanMs, cards, allMs: all.ms };
}

/** The door: one source's batches, four sources at once, and one event per request; events/s each. */
async function ingestRates(db: Db, tmp: string, events: number, batch: number) {
  const door = await openDoor(db, tmp);
  try {
    const one = await door.prepare('door-1', events, batch);
    const four = await Promise.all([0, 1, 2, 3].map((i) => door.prepare(`door-4-${i}`, Math.ceil(events / 4), batch)));
    const singles = await door.prepare('door-single', Math.min(2_000, events), 1);
    const a = await postAll(door, 'door-1', one.bodies);
    const t0 = performance.now();
    const parallel = await Promise.all(four.map((p, i) => postAll(door, `door-4-${i}`, p.bodies)));
    const parallelSeconds = (performance.now() - t0) / 1000;
    const b = await postAll(door, 'door-single', singles.bodies);
    const accepted = parallel.reduce((n, p) => n + p.accepted, 0);
    if (a.accepted !== one.events || accepted !== four.reduce((n, p) => n + p.events, 0) || b.accepted !== singles.events) {
      throw new Error('the door did not accept every event once');
    }
    return {
      batched: a.accepted / a.seconds, fourSources: accepted / parallelSeconds, oneByOne: b.accepted / b.seconds,
      events: a.accepted, batch,
    };
  } finally {
    await door.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const total = option(args, 'cases', 1_000_000);
  // Scaled down with the cases, so a small run still has deadlines to pass and to time.
  const passing = option(args, 'passing', Math.min(1_000, Math.max(10, Math.floor(total / 1_000))));
  const ingestEvents = option(args, 'ingest', 50_000);
  const batch = option(args, 'batch', 1_000);
  const small = Math.floor(total / 10);
  await withBenchDatabase('supervision', 8, async (db, tmp) => {
    await migrateSupervision(db);
    await db.query(`INSERT INTO supervision.sources (id, name, secret, created_at) VALUES ($1, $1, repeat('0', 64), now())`, [SOURCE]);
    await currentRuleSet(db, new Date());

    console.log(`播种 ${small.toLocaleString()} 件（其中 ${(small / 10).toLocaleString()} 件在办）…`);
    await seedCases(db, 0, small);
    const indexRateSmall = await indexDeadlines(db, 0, small);
    console.log(`期限索引写入：${round(indexRateSmall, 0)} 个/秒`);
    const atSmall = await scanCost(db, passing, 0);
    console.log(`${small.toLocaleString()} 件：扫描 ${passing} 个到期期限 ${round(atSmall.scanMs)} ms（出示 ${atSmall.cards} 张）；逐件评估全部在办期限 ${round(atSmall.allMs)} ms`);

    console.log(`播种至 ${total.toLocaleString()} 件（其中 ${(total / 10).toLocaleString()} 件在办）…`);
    await seedCases(db, small, total);
    const indexRate = await indexDeadlines(db, small, total);
    console.log(`期限索引写入：${round(indexRate, 0)} 个/秒`);
    const atLarge = await scanCost(db, passing, passing);
    console.log(`${total.toLocaleString()} 件：扫描 ${passing} 个到期期限 ${round(atLarge.scanMs)} ms（出示 ${atLarge.cards} 张）；逐件评估全部在办期限 ${round(atLarge.allMs)} ms`);

    console.log(`经接收接口导入（已知 ${total.toLocaleString()} 件）：${ingestEvents.toLocaleString()} 条事件，每批 ${batch} 条签名批次…`);
    const ingest = await ingestRates(db, tmp, ingestEvents, batch);
    console.log(`接收：单一来源 ${round(ingest.batched, 0)} 条/秒；四个来源同时 ${round(ingest.fourSources, 0)} 条/秒；每次一条（对照）${round(ingest.oneByOne, 0)} 条/秒`);

    // The tracker following new events: one event per open case of a slice (and the events the door received), then one round.
    const eventsN = Math.min(50_000, Math.floor(total / 10));
    await db.query(
      `INSERT INTO supervision.events (source_id, seq, id, type, schema_version, case_id, occurred_at, payload, prev_hash, hash, received_at)
       SELECT $1, i, gen_random_uuid(), 'task.claimed', 1, md5('c' || ((i - 1) * 10))::uuid, now(), '{}', repeat('0', 64), repeat('0', 64), now()
         FROM generate_series(1, $2::int) AS i`,
      [SOURCE, eventsN],
    );
    const f0 = performance.now();
    const followed = await followSources({ db, clock: systemClock });
    const followRate = followed / ((performance.now() - f0) / 1000);
    console.log(`跟踪新事件：${followed} 条，${round(followRate, 0)} 条/秒（含重建所涉办件的期限索引）`);

    // Latency: K red thresholds passing over the next 5 s while the tracker runs on the system clock.
    const latencyN = Math.min(1_000, Math.floor(total / 40));
    const latencyFrom = new Date();
    await db.query(
      `UPDATE supervision.sv_deadlines d SET started_at = now() - interval '30 day', due_at = now() + interval '1 second' + random() * interval '4 second',
              raised = '{time.warning,time.yellow}', next_rule = 'time.overdue'
        WHERE (d.source_id, d.case_id, d.step_key) IN (
          SELECT source_id, case_id, step_key FROM supervision.sv_deadlines WHERE step_key <> '' AND raised = '{}' ORDER BY case_id DESC LIMIT $1)`,
      [latencyN],
    );
    await db.query(`UPDATE supervision.sv_deadlines SET next_threshold_at = due_at + interval '1 millisecond' WHERE next_rule = 'time.overdue' AND raised = '{time.warning,time.yellow}'`);
    const stop = startCardTracker({ db, clock: systemClock }, (err) => console.error(err));
    const deadline = Date.now() + 15_000;
    let raised = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      raised = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM supervision.sv_cards WHERE rule_code = 'time.overdue' AND passed_at >= $1`, [latencyFrom])).rows[0]!.n;
      if (raised >= latencyN) break;
    }
    await stop();
    const lat = (await db.query<{ ms: number }>(
      `SELECT extract(epoch FROM raised_at - passed_at) * 1000 AS ms FROM supervision.sv_cards
        WHERE rule_code = 'time.overdue' AND passed_at >= $1 ORDER BY 1`, [latencyFrom],
    )).rows.map((r) => Number(r.ms));
    console.log(`出示延迟（${lat.length} 张红牌，跟踪循环 250 ms）：p50 ${round(percentile(lat, 50))} ms，p99 ${round(percentile(lat, 99))} ms`);

    const counts: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await db.query('SELECT department_id, level, count(*)::int FROM supervision.sv_cards GROUP BY department_id, level');
      counts.push(performance.now() - t0);
    }
    counts.sort((a, b) => a - b);
    console.log(`按部门、级别统计监察卡：p99 ${round(percentile(counts, 99), 2)} ms`);

    console.log(JSON.stringify({
      bench: 'supervision', cases: total, open: total / 10, passing,
      ingestEventsPerSecond: round(ingest.batched, 0), ingestFourSourcesEventsPerSecond: round(ingest.fourSources, 0),
      ingestOneByOneEventsPerSecond: round(ingest.oneByOne, 0), ingestEvents: ingest.events, ingestBatch: ingest.batch,
      cardLatencyP99Ms: round(percentile(lat, 99)),
      deadlineIndexPerSecond: round(indexRate, 0), trackerEventsPerSecond: round(followRate, 0),
      scanMs: { [small]: round(atSmall.scanMs), [total]: round(atLarge.scanMs) },
      evaluateAllMs: { [small]: round(atSmall.allMs), [total]: round(atLarge.allMs) },
      cardsRaised: { [small]: atSmall.cards, [total]: atLarge.cards },
      cardLatencyMs: { p50: round(percentile(lat, 50)), p99: round(percentile(lat, 99)), n: lat.length },
      cardCountsByDepartmentP99Ms: round(percentile(counts, 99), 2),
    }));
  });
}

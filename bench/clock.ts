/**
 * `npm run bench -- clock [--deadlines N] [--naive N]`: a calendar change (a new
 * regional holiday) forces every open deadline to be recomputed. Measures the
 * recomputation of 1,000,000 open deadlines with the precomputed day indexes,
 * against the naive alternative — walking day by day — on a subset in the same
 * run, checks both agree, and ends with one JSON line of the figures.
 */
import os from 'node:os';
import {
  buildCalendar,
  computeDeadline,
  computeDue,
  DEFAULT_OFFICE_HOURS,
  formatIsoDate,
  parseIsoDate,
  prepareClock,
  type ClockInput,
  type Due,
  type PreparedClock,
  type WorkCalendar,
} from '../server/src/modules/calendar/rules.ts';

// A fixed seed: every run measures the same workload.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LIMITS = [0, 1, 3, 5, 5, 10, 15, 20, 20, 20, 30, 45, 60];

/** Open cases as they would be stored: accepted over the last year and a half, a fifth of them paused once. */
function openClocks(n: number): ClockInput[] {
  const rnd = mulberry32(20260924);
  const first = parseIsoDate('2025-07-01') as number;
  const span = (parseIsoDate('2026-12-15') as number) - first;
  const clocks: ClockInput[] = [];
  for (let i = 0; i < n; i++) {
    const start = first + Math.floor(rnd() * span);
    const limit = LIMITS[Math.floor(rnd() * LIMITS.length)] as number;
    const r = rnd();
    const unit = r < 0.9 ? 'workday' : r < 0.95 ? 'day' : 'hour';
    const input: ClockInput = { from: formatIsoDate(start), limit, unit };
    if (limit > 0 && rnd() < 0.2) {
      // A pause that begins on the first day after the start, while the clock surely runs.
      const from = start + 1;
      input.pauses = [{ type: 'supplement', from: formatIsoDate(from), to: formatIsoDate(from + Math.floor(rnd() * 10)) }];
    }
    clocks.push(input);
  }
  return clocks;
}

// The naive alternative: walk the calendar one day at a time, skipping rest
// days and paused days, until the limit is used up (working-day clocks only).
function naiveWorkdayDue(cal: WorkCalendar, clock: PreparedClock): number {
  const isWork = (day: number): boolean => cal.work[day - cal.firstDay] === 1;
  const paused = (day: number): boolean => clock.pauses.some((p) => day >= p.from && day <= p.to);
  let day = clock.startDay;
  if (clock.limit === 0) {
    while (!isWork(day)) day++;
    return day;
  }
  for (let counted = 0; counted < clock.limit; ) {
    day++;
    if (isWork(day) && !paused(day)) counted++;
  }
  return day;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

export async function run(args: string[]): Promise<void> {
  const total = option(args, 'deadlines', 1_000_000);
  const naiveN = option(args, 'naive', 50_000);
  const hours = DEFAULT_OFFICE_HOURS;

  let t = process.hrtime.bigint();
  const before = buildCalendar({ region: 'BENCH' });
  const buildMs = ms(t);

  const inputs = openClocks(total);
  t = process.hrtime.bigint();
  const clocks = inputs.map(prepareClock);
  const prepareMs = ms(t);
  const oldDue: Due[] = clocks.map((c) => computeDue(before, c, hours));

  // The change: a two-day regional holiday in the middle of the open cases.
  t = process.hrtime.bigint();
  const after = buildCalendar({
    region: 'BENCH',
    overrides: [
      { date: '2026-11-16', kind: 'holiday', name: '地方节日' },
      { date: '2026-11-17', kind: 'holiday', name: '地方节日' },
    ],
  });
  const rebuildMs = ms(t);

  t = process.hrtime.bigint();
  let changed = 0;
  let provisional = 0;
  for (let i = 0; i < clocks.length; i++) {
    const due = computeDue(after, clocks[i] as PreparedClock, hours);
    if (due.day !== (oldDue[i] as Due).day || due.minute !== (oldDue[i] as Due).minute) changed++;
    if (due.provisional) provisional++;
  }
  const recomputeMs = ms(t);
  const rate = Math.round(total / (recomputeMs / 1000));

  const subset = clocks.filter((c) => c.unit === 'workday').slice(0, naiveN);
  t = process.hrtime.bigint();
  const naive = subset.map((c) => naiveWorkdayDue(after, c));
  const naiveMs = ms(t);
  t = process.hrtime.bigint();
  const fast = subset.map((c) => computeDue(after, c, hours).day);
  const fastSubsetMs = ms(t);
  const mismatches = naive.reduce((n, day, i) => n + (day === fast[i] ? 0 : 1), 0);
  const naiveRate = Math.round(subset.length / (naiveMs / 1000));

  // The ledger is built on demand when a person opens a case; measured apart.
  const ledgerN = Math.min(100_000, total);
  const ledgerInputs = openClocks(ledgerN);
  t = process.hrtime.bigint();
  for (const input of ledgerInputs) computeDeadline(after, input, { hours });
  const ledgerMs = ms(t);

  const row = (label: string, n: number, took: number): string =>
    `${label.padEnd(34)}${String(n).padStart(10)}${took.toFixed(1).padStart(12)} ms${Math.round(n / (took / 1000)).toLocaleString('en-US').padStart(16)} /s`;
  console.log(`日历变更后重算未办结期限（${os.cpus().length} 核，Node ${process.version}）`);
  console.log(`建日历 ${buildMs.toFixed(1)} ms；变更后重建 ${rebuildMs.toFixed(1)} ms；校验录入 ${total} 条 ${prepareMs.toFixed(0)} ms`);
  console.log(`${'方法'.padEnd(32)}${'条数'.padStart(8)}${'耗时'.padStart(12)}${'速率'.padStart(18)}`);
  console.log(row('precomputed indexes (all)', total, recomputeMs));
  console.log(row('precomputed indexes (subset)', subset.length, fastSubsetMs));
  console.log(row('naive day-by-day walk (subset)', subset.length, naiveMs));
  console.log(row('with ledger text (on demand)', ledgerN, ledgerMs));
  console.log(`到期日变化 ${changed} 条，暂定 ${provisional} 条；逐日遍历与索引结果不一致 ${mismatches} 条`);
  const projectedNaiveMs = Math.round((naiveMs / subset.length) * total);
  console.log(`逐日遍历全部 ${total} 条预计 ${(projectedNaiveMs / 1000).toFixed(1)} s，索引法 ${(recomputeMs / 1000).toFixed(2)} s（快 ${(projectedNaiveMs / recomputeMs).toFixed(0)} 倍）`);
  console.log(
    JSON.stringify({
      bench: 'clock',
      deadlines: total,
      recomputeMs: Math.round(recomputeMs),
      ratePerSec: rate,
      changed,
      provisional,
      calendarBuildMs: Math.round(rebuildMs),
      naiveSubset: subset.length,
      naiveMs: Math.round(naiveMs),
      naiveRatePerSec: naiveRate,
      naiveProjectedMs: projectedNaiveMs,
      speedup: Math.round(projectedNaiveMs / recomputeMs),
      mismatches,
      ledgerPerSec: Math.round(ledgerN / (ledgerMs / 1000)),
      cores: os.cpus().length,
    }),
  );
  if (mismatches > 0) process.exitCode = 1;
}

import type { AppContext } from '../../platform/http/context.ts';
import { withTx, type Db, type Tx } from '../../platform/db/pool.ts';
import type { StoredEvent } from '../../platform/events/stream.ts';
import { NATIONAL_REGION } from '../calendar/index.ts';
import { displayNames } from '../iam/index.ts';
import { loadClock } from './clock.ts';
import { openDeadlineWrites, planOpenDeadlines } from './deadline-store.ts';

/**
 * Deadline recomputation after a calendar change, as a background job.
 *
 * The calendar consumer only records a job per calendar event (`recordRecomputeJob`,
 * inside its cursor transaction, so a job is recorded once). Workers on every
 * node then run the oldest open job:
 * - starting it lists the open cases whose due date the change can reach
 *   (the calendar module's rule, `dueMayChange`: a changed day between the
 *   clock's start and its due day) into `deadline_recompute_cases`;
 * - each batch takes up to `batchSize` of those cases with their `cases` rows
 *   under FOR UPDATE SKIP LOCKED, recomputes them against the calendar as it
 *   is now, writes the moved deadlines with their `case.deadline_changed`
 *   events and deletes its work rows, all in one short transaction. Several
 *   nodes share a job; a killed node's batch rolls back and is taken again,
 *   and a case is moved once because its work row goes with the move.
 * Jobs run one after another in the order of their events, each against the
 * calendar of the moment, so after two edits the later state wins.
 */

export type RecomputeState = 'queued' | 'running' | 'done';

export interface RecomputeJob {
  id: number;
  eventType: string;
  region: string | null;
  days: string[] | null;
  reason: string;
  requestedBy: { id: string; name: string } | null;
  requestedAt: string;
  state: RecomputeState;
  /** Cases whose deadline the change can reach (m). */
  total: number;
  /** Of them, recomputed so far (n). */
  done: number;
  /** Of them, deadlines that moved. */
  moved: number;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Calendar events that ask for a recompute: a changed day (of a region) or the center's clock (region, office hours). */
export const RECOMPUTE_EVENT_TYPES = ['calendar.changed', 'calendar.center_clock_set'] as const;

/** Records the job for one calendar event (once per event: a replayed batch adds nothing). */
export async function recordRecomputeJob(tx: Tx, e: StoredEvent): Promise<void> {
  const p = (e.payload ?? {}) as { region?: string; days?: string[]; reason?: string };
  const dayScoped = e.type === 'calendar.changed';
  await tx.query(
    `INSERT INTO deadline_recompute_jobs (event_seq, event_type, region, days, reason, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_seq) DO NOTHING`,
    [e.seq, e.type, dayScoped ? p.region ?? null : null, dayScoped ? p.days ?? [] : null, p.reason ?? '', e.actorId, e.occurredAt],
  );
}

// A timestamp's day in the center's time zone (UTC+8 all year: China keeps no summer time).
const shanghaiDay = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/**
 * Lists the job's cases: open ones whose clock runs over a changed day, in
 * SQL the rule of `dueMayChange` (start day ≤ changed day ≤ due day, the
 * later of the promised and legal due days), plus the provisional ones (a
 * notice import makes their year known). A change of another region's days
 * reaches nobody; a change of the center's clock reaches every open case.
 */
async function listJobCases(tx: Tx, job: { id: number; region: string | null; days: string[] | null }): Promise<number> {
  if (job.region !== null) {
    const cc = await loadClock(tx);
    if (job.region !== NATIONAL_REGION && job.region !== cc.region) return 0;
  }
  const reaches = (start: string, due: string) =>
    job.days === null ? 'true' : `EXISTS (SELECT 1 FROM unnest($2::date[]) AS d WHERE d BETWEEN ${shanghaiDay(start)} AND ${shanghaiDay(due)})`;
  const { rowCount } = await tx.query(
    `INSERT INTO deadline_recompute_cases (job_id, case_id)
     SELECT $1, id FROM cases
      WHERE (status = 'accepted' AND (due_at IS NULL OR due_provisional
               OR ${reaches('LEAST(submitted_at, accepted_at)', 'GREATEST(due_at, legal_due_at)')}))
         OR (status = 'submitted' AND notice_due_at IS NOT NULL AND ${reaches('submitted_at', 'notice_due_at')})`,
    job.days === null ? [job.id] : [job.id, job.days],
  );
  return rowCount ?? 0;
}

export type RecomputeStep =
  /** Nothing open. */
  | { kind: 'idle' }
  /** Another node holds what is left (starting the job, or the last batches). */
  | { kind: 'busy'; jobId: number }
  /** A job was started (its cases listed), a batch recomputed, or a job finished. */
  | { kind: 'started' | 'batch' | 'finished'; jobId: number; cases: number; moved: number };

/** One unit of work on the oldest open job: start it, recompute one batch, or close it. */
export async function runRecomputeStep(ctx: AppContext, batchSize = 250): Promise<RecomputeStep> {
  const open = await ctx.db.query<{ id: number; state: RecomputeState }>(
    `SELECT id, state FROM deadline_recompute_jobs WHERE state <> 'done' ORDER BY id LIMIT 1`,
  );
  const job = open.rows[0];
  if (!job) return { kind: 'idle' };
  if (job.state === 'queued') return startJob(ctx, job.id);
  return runBatch(ctx, job.id, batchSize);
}

async function startJob(ctx: AppContext, jobId: number): Promise<RecomputeStep> {
  return withTx(ctx.db, async (tx) => {
    const { rows } = await tx.query<{ region: string | null; days: string[] | null }>(
      `SELECT region, days::text[] AS days FROM deadline_recompute_jobs WHERE id = $1 AND state = 'queued' FOR UPDATE SKIP LOCKED`, [jobId],
    );
    if (!rows[0]) return { kind: 'busy', jobId } as const;
    const total = await listJobCases(tx, { id: jobId, ...rows[0] });
    // Statistics that know the job's size: with a table that looked empty the
    // planner joins the whole job to sort it for every batch's pick, instead
    // of walking the key index and stopping at the batch (a batch's cost then
    // grows with the job, 100,000 cases costing 25 times 20,000).
    if (total) await tx.query('ANALYZE deadline_recompute_cases');
    const now = ctx.clock.now();
    await tx.query(
      `UPDATE deadline_recompute_jobs SET state = $2, total = $3, started_at = $4::timestamptz, finished_at = CASE WHEN $2 = 'done' THEN $4::timestamptz END WHERE id = $1`,
      [jobId, total ? 'running' : 'done', total, now],
    );
    return { kind: 'started', jobId, cases: total, moved: 0 } as const;
  });
}

// A batch commits without waiting for its WAL flush. What it writes is all
// or nothing either way; a database crash may only lose the last batches
// whole, and then their work rows are back and a worker redoes them. A
// transaction that saw a moved deadline and commits with the flush (a case
// command, the chainer) flushes the batch's commit with its own, since WAL
// is flushed in order. The flush was a tenth of a batch's time.
const BATCH_BEGIN = 'BEGIN; SET LOCAL synchronous_commit = off';

async function runBatch(ctx: AppContext, jobId: number, batchSize: number): Promise<RecomputeStep> {
  // The calendar of the moment, read before the transaction so the case locks are held only for the work.
  const cc = await loadClock(ctx.db);
  return withTx(ctx.db, async (tx) => {
    // The work rows first, in key order, so the index scan stops after the
    // batch (a join of the work rows with `cases` was planned as a walk over
    // both tables from their start, a batch's cost growing with the job).
    const work = await tx.query<{ case_id: string }>(
      `SELECT case_id FROM deadline_recompute_cases WHERE job_id = $1 ORDER BY case_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [jobId, batchSize],
    );
    // Then their cases: one a command holds is left, with its work row, for a later batch.
    const { rows } = await tx.query<{ id: string }>(
      'SELECT id FROM cases WHERE id = ANY($1::uuid[]) FOR UPDATE SKIP LOCKED', [work.rows.map((r) => r.case_id)],
    );
    const ids = rows.map((r) => r.id);
    // Read after the locks are had, so no command's change slips between the read and the write.
    const plan = await planOpenDeadlines(tx, cc, ids, 'calendar_changed', ctx.clock.now());
    // The moves, their events and the work rows' deletion in one statement.
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const writes = openDeadlineWrites(plan, param);
    if (ids.length) {
      writes.push(`done_work AS (DELETE FROM deadline_recompute_cases WHERE job_id = ${param(jobId)} AND case_id = ANY(${param(ids)}::uuid[]))`);
      await tx.query(`WITH ${writes.join(',\n')}\nSELECT 1`, params);
    }
    const moved = plan.moved.length;
    // The job's count only after the writes, in its own statement: its row
    // lock makes the node's other batches wait until this one commits, so
    // taken with the writes it would queue their writes behind these instead
    // of beside them. Batches of several nodes update the job row one after
    // another, so the last to commit sees every other's deletions and closes the job.
    await tx.query('UPDATE deadline_recompute_jobs SET done = done + $2, moved = moved + $3 WHERE id = $1', [jobId, ids.length, moved]);
    // (The check is its own statement: it must read after the job row's lock is had.)
    const left = await tx.query('SELECT 1 FROM deadline_recompute_cases WHERE job_id = $1 LIMIT 1', [jobId]);
    if (!left.rowCount) {
      // A batch that found nothing may come after another has closed the job:
      // only the one that closes it reports it finished.
      const closed = await tx.query(
        `UPDATE deadline_recompute_jobs SET state = 'done', finished_at = $2 WHERE id = $1 AND state <> 'done'`, [jobId, ctx.clock.now()],
      );
      if (closed.rowCount) return { kind: 'finished', jobId, cases: ids.length, moved } as const;
      return { kind: 'idle' } as const;
    }
    return ids.length ? { kind: 'batch', jobId, cases: ids.length, moved } as const : { kind: 'busy', jobId } as const;
  }, BATCH_BEGIN);
}

/** Runs steps until nothing is open or what is left is held by others; returns the deadlines moved. */
export async function drainRecomputeJobs(ctx: AppContext, batchSize?: number): Promise<{ moved: number; busy: boolean }> {
  let moved = 0;
  for (;;) {
    const step = await runRecomputeStep(ctx, batchSize);
    if (step.kind === 'idle') return { moved, busy: false };
    if (step.kind === 'busy') return { moved, busy: true };
    moved += step.moved;
  }
}

/**
 * The worker of one node: every `intervalMs` a probe for an open job, then
 * steps back to back until it is done or held elsewhere. A batch spends most
 * of its time inside PostgreSQL (every moved `due_at` rewrites the case's
 * index entries and appends an event), and one connection runs on one core:
 * `loops` batches in flight at once (default 2, SKIP LOCKED keeps them apart
 * as it does across nodes) let the database use the machine's other cores.
 * Returns a function that stops it and resolves once the steps in flight
 * have finished.
 */
export function startRecomputeWorker(
  ctx: AppContext,
  opts: {
    onError: (err: Error) => void; onFinished?: (jobId: number, moved: number) => void; intervalMs?: number; loops?: number; batchSize?: number;
  },
): () => Promise<void> {
  let round: Promise<void> | null = null;
  let stopped = false;
  const loop = async (moved: Map<number, number>, finished: number[]) => {
    for (;;) {
      if (stopped) return;
      const step = await runRecomputeStep(ctx, opts.batchSize);
      if (step.kind === 'idle' || step.kind === 'busy') return;
      moved.set(step.jobId, (moved.get(step.jobId) ?? 0) + step.moved);
      if (step.kind === 'finished') finished.push(step.jobId);
    }
  };
  const tick = () => {
    if (round || stopped) return;
    round = (async () => {
      // One tally for the node's loops, reported once they have all stopped,
      // so a finished job counts what every loop moved in it.
      const moved = new Map<number, number>();
      const finished: number[] = [];
      const results = await Promise.allSettled(Array.from({ length: Math.max(1, opts.loops ?? 2) }, () => loop(moved, finished)));
      for (const r of results) if (r.status === 'rejected') opts.onError(r.reason as Error);
      for (const jobId of finished) opts.onFinished?.(jobId, moved.get(jobId) ?? 0);
      round = null;
    })();
  };
  const timer = setInterval(tick, opts.intervalMs ?? 250);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await round;
  };
}

/** Cases left in the running jobs and jobs not started yet (for /metrics). */
export async function recomputeBacklog(db: Db | Tx): Promise<{ cases: number; queuedJobs: number }> {
  const { rows } = await db.query<{ cases: number; queued: number }>(
    `SELECT COALESCE(sum(total - done) FILTER (WHERE state = 'running'), 0)::int AS cases, count(*) FILTER (WHERE state = 'queued')::int AS queued
       FROM deadline_recompute_jobs WHERE state <> 'done'`,
  );
  return { cases: rows[0]!.cases, queuedJobs: rows[0]!.queued };
}

interface JobRow {
  id: number; event_type: string; region: string | null; days: string[] | null; reason: string;
  requested_by: string | null; requested_at: Date; state: RecomputeState;
  total: number; done: number; moved: number; started_at: Date | null; finished_at: Date | null;
}

/** The newest jobs, open ones first (for the calendar page's progress bars). */
export async function listRecomputeJobs(db: Db | Tx, limit = 10): Promise<RecomputeJob[]> {
  const { rows } = await db.query<JobRow>(
    `SELECT id, event_type, region, days::text[] AS days, reason, requested_by, requested_at, state, total, done, moved, started_at, finished_at
       FROM deadline_recompute_jobs ORDER BY (state = 'done'), id DESC LIMIT $1`,
    [limit],
  );
  const names = await displayNames(db, rows.flatMap((r) => (r.requested_by ? [r.requested_by] : [])));
  return rows.map((r) => ({
    id: r.id,
    eventType: r.event_type,
    region: r.region,
    days: r.days,
    reason: r.reason,
    requestedBy: r.requested_by ? { id: r.requested_by, name: names.get(r.requested_by) ?? '' } : null,
    requestedAt: r.requested_at.toISOString(),
    state: r.state,
    total: r.total,
    done: r.done,
    moved: r.moved,
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  }));
}

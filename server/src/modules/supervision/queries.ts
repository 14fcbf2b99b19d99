import type { Queryable } from '../../platform/db/pool.ts';
import { STAGES, type Stage } from './stages.ts';
import { cardsOfCase, cardCountsBy } from './cards-read.ts';
import type {
  AnomalyView, AttendanceView, CaseView, CountRow, FindingView, StageView, StepView, VolumeRow,
} from '../../../../shared/supervision/monitor.ts';

export type { AnomalyView, AttendanceView, CaseView, CountRow, FindingView, StageView, StepView, VolumeRow } from '../../../../shared/supervision/monitor.ts';

/**
 * The monitoring reads (实时监察), all over supervision's own projection.
 * Days are China days (Asia/Shanghai), as the center counts them.
 */

const TZ = 'Asia/Shanghai';

export interface Period {
  /** First day, YYYY-MM-DD (China time). */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

interface CountSql {
  key: string | null; name: string | null; total: number; at_intake: number; in_progress: number; concluded: number;
  refused: number; on_time: number; overdue: number;
}

/** 综合监察: cases submitted in the period, counted by department or by item, in each state and against their limits. */
export async function overview(db: Queryable, by: 'department' | 'item', period: Period, now: Date): Promise<CountRow[]> {
  const key = by === 'department' ? 'department_id::text' : 'item_code';
  const name = by === 'department' ? 'department_name' : 'item_name';
  const { rows } = await db.query<CountSql>(
    `SELECT ${key} AS key, max(${name}) AS name, count(*)::int AS total,
            count(*) FILTER (WHERE status IN ('submitted','supplementing'))::int AS at_intake,
            count(*) FILTER (WHERE status = 'accepted')::int AS in_progress,
            count(*) FILTER (WHERE status IN ('approved','denied'))::int AS concluded,
            count(*) FILTER (WHERE status = 'refused')::int AS refused,
            count(*) FILTER (WHERE due_at IS NOT NULL AND COALESCE(concluded_at, $3) > due_at)::int AS overdue,
            count(*) FILTER (WHERE NOT (due_at IS NOT NULL AND COALESCE(concluded_at, $3) > due_at))::int AS on_time
       FROM supervision.sv_cases
      WHERE submitted_at >= ($1::date)::timestamp AT TIME ZONE '${TZ}'
        AND submitted_at < ($2::date + 1)::timestamp AT TIME ZONE '${TZ}'
      GROUP BY ${key} ORDER BY total DESC, name`,
    [period.from, period.to, now],
  );
  const cards = await cardCountsBy(db, by, period);
  return rows.map((r) => {
    const c = cards.get(r.key ?? '');
    return {
      key: r.key, name: r.name, total: r.total, atIntake: r.at_intake, inProgress: r.in_progress, concluded: r.concluded,
      refused: r.refused, onTime: r.on_time, overdue: r.overdue, warned: c?.warning ?? 0, yellow: c?.yellow ?? 0, red: c?.red ?? 0,
    };
  });
}

interface StepSql {
  step_id: string; name: string | null; stage: Stage; department_name: string | null; assignee_name: string | null;
  started_at: Date; due_at: Date | null; completed_at: Date | null; completed_by_name: string | null; outcome: string | null;
  status: string; by_timeout: boolean;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** 过程监察: one case by its number, stage by stage, built from events only. */
export async function caseView(db: Queryable, caseNo: string, now: Date): Promise<CaseView | undefined> {
  const found = await db.query<{
    source_id: string; case_id: string; case_no: string; item_code: string | null; item_name: string | null; department_id: string | null;
    department_name: string | null; status: string; stage: Stage | null; channel: string | null; applicant_type: string | null;
    submitted_at: Date; accepted_at: Date | null; accepted_by_name: string | null; deemed_accepted: boolean; concluded_at: Date | null;
    concluded_by_name: string | null; due_at: Date | null; outcome: string | null; paused: boolean;
  }>('SELECT * FROM supervision.sv_cases WHERE case_no = $1 ORDER BY source_id LIMIT 1', [caseNo]);
  const c = found.rows[0];
  if (!c) return undefined;
  const [steps, anomalies, cards] = await Promise.all([
    db.query<StepSql>('SELECT * FROM supervision.sv_steps WHERE source_id = $1 AND case_id = $2 ORDER BY started_at, step_id', [c.source_id, c.case_id]),
    db.query<{ kind: string; occurred_at: Date; details: unknown }>(
      'SELECT kind, occurred_at, details FROM supervision.sv_anomalies WHERE source_id = $1 AND case_id = $2 ORDER BY seq', [c.source_id, c.case_id],
    ),
    cardsOfCase(db, c.source_id, c.case_id),
  ]);
  const stepViews = steps.rows.map((s): StepView & { stage: Stage } => {
    const end = s.completed_at ?? now;
    return {
      stage: s.stage, stepId: s.step_id, name: s.name, department: s.department_name, assignee: s.assignee_name,
      startedAt: s.started_at.toISOString(), dueAt: iso(s.due_at), completedAt: iso(s.completed_at), completedBy: s.completed_by_name,
      outcome: s.outcome, status: s.status, byTimeout: s.by_timeout,
      limitMs: s.due_at ? s.due_at.getTime() - s.started_at.getTime() : null,
      durationMs: Math.max(end.getTime() - s.started_at.getTime(), 0),
      overdue: s.due_at !== null && s.status !== 'cancelled' && end > s.due_at,
    };
  });
  const stages = STAGES.map((stage): StageView => {
    const own = stepViews.filter((s) => s.stage === stage && s.status !== 'cancelled');
    const actors = [...new Set(own.map((s) => s.completedBy ?? (s.status === 'open' ? s.assignee : null)).filter((n): n is string => !!n))];
    if (stage === 'conclude' && c.concluded_at) {
      if (c.concluded_by_name && !actors.includes(c.concluded_by_name)) actors.push(c.concluded_by_name);
      return {
        stage, startedAt: own[0]?.startedAt ?? c.concluded_at.toISOString(), completedAt: c.concluded_at.toISOString(),
        dueAt: iso(c.due_at), actors, steps: own.map(({ stage: _s, ...rest }) => rest),
      };
    }
    const open = own.some((s) => s.status === 'open');
    return {
      stage,
      startedAt: own[0]?.startedAt ?? null,
      completedAt: own.length && !open ? own.map((s) => s.completedAt ?? '').sort().at(-1)! : null,
      dueAt: own.map((s) => s.dueAt).filter((d): d is string => d !== null).sort().at(-1) ?? null,
      actors,
      steps: own.map(({ stage: _s, ...rest }) => rest),
    };
  });
  return {
    source: c.source_id, caseId: c.case_id, caseNo: c.case_no, itemCode: c.item_code, itemName: c.item_name,
    department: c.department_name, departmentId: c.department_id, status: c.status, stage: c.stage, channel: c.channel,
    applicantType: c.applicant_type, submittedAt: c.submitted_at.toISOString(), acceptedAt: iso(c.accepted_at), deemedAccepted: c.deemed_accepted,
    concludedAt: iso(c.concluded_at), dueAt: iso(c.due_at), outcome: c.outcome, paused: c.paused,
    overdue: c.due_at !== null && (c.concluded_at ?? now) > c.due_at,
    stages,
    anomalies: anomalies.rows.map((a) => ({ kind: a.kind, occurredAt: a.occurred_at.toISOString(), details: a.details })),
    cards,
  };
}

/** Case numbers starting with `prefix`, newest first (the search box of 过程监察). */
export async function findCaseNumbers(db: Queryable, prefix: string, limit = 20): Promise<{ caseNo: string; itemName: string | null; status: string }[]> {
  const { rows } = await db.query<{ case_no: string; item_name: string | null; status: string }>(
    `SELECT case_no, item_name, status FROM supervision.sv_cases WHERE case_no LIKE $1 || '%' ORDER BY submitted_at DESC LIMIT $2`,
    [prefix.replace(/[%_\\]/g, ''), limit],
  );
  return rows.map((r) => ({ caseNo: r.case_no, itemName: r.item_name, status: r.status }));
}

/** 异常程序监察: irregular procedure noticed on ingest, newest first, optionally of one kind, within a period. */
export async function anomalies(db: Queryable, period: Period, kind: string | undefined, limit = 200): Promise<AnomalyView[]> {
  const { rows } = await db.query<{ kind: string; case_no: string | null; department_name: string | null; step_name: string | null; occurred_at: Date; details: unknown }>(
    `SELECT a.kind, a.case_no, c.department_name, s.name AS step_name, a.occurred_at, a.details
       FROM supervision.sv_anomalies a
       LEFT JOIN supervision.sv_cases c ON c.source_id = a.source_id AND c.case_id = a.case_id
       LEFT JOIN supervision.sv_steps s ON s.source_id = a.source_id AND s.step_id = a.step_id
      WHERE a.occurred_at >= ($1::date)::timestamp AT TIME ZONE '${TZ}' AND a.occurred_at < ($2::date + 1)::timestamp AT TIME ZONE '${TZ}'
        AND ($3::text IS NULL OR a.kind = $3)
      ORDER BY a.occurred_at DESC, a.seq DESC LIMIT $4`,
    [period.from, period.to, kind ?? null, limit],
  );
  return rows.map((r) => ({ kind: r.kind, caseNo: r.case_no, department: r.department_name, step: r.step_name, occurredAt: r.occurred_at.toISOString(), details: r.details }));
}

/**
 * 办件数量异常监察: each department's (or item's) cases so far today against
 * the same weekday over the past weeks, counted up to the same time of day;
 * more than three standard deviations away is flagged.
 */
export async function volumeAnomalies(db: Queryable, by: 'department' | 'item', now: Date, weeks = 8): Promise<VolumeRow[]> {
  const key = by === 'department' ? 'department_id::text' : 'item_code';
  const name = by === 'department' ? 'department_name' : 'item_name';
  const { rows } = await db.query<{ key: string | null; name: string | null; today: number; mean: number; sd: number }>(
    `WITH day AS (SELECT (date_trunc('day', $1::timestamptz AT TIME ZONE '${TZ}')) AT TIME ZONE '${TZ}' AS start),
          past AS (SELECT k, (SELECT start FROM day) - make_interval(days => 7 * k) AS start FROM generate_series(1, $2::int) k),
          elapsed AS (SELECT $1::timestamptz - (SELECT start FROM day) AS span),
          keys AS (SELECT ${key} AS key, max(${name}) AS name FROM supervision.sv_cases
                    WHERE submitted_at >= (SELECT start FROM day) - make_interval(days => 7 * $2::int) GROUP BY ${key}),
          counts AS (SELECT keys.key, past.k,
                            (SELECT count(*) FROM supervision.sv_cases c
                              WHERE c.${key} IS NOT DISTINCT FROM keys.key AND c.submitted_at >= past.start
                                AND c.submitted_at < past.start + (SELECT span FROM elapsed))::int AS n
                       FROM keys CROSS JOIN past),
          today AS (SELECT ${key} AS key, count(*)::int AS n FROM supervision.sv_cases
                     WHERE submitted_at >= (SELECT start FROM day) AND submitted_at <= $1 GROUP BY ${key})
     SELECT keys.key, keys.name, COALESCE(today.n, 0) AS today, avg(counts.n)::float8 AS mean, stddev_pop(counts.n)::float8 AS sd
       FROM keys JOIN counts ON counts.key IS NOT DISTINCT FROM keys.key
       LEFT JOIN today ON today.key IS NOT DISTINCT FROM keys.key
      GROUP BY keys.key, keys.name, today.n`,
    [now, weeks],
  );
  return rows
    .map((r) => {
      const z = (r.today - r.mean) / Math.max(r.sd, 1);
      return { key: r.key, name: r.name, today: r.today, mean: r.mean, sd: r.sd, weeks, z, flagged: Math.abs(z) > 3 };
    })
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
}

/** 考勤: each window clerk's first sign-in and last sign-out of a China day, against the hall's hours they carried. */
export async function attendance(db: Queryable, day: string): Promise<AttendanceView[]> {
  const { rows } = await db.query<{ user_id: string; user_name: string | null; window_name: string | null; first_in: Date | null; last_out: Date | null; opens: string | null; closes: string | null }>(
    `SELECT a.user_id, max(a.user_name) AS user_name, max(a.window_name) AS window_name,
            min(a.at) FILTER (WHERE a.kind = 'sign_in') AS first_in, max(a.at) FILTER (WHERE a.kind = 'sign_out') AS last_out,
            max(e.payload->>'opens') AS opens, max(e.payload->>'closes') AS closes
       FROM supervision.sv_attendance a
       JOIN supervision.events e ON e.source_id = a.source_id AND e.seq = a.seq
      WHERE a.at >= ($1::date)::timestamp AT TIME ZONE '${TZ}' AND a.at < ($1::date + 1)::timestamp AT TIME ZONE '${TZ}'
      GROUP BY a.user_id ORDER BY max(a.window_name), max(a.user_name)`,
    [day],
  );
  const clock = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
  return rows.map((r) => ({
    userId: r.user_id, name: r.user_name, window: r.window_name, signedInAt: iso(r.first_in), signedOutAt: iso(r.last_out),
    opens: r.opens, closes: r.closes,
    late: !!(r.first_in && r.opens && clock(r.first_in) > r.opens),
    leftEarly: !!(r.last_out && r.closes && clock(r.last_out) < r.closes),
  }));
}

/** Refused batches and other irregularities of the sources, newest first. */
export async function findings(db: Queryable, limit = 100): Promise<FindingView[]> {
  const { rows } = await db.query<{ source_id: string | null; code: string; seq: number | null; details: unknown; recorded_at: Date }>(
    'SELECT source_id, code, seq, details, recorded_at FROM supervision.findings ORDER BY recorded_at DESC LIMIT $1', [limit],
  );
  return rows.map((r) => ({ source: r.source_id, code: r.code, seq: r.seq, details: r.details, recordedAt: r.recorded_at.toISOString() }));
}

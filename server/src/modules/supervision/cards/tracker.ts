/**
 * The card tracker: follows what ingest stored and raises warnings and cards
 * without any user action.
 *
 * 1. `followSources`: per source, from its cursor, reads the new events; the
 *    cases they touch get their open deadlines (the case and each open step)
 *    written to `sv_deadlines` with the instant of the next threshold still to
 *    pass; events and anomalies a violation rule names raise their card at once.
 * 2. `scanPassing`: takes the deadlines whose `next_threshold_at` has come
 *    (partial index), raises what stands and moves each to its next threshold.
 *    Its cost follows the thresholds passing, not the number of cases.
 * 3. After a rule change, every open deadline is recomputed once.
 *
 * Each step is one transaction with `SKIP LOCKED`, so several nodes share the
 * work and a crash repeats nothing twice (cards are unique per case, step, rule).
 */
import { withTx, type Db, type Tx } from '../../../platform/db/pool.ts';
import type { Clock } from '../../../platform/clock.ts';
import { every } from '../../../platform/every.ts';
import type { WorkCalendar } from '../../calendar/index.ts';
import { supervisionCalendar } from './calendar.ts';
import { raiseCards, type NewCard } from './raise.ts';
import { currentRuleSet, type StoredRuleSet } from './rule-store.ts';
import { nextThreshold, standingThresholds, violationsFor, type SupervisionRule } from './rules.ts';

export interface TrackerContext {
  db: Db;
  clock: Clock;
}

interface DeadlineRow {
  source_id: string; case_id: string; step_key: string; step_name: string | null; case_no: string; stage: string;
  department_id: string | null; department_name: string | null; assignee_id: string | null; assignee_name: string | null;
  started_at: Date; due_at: Date; raised: string[]; basis_seq: number; rule_version: number;
  next_rule: string | null; next_threshold_at: Date | null;
}

const BATCH = 5000;

/** Follows every source's new events once; returns the number of events read. */
export async function followSources(ctx: TrackerContext): Promise<number> {
  const sources = (await ctx.db.query<{ id: string }>('SELECT id FROM supervision.sources ORDER BY id')).rows;
  let read = 0;
  for (const { id } of sources) {
    for (;;) {
      const n = await followSource(ctx, id);
      read += n;
      if (n < BATCH) break;
    }
  }
  return read;
}

async function followSource(ctx: TrackerContext, sourceId: string): Promise<number> {
  const now = ctx.clock.now();
  await ctx.db.query(
    'INSERT INTO supervision.sv_card_cursors (source_id, event_seq, updated_at) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING', [sourceId, now],
  );
  return withTx(ctx.db, async (tx) => {
    const cursor = (await tx.query<{ event_seq: number }>(
      'SELECT event_seq FROM supervision.sv_card_cursors WHERE source_id = $1 FOR UPDATE SKIP LOCKED', [sourceId],
    )).rows[0];
    if (!cursor) return 0;
    const events = (await tx.query<{ seq: number; type: string; case_id: string | null; actor_id: string | null; occurred_at: Date }>(
      `SELECT seq, type, case_id, actor_id, occurred_at FROM supervision.events
        WHERE source_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [sourceId, cursor.event_seq, BATCH],
    )).rows;
    if (events.length === 0) return 0;
    const last = events[events.length - 1]!.seq;
    const rules = await currentRuleSet(tx, now);
    const caseIds = [...new Set(events.map((e) => e.case_id).filter((c): c is string => c !== null))];
    await syncDeadlines(tx, supervisionCalendar(), rules, sourceId, caseIds);
    const violations = await violationCards(tx, rules, sourceId, cursor.event_seq, last, events);
    await raiseCards(tx, violations, now);
    await tx.query('UPDATE supervision.sv_card_cursors SET event_seq = $2, updated_at = $3 WHERE source_id = $1', [sourceId, last, now]);
    return events.length;
  });
}

interface CaseRow {
  case_id: string; case_no: string; stage: string | null; department_id: string | null; department_name: string | null;
  accepted_at: Date | null; due_at: Date | null; concluded_at: Date | null; paused: boolean; last_seq: number;
}
interface StepRow {
  step_id: string; case_id: string; case_no: string | null; name: string | null; stage: string; department_id: string | null;
  department_name: string | null; assignee_id: string | null; assignee_name: string | null; started_at: Date; due_at: Date | null;
  status: string; last_seq: number;
}

/**
 * Writes the open deadlines of the given cases into the index: the case's own
 * (from acceptance to its due instant) and each open step's. Closed ones leave
 * the index; a paused case keeps its rows with no next threshold until it resumes.
 */
export async function syncDeadlines(tx: Tx, cal: WorkCalendar, rules: StoredRuleSet, sourceId: string, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const cases = (await tx.query<CaseRow>(
    `SELECT case_id, case_no, stage, department_id, department_name, accepted_at, due_at, concluded_at, paused, last_seq
       FROM supervision.sv_cases WHERE source_id = $1 AND case_id = ANY($2::uuid[])`, [sourceId, caseIds],
  )).rows;
  const steps = (await tx.query<StepRow>(
    `SELECT step_id, case_id, case_no, name, stage, department_id, department_name, assignee_id, assignee_name, started_at, due_at, status, last_seq
       FROM supervision.sv_steps WHERE source_id = $1 AND case_id = ANY($2::uuid[]) AND status = 'open'`, [sourceId, caseIds],
  )).rows;
  const existing = new Map((await tx.query<{ case_id: string; step_key: string; raised: string[] }>(
    'SELECT case_id, step_key, raised FROM supervision.sv_deadlines WHERE source_id = $1 AND case_id = ANY($2::uuid[]) FOR UPDATE',
    [sourceId, caseIds],
  )).rows.map((r) => [`${r.case_id}|${r.step_key}`, r.raised]));
  const paused = new Set(cases.filter((c) => c.paused).map((c) => c.case_id));
  const wanted: DeadlineRow[] = [];
  for (const c of cases) {
    if (c.concluded_at || !c.due_at || !c.accepted_at) continue;
    wanted.push({
      source_id: sourceId, case_id: c.case_id, step_key: '', step_name: null, case_no: c.case_no, stage: c.stage ?? 'accept',
      department_id: c.department_id, department_name: c.department_name, assignee_id: null, assignee_name: null,
      started_at: c.accepted_at, due_at: c.due_at, raised: [], basis_seq: c.last_seq, rule_version: rules.version, next_rule: null, next_threshold_at: null,
    });
  }
  const caseNo = new Map(cases.map((c) => [c.case_id, c.case_no]));
  for (const s of steps) {
    if (!s.due_at) continue;
    wanted.push({
      source_id: sourceId, case_id: s.case_id, step_key: s.step_id, step_name: s.name, case_no: s.case_no ?? caseNo.get(s.case_id) ?? '', stage: s.stage,
      department_id: s.department_id, department_name: s.department_name, assignee_id: s.assignee_id, assignee_name: s.assignee_name,
      started_at: s.started_at, due_at: s.due_at, raised: [], basis_seq: s.last_seq, rule_version: rules.version, next_rule: null, next_threshold_at: null,
    });
  }
  for (const w of wanted) {
    w.raised = existing.get(`${w.case_id}|${w.step_key}`) ?? [];
    if (paused.has(w.case_id)) continue;
    const next = nextThreshold(cal, rules.rules, { startedAt: w.started_at, dueAt: w.due_at }, new Set(w.raised));
    w.next_rule = next?.rule.code ?? null;
    w.next_threshold_at = next?.at ?? null;
  }
  await upsertDeadlines(tx, wanted);
  const keep = new Set(wanted.map((w) => `${w.case_id}|${w.step_key}`));
  const gone = [...existing.keys()].filter((k) => !keep.has(k)).map((k) => k.split('|') as [string, string]);
  if (gone.length) {
    await tx.query(
      `DELETE FROM supervision.sv_deadlines d USING unnest($2::uuid[], $3::text[]) AS g(case_id, step_key)
        WHERE d.source_id = $1 AND d.case_id = g.case_id AND d.step_key = g.step_key`,
      [sourceId, gone.map((g) => g[0]), gone.map((g) => g[1])],
    );
  }
}

async function upsertDeadlines(tx: Tx, rows: readonly DeadlineRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof DeadlineRow>(k: K) => rows.map((r) => r[k]);
  await tx.query(
    `INSERT INTO supervision.sv_deadlines (source_id, case_id, step_key, step_name, case_no, stage, department_id, department_name, assignee_id, assignee_name,
                                           started_at, due_at, raised, basis_seq, rule_version, next_rule, next_threshold_at)
     SELECT t.source_id, t.case_id, t.step_key, t.step_name, t.case_no, t.stage, t.department_id, t.department_name, t.assignee_id, t.assignee_name,
            t.started_at, t.due_at, ARRAY(SELECT jsonb_array_elements_text(t.raised)), t.basis_seq, t.rule_version, t.next_rule, t.next_threshold_at
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::uuid[], $9::text[],
                   $10::timestamptz[], $11::timestamptz[], $12::jsonb[], $13::bigint[], $14::int[], $15::text[], $16::timestamptz[], $17::text[])
            AS t(source_id, case_id, step_key, case_no, stage, department_id, department_name, assignee_id, assignee_name,
                 started_at, due_at, raised, basis_seq, rule_version, next_rule, next_threshold_at, step_name)
     ON CONFLICT (source_id, case_id, step_key) DO UPDATE SET
       step_name = EXCLUDED.step_name, case_no = EXCLUDED.case_no, stage = EXCLUDED.stage, department_id = EXCLUDED.department_id, department_name = EXCLUDED.department_name,
       assignee_id = EXCLUDED.assignee_id, assignee_name = EXCLUDED.assignee_name, started_at = EXCLUDED.started_at, due_at = EXCLUDED.due_at,
       basis_seq = EXCLUDED.basis_seq, rule_version = EXCLUDED.rule_version, next_rule = EXCLUDED.next_rule, next_threshold_at = EXCLUDED.next_threshold_at`,
    [
      col('source_id'), col('case_id'), col('step_key'), col('case_no'), col('stage'), col('department_id'), col('department_name'),
      col('assignee_id'), col('assignee_name'), col('started_at'), col('due_at'), rows.map((r) => JSON.stringify(r.raised)),
      col('basis_seq'), col('rule_version'), col('next_rule'), col('next_threshold_at'), col('step_name'),
    ],
  );
}

/** Cards for the events and anomalies (sequence in (from, to]) that a violation rule names. */
async function violationCards(
  tx: Tx, rules: StoredRuleSet, sourceId: string, from: number, to: number,
  events: readonly { seq: number; type: string; case_id: string | null; actor_id: string | null; occurred_at: Date }[],
): Promise<NewCard[]> {
  const hits: { seq: number; caseId: string; stepId: string | null; actorId: string | null; at: Date; rule: SupervisionRule }[] = [];
  for (const e of events) {
    if (!e.case_id) continue;
    for (const rule of violationsFor(rules.rules, e.type)) hits.push({ seq: e.seq, caseId: e.case_id, stepId: null, actorId: e.actor_id, at: e.occurred_at, rule });
  }
  const anomalies = (await tx.query<{ seq: number; kind: string; case_id: string | null; step_id: string | null; occurred_at: Date }>(
    `SELECT seq, kind, case_id, step_id, occurred_at FROM supervision.sv_anomalies
      WHERE source_id = $1 AND seq > $2 AND seq <= $3 AND case_id IS NOT NULL ORDER BY seq`, [sourceId, from, to],
  )).rows;
  for (const a of anomalies) {
    for (const rule of violationsFor(rules.rules, `anomaly.${a.kind}`)) hits.push({ seq: a.seq, caseId: a.case_id!, stepId: a.step_id, actorId: null, at: a.occurred_at, rule });
  }
  if (hits.length === 0) return [];
  const cases = new Map((await tx.query<CaseRow>(
    'SELECT case_id, case_no, stage, department_id, department_name, due_at FROM supervision.sv_cases WHERE source_id = $1 AND case_id = ANY($2::uuid[])',
    [sourceId, [...new Set(hits.map((h) => h.caseId))]],
  )).rows.map((c) => [c.case_id, c]));
  const stepIds = hits.map((h) => h.stepId).filter((s): s is string => s !== null);
  const steps = new Map((await tx.query<StepRow>(
    'SELECT step_id, name, stage, department_id, department_name, assignee_id, assignee_name, due_at FROM supervision.sv_steps WHERE source_id = $1 AND step_id = ANY($2::uuid[])',
    [sourceId, stepIds],
  )).rows.map((s) => [s.step_id, s]));
  return hits.flatMap((h) => {
    const c = cases.get(h.caseId);
    if (!c) return [];
    const s = h.stepId ? steps.get(h.stepId) : undefined;
    return [{
      sourceId, caseId: h.caseId, caseNo: c.case_no, stepKey: s ? h.stepId! : '', stepName: s?.name ?? null,
      ruleCode: h.rule.code, ruleName: h.rule.nameZh, ruleVersion: rules.version, level: h.rule.level,
      stage: s?.stage ?? c.stage ?? 'accept', departmentId: s?.department_id ?? c.department_id, departmentName: s?.department_name ?? c.department_name,
      assigneeId: s?.assignee_id ?? h.actorId, assigneeName: s?.assignee_name ?? null, dueAt: s?.due_at ?? c.due_at, passedAt: h.at, triggerSeqs: [h.seq],
    }];
  });
}

/** The cards the given deadline row's passed thresholds raise. */
function cardsOf(row: DeadlineRow, rules: StoredRuleSet, cal: WorkCalendar, now: Date): { cards: NewCard[]; raised: string[] } {
  const raised = new Set(row.raised);
  const cards: NewCard[] = [];
  for (const t of standingThresholds(cal, rules.rules, { startedAt: row.started_at, dueAt: row.due_at }, now)) {
    if (raised.has(t.rule.code)) continue;
    raised.add(t.rule.code);
    cards.push({
      sourceId: row.source_id, caseId: row.case_id, caseNo: row.case_no, stepKey: row.step_key, stepName: row.step_name,
      ruleCode: t.rule.code, ruleName: t.rule.nameZh, ruleVersion: rules.version, level: t.rule.level, stage: row.stage,
      departmentId: row.department_id, departmentName: row.department_name, assigneeId: row.assignee_id, assigneeName: row.assignee_name,
      dueAt: row.due_at, passedAt: t.at, triggerSeqs: [row.basis_seq],
    });
  }
  return { cards, raised: [...raised] };
}

/** Raises what has passed by now on the deadlines whose next threshold has come; returns the cards raised. */
export async function scanPassing(ctx: TrackerContext, limit = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const now = ctx.clock.now();
    const { n, raised } = await withTx(ctx.db, async (tx) => {
      const rows = (await tx.query<DeadlineRow>(
        `SELECT * FROM supervision.sv_deadlines
          WHERE next_threshold_at <= $1 ORDER BY next_threshold_at LIMIT $2 FOR UPDATE SKIP LOCKED`, [now, limit],
      )).rows;
      if (rows.length === 0) return { n: 0, raised: 0 };
      const rules = await currentRuleSet(tx, now);
      const cal = supervisionCalendar();
      const cards: NewCard[] = [];
      for (const row of rows) {
        const out = cardsOf(row, rules, cal, now);
        cards.push(...out.cards);
        row.raised = out.raised;
        const next = nextThreshold(cal, rules.rules, { startedAt: row.started_at, dueAt: row.due_at }, new Set(out.raised));
        row.next_rule = next?.rule.code ?? null;
        row.next_threshold_at = next?.at ?? null;
        row.rule_version = rules.version;
      }
      const count = await raiseCards(tx, cards, now);
      await upsertDeadlines(tx, rows);
      return { n: rows.length, raised: count };
    });
    total += raised;
    if (n < limit) return total;
  }
}

/** After a rule change, recomputes every open deadline's next threshold once (in key order, in batches). */
export async function applyRuleChange(ctx: TrackerContext): Promise<boolean> {
  const now = ctx.clock.now();
  const rules = await currentRuleSet(ctx.db, now);
  const state = (await ctx.db.query<{ rules_applied: number }>('SELECT rules_applied FROM supervision.sv_tracker_state')).rows[0]!;
  // Before any change every deadline was indexed with the defaults, which are version 1.
  if (Math.max(state.rules_applied, 1) >= rules.version) return false;
  const cal = supervisionCalendar();
  let after: [string, string, string] = ['', '00000000-0000-0000-0000-000000000000', ''];
  for (;;) {
    const rows = (await ctx.db.query<DeadlineRow>(
      `SELECT * FROM supervision.sv_deadlines WHERE (source_id, case_id, step_key) > ($1, $2::uuid, $3)
        ORDER BY source_id, case_id, step_key LIMIT $4`, [...after, BATCH],
    )).rows;
    if (rows.length === 0) break;
    await withTx(ctx.db, async (tx) => {
      for (const row of rows) {
        const next = nextThreshold(cal, rules.rules, { startedAt: row.started_at, dueAt: row.due_at }, new Set(row.raised));
        row.next_rule = next?.rule.code ?? null;
        row.next_threshold_at = next?.at ?? null;
        row.rule_version = rules.version;
      }
      await upsertDeadlines(tx, rows);
    });
    const last = rows[rows.length - 1]!;
    after = [last.source_id, last.case_id, last.step_key];
  }
  await ctx.db.query('UPDATE supervision.sv_tracker_state SET rules_applied = $1 WHERE rules_applied < $1', [rules.version]);
  return true;
}

/** One round: rule changes, new events, passing thresholds, then the messages handed over (when a drain is given). */
export async function trackCards(ctx: TrackerContext, handOver?: (ctx: TrackerContext) => Promise<number>): Promise<{ events: number; raised: number }> {
  await applyRuleChange(ctx);
  const events = await followSources(ctx);
  const raised = await scanPassing(ctx);
  if (handOver) while ((await handOver(ctx)) > 0);
  return { events, raised };
}

/** Runs `trackCards` every `intervalMs` (one round at a time); returns a stop function. */
export function startCardTracker(
  ctx: TrackerContext, onError: (err: Error) => void, opts: { handOver?: (ctx: TrackerContext) => Promise<number>; intervalMs?: number } = {},
): () => Promise<void> {
  return every(opts.intervalMs ?? 250, () => trackCards(ctx, opts.handOver), onError);
}

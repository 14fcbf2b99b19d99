import { createHash } from 'node:crypto';
import type { Tx } from '../../platform/db/pool.ts';
import type { StoredEvent } from '../../platform/events/stream.ts';
import { STAGES, stageOfStep, type Stage } from './stages.ts';
import type { AnomalyKind } from '../../../../shared/supervision/monitor.ts';

/**
 * Supervision's read model of cases and steps (sv_cases, sv_steps), and what
 * it notices on the way (sv_anomalies, sv_attendance), kept from the events
 * of one source. A batch is applied in memory to the rows it touches (read
 * with two statements) and written back with one multi-row upsert per table,
 * in the ingest transaction: the cost of a batch does not grow with the
 * number of its events in round trips.
 */

export interface CaseRow {
  source_id: string; case_id: string; case_no: string;
  item_id: string | null; item_code: string | null; item_name: string | null;
  department_id: string | null; department_name: string | null;
  status: string; stage: Stage | null; channel: string | null; applicant_type: string | null;
  submitted_at: string; accepted_at: string | null; accepted_by: string | null; deemed_accepted: boolean;
  concluded_at: string | null; concluded_by: string | null; due_at: string | null; outcome: string | null;
  paused: boolean; notice_count: number; last_seq: number; updated_at: string;
  accepted_by_name: string | null; concluded_by_name: string | null;
}

export interface StepRow {
  source_id: string; step_id: string; case_id: string; case_no: string | null; node_id: string | null; name: string | null;
  stage: Stage; department_id: string | null; department_name: string | null;
  assignee_id: string | null; assignee_name: string | null;
  started_at: string; due_at: string | null; completed_at: string | null; completed_by: string | null; completed_by_name: string | null;
  outcome: string | null; by_timeout: boolean; status: 'open' | 'done' | 'cancelled'; timer_fired_at: string | null; last_seq: number;
}

export type { AnomalyKind } from '../../../../shared/supervision/monitor.ts';

export interface AnomalyRow {
  id: string; source_id: string; case_id: string | null; case_no: string | null; step_id: string | null;
  kind: AnomalyKind; details: Record<string, unknown>; seq: number; occurred_at: string; department_id: string | null;
}

export interface AttendanceRow {
  source_id: string; seq: number; user_id: string; user_name: string | null; window_name: string | null;
  department_id: string | null; kind: 'sign_in' | 'sign_out'; at: string;
}

/** The rows a batch touches, as read before it and as changed by it. */
export interface ProjectionState {
  sourceId: string;
  cases: Map<string, CaseRow>;
  /** Steps by step id; every step of every case the batch touches is here (procedure checks look at siblings). */
  steps: Map<string, StepRow>;
  changedCases: Set<string>;
  changedSteps: Set<string>;
  anomalies: AnomalyRow[];
  attendance: AttendanceRow[];
}

type Payload = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const stageIndex = (s: Stage) => STAGES.indexOf(s);
/** The 受理 step of a case has no task at the source: it is keyed by the case id itself. */
const acceptStepId = (caseId: string) => caseId;
/** A legal basis cited in a refusal: a law, regulation, rule or article. */
const LEGAL_BASIS = /法|条例|规定|办法|第.{1,6}条|规章|标准/;

/** What a refusal (不予受理 or 不予许可) lacks: its reason, or a legal basis cited in it; null when it has both. */
export function unfoundedRefusal(reason: string | null): 'reason' | 'legal_basis' | null {
  const text = reason?.trim() ?? '';
  if (!text) return 'reason';
  return LEGAL_BASIS.test(text) ? null : 'legal_basis';
}

/** Reads the cases and all steps of the cases this batch names. */
export async function loadState(tx: Tx, sourceId: string, events: readonly StoredEvent[]): Promise<ProjectionState> {
  const caseIds = [...new Set(events.map((e) => e.caseId).filter((id): id is string => id !== null))];
  const state: ProjectionState = {
    sourceId, cases: new Map(), steps: new Map(), changedCases: new Set(), changedSteps: new Set(), anomalies: [], attendance: [],
  };
  if (caseIds.length === 0) return state;
  const [cases, steps] = await Promise.all([
    // Rows come back as JSON so their timestamps stay ISO strings, as the projection writes them.
    tx.query<{ r: CaseRow }>('SELECT to_jsonb(c) AS r FROM supervision.sv_cases c WHERE source_id = $1 AND case_id = ANY($2::uuid[])', [sourceId, caseIds]),
    tx.query<{ r: StepRow }>('SELECT to_jsonb(s) AS r FROM supervision.sv_steps s WHERE source_id = $1 AND case_id = ANY($2::uuid[])', [sourceId, caseIds]),
  ]);
  for (const { r } of cases.rows) state.cases.set(r.case_id, r);
  for (const { r } of steps.rows) state.steps.set(r.step_id, r);
  return state;
}

/** Applies one event (in chain order) to the state. Events the projection does not follow are ignored. */
export function applyEvent(state: ProjectionState, e: StoredEvent): void {
  const p = (e.payload ?? {}) as Payload;
  if (e.type === 'attendance.signed_in' || e.type === 'attendance.signed_out') {
    if (!e.actorId) return;
    state.attendance.push({
      source_id: state.sourceId, seq: e.seq, user_id: e.actorId, user_name: str(p.userName), window_name: str(p.windowName),
      department_id: e.departmentId, kind: e.type === 'attendance.signed_in' ? 'sign_in' : 'sign_out', at: e.occurredAt,
    });
    return;
  }
  if (!e.caseId) return;
  if (e.type === 'case.submitted') return submitted(state, e, p);
  const c = state.cases.get(e.caseId);
  if (!c) return; // a case whose submission this platform never received (a source joined mid-stream)
  const touch = () => {
    c.last_seq = e.seq;
    c.updated_at = e.occurredAt;
    state.changedCases.add(c.case_id);
  };
  const anomaly = (kind: AnomalyKind, details: Payload, stepId: string | null = null) => state.anomalies.push({
    id: anomalyId(state.sourceId, e.seq, kind), source_id: state.sourceId, case_id: c.case_id, case_no: c.case_no, step_id: stepId,
    kind, details, seq: e.seq, occurred_at: e.occurredAt, department_id: c.department_id,
  });
  switch (e.type) {
    case 'case.accepted':
    case 'case.deemed_accepted': {
      const deemed = e.type === 'case.deemed_accepted';
      Object.assign(c, { status: 'accepted', stage: 'handle', accepted_at: str(p.acceptedAt) ?? e.occurredAt, accepted_by: e.actorId, accepted_by_name: str(p.actorName), deemed_accepted: deemed, due_at: str(p.due) });
      finishStep(state, acceptStepId(c.case_id), e, deemed ? 'deemed' : 'accepted', str(p.actorName));
      if (deemed) anomaly('deemed_acceptance', { article: p.article ?? '行政许可法第三十二条' }, acceptStepId(c.case_id));
      break;
    }
    case 'case.refused': {
      Object.assign(c, { status: 'refused', stage: 'conclude', outcome: 'refused', concluded_at: e.occurredAt, concluded_by: e.actorId, concluded_by_name: str(p.actorName) });
      finishStep(state, acceptStepId(c.case_id), e, 'refused', str(p.actorName));
      const missing = unfoundedRefusal(str(p.reason));
      if (missing) anomaly('refusal_without_basis', { refusal: 'not_accepted', reason: str(p.reason)?.trim() ?? '', missing }, acceptStepId(c.case_id));
      break;
    }
    case 'case.supplement_requested':
      c.notice_count += 1;
      c.status = 'supplementing';
      if (c.notice_count > 1) anomaly('repeated_notice', { notices: c.notice_count });
      break;
    case 'case.supplemented':
      c.status = 'submitted';
      break;
    case 'case.paused':
      c.paused = true;
      break;
    case 'case.resumed':
      c.paused = false;
      break;
    case 'case.deadline_changed':
      c.due_at = str(p.due) ?? c.due_at;
      break;
    case 'case.concluded': {
      const result = str(p.result) ?? 'approved';
      const open = stepsOf(state, c.case_id).filter((s) => s.status === 'open');
      Object.assign(c, { status: result, outcome: result, stage: 'conclude', concluded_at: e.occurredAt, concluded_by: e.actorId, concluded_by_name: str(p.actorName) });
      if (open.length > 0) anomaly('skipped_steps', { openSteps: open.map((s) => s.name ?? s.node_id) });
      // 不予许可 is a refusal too. Only version 3 carries the decision's reason; an older event cannot be judged.
      if (result === 'denied' && e.schemaVersion >= 3) {
        const missing = unfoundedRefusal(str(p.reason));
        if (missing) anomaly('refusal_without_basis', { refusal: 'denied', reason: str(p.reason)?.trim() ?? '', missing }, lastDecision(state, c.case_id)?.step_id ?? null);
      }
      break;
    }
    default:
      if (!taskEvent(state, c, e, p, anomaly)) return;
  }
  touch();
}

function submitted(state: ProjectionState, e: StoredEvent, p: Payload): void {
  const caseId = e.caseId!;
  if (state.cases.has(caseId)) return;
  state.cases.set(caseId, {
    source_id: state.sourceId, case_id: caseId, case_no: e.caseNo ?? '', item_id: str(p.itemId), item_code: str(p.itemCode), item_name: str(p.itemName),
    department_id: e.departmentId, department_name: str(p.departmentName), status: 'submitted', stage: 'accept', channel: str(p.channel),
    applicant_type: str(p.applicantType), submitted_at: e.occurredAt, accepted_at: null, accepted_by: null, deemed_accepted: false,
    concluded_at: null, concluded_by: null, due_at: null, outcome: null, paused: false, notice_count: 0, last_seq: e.seq, updated_at: e.occurredAt,
    accepted_by_name: null, concluded_by_name: null,
  });
  state.changedCases.add(caseId);
  // 受理 is a stage of its own: from the materials' arrival to acceptance, due by 第三十二条's notice limit.
  putStep(state, {
    source_id: state.sourceId, step_id: acceptStepId(caseId), case_id: caseId, case_no: e.caseNo, node_id: null, name: '受理',
    stage: 'accept', department_id: e.departmentId, department_name: str(p.departmentName), assignee_id: null, assignee_name: null,
    started_at: e.occurredAt, due_at: str(p.noticeDue), completed_at: null, completed_by: null, completed_by_name: null,
    outcome: null, by_timeout: false, status: 'open', timer_fired_at: null, last_seq: e.seq,
  });
}

/** The process-step events; false for an event the projection does not follow. */
function taskEvent(state: ProjectionState, c: CaseRow, e: StoredEvent, p: Payload, anomaly: (kind: AnomalyKind, d: Payload, stepId?: string | null) => void): boolean {
  const taskId = str(p.taskId);
  if (e.type === 'task.created' && taskId) {
    const stage = stageOfStep(p.stage, str(p.name));
    const siblings = stepsOf(state, c.case_id);
    const done = siblings.filter((s) => s.status === 'done' && s.outcome !== 'returned');
    const furthest = done.reduce<StepRow | null>((a, s) => (!a || stageIndex(s.stage) > stageIndex(a.stage) ? s : a), null);
    // A step opening in an earlier stage than one already passed, with no return or withdrawal since, runs out of order.
    if (furthest && stageIndex(stage) < stageIndex(furthest.stage) && stage !== 'accept') {
      const rewound = siblings.some((s) => (s.outcome === 'returned' || s.outcome === 'withdrawn') && (s.completed_at ?? '') >= (furthest.completed_at ?? ''));
      if (!rewound) anomaly('out_of_order', { stage, after: furthest.stage, step: str(p.name) }, taskId);
    }
    const assignee = str(p.assignee);
    putStep(state, {
      source_id: state.sourceId, step_id: taskId, case_id: c.case_id, case_no: c.case_no, node_id: str(p.nodeId), name: str(p.name), stage,
      department_id: str(p.departmentId), department_name: str(p.departmentName), assignee_id: isUuid(assignee) ? assignee : null, assignee_name: str(p.assigneeName),
      started_at: e.occurredAt, due_at: str(p.dueAt), completed_at: null, completed_by: null, completed_by_name: null,
      outcome: null, by_timeout: false, status: 'open', timer_fired_at: null, last_seq: e.seq,
    });
    if (c.concluded_at === null) c.stage = stage;
    return true;
  }
  if (e.type === 'process.timer_fired' && p.kind === 'timeout' && taskId) {
    return change(state, taskId, e, (s) => { s.timer_fired_at = e.occurredAt; });
  }
  if (!taskId) return false;
  switch (e.type) {
    case 'task.completed':
      return change(state, taskId, e, (s) => {
        const byTimeout = e.actorId === null && s.timer_fired_at !== null;
        Object.assign(s, {
          status: 'done', completed_at: e.occurredAt, completed_by: e.actorId, completed_by_name: str(p.actorName),
          outcome: str(p.outcome), by_timeout: byTimeout,
        });
        if (byTimeout) anomaly('timeout_action', { step: s.name, outcome: s.outcome }, s.step_id);
      });
    case 'task.returned':
      return change(state, taskId, e, (s) => Object.assign(s, { status: 'done', completed_at: e.occurredAt, completed_by: e.actorId, completed_by_name: str(p.actorName), outcome: 'returned' }));
    case 'task.cancelled':
      return change(state, taskId, e, (s) => Object.assign(s, { status: 'cancelled', completed_at: e.occurredAt, outcome: str(p.reason) ?? 'cancelled' }));
    case 'task.withdrawn':
      // The one who completed it takes it back: the step is open again for them.
      return change(state, taskId, e, (s) => Object.assign(s, { status: 'open', completed_at: null, completed_by: null, completed_by_name: null, outcome: null, by_timeout: false }));
    case 'task.claimed':
      return change(state, taskId, e, (s) => Object.assign(s, { assignee_id: e.actorId, assignee_name: str(p.actorName) }));
    case 'task.unclaimed':
      return change(state, taskId, e, (s) => Object.assign(s, { assignee_id: null, assignee_name: null }));
    case 'task.transferred':
    case 'task.delegated':
    case 'task.handed_over': {
      const to = str(p.to);
      return change(state, taskId, e, (s) => Object.assign(s, { assignee_id: isUuid(to) ? to : null, assignee_name: str(p.toName) }));
    }
    default:
      return false;
  }
}

function change(state: ProjectionState, stepId: string, e: StoredEvent, fn: (s: StepRow) => void): boolean {
  const s = state.steps.get(stepId);
  if (!s) return false;
  fn(s);
  s.last_seq = e.seq;
  state.changedSteps.add(stepId);
  return true;
}

function finishStep(state: ProjectionState, stepId: string, e: StoredEvent, outcome: string, byName: string | null): void {
  change(state, stepId, e, (s) => Object.assign(s, { status: 'done', completed_at: e.occurredAt, completed_by: e.actorId, completed_by_name: byName, outcome }));
}

function putStep(state: ProjectionState, s: StepRow): void {
  state.steps.set(s.step_id, s);
  state.changedSteps.add(s.step_id);
}

/** The case's step completed last (the one whose decision concluded it), if any. */
function lastDecision(state: ProjectionState, caseId: string): StepRow | undefined {
  return stepsOf(state, caseId)
    .filter((s) => s.status === 'done' && s.stage !== 'accept')
    .reduce<StepRow | undefined>((a, s) => (!a || Date.parse(s.completed_at!) > Date.parse(a.completed_at!) ? s : a), undefined);
}

function stepsOf(state: ProjectionState, caseId: string): StepRow[] {
  return [...state.steps.values()].filter((s) => s.case_id === caseId);
}

function isUuid(v: string | null): v is string {
  return v !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

/** The same anomaly of the same event gets the same id, so a replayed batch adds nothing. */
function anomalyId(sourceId: string, seq: number, kind: string): string {
  const h = createHash('sha256').update(`${sourceId}:${seq}:${kind}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const CASE_COLUMNS = ['case_no', 'item_id', 'item_code', 'item_name', 'department_id', 'department_name', 'status', 'stage', 'channel', 'applicant_type',
  'submitted_at', 'accepted_at', 'accepted_by', 'deemed_accepted', 'concluded_at', 'concluded_by', 'due_at', 'outcome', 'paused', 'notice_count',
  'last_seq', 'updated_at', 'accepted_by_name', 'concluded_by_name'];
const STEP_COLUMNS = ['case_id', 'case_no', 'node_id', 'name', 'stage', 'department_id', 'department_name', 'assignee_id', 'assignee_name', 'started_at',
  'due_at', 'completed_at', 'completed_by', 'completed_by_name', 'outcome', 'by_timeout', 'status', 'timer_fired_at', 'last_seq'];

/** Writes what the batch changed: one upsert per table, rows as a JSON array (jsonb_populate_recordset), columns named. */
export async function saveState(tx: Tx, state: ProjectionState): Promise<void> {
  await upsert(tx, 'sv_cases', ['source_id', 'case_id'], CASE_COLUMNS, [...state.changedCases].map((id) => state.cases.get(id)!));
  await upsert(tx, 'sv_steps', ['source_id', 'step_id'], STEP_COLUMNS, [...state.changedSteps].map((id) => state.steps.get(id)!));
  await upsert(tx, 'sv_anomalies', [], ['id', 'source_id', 'case_id', 'case_no', 'step_id', 'kind', 'details', 'seq', 'occurred_at', 'department_id'], state.anomalies);
  await upsert(tx, 'sv_attendance', [], ['source_id', 'seq', 'user_id', 'user_name', 'window_name', 'department_id', 'kind', 'at'], state.attendance);
}

/** Inserts `rows`; with `key`, a row already there takes the new values of `columns`, else it is left as it is. */
async function upsert(tx: Tx, table: string, key: string[], columns: string[], rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const all = [...key, ...columns];
  const onConflict = key.length
    ? `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
    : 'ON CONFLICT DO NOTHING';
  await tx.query(
    `INSERT INTO supervision.${table} (${all.join(', ')})
     SELECT ${all.join(', ')} FROM jsonb_populate_recordset(NULL::supervision.${table}, $1::jsonb) ${onConflict}`,
    [JSON.stringify(rows)],
  );
}

/** Projects a batch of one source's events (in chain order) inside the ingest transaction. */
export async function project(tx: Tx, sourceId: string, events: readonly StoredEvent[]): Promise<void> {
  const state = await loadState(tx, sourceId, events);
  for (const e of events) applyEvent(state, e);
  await saveState(tx, state);
}

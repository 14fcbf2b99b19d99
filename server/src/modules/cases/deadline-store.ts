import type { Tx } from '../../platform/db/pool.ts';
import { appendEvent, eventsInsert, type NewEvent } from '../../platform/events/stream.ts';
import { art32NoticeDue, toShanghai, type CenterClock, type WorkCalendar } from '../calendar/index.ts';
import { deadlines, loadClockRows, pauseInputs, type CaseClockInputs, type CaseDeadlines } from './clock.ts';

interface StoredDue {
  due_at: Date | null;
  legal_due_at: Date | null;
  due_provisional: boolean;
}

interface DeadlineMove {
  due: Date;
  legalDue: Date;
  provisional: boolean;
  /** The stored columns differ from the computed ones. */
  changed: boolean;
  /** The `case.deadline_changed` event to append (none for the first deadline: the acceptance announces it). */
  event: NewEvent | null;
}

/**
 * Deadlines already computed against a calendar, by everything `deadlines()`
 * reads. Open cases share their inputs more often than not (the same item's
 * limits, no pause, accepted in the same minute: the clock reads its start
 * to the minute), and after a calendar edit each distinct clock is computed
 * once instead of once per case. Keyed by the calendar object, which a change
 * replaces (calendar/queries.ts), so an entry never outlives its calendar.
 */
const computed = new WeakMap<WorkCalendar, Map<string, CaseDeadlines>>();
const MEMO_LIMIT = 50_000;

function deadlinesOnce(cc: CenterClock, inputs: CaseClockInputs, acceptedAt: Date): CaseDeadlines {
  const start = toShanghai(acceptedAt);
  const x = inputs.extension;
  const key = JSON.stringify([
    cc.hours.open, cc.hours.close, start.day, start.minute, inputs.promisedDays, inputs.legalDays, inputs.unit, inputs.handling,
    inputs.deemedAccepted, pauseInputs(inputs.pauses), x && [x.workdays, x.approverRole, x.reason],
  ]);
  let memo = computed.get(cc.calendar);
  if (!memo) computed.set(cc.calendar, (memo = new Map()));
  let d = memo.get(key);
  if (!d) {
    d = deadlines(cc, inputs, acceptedAt);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, d);
  }
  return d;
}

/** What the clock inputs make of an accepted case's deadlines, against what is stored. */
function deadlineMove(
  cc: CenterClock, inputs: CaseClockInputs & { acceptedAt: Date }, before: StoredDue,
  c: { id: string; caseNo: string; departmentId: string }, reason: string, actor: { id: string; role: string } | null, now: Date,
): DeadlineMove {
  const d = deadlinesOnce(cc, inputs, inputs.acceptedAt);
  const due = new Date(d.promised.due);
  const legalDue = new Date(d.legal.due);
  const provisional = d.promised.provisional || d.legal.provisional;
  const changed = !(before.due_at?.getTime() === due.getTime() && before.legal_due_at?.getTime() === legalDue.getTime()
    && before.due_provisional === provisional);
  const event: NewEvent | null = !changed || before.due_at === null ? null : {
    type: 'case.deadline_changed', caseId: c.id, caseNo: c.caseNo, departmentId: c.departmentId, actor, occurredAt: now,
    payload: {
      reason, due: d.promised.due, legalDue: d.legal.due, provisional,
      previousDue: before.due_at.toISOString(), ledger: d.promised.ledger.text,
    },
  };
  return { due, legalDue, provisional, changed, event };
}

/**
 * Recomputes a case's stored deadlines from its clock inputs and writes them
 * when they moved (steps without a limit of their own are due with the case), with a
 * `case.deadline_changed` event saying why. Call inside the transaction
 * that changed an input. Returns the promised due moment.
 */
export async function refreshDeadline(
  tx: Tx, cc: CenterClock, caseId: string, caseNo: string, departmentId: string, reason: string,
  actor: { id: string; role: string } | null, now: Date,
): Promise<Date | null> {
  const row = (await loadClockRows(tx, [caseId])).get(caseId);
  if (!row?.inputs.acceptedAt) return null;
  const move = deadlineMove(cc, { ...row.inputs, acceptedAt: row.inputs.acceptedAt }, storedDue(row), { id: caseId, caseNo, departmentId }, reason, actor, now);
  if (!move.changed) return move.due;
  await tx.query('UPDATE cases SET due_at = $2, legal_due_at = $3, due_provisional = $4 WHERE id = $1', [caseId, move.due, move.legalDue, move.provisional]);
  if (move.event) await appendEvent(tx, move.event);
  return move.due;
}

const storedDue = (r: { dueAt: Date | null; legalDueAt: Date | null; dueProvisional: boolean }): StoredDue =>
  ({ due_at: r.dueAt, legal_due_at: r.legalDueAt, due_provisional: r.dueProvisional });

/** What a recompute of open cases writes: the moved deadlines, the moved 第三十二条 notice deadlines and the events. */
export interface OpenDeadlineMoves {
  moved: { id: string; due: Date; legalDue: Date; provisional: boolean }[];
  notices: { id: string; due: Date }[];
  events: NewEvent[];
}

/**
 * The same for a batch of open cases after a calendar change: their inputs
 * read with one statement, the moves computed (each moved deadline gets its
 * `case.deadline_changed` event with the ledger). Cases waiting at intake get
 * their 第三十二条 notice deadline moved (no event, as before). The caller
 * holds the cases' row locks and writes the moves with `openDeadlineWrites`.
 */
export async function planOpenDeadlines(tx: Tx, cc: CenterClock, caseIds: readonly string[], reason: string, now: Date): Promise<OpenDeadlineMoves> {
  const plan: OpenDeadlineMoves = { moved: [], notices: [], events: [] };
  if (caseIds.length === 0) return plan;
  for (const [id, r] of await loadClockRows(tx, caseIds)) {
    const input = r.inputs;
    if (input.status === 'submitted') {
      if (!r.noticeDueAt) continue;
      const due = noticeDueAt(cc, input.submittedAt);
      if (due.getTime() !== r.noticeDueAt.getTime()) plan.notices.push({ id, due });
      continue;
    }
    if (input.status !== 'accepted' || !input.acceptedAt) continue;
    const move = deadlineMove(cc, { ...input, acceptedAt: input.acceptedAt }, storedDue(r), { id, caseNo: r.caseNo, departmentId: r.departmentId }, reason, null, now);
    if (!move.changed) continue;
    plan.moved.push({ id, due: move.due, legalDue: move.legalDue, provisional: move.provisional });
    if (move.event) plan.events.push(move.event);
  }
  return plan;
}

/**
 * The planned moves as parts of one data-modifying WITH (`name AS (…)`), their
 * parameters placed by `param`: the caller adds its own work to the same
 * statement, so a batch pays one round trip and one plan for all its writes.
 * The two updates of `cases` touch different cases (accepted, submitted).
 */
export function openDeadlineWrites(plan: OpenDeadlineMoves, param: (value: unknown) => string): string[] {
  const parts: string[] = [];
  const { moved, notices, events } = plan;
  if (moved.length) {
    parts.push(`moved_deadlines AS (
      UPDATE cases c SET due_at = u.due, legal_due_at = u.legal_due, due_provisional = u.provisional
        FROM unnest(${param(moved.map((m) => m.id))}::uuid[], ${param(moved.map((m) => m.due))}::timestamptz[],
                    ${param(moved.map((m) => m.legalDue))}::timestamptz[], ${param(moved.map((m) => m.provisional))}::boolean[])
             AS u(id, due, legal_due, provisional)
       WHERE c.id = u.id)`);
  }
  if (notices.length) {
    parts.push(`moved_notices AS (
      UPDATE cases c SET notice_due_at = u.due
        FROM unnest(${param(notices.map((n) => n.id))}::uuid[], ${param(notices.map((n) => n.due))}::timestamptz[]) AS u(id, due)
       WHERE c.id = u.id)`);
  }
  if (events.length) parts.push(`moved_events AS (${eventsInsert(events, param)})`);
  return parts;
}

/** 第三十二条: the last moment for the one-time notice on materials received at `receivedAt`. */
export function noticeDueAt(cc: CenterClock, receivedAt: Date): Date {
  return art32NoticeDue(cc.calendar, receivedAt, cc.hours).due;
}

import type { Tx } from '../../platform/db/pool.ts';
import { appendEvent, appendEvents, type NewEvent } from '../../platform/events/stream.ts';
import { art32NoticeDue, type CenterClock } from '../calendar/index.ts';
import { deadlines, loadClockInputs, loadClockInputsOf, type CaseClockInputs } from './clock.ts';

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

/** What the clock inputs make of an accepted case's deadlines, against what is stored. */
function deadlineMove(
  cc: CenterClock, inputs: CaseClockInputs & { acceptedAt: Date }, before: StoredDue,
  c: { id: string; caseNo: string; departmentId: string }, reason: string, actor: { id: string; role: string } | null, now: Date,
): DeadlineMove {
  const d = deadlines(cc, inputs, inputs.acceptedAt);
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
  const inputs = await loadClockInputs(tx, caseId);
  if (!inputs?.acceptedAt) return null;
  const { rows } = await tx.query<StoredDue>('SELECT due_at, legal_due_at, due_provisional FROM cases WHERE id = $1', [caseId]);
  const move = deadlineMove(cc, { ...inputs, acceptedAt: inputs.acceptedAt }, rows[0]!, { id: caseId, caseNo, departmentId }, reason, actor, now);
  if (!move.changed) return move.due;
  await tx.query('UPDATE cases SET due_at = $2, legal_due_at = $3, due_provisional = $4 WHERE id = $1', [caseId, move.due, move.legalDue, move.provisional]);
  if (move.event) await appendEvent(tx, move.event);
  return move.due;
}

/**
 * The same for a batch of open cases after a calendar change, in a constant
 * number of statements: the inputs are read together, the moved deadlines
 * written with one UPDATE and their events appended with one INSERT (each
 * still a `case.deadline_changed` with the ledger). Cases waiting at intake
 * get their 第三十二条 notice deadline moved (no event, as before). The caller
 * holds the cases' row locks. Returns how many promised or legal deadlines moved.
 */
export async function refreshOpenDeadlines(tx: Tx, cc: CenterClock, caseIds: readonly string[], reason: string, now: Date): Promise<number> {
  if (caseIds.length === 0) return 0;
  const { rows } = await tx.query<StoredDue & { id: string; case_no: string; department_id: string; status: string; notice_due_at: Date | null }>(
    `SELECT id, case_no, department_id, status, due_at, legal_due_at, due_provisional, notice_due_at FROM cases WHERE id = ANY($1::uuid[])`,
    [caseIds],
  );
  const inputs = await loadClockInputsOf(tx, caseIds);
  const moved: { id: string; due: Date; legalDue: Date; provisional: boolean }[] = [];
  const events: NewEvent[] = [];
  const notices: { id: string; due: Date }[] = [];
  for (const r of rows) {
    const input = inputs.get(r.id)!;
    if (r.status === 'submitted') {
      if (!r.notice_due_at) continue;
      const due = noticeDueAt(cc, input.submittedAt);
      if (due.getTime() !== r.notice_due_at.getTime()) notices.push({ id: r.id, due });
      continue;
    }
    if (r.status !== 'accepted' || !input.acceptedAt) continue;
    const move = deadlineMove(cc, { ...input, acceptedAt: input.acceptedAt }, r, { id: r.id, caseNo: r.case_no, departmentId: r.department_id }, reason, null, now);
    if (!move.changed) continue;
    moved.push({ id: r.id, due: move.due, legalDue: move.legalDue, provisional: move.provisional });
    if (move.event) events.push(move.event);
  }
  if (moved.length) {
    await tx.query(
      `UPDATE cases c SET due_at = u.due, legal_due_at = u.legal_due, due_provisional = u.provisional
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::boolean[]) AS u(id, due, legal_due, provisional)
        WHERE c.id = u.id`,
      [moved.map((m) => m.id), moved.map((m) => m.due), moved.map((m) => m.legalDue), moved.map((m) => m.provisional)],
    );
  }
  if (notices.length) {
    await tx.query(
      `UPDATE cases c SET notice_due_at = u.due FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, due) WHERE c.id = u.id`,
      [notices.map((n) => n.id), notices.map((n) => n.due)],
    );
  }
  await appendEvents(tx, events);
  return moved.length;
}

/** 第三十二条: the last moment for the one-time notice on materials received at `receivedAt`. */
export function noticeDueAt(cc: CenterClock, receivedAt: Date): Date {
  return art32NoticeDue(cc.calendar, receivedAt, cc.hours).due;
}

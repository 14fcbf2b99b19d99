import type { Tx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { art32NoticeDue, type CenterClock } from '../calendar/index.ts';
import { deadlines, loadClockInputs } from './clock.ts';

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
  const d = deadlines(cc, inputs, inputs.acceptedAt);
  const due = new Date(d.promised.due);
  const legalDue = new Date(d.legal.due);
  const provisional = d.promised.provisional || d.legal.provisional;
  const { rows } = await tx.query<{ due_at: Date | null; legal_due_at: Date | null; due_provisional: boolean }>(
    'SELECT due_at, legal_due_at, due_provisional FROM cases WHERE id = $1', [caseId],
  );
  const before = rows[0]!;
  if (before.due_at?.getTime() === due.getTime() && before.legal_due_at?.getTime() === legalDue.getTime() && before.due_provisional === provisional) {
    return due;
  }
  await tx.query('UPDATE cases SET due_at = $2, legal_due_at = $3, due_provisional = $4 WHERE id = $1', [caseId, due, legalDue, provisional]);
  // The first deadline is announced by the acceptance event itself.
  if (before.due_at === null) return due;
  await appendEvent(tx, {
    type: 'case.deadline_changed', caseId, caseNo, departmentId, actor, occurredAt: now,
    payload: {
      reason, due: d.promised.due, legalDue: d.legal.due, provisional,
      previousDue: before.due_at?.toISOString() ?? null, ledger: d.promised.ledger.text,
    },
  });
  return due;
}

/** 第三十二条: the last moment for the one-time notice on materials received at `receivedAt`. */
export function noticeDueAt(cc: CenterClock, receivedAt: Date): Date {
  return art32NoticeDue(cc.calendar, receivedAt, cc.hours).due;
}

import type { Tx } from '../../platform/db/pool.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { CHANNELS, kindSpec, type Channel, type Kind } from './kinds.ts';

/** Marks the person's own messages read (all of them without ids). Returns how many changed. */
export async function markRead(tx: Tx, userId: string, now: Date, ids: readonly string[] | 'all'): Promise<number> {
  const { rowCount } = ids === 'all'
    ? await tx.query('UPDATE notify_inbox SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL', [userId, now])
    : await tx.query('UPDATE notify_inbox SET read_at = $3 WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL', [userId, [...ids], now]);
  return rowCount ?? 0;
}

/** A person's channels for one kind: those the rules make mandatory cannot be left out. */
export async function setPreference(tx: Tx, actor: Actor, now: Date, kind: Kind, channels: readonly Channel[]): Promise<Channel[]> {
  const spec = kindSpec(kind);
  const missing = spec.mandatory.filter((c) => !channels.includes(c));
  if (missing.length) throw new AppError('NOTIFY_CHANNEL_MANDATORY', { kind, channels: missing });
  const ordered = CHANNELS.filter((c) => channels.includes(c));
  await tx.query(
    `INSERT INTO notify_preferences (user_id, kind, channels, updated_at) VALUES ($1,$2,$3,$4)
     ON CONFLICT (user_id, kind) DO UPDATE SET channels = $3, updated_at = $4`,
    [actor.id, kind, ordered, now],
  );
  await appendEvent(tx, { type: 'notify.preference_changed', actor: { id: actor.id, role: actor.role }, occurredAt: now, payload: { kind, channels: ordered } });
  return ordered;
}

/** An administrator sends a dead letter again: it waits for its worker afresh, with a full set of attempts. */
export async function resendDeadLetter(tx: Tx, actor: Actor, now: Date, id: string): Promise<void> {
  const { rows } = await tx.query<{ status: string; kind: string; channel: string; case_no: string | null }>(
    'SELECT status, kind, channel, case_no FROM notify_outbox WHERE id = $1 FOR UPDATE', [id],
  );
  const m = rows[0];
  if (!m) throw new AppError('NOTIFY_MESSAGE_NOT_FOUND');
  if (m.status !== 'dead') throw new AppError('NOTIFY_NOT_DEAD_LETTER', { status: m.status });
  await tx.query(
    `UPDATE notify_outbox SET status = 'pending', attempts = 0, next_attempt_at = $2, updated_at = $2 WHERE id = $1`, [id, now],
  );
  await tx.query(`SELECT pg_notify('notify_outbox', $1)`, [m.channel]);
  await appendEvent(tx, {
    type: 'notify.resent', caseNo: m.case_no, actor: { id: actor.id, role: actor.role }, occurredAt: now,
    payload: { outboxId: id, kind: m.kind, channel: m.channel },
  });
}

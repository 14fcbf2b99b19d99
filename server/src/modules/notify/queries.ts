import type { Queryable } from '../../platform/db/pool.ts';
import { maskAddress } from './delivery.ts';
import { channelsFor, CHANNELS, KIND_NAMES, kindSpec, type Channel } from './kinds.ts';
import type { Role } from '../../platform/http/context.ts';

/** The message centre: a person's own in-app messages, newest first. */
export async function listInbox(q: Queryable, userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) {
  const { rows } = await q.query(
    `SELECT id, kind, case_id AS "caseId", case_no AS "caseNo", urgent, title, body, link, created_at AS "createdAt", read_at AS "readAt"
       FROM notify_inbox WHERE user_id = $1 AND ($2::bool = false OR read_at IS NULL)
      ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
    [userId, opts.unreadOnly, opts.limit, opts.offset],
  );
  return rows.map((r) => ({ ...r, createdAt: (r.createdAt as Date).toISOString(), readAt: (r.readAt as Date | null)?.toISOString() ?? null }));
}

export async function unreadCount(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM notify_inbox WHERE user_id = $1 AND read_at IS NULL', [userId]);
  return rows[0]!.n;
}

/** A person's channels for every kind meant for people like them. */
export async function listPreferences(q: Queryable, userId: string, role: Role) {
  const audience = role === 'applicant' ? 'applicant' : 'staff';
  const { rows } = await q.query<{ kind: string; channels: Channel[] }>('SELECT kind, channels FROM notify_preferences WHERE user_id = $1', [userId]);
  const chosen = new Map(rows.map((r) => [r.kind, r.channels]));
  return KIND_NAMES.filter((k) => kindSpec(k).audience === audience).map((kind) => {
    const spec = kindSpec(kind);
    return { kind, label: spec.label, channels: channelsFor(kind, chosen.get(kind)), mandatory: [...spec.mandatory], available: [...CHANNELS] };
  });
}

export type OutboxStatus = 'pending' | 'sent' | 'dead';

/**
 * The administrators' view of the outbox: sent, waiting or dead-lettered
 * messages with the address masked, the text, the attempts, the gateway's last
 * error and the delivery receipt of every part.
 */
export async function listOutbox(q: Queryable, opts: { status: OutboxStatus; channel?: 'sms' | 'email' | undefined; limit: number; offset: number }) {
  const { rows } = await q.query<{
    id: string; kind: string; channel: 'sms' | 'email'; address: string; case_no: string | null; urgent: boolean; subject: string; body: string;
    status: string; attempts: number; last_error: string | null; transport: string | null; gateway_ids: string[]; content_hash: string;
    created_at: Date; sent_at: Date | null; next_attempt_at: Date; updated_at: Date; delivered: number; receipt: string | null; total: number;
  }>(
    `SELECT o.*, count(*) OVER ()::int AS total,
            (SELECT count(*)::int FROM notify_receipts r WHERE r.gateway_id = ANY(o.gateway_ids) AND r.stat = 'DELIVRD') AS delivered,
            (SELECT string_agg(DISTINCT r.stat, ',') FROM notify_receipts r WHERE r.gateway_id = ANY(o.gateway_ids)) AS receipt
       FROM notify_outbox o
      WHERE o.status = $1 AND ($2::text IS NULL OR o.channel = $2)
      ORDER BY o.updated_at DESC, o.id LIMIT $3 OFFSET $4`,
    [opts.status, opts.channel ?? null, opts.limit, opts.offset],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, channel: r.channel, address: maskAddress(r.channel, r.address), caseNo: r.case_no, urgent: r.urgent,
      subject: r.subject, body: r.body, status: r.status, attempts: r.attempts, lastError: r.last_error, transport: r.transport,
      parts: r.gateway_ids.length, delivered: r.gateway_ids.length > 0 && r.delivered === r.gateway_ids.length, receipt: r.receipt,
      contentHash: r.content_hash, createdAt: r.created_at.toISOString(), sentAt: r.sent_at?.toISOString() ?? null,
      nextAttemptAt: r.next_attempt_at.toISOString(), updatedAt: r.updated_at.toISOString(),
    })),
  };
}

export interface OutboxDepth {
  channel: string;
  pending: number;
  /** Pending and due now (not waiting for a retry or the end of quiet hours). */
  due: number;
  dead: number;
  sent: number;
  /** Age in seconds of the oldest due message (0 when none). */
  oldestDueSeconds: number;
}

/** Depth of the outbox per channel, for the admin page and /metrics. */
export async function outboxDepth(q: Queryable, now: Date): Promise<OutboxDepth[]> {
  const { rows } = await q.query<{ channel: string; pending: number; due: number; dead: number; sent: number; oldest: number | null }>(
    `SELECT c.channel,
            count(*) FILTER (WHERE o.status = 'pending')::int AS pending,
            count(*) FILTER (WHERE o.status = 'pending' AND o.next_attempt_at <= $1)::int AS due,
            count(*) FILTER (WHERE o.status = 'dead')::int AS dead,
            count(*) FILTER (WHERE o.status = 'sent')::int AS sent,
            extract(epoch FROM $1 - min(o.next_attempt_at) FILTER (WHERE o.status = 'pending' AND o.next_attempt_at <= $1))::float8 AS oldest
       FROM unnest(ARRAY['sms','email']) AS c(channel) LEFT JOIN notify_outbox o ON o.channel = c.channel
      GROUP BY c.channel ORDER BY c.channel`,
    [now],
  );
  return rows.map((r) => ({ channel: r.channel, pending: r.pending, due: r.due, dead: r.dead, sent: r.sent, oldestDueSeconds: Math.max(0, Math.round(r.oldest ?? 0)) }));
}

/** The audit lines of one message: each hand-over to a gateway with its content hash. */
export async function sentLog(q: Queryable, outboxId: string) {
  const { rows } = await q.query(
    `SELECT channel, address, content_hash AS "contentHash", transport, attempt, gateway_ids AS "gatewayIds", sent_at AS "sentAt"
       FROM notify_sent_log WHERE outbox_id = $1 ORDER BY id`,
    [outboxId],
  );
  return rows.map((r) => ({ ...r, sentAt: (r.sentAt as Date).toISOString() }));
}

/**
 * Supervision's outbox read as card notices (platform/events/card-notices.ts):
 * one per card, with every recipient still waiting, oldest first. Both ways
 * out use it: the hand-over to the notifications module in this database
 * (hand-over.ts), and a source fetching its own over the notices door
 * (notices-route.ts).
 */
import type { Queryable } from '../../../platform/db/pool.ts';
import type { CardNotice } from '../../../platform/events/card-notices.ts';

interface PendingRow {
  card_id: string; number: string; level: CardNotice['level']; case_id: string; case_no: string; step_name: string | null;
  rule_name: string; due_at: Date | null; recipient_kind: 'user' | 'department_head'; recipient_id: string;
}

/**
 * Up to `limit` cards of the given sources with undelivered messages. With
 * `lock`, the picked rows are held (`FOR UPDATE SKIP LOCKED`) for the
 * caller's transaction, so nodes handing over side by side take different cards.
 */
export async function pendingNotices(q: Queryable, sourceIds: readonly string[], limit: number, lock = false): Promise<CardNotice[]> {
  if (sourceIds.length === 0) return [];
  const { rows } = await q.query<PendingRow>(
    `WITH picked AS (
       SELECT o.card_id FROM supervision.sv_outbox o JOIN supervision.sv_cards c ON c.id = o.card_id
        WHERE o.delivered_at IS NULL AND c.source_id = ANY($1::text[])
        GROUP BY o.card_id ORDER BY min(o.id) LIMIT $2)
     SELECT o.card_id, c.number, c.level, c.case_id, c.case_no, c.step_name, c.rule_name, c.due_at, o.recipient_kind, o.recipient_id
       FROM supervision.sv_outbox o JOIN supervision.sv_cards c ON c.id = o.card_id
      WHERE o.card_id IN (SELECT card_id FROM picked) AND o.delivered_at IS NULL
      ORDER BY o.id
      ${lock ? 'FOR UPDATE OF o SKIP LOCKED' : ''}`,
    [sourceIds, limit],
  );
  const notices = new Map<string, CardNotice>();
  for (const r of rows) {
    const n = notices.get(r.card_id) ?? {
      cardId: r.card_id, number: r.number, level: r.level, caseId: r.case_id, caseNo: r.case_no, stepName: r.step_name,
      ruleName: r.rule_name, dueAt: r.due_at?.toISOString() ?? null, recipients: [],
    };
    // One row per channel: each person or department once.
    if (!n.recipients.some((x) => x.kind === r.recipient_kind && x.id === r.recipient_id)) n.recipients.push({ kind: r.recipient_kind, id: r.recipient_id });
    notices.set(r.card_id, n);
  }
  return [...notices.values()];
}

/** Marks the cards' messages delivered (only cards of the given source, when named); returns how many cards. */
export async function markDelivered(q: Queryable, cardIds: readonly string[], now: Date, sourceId?: string): Promise<number> {
  if (cardIds.length === 0) return 0;
  const { rows } = await q.query<{ card_id: string }>(
    `UPDATE supervision.sv_outbox o SET delivered_at = $2
       FROM supervision.sv_cards c
      WHERE c.id = o.card_id AND o.card_id = ANY($1::uuid[]) AND o.delivered_at IS NULL AND ($3::text IS NULL OR c.source_id = $3)
      RETURNING o.card_id`,
    [cardIds, now, sourceId ?? null],
  );
  return new Set(rows.map((r) => r.card_id)).size;
}

/** Per source: cards whose notices nobody has taken yet, and the age of the oldest (for /metrics). */
export async function noticeBacklog(q: Queryable, now: Date): Promise<{ sourceId: string; cards: number; oldestSeconds: number }[]> {
  const { rows } = await q.query<{ source_id: string; cards: number; oldest: number }>(
    `SELECT c.source_id, count(DISTINCT o.card_id)::int AS cards, extract(epoch FROM $1::timestamptz - min(o.created_at))::float8 AS oldest
       FROM supervision.sv_outbox o JOIN supervision.sv_cards c ON c.id = o.card_id
      WHERE o.delivered_at IS NULL
      GROUP BY c.source_id ORDER BY c.source_id`,
    [now],
  );
  return rows.map((r) => ({ sourceId: r.source_id, cards: r.cards, oldestSeconds: Math.max(0, r.oldest) }));
}

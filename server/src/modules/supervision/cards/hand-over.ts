/**
 * The hand-over of supervision's outbox to the notifications module, where
 * both live in one database (the default, one process). Supervision itself
 * knows only the step's holder and the department: here, at the edge, the
 * department's head accounts are looked up in the center's directory and each
 * card goes out once through `enqueueNotification` (SMS and in-app are
 * mandatory for cards there). The outbox rows are marked delivered in the same
 * transaction, so a crash hands a card over again at most, and notify's key
 * (`card:<id>` + recipient + channel) sends it once. A supervision platform on
 * a machine of its own keeps its outbox until a drain of its own reads it.
 */
import { withTx, type Db } from '../../../platform/db/pool.ts';
import type { Clock } from '../../../platform/clock.ts';
import { accountsWithRoles } from '../../iam/index.ts';
import { enqueueNotification, type NotificationKind } from '../../notify/index.ts';
import { formatShanghai, toShanghai } from '../../calendar/index.ts';

const KIND: Record<string, NotificationKind> = { warning: 'supervision.warning', yellow: 'supervision.yellow_card', red: 'supervision.red_card' };

interface Pending {
  card_id: string; recipient_kind: 'user' | 'department_head'; recipient_id: string; level: string; case_no: string;
  step_name: string | null; rule_name: string; due_at: Date | null;
}

/** Hands up to `limit` pending cards over; returns how many cards went. */
export async function handOverToNotify(ctx: { db: Db; clock: Clock }, limit = 500): Promise<number> {
  return withTx(ctx.db, async (tx) => {
    const picked = (await tx.query<{ card_id: string }>(
      'SELECT card_id FROM supervision.sv_outbox WHERE delivered_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED', [limit],
    )).rows;
    if (picked.length === 0) return 0;
    // Every pending row of the picked cards, so no recipient of a card is left behind.
    const { rows } = await tx.query<Pending>(
      `SELECT o.card_id, o.recipient_kind, o.recipient_id, c.level, c.case_no, c.step_name, c.rule_name, c.due_at
         FROM supervision.sv_outbox o JOIN supervision.sv_cards c ON c.id = o.card_id
        WHERE o.card_id = ANY($1::uuid[]) AND o.delivered_at IS NULL
        FOR UPDATE OF o`,
      [[...new Set(picked.map((p) => p.card_id))]],
    );
    const cards = new Map<string, Pending[]>();
    for (const r of rows) cards.set(r.card_id, [...(cards.get(r.card_id) ?? []), r]);
    const now = ctx.clock.now();
    for (const [cardId, recipients] of cards) {
      const first = recipients[0]!;
      const people = new Set<string>();
      for (const r of recipients) {
        if (r.recipient_kind === 'user') people.add(r.recipient_id);
        else for (const id of await accountsWithRoles(tx, ['agency_head'], r.recipient_id)) people.add(id);
      }
      if (people.size) {
        await enqueueNotification(tx, {
          kind: KIND[first.level]!, key: `card:${cardId}`, recipients: [...people], caseNo: first.case_no, now,
          vars: {
            caseNo: first.case_no, stepName: first.step_name ?? '办件', reason: first.rule_name,
            dueDate: first.due_at ? formatShanghai(toShanghai(first.due_at)).slice(0, 16).replace('T', ' ') : '',
          },
        });
      }
    }
    if (cards.size) {
      await tx.query('UPDATE supervision.sv_outbox SET delivered_at = $2 WHERE card_id = ANY($1::uuid[]) AND delivered_at IS NULL', [[...cards.keys()], now]);
    }
    return cards.size;
  });
}

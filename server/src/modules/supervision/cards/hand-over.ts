/**
 * The hand-over of supervision's outbox to the notifications module, for the
 * cards of a source whose accounts live in this same database: this center's
 * own approval side when both run in one process (the default). Supervision
 * knows only the step's holder and the department; the notifications module
 * looks up the department's head and sends each card once
 * (`enqueueCardNotices`). The outbox rows are marked delivered in the same
 * transaction, so a crash hands a card over again at most, and notify's key
 * (`card:<id>` + recipient + channel) sends it once.
 *
 * The cards of any other source (a county's approval system, or this
 * center's own when the platform runs on a machine of its own) stay in the
 * outbox until that source fetches them through the notices door
 * (notices-route.ts) and tells its people itself.
 */
import { withTx, type Db } from '../../../platform/db/pool.ts';
import type { Clock } from '../../../platform/clock.ts';
import { enqueueCardNotices } from '../../notify/index.ts';
import { markDelivered, pendingNotices } from './outbox.ts';

/** Hands up to `limit` pending cards of the given sources over; returns how many cards went. */
export async function handOverToNotify(ctx: { db: Db; clock: Clock }, sourceIds: readonly string[], limit = 500): Promise<number> {
  return withTx(ctx.db, async (tx) => {
    const notices = await pendingNotices(tx, sourceIds, limit, true);
    if (notices.length === 0) return 0;
    const now = ctx.clock.now();
    await enqueueCardNotices(tx, notices, now);
    await markDelivered(tx, notices.map((n) => n.cardId), now);
    return notices.length;
  });
}

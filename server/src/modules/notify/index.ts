/**
 * Notifications' public face. Other modules tell people things through
 * `enqueueNotification` (inside their own transaction: the message exists
 * when their change commits, never without it); everything in the event
 * stream that people must hear of is decided by the `notify.decide` consumer.
 */
import type { Db } from '../../platform/db/pool.ts';
import type { Clock } from '../../platform/clock.ts';
import { warnStepDeadlines } from './deadline-warnings.ts';
import { notifySettings } from './enqueue.ts';

export type { Kind as NotificationKind } from './kinds.ts';
export type { Recipient, WriteResult } from './outbox.ts';
export type { NotifyConfig } from './config.ts';
export type { OutboxDepth } from './queries.ts';
export { loadNotifyConfig } from './config.ts';
/** The consumer that decides notifications from the event stream (composition root: consumers.ts). */
export { notifyConsumer } from './decide.ts';
/** The channel workers of a process (composition root: server.ts). */
export { startNotifications } from './runtime.ts';
export { registerNotifyRoutes } from './routes.ts';
/**
 * The deadline-warning sweep (composition root: sweeps.ts): tells each open
 * step's holder at two thirds of its limit, with the last working day(s) left
 * and when overdue, once each (deadline-warnings.ts). Returns the warnings decided.
 */
export async function warnStepDeadlinesDue(ctx: { db: Db; clock: Clock }, maxBatches = 10): Promise<number> {
  let warned = 0;
  for (let i = 0; i < maxBatches; i++) {
    const run = await warnStepDeadlines(ctx, { quietHours: notifySettings().quietHours, limit: STEP_BATCH });
    warned += run.warned;
    if (run.looked < STEP_BATCH) break;
  }
  return warned;
}
const STEP_BATCH = 200;

/** Depth of the outbox per channel (pending, due now, dead, sent, age of the oldest due): for /metrics. */
export { outboxDepth } from './queries.ts';

/** Notifications queued in the caller's transaction, and this process's settings. */
export { enqueueNotification, notifySettings, type NotificationInput } from './enqueue.ts';
/** The people responsible told of a supervision card (from the hand-over in this database, or fetched from a platform elsewhere). */
export { enqueueCardNotices } from './card-notices.ts';
/** An approval side whose supervision platform runs elsewhere fetches its card notices from it (composition root: server.ts). */
export { pullCardNotices, startCardNoticePuller } from './card-notice-pull.ts';

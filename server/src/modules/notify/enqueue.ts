/**
 * How other modules tell people things: `enqueueNotification` in their own
 * transaction (the message exists when their change commits, never without
 * it), with the notification settings of this process.
 */
import type { Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { loadNotifyConfig, type NotifyConfig } from './config.ts';
import { isKind, type Kind } from './kinds.ts';
import { writeNotifications, type Recipient, type WriteResult } from './outbox.ts';

let settings: NotifyConfig | undefined;
/** The notification settings of this process (environment, read once). */
export function notifySettings(): NotifyConfig {
  return (settings ??= loadNotifyConfig());
}

export interface NotificationInput {
  /** e.g. 'supervision.yellow_card', 'supervision.red_card', 'supervision.warning' (see kinds.ts for each kind's variables). */
  kind: Kind;
  /**
   * What this notification is about, unique per thing told (e.g. `card:<card id>`):
   * with the recipient and channel it is the de-duplication key, so calling
   * again for the same thing sends nothing more.
   */
  key: string;
  /** Account ids, or `{ phone }` for someone without an account. */
  recipients: readonly (string | Recipient)[];
  /** Template variables: caseNo, itemName, stepName, reason, dueDate … (unknown ones are ignored). */
  vars: Readonly<Record<string, string | null | undefined>>;
  caseId?: string | null;
  caseNo?: string | null;
  now: Date;
}

/**
 * Queues a notification in the caller's transaction: in-app messages at once,
 * SMS and e-mail for the channel workers (after commit). Each recipient gets
 * the kind's channels they chose, plus the ones the rules make mandatory
 * (cards always go by SMS and in-app). Red cards ignore quiet hours.
 */
export async function enqueueNotification(tx: Tx, n: NotificationInput): Promise<WriteResult> {
  if (!isKind(n.kind)) throw new AppError('NOTIFY_KIND_UNKNOWN', { kind: n.kind });
  const recipients = n.recipients.map((r): Recipient => (typeof r === 'string' ? { userId: r } : r));
  return writeNotifications(tx, [{
    kind: n.kind, key: n.key, recipients, vars: n.vars, caseId: n.caseId ?? null, caseNo: n.caseNo ?? n.vars.caseNo ?? null,
  }], { now: n.now, quietHours: notifySettings().quietHours });
}

/**
 * Telling the people responsible of a supervision card: the step's holder and
 * the department's head, by SMS and in-app (both mandatory for cards). The
 * notice names them as the source's accounts; department heads are looked up
 * here, in this center's directory. One notification per card (key
 * `card:<card id>`), so a notice delivered twice (a hand-over or a fetch
 * repeated after a crash) is sent once.
 */
import type { Tx } from '../../platform/db/pool.ts';
import type { CardNotice } from '../../platform/events/card-notices.ts';
import { formatShanghai, toShanghai } from '../calendar/index.ts';
import { accountsWithRoles } from '../iam/index.ts';
import type { Kind } from './kinds.ts';
import { enqueueNotification } from './enqueue.ts';

const KIND: Record<CardNotice['level'], Kind> = { warning: 'supervision.warning', yellow: 'supervision.yellow_card', red: 'supervision.red_card' };

/** Queues the notices in the caller's transaction; returns how many found someone to tell. */
export async function enqueueCardNotices(tx: Tx, notices: readonly CardNotice[], now: Date): Promise<number> {
  let told = 0;
  for (const n of notices) {
    const people = new Set<string>();
    for (const r of n.recipients) {
      if (r.kind === 'user') people.add(r.id);
      else for (const id of await accountsWithRoles(tx, ['agency_head'], r.id)) people.add(id);
    }
    if (people.size === 0) continue;
    await enqueueNotification(tx, {
      kind: KIND[n.level], key: `card:${n.cardId}`, recipients: [...people], caseId: n.caseId, caseNo: n.caseNo, now,
      vars: {
        caseNo: n.caseNo, stepName: n.stepName ?? '办件', reason: n.ruleName,
        dueDate: n.dueAt ? formatShanghai(toShanghai(new Date(n.dueAt))).slice(0, 16).replace('T', ' ') : '',
      },
    });
    told++;
  }
  return told;
}

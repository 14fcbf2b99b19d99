import type { Queryable } from '../../platform/db/pool.ts';

/** Who wrote a consultation or complaint and how to reach them: for the notice that it was answered. */
export interface MessageContact {
  messageId: string;
  ticketNo: string;
  kind: 'consultation' | 'complaint';
  subject: string;
  citizenId: string | null;
  contactPhone: string | null;
}

export async function messageContactsOf(q: Queryable, ids: readonly string[]): Promise<Map<string, MessageContact>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<MessageContact>(
    `SELECT id AS "messageId", ticket_no AS "ticketNo", kind, subject, citizen_id AS "citizenId", contact_phone AS "contactPhone"
       FROM portal_messages WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.messageId, r]));
}

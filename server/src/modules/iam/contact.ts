import type { Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { normaliseMobile } from './phone.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Changes a person's own mobile and e-mail (absent: unchanged; null or empty:
 * cleared). The mobile must be a mainland number and is stored in its
 * 11-digit form. The event names what changed, never the values.
 */
export async function updateOwnContact(
  tx: Tx, actor: { id: string; role: string }, now: Date, input: { phone?: string | null | undefined; email?: string | null | undefined },
): Promise<{ phone: string | null; email: string | null }> {
  let phone: string | null | undefined;
  if (input.phone !== undefined) {
    phone = input.phone ? normaliseMobile(input.phone) : null;
    if (input.phone && !phone) throw new AppError('NOTIFY_PHONE_INVALID');
  }
  let email: string | null | undefined;
  if (input.email !== undefined) {
    email = input.email ? input.email.trim() : null;
    if (email && !EMAIL.test(email)) throw new AppError('NOTIFY_EMAIL_INVALID');
  }
  const { rows } = await tx.query<{ phone: string | null; email: string | null }>(
    `UPDATE users SET phone = CASE WHEN $2 THEN $3 ELSE phone END, email = CASE WHEN $4 THEN $5 ELSE email END
      WHERE id = $1 RETURNING phone, email`,
    [actor.id, phone !== undefined, phone ?? null, email !== undefined, email ?? null],
  );
  const changed = [...(phone !== undefined ? ['phone'] : []), ...(email !== undefined ? ['email'] : [])];
  await appendEvent(tx, { type: 'user.contact_changed', actor, occurredAt: now, payload: { userId: actor.id, changed } });
  return rows[0]!;
}

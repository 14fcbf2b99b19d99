import type { Tx } from '../../platform/db/pool.ts';
import { appendEvent } from '../../platform/events/stream.ts';

/** The languages a person may prefer: of the screens after sign-in and of the notifications they receive. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Sets a person's own preferred language. Choosing the one already set
 * changes nothing and writes no event (the switch in the header may send it
 * again on every device).
 */
export async function setOwnLanguage(tx: Tx, actor: { id: string; role: string }, now: Date, language: Language): Promise<Language> {
  const { rowCount } = await tx.query('UPDATE users SET language = $2 WHERE id = $1 AND language <> $2', [actor.id, language]);
  if (rowCount) await appendEvent(tx, { type: 'user.language_changed', actor, occurredAt: now, payload: { userId: actor.id, language } });
  return language;
}

import type { Tx } from '../../platform/db/pool.ts';
import { contactsOf, normaliseMobile, type Language, type PersonContact } from '../iam/index.ts';
import { getCenter } from '../catalog/index.ts';
import { channelsFor, kindSpec, type Channel, type Kind } from './kinds.ts';
import { afterQuietHours, contentHash, renderTemplate, type QuietHours } from './rules.ts';
import { loadTemplates, type Template } from './templates.ts';

/**
 * Writes decided notifications: in-app messages straight into the message
 * centre, SMS and e-mail into the outbox for the channel workers. Every row
 * has a de-duplication key (the event id or the caller's key + recipient +
 * channel), so writing the same notification twice adds nothing. Runs in the
 * caller's transaction; `pg_notify` wakes the workers and the live message
 * centres when it commits.
 */

/** A person with an account, or (a walk-in applicant without one) only a phone number. */
export type Recipient = { userId: string } | { phone: string; name?: string | null };

/** A template variable's value: one text, or a word that differs by the reader's language (e.g. a decision's result). */
export type VarValue = string | null | undefined | { readonly zh: string | null; readonly en: string | null };

export interface PlannedNotification {
  kind: Kind;
  /** The de-duplication base: the event's id, or a key of the caller's (unique per thing told). */
  key: string;
  eventId?: string | null;
  recipients: readonly Recipient[];
  vars: Readonly<Record<string, VarValue>>;
  caseId?: string | null;
  caseNo?: string | null;
}

export interface WriteOptions {
  now: Date;
  quietHours: QuietHours | null;
}

export interface WriteResult {
  inbox: number;
  outbox: number;
}

interface InboxRow { dedup: string; userId: string; kind: Kind; caseId: string | null; caseNo: string | null; urgent: boolean; title: string; body: string; link: string | null }
interface OutboxRow {
  dedup: string; eventId: string | null; kind: Kind; channel: 'sms' | 'email'; userId: string | null; address: string;
  caseId: string | null; caseNo: string | null; urgent: boolean; subject: string; body: string; hash: string; notBefore: Date;
}

export async function writeNotifications(tx: Tx, planned: readonly PlannedNotification[], opts: WriteOptions): Promise<WriteResult> {
  if (planned.length === 0) return { inbox: 0, outbox: 0 };
  const userIds = planned.flatMap((p) => p.recipients.flatMap((r) => ('userId' in r ? [r.userId] : [])));
  // One client per transaction: the reads go one after another.
  const contacts = await contactsOf(tx, userIds);
  const prefs = await preferencesOf(tx, userIds);
  const templates = await loadTemplates(tx);
  const center = (await getCenter(tx)) as { name: string };
  const inbox: InboxRow[] = [];
  const outbox: OutboxRow[] = [];
  for (const p of planned) {
    const spec = kindSpec(p.kind);
    const template = templates.get(p.kind)!;
    const seen = new Set<string>();
    for (const r of p.recipients) {
      const person = 'userId' in r ? contacts.get(r.userId) : undefined;
      if ('userId' in r && !person) continue; // unknown or disabled account
      const who = person?.id ?? `tel:${'phone' in r ? r.phone : ''}`;
      if (seen.has(who)) continue;
      seen.add(who);
      // Someone known only by a phone number reads Chinese, the default.
      const text = rendered(template, { ...p.vars, center: center.name, name: person?.displayName ?? ('name' in r ? r.name : null) }, person?.language ?? 'zh');
      const channels: readonly Channel[] = person ? channelsFor(p.kind, prefs.get(`${person.id}:${p.kind}`)) : ['sms'];
      const base = { kind: p.kind, caseId: p.caseId ?? null, caseNo: p.caseNo ?? null, urgent: spec.urgent };
      for (const channel of channels) {
        const dedup = `${p.key}:${who}:${channel}`;
        if (channel === 'inapp') {
          if (person) inbox.push({ ...base, dedup, userId: person.id, title: text.title, body: text.body, link: linkFor(person, p) });
          continue;
        }
        const address = channel === 'sms' ? mobileOf(person, r) : person?.email ?? null;
        if (!address) continue;
        const subject = channel === 'email' ? text.title : '';
        const notBefore = channel === 'sms' && !spec.urgent ? afterQuietHours(opts.now, opts.quietHours) : opts.now;
        outbox.push({
          ...base, dedup, eventId: p.eventId ?? null, channel, userId: person?.id ?? null, address, subject, body: text.body,
          hash: contentHash(address, subject, text.body), notBefore,
        });
      }
    }
  }
  return { inbox: await insertInbox(tx, inbox, opts.now), outbox: await insertOutbox(tx, outbox, opts.now) };
}

/** The template in the reader's language, every variable in it too: the same text goes by SMS, e-mail and in-app. */
function rendered(t: Template, vars: Record<string, VarValue>, language: Language): { title: string; body: string } {
  const local = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v !== null && typeof v === 'object' ? v[language] : v]));
  return language === 'en'
    ? { title: renderTemplate(t.titleEn, local), body: renderTemplate(t.bodyEn, local) }
    : { title: renderTemplate(t.titleZh, local), body: renderTemplate(t.bodyZh, local) };
}

function mobileOf(person: PersonContact | undefined, r: Recipient): string | null {
  const raw = person ? person.phone : 'phone' in r ? r.phone : null;
  return raw ? normaliseMobile(raw) : null;
}

/** Where the message centre links to: the case as this person reads it. */
function linkFor(person: PersonContact, p: PlannedNotification): string | null {
  if (!p.caseId) return null;
  if (person.role === 'applicant') return `/my/cases/${p.caseId}`;
  if (person.role === 'supervisor') return `/supervision`;
  return `/workbench/cases/${p.caseId}`;
}

async function preferencesOf(tx: Tx, userIds: readonly string[]): Promise<Map<string, Channel[]>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await tx.query<{ user_id: string; kind: string; channels: Channel[] }>(
    'SELECT user_id, kind, channels FROM notify_preferences WHERE user_id = ANY($1::uuid[])', [[...new Set(userIds)]],
  );
  return new Map(rows.map((r) => [`${r.user_id}:${r.kind}`, r.channels]));
}

async function insertInbox(tx: Tx, rows: readonly InboxRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof InboxRow>(k: K) => rows.map((r) => r[k]);
  const { rows: inserted } = await tx.query<{ user_id: string }>(
    `INSERT INTO notify_inbox (dedup_key, user_id, kind, case_id, case_no, urgent, title, body, link, created_at)
     SELECT d, u, k, c, n, g, t, b, l, $10 FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::bool[], $7::text[], $8::text[], $9::text[])
       AS x(d, u, k, c, n, g, t, b, l)
     ON CONFLICT (dedup_key) DO NOTHING RETURNING user_id`,
    [col('dedup'), col('userId'), col('kind'), col('caseId'), col('caseNo'), col('urgent'), col('title'), col('body'), col('link'), now],
  );
  // Each node's live message centres listen; the notice goes out at commit.
  for (const userId of new Set(inserted.map((r) => r.user_id))) await tx.query(`SELECT pg_notify('notify_inbox', $1)`, [userId]);
  return inserted.length;
}

async function insertOutbox(tx: Tx, rows: readonly OutboxRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof OutboxRow>(k: K) => rows.map((r) => r[k]);
  const { rows: inserted } = await tx.query<{ channel: string }>(
    `INSERT INTO notify_outbox (dedup_key, event_id, kind, channel, recipient_id, address, case_id, case_no, urgent, subject, body,
                                content_hash, next_attempt_at, created_at, updated_at)
     SELECT d, e, k, ch, u, a, c, n, g, s, b, h, nb, $14, $14
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::bool[],
                   $10::text[], $11::text[], $12::text[], $13::timestamptz[]) AS x(d, e, k, ch, u, a, c, n, g, s, b, h, nb)
     ON CONFLICT (dedup_key) DO NOTHING RETURNING channel`,
    [col('dedup'), col('eventId'), col('kind'), col('channel'), col('userId'), col('address'), col('caseId'), col('caseNo'),
      col('urgent'), col('subject'), col('body'), col('hash'), col('notBefore'), now],
  );
  for (const channel of new Set(inserted.map((r) => r.channel))) await tx.query(`SELECT pg_notify('notify_outbox', $1)`, [channel]);
  return inserted.length;
}

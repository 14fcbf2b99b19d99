import type { Tx } from '../../platform/db/pool.ts';
import type { StoredEvent } from '../../platform/events/stream.ts';
import type { EventConsumer } from '../../platform/events/consumer.ts';
import { accountsWithRoles, contactsOf } from '../iam/index.ts';
import { casePartiesOf, type CaseContactParties } from '../cases/index.ts';
import { messageContactsOf } from '../portal/index.ts';
import { getTask } from '../workflow/index.ts';
import type { Kind } from './kinds.ts';
import { writeNotifications, type PlannedNotification, type Recipient, type VarValue } from './outbox.ts';
import { chinaDate, type QuietHours } from './rules.ts';
import { candidates, stepHolders, users } from './recipients.ts';
import { overdueKey, watchStepDeadlines } from './deadline-warnings.ts';

/**
 * Decides who is told what from the event stream, after commit: the consumer
 * `notify.decide` (platform/events/consumer.ts) hands over batches in chain
 * order; the notifications are written in the cursor's transaction, keyed by
 * the event id, so a replayed batch adds nothing.
 */

export const DECIDED_TYPES = [
  'case.submitted', 'case.accepted', 'case.deemed_accepted', 'case.refused', 'case.supplement_requested', 'case.concluded',
  'task.created', 'task.returned', 'task.transferred', 'task.delegated', 'task.copied', 'task.urged', 'task.overdue',
  'portal.complaint.submitted', 'portal.complaint.answered', 'case.rated',
  // What may move a step's deadline warnings (deadline-warnings.ts).
  'case.paused', 'case.resumed', 'calendar.changed', 'calendar.center_clock_set',
] as const;

const APPLICANT_KIND: Record<string, Kind> = {
  'case.submitted': 'case.received',
  'case.accepted': 'case.accepted',
  'case.deemed_accepted': 'case.accepted',
  'case.refused': 'case.refused',
  'case.supplement_requested': 'case.supplement',
  'case.concluded': 'case.concluded',
};

const STEP_KIND: Record<string, Kind> = {
  'task.transferred': 'task.transferred',
  'task.delegated': 'task.delegated',
  'task.urged': 'task.urged',
};

type Payload = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export async function planNotifications(tx: Tx, events: readonly StoredEvent[]): Promise<PlannedNotification[]> {
  const caseIds = events.flatMap((e) => (e.caseId ? [e.caseId] : []));
  const parties = await casePartiesOf(tx, caseIds);
  const actorIds = events.flatMap((e) => (e.actorId ? [e.actorId] : []));
  const actorNames = await namesOf(tx, actorIds);
  // A return re-opens the target step with a task.created of the same command (same moment and actor, after it
  // in the chain): that one says "returned". The step as first opened, earlier in the chain, stays a new step.
  const returns = new Map(events.filter((e) => e.type === 'task.returned').map((e) => [returnKey(e, (e.payload as Payload).target), e.seq]));
  const planned: PlannedNotification[] = [];
  for (const e of events) {
    const p = (e.payload ?? {}) as Payload;
    const c = e.caseId ? parties.get(e.caseId) : undefined;
    const caseVars = {
      caseNo: c?.caseNo ?? e.caseNo ?? str(p.businessKey), itemName: c?.itemName ?? null, applicantName: c?.applicantName ?? null,
      actorName: e.actorId ? actorNames.get(e.actorId) ?? null : null,
    };
    const base = { key: e.id, eventId: e.id, caseId: e.caseId, caseNo: caseVars.caseNo };
    const applicantKind = APPLICANT_KIND[e.type];
    if (applicantKind && c) {
      planned.push({ ...base, kind: applicantKind, recipients: applicantOf(c), vars: { ...caseVars, ...applicantVars(e.type, p, c) } });
    } else if (e.type === 'task.created') {
      const returnedAt = returns.get(returnKey(e, p.nodeId));
      const returned = returnedAt !== undefined && returnedAt < e.seq;
      const recipients = str(p.assignee) ? [str(p.assignee)!] : await candidates(tx, p.candidateKind, p.candidates);
      planned.push({
        ...base, kind: returned ? 'task.returned' : 'task.assigned', recipients: users(recipients),
        vars: { ...caseVars, stepName: str(p.name), dueDate: chinaDate(str(p.dueAt)) },
      });
    } else if (e.type === 'task.overdue' && str(p.taskId)) {
      // The step's timeout action: the same key as the deadline sweep's overdue warning, so the holder hears it once.
      const task = await getTask(tx, str(p.taskId)!);
      planned.push({
        ...base, key: overdueKey(task.id), kind: 'task.deadline', recipients: users(await stepHolders(tx, task)),
        vars: { ...caseVars, stepName: task.name, dueDate: chinaDate(task.due_at) },
      });
    } else if (STEP_KIND[e.type] && str(p.taskId)) {
      const task = await getTask(tx, str(p.taskId)!);
      const to = str(p.to) ?? str(p.handler);
      const recipients = to ? [to] : task.assignee ? [task.assignee] : await candidates(tx, task.candidate_kind, task.candidate_values);
      planned.push({ ...base, kind: STEP_KIND[e.type]!, recipients: users(recipients), vars: { ...caseVars, stepName: task.name, dueDate: chinaDate(task.due_at) } });
    } else if (e.type === 'task.copied' && Array.isArray(p.users)) {
      const task = str(p.taskId) ? await getTask(tx, str(p.taskId)!) : null;
      planned.push({ ...base, kind: 'task.copied', recipients: users(p.users.filter((u): u is string => typeof u === 'string')), vars: { ...caseVars, stepName: task?.name ?? null } });
    } else if (e.type === 'portal.complaint.submitted') {
      // The department's head and the supervision office follow every complaint.
      const heads = e.departmentId ? await accountsWithRoles(tx, ['agency_head'], e.departmentId) : [];
      const supervisors = await accountsWithRoles(tx, ['supervisor']);
      planned.push({
        ...base, kind: 'complaint.received', recipients: users([...heads, ...supervisors]),
        vars: { ticketNo: str(p.ticketNo), subject: str(p.subject), dueDate: chinaDate(str(p.replyDue)) },
      });
    } else if (e.type === 'portal.complaint.answered' && str(p.messageId)) {
      const m = (await messageContactsOf(tx, [str(p.messageId)!])).get(str(p.messageId)!);
      const to: Recipient[] = m?.citizenId ? [{ userId: m.citizenId }] : m?.contactPhone ? [{ phone: m.contactPhone }] : [];
      planned.push({ ...base, kind: 'complaint.answered', recipients: to, vars: { ticketNo: m?.ticketNo ?? str(p.ticketNo), subject: m?.subject ?? null } });
    } else if (e.type === 'case.rated' && p.bad === true) {
      // Ratings are secret from the rated: only those who may read them are told.
      const readers = await accountsWithRoles(tx, ['supervisor', 'manager']);
      planned.push({ ...base, kind: 'rating.bad', recipients: users(readers), vars: { ...caseVars, level: ratingWord(p.level) ?? str(p.label) } });
    }
  }
  return planned.filter((p) => p.recipients.length > 0);
}

function returnKey(e: StoredEvent, node: unknown): string {
  return `${e.occurredAt}:${e.actorId}:${(e.payload as Payload).instanceId}:${node}`;
}

function applicantOf(c: CaseContactParties): Recipient[] {
  if (c.applicantUserId) return [{ userId: c.applicantUserId }];
  return c.profilePhone ? [{ phone: c.profilePhone, name: c.applicantName }] : [];
}

function applicantVars(type: string, p: Payload, c: CaseContactParties): Record<string, VarValue> {
  switch (type) {
    case 'case.accepted':
    case 'case.deemed_accepted':
      return { dueDate: chinaDate(str(p.due) ?? c.dueAt) };
    case 'case.refused':
      return { reason: sentence(str(p.reason)) };
    case 'case.supplement_requested':
      return { reason: sentence(str(p.note) ?? materialNames(p.items)) };
    case 'case.concluded':
      return { result: RESULT_WORDS[String(p.result)] ?? str(p.result) };
    default:
      return {};
  }
}

/** A clerk's sentence goes inside the template's own: its closing punctuation would double. */
function sentence(text: string | null): string | null {
  return text ? text.replace(/[。．.！!；;，,\s]+$/u, '') : text;
}

function materialNames(items: unknown): string | null {
  if (!Array.isArray(items)) return null;
  const names = items.map((i) => (i && typeof i === 'object' ? str((i as Payload).name) ?? str((i as Payload).materialName) : null)).filter(Boolean);
  return names.length ? names.join('、') : null;
}

const RESULT_WORDS: Record<string, VarValue> = { approved: { zh: '准予许可', en: 'approved' }, denied: { zh: '不予许可', en: 'denied' } };

const RATING_WORDS: Record<string, VarValue> = {
  very_dissatisfied: { zh: '非常不满意', en: 'very dissatisfied' }, dissatisfied: { zh: '不满意', en: 'dissatisfied' },
};
function ratingWord(level: unknown): VarValue {
  return typeof level === 'string' ? RATING_WORDS[level] ?? level : typeof level === 'number' ? String(level) : null;
}

async function namesOf(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const contacts = await contactsOf(tx, ids);
  return new Map([...contacts.values()].map((c) => [c.id, c.displayName]));
}

/** The consumer: decides and writes in the cursor's transaction. */
export function notifyConsumer(settings: () => { quietHours: QuietHours | null }, now: () => Date): EventConsumer {
  return {
    name: 'notify.decide',
    types: DECIDED_TYPES,
    batchSize: 200,
    async handle(tx, events) {
      await watchStepDeadlines(tx, events);
      const planned = await planNotifications(tx, events);
      await writeNotifications(tx, planned, { now: now(), quietHours: settings().quietHours });
    },
  };
}

// 咨询 / 投诉: submitted by a logged-in citizen or anonymously with a phone
// number, about an item or a department, routed to that department; its staff
// (or a center manager) answer; the citizen reads the answer under 我的咨询/投诉,
// an anonymous submitter with the ticket number and query code.
import type { z } from 'zod';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx, type Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import { departmentsByIds, getItem, listDepartments } from '../catalog/index.ts';
import { displayNames } from '../iam/index.ts';
import { computeDue, DEFAULT_OFFICE_HOURS, fromShanghai, loadCalendar, prepareClock } from '../calendar/index.ts';
import { canAnswerMessage, messageScope } from './policy.ts';
import { formatTicketNo, PHONE, REPLY_WORKDAYS } from './rules.ts';
import type { messageInput } from './schemas.ts';
import { newQueryCode } from '../../platform/query-code.ts';

type MessageInput = z.infer<typeof messageInput>;

const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Where a message goes: the item's department, or the department chosen; both must agree. */
async function route(db: Queryable, input: MessageInput): Promise<{ departmentId: string; itemId: string | null; itemName: string | null }> {
  if (!input.itemId && !input.departmentId) throw new AppError('MESSAGE_TARGET_REQUIRED');
  if (input.itemId) {
    const item = await getItem(db, input.itemId);
    if (input.departmentId && input.departmentId !== item.departmentId) throw new AppError('MESSAGE_ITEM_DEPARTMENT_MISMATCH');
    return { departmentId: item.departmentId, itemId: item.id, itemName: item.name };
  }
  const departments = (await listDepartments(db)) as { id: string }[];
  if (!departments.some((d) => d.id === input.departmentId)) throw new AppError('DEPARTMENT_NOT_FOUND');
  return { departmentId: input.departmentId!, itemId: null, itemName: null };
}

/** Submits a consultation or complaint; `actor` is null when anonymous (a phone number is then required). */
export async function submitMessage(ctx: AppContext, actor: Actor | null, input: MessageInput) {
  const phone = input.contactPhone?.trim() || null;
  if (!actor && !phone) throw new AppError('CONTACT_PHONE_REQUIRED');
  if (phone && !PHONE.test(phone)) throw new AppError('CONTACT_PHONE_INVALID');
  const target = await route(ctx.db, input);
  const now = ctx.clock.now();
  const cal = await loadCalendar(ctx.db);
  const replyDueAt = fromShanghai(computeDue(cal, prepareClock({ from: now, limit: REPLY_WORKDAYS }), DEFAULT_OFFICE_HOURS));
  return withTx(ctx.db, async (tx) => {
    const day = shanghaiDay(now);
    const seq = await tx.query<{ last_value: number }>(
      `INSERT INTO portal_message_sequences (kind, day, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (kind, day) DO UPDATE SET last_value = portal_message_sequences.last_value + 1 RETURNING last_value`,
      [input.kind, day],
    );
    const ticketNo = formatTicketNo(input.kind, day, seq.rows[0]!.last_value);
    const queryCode = newQueryCode();
    const contactName = input.contactName?.trim() || actor?.displayName || '';
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO portal_messages (ticket_no, query_code, kind, department_id, item_id, item_name, citizen_id, contact_name, contact_phone,
                                    subject, body, status, reply_due_at, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'open',$12,$13) RETURNING id`,
      [ticketNo, queryCode, input.kind, target.departmentId, target.itemId, target.itemName, actor?.id ?? null, contactName, phone,
        input.subject, input.body, replyDueAt, now],
    );
    const id = rows[0]!.id;
    // Supervision sees that a complaint arrived and when it is due; the contact stays out of the stream.
    await appendEvent(tx, {
      type: input.kind === 'complaint' ? 'portal.complaint.submitted' : 'portal.consultation.submitted',
      departmentId: target.departmentId, actor: actor ? { id: actor.id, role: actor.role } : null, occurredAt: now,
      payload: { messageId: id, ticketNo, itemId: target.itemId, anonymous: !actor, subject: input.subject, replyDue: replyDueAt.toISOString() },
    });
    return { id, ticketNo, queryCode, kind: input.kind, replyDueAt };
  });
}

const CITIZEN_COLUMNS = `m.id, m.ticket_no AS "ticketNo", m.kind, m.department_id AS "__department", m.item_name AS "itemName", m.subject, m.body,
  m.status, m.answer, m.answered_at AS "answeredAt", m.created_at AS "createdAt", m.reply_due_at AS "replyDueAt"`;
const STAFF_COLUMNS = `${CITIZEN_COLUMNS}, m.department_id AS "departmentId", m.contact_name AS "contactName", m.contact_phone AS "contactPhone",
  m.citizen_id IS NULL AS anonymous, m.answered_by AS "__answeredBy"`;
const FROM = 'portal_messages m';

type Row = Record<string, unknown> & { __department: string; __answeredBy?: string | null };

/**
 * The messages as shown: each with its department's name (the catalogue's)
 * and, for staff, who answered (iam's), looked up for all the rows at once.
 */
async function named(db: Queryable, rows: Row[], staff: boolean) {
  const departments = await departmentsByIds(db, rows.map((r) => r.__department));
  const people = staff ? await displayNames(db, rows.flatMap((r) => (r.__answeredBy ? [r.__answeredBy] : []))) : new Map<string, string>();
  return rows.map(({ __department, __answeredBy, ...r }) => ({
    ...r, departmentName: departments.get(__department)!.name, ...(staff ? { answeredByName: (__answeredBy && people.get(__answeredBy)) ?? null } : {}),
  }));
}

/** 我的咨询/投诉: the citizen's own messages, newest first. */
export async function listMyMessages(db: Queryable, actor: Actor) {
  const { rows } = await db.query<Row>(`SELECT ${CITIZEN_COLUMNS} FROM ${FROM} WHERE m.citizen_id = $1 ORDER BY m.created_at DESC`, [actor.id]);
  return named(db, rows, false);
}

/** One message by ticket number and query code (anonymous submitters); MESSAGE_LOOKUP_NOT_FOUND otherwise. */
export async function lookupMessage(db: Queryable, ticketNo: string, queryCode: string) {
  const { rows } = await db.query<Row & { query_code: string }>(`SELECT ${CITIZEN_COLUMNS}, m.query_code FROM ${FROM} WHERE m.ticket_no = $1`, [ticketNo.trim().toUpperCase()]);
  const r = rows[0];
  if (!r || r.query_code !== queryCode.trim().toUpperCase()) throw new AppError('MESSAGE_LOOKUP_NOT_FOUND');
  const { query_code: _code, ...view } = r;
  return (await named(db, [view], false))[0]!;
}

/** The messages a staff member may see (their department, or all for managers and administrators), open ones first. */
export async function listStaffMessages(db: Queryable, actor: Actor, status?: 'open' | 'answered') {
  const scope = messageScope(actor);
  const params: unknown[] = [];
  const where: string[] = [];
  if (scope !== 'all') where.push(`m.department_id = $${params.push(scope)}`);
  if (status) where.push(`m.status = $${params.push(status)}`);
  const { rows } = await db.query<Row>(
    `SELECT ${STAFF_COLUMNS} FROM ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY (m.status = 'open') DESC, m.reply_due_at, m.created_at DESC LIMIT 500`,
    params,
  );
  return named(db, rows, true);
}

/** Answers an open message of the staff member's department; a second answer is refused. */
export async function answerMessage(ctx: AppContext, actor: Actor, id: string, answer: string) {
  const text = answer.trim();
  if (!text) throw new AppError('ANSWER_REQUIRED');
  const scope = messageScope(actor);
  await withTx(ctx.db, async (tx) => {
    const { rows } = await tx.query<{ department_id: string; status: string; ticket_no: string; kind: string; reply_due_at: Date }>(
      'SELECT department_id, status, ticket_no, kind, reply_due_at FROM portal_messages WHERE id = $1 FOR UPDATE',
      [id],
    );
    const m = rows[0];
    // Another department's message reads as not found, so ids cannot be probed.
    if (!m || (scope !== 'all' && scope !== m.department_id)) throw new AppError('MESSAGE_NOT_FOUND');
    if (!canAnswerMessage(actor, m.department_id)) throw new AppError('FORBIDDEN');
    if (m.status !== 'open') throw new AppError('MESSAGE_ALREADY_ANSWERED');
    const now = ctx.clock.now();
    await tx.query(`UPDATE portal_messages SET status = 'answered', answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1`, [id, text, actor.id, now]);
    await appendEvent(tx, {
      type: m.kind === 'complaint' ? 'portal.complaint.answered' : 'portal.consultation.answered',
      departmentId: m.department_id, actor: { id: actor.id, role: actor.role }, occurredAt: now,
      payload: { messageId: id, ticketNo: m.ticket_no, onTime: now <= m.reply_due_at, replyDue: m.reply_due_at.toISOString() },
    });
  });
  const { rows } = await ctx.db.query<Row>(`SELECT ${STAFF_COLUMNS} FROM ${FROM} WHERE m.id = $1`, [id]);
  return (await named(ctx.db, rows, true))[0];
}

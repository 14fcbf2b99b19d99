import { z } from 'zod';
import type { Queryable } from '../../platform/db/pool.ts';
import { decodeCursor, keyColumn, keyParam, toPage, type KeyValue, type Ordering, type Page } from '../../platform/http/page.ts';
import { dayStart, isoDate, prefixPattern } from '../../platform/http/list-query.ts';

export const copyRowSchema = z.object({
  id: z.uuid(), caseId: z.uuid().nullable(), caseNo: z.string().nullable(), itemName: z.string().nullable(), step: z.string().nullable(),
  sentBy: z.string().nullable(), sentByName: z.string().nullable(), sentAt: z.date(), readAt: z.date().nullable(),
  userId: z.uuid(), userName: z.string().nullable(),
});
export type CopyRow = z.infer<typeof copyRowSchema>;

/**
 * The engine names people by text; matching users on \`id::text\` reads every
 * user for every row, so the text becomes a uuid (null when it is none) and
 * the key index answers.
 */
function asUserId(column: string): string {
  return `CASE WHEN ${column} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ${column}::uuid END`;
}

export const COPY_COLUMNS = `c.id, i.case_id AS "caseId", k.case_no AS "caseNo", it.name AS "itemName", coalesce(t.name, c.node_id) AS step,
           c.sent_by AS "sentBy", s.display_name AS "sentByName", c.sent_at AS "sentAt", c.read_at AS "readAt", c.user_id AS "userId", u.display_name AS "userName"
      FROM wf_copies c JOIN wf_instances i ON i.id = c.instance_id
      LEFT JOIN cases k ON k.id = i.case_id LEFT JOIN service_items it ON it.id = k.item_id
      LEFT JOIN wf_tasks t ON t.id = c.task_id LEFT JOIN users s ON s.id = ${asUserId('c.sent_by')} LEFT JOIN users u ON u.id = ${asUserId('c.user_id')}`;

/** Every copy of a case's process tree (from any of its instances), in the order sent: the case page's 抄送 with read receipts. */
export async function copiesOfProcess(db: Queryable, instanceId: string): Promise<CopyRow[]> {
  const { rows } = await db.query<CopyRow>(
    `SELECT ${COPY_COLUMNS} WHERE i.root_id = (SELECT root_id FROM wf_instances WHERE id = $1) ORDER BY c.sent_at, u.display_name`, [instanceId],
  );
  return rows;
}

export const copyFilterQuery = {
  state: z.enum(['unread', 'read']).optional().describe('未读或已读 / unread or read'),
  caseNo: z.string().trim().min(1).max(40).optional().describe('办件编号（前缀）/ case number prefix'),
  from: isoDate.optional().describe('抄送日期起（含）/ sent on or after'),
  to: isoDate.optional().describe('抄送日期止（含）/ sent on or before'),
};

export interface CopyFilters {
  state?: 'unread' | 'read' | undefined;
  caseNo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Unread first, then the newest: (read?, sent_at desc, id desc), the order of the index of migration 0065. */
const UNREAD_FIRST: Ordering = { name: 'copies.unread-first', parts: ['bool', 'time', 'uuid'] };

/**
 * One page of the copies sent to a person, unread first, and how many are
 * unread in all. A copy read between two pages moves to the read part and may
 * show again there; none is skipped.
 */
export async function pageCopies(
  db: Queryable, userId: string, f: CopyFilters, page: { cursor?: string | undefined; limit: number },
): Promise<Page<CopyRow> & { unread: number }> {
  const params: unknown[] = [userId];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where = ['c.user_id = $1'];
  if (f.state) where.push(f.state === 'unread' ? 'c.read_at IS NULL' : 'c.read_at IS NOT NULL');
  if (f.caseNo) where.push(`k.case_no LIKE ${param(prefixPattern(f.caseNo.toUpperCase()))}`);
  if (f.from) where.push(`c.sent_at >= ${param(dayStart(f.from))}`);
  if (f.to) where.push(`c.sent_at < ${param(dayStart(f.to, 1))}`);
  if (page.cursor) {
    const [read, sent, id] = decodeCursor(UNREAD_FIRST, page.cursor);
    const r = keyParam('bool', read!, param);
    where.push(`((c.read_at IS NOT NULL) > ${r} OR ((c.read_at IS NOT NULL) = ${r} AND (c.sent_at, c.id) < (${keyParam('time', sent!, param)}, ${keyParam('uuid', id!, param)})))`);
  }
  const { rows } = await db.query<CopyRow & { __key: KeyValue[] }>(
    `SELECT ${COPY_COLUMNS.replace('FROM wf_copies', `, json_build_array(c.read_at IS NOT NULL, ${keyColumn('time', 'c.sent_at')}, c.id) AS "__key"
      FROM wf_copies`)}
      WHERE ${where.join(' AND ')} ORDER BY (c.read_at IS NOT NULL), c.sent_at DESC, c.id DESC LIMIT ${page.limit + 1}`,
    params,
  );
  const unread = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM wf_copies WHERE user_id = $1 AND read_at IS NULL', [userId]);
  return { ...toPage(UNREAD_FIRST, rows, page.limit), unread: unread.rows[0]!.n };
}

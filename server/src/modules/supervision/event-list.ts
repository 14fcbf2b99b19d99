import { z } from 'zod';
import type { Queryable } from '../../platform/db/pool.ts';
import { toStoredEvent, type EventRow, type StoredEvent } from '../../platform/events/stream.ts';
import { afterKey, decodeCursor, toPage, type KeyValue, type Ordering, type Page } from '../../platform/http/page.ts';
import { dayStart, isoDate } from '../../platform/http/list-query.ts';

export const eventFilterQuery = {
  caseNo: z.string().max(40).optional().describe('办件编号（该办件的全部事件）/ one case\'s events'),
  type: z.string().max(80).optional().describe('事件类型，如 case.accepted / event type'),
  departmentId: z.uuid().optional().describe('部门 / department'),
  from: isoDate.optional().describe('发生日期起（含，北京时间）/ occurred on or after'),
  to: isoDate.optional().describe('发生日期止（含，北京时间）/ occurred on or before'),
  afterSeq: z.coerce.number().int().min(0).optional().describe('只要此序号之后的事件（实时跟随，升序）/ only events after this seq (live follow)'),
  order: z.enum(['asc', 'desc']).optional().describe('按链序升序（默认）或最新在前 / chain order, or newest first'),
};

export interface EventFilters {
  caseNo?: string | undefined;
  type?: string | undefined;
  departmentId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  afterSeq?: number | undefined;
  order?: 'asc' | 'desc' | undefined;
}

const orderings: Record<'asc' | 'desc', Ordering> = {
  asc: { name: 'events.seq.asc', parts: ['int'] },
  desc: { name: 'events.seq.desc', parts: ['int'] },
};

/**
 * One page of the chained stream in chain order (or newest first), walked by
 * seq: the whole stream on the seq key, a case's events on (case_id, seq), a
 * type's on (type, seq), a department's on (department_id, seq).
 */
export async function pageEvents(db: Queryable, f: EventFilters, page: { cursor?: string | undefined; limit: number }): Promise<Page<StoredEvent>> {
  const dir = f.order ?? 'asc';
  const ordering = orderings[dir];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where = ['seq IS NOT NULL'];
  // Events of other producers (the workflow engine) carry the case id only: the case number finds the id.
  const caseNo = f.caseNo?.trim().toUpperCase();
  if (caseNo) where.push(`case_id = (SELECT case_id FROM events WHERE case_no = ${param(caseNo)} AND case_id IS NOT NULL LIMIT 1)`);
  if (f.type) where.push(`type = ${param(f.type)}`);
  if (f.departmentId) where.push(`department_id = ${param(f.departmentId)}::uuid`);
  if (f.from) where.push(`occurred_at >= ${param(dayStart(f.from))}`);
  if (f.to) where.push(`occurred_at < ${param(dayStart(f.to, 1))}`);
  if (f.afterSeq !== undefined) where.push(`seq > ${param(f.afterSeq)}`);
  if (page.cursor) where.push(afterKey(ordering, ['seq'], dir, decodeCursor(ordering, page.cursor), param));
  const { rows } = await db.query<EventRow & { __key: KeyValue[] }>(
    `SELECT *, json_build_array(seq::text) AS "__key" FROM events WHERE ${where.join(' AND ')} ORDER BY seq ${dir} LIMIT ${page.limit + 1}`,
    params,
  );
  const cut = toPage(ordering, rows, page.limit);
  return { items: cut.items.map((r) => toStoredEvent(r as EventRow)), nextCursor: cut.nextCursor };
}

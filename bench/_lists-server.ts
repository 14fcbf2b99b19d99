/**
 * The server `npm run bench -- lists` measures, in a process of its own (so
 * the load generator does not share its event loop): the real app on the
 * benchmark database, plus the previous way of reading each list under
 * /bench/old/… (today's unpaged queries as they were before cursor paging,
 * capped at 500 or 200 rows) and /bench/offset/… (the same order paged by
 * OFFSET/LIMIT), so both are measured over HTTP side by side.
 * Environment: DATABASE_URL, PORT. Prints "ready" when listening.
 */
import { z } from 'zod';
import { systemClock } from '../server/src/platform/clock.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { createPool, type Queryable } from '../server/src/platform/db/pool.ts';
import { buildApp } from '../server/src/app.ts';
import { requireActor } from '../server/src/platform/http/auth.ts';
import type { Actor } from '../server/src/platform/http/context.ts';
import { readEvents } from '../server/src/platform/events/stream.ts';
import { SUMMARY_COLUMNS, SUMMARY_FROM } from '../server/src/modules/cases/case-list.ts';
import { withColours } from '../server/src/modules/cases/colours.ts';
import { COPY_COLUMNS } from '../server/src/modules/cases/copy-list.ts';
import { listOpenTasks } from '../server/src/modules/workflow/engine/index.ts';

const db = createPool(process.env.DATABASE_URL!, 20);
const ctx = { db, clock: systemClock, config: { ...loadConfig({}), dataDir: '/tmp' }, uploadsDir: '/tmp/uploads' };
const app = await buildApp(ctx);

/** The case lists as before: scope in SQL, ORDER BY submission, a fixed window of rows. */
async function oldCases(q: Queryable, actor: Actor, scope: string, offset: number, limit: number) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope === 'mine') where.push(`c.applicant_id = $${params.push(actor.id)}`);
  if (scope === 'intake') where.push(`c.status IN ('submitted', 'supplement_requested')`);
  const { rows } = await q.query(
    `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${scope === 'intake' ? 'c.submitted_at ASC' : 'c.submitted_at DESC'} OFFSET ${offset} LIMIT ${limit}`,
    params,
  );
  return withColours(q, rows as { dueAt: Date | null }[], new Date());
}

/** The to-do as before: the engine's open tasks of the person (first 200 by arrival), then their cases. */
async function oldTasks(q: Queryable, actor: Actor, offset: number, limit: number) {
  const dept = (await q.query<{ code: string }>('SELECT code FROM departments WHERE id = $1', [actor.departmentId])).rows[0]!.code;
  const open = await listOpenTasks(q, { userId: actor.id, departments: [dept], roles: [actor.role] }, offset + limit);
  const { rows } = await q.query(
    `SELECT t.id, i.case_id AS "caseId", c.case_no AS "caseNo", it.name AS "itemName", c.applicant_name AS "applicantName",
            coalesce(t.name, t.node_id) AS name, t.created_at AS "createdAt", c.due_at AS "dueAt"
       FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id JOIN cases c ON c.id = i.case_id JOIN service_items it ON it.id = c.item_id
      WHERE t.id = ANY($1::uuid[]) AND c.status = 'accepted' ORDER BY t.created_at`,
    [open.slice(offset).map((t) => t.id)],
  );
  return withColours(q, rows as { dueAt: Date | null }[], new Date());
}

const pageParams = z.object({ scope: z.string().default('all'), offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(50) });

for (const way of ['old', 'offset'] as const) {
  // old: the first (and only) window as the previous endpoints answered it; offset: page by page.
  const window = (q: { offset: number; limit: number }, cap: number) => (way === 'old' ? { offset: 0, limit: cap } : q);
  app.get(`/bench/${way}/cases`, async (req) => {
    const q = pageParams.parse(req.query);
    const w = window(q, 500);
    return { items: await oldCases(db, requireActor(req), q.scope, w.offset, w.limit) };
  });
  app.get(`/bench/${way}/tasks`, async (req) => {
    const w = window(pageParams.parse(req.query), 200);
    return { items: await oldTasks(db, requireActor(req), w.offset, w.limit) };
  });
  app.get(`/bench/${way}/copies`, async (req) => {
    const w = window(pageParams.parse(req.query), 200);
    const { rows } = await db.query(
      `SELECT ${COPY_COLUMNS} WHERE c.user_id = $1 ORDER BY c.read_at IS NOT NULL, c.sent_at DESC OFFSET ${w.offset} LIMIT ${w.limit}`,
      [requireActor(req).id],
    );
    return { items: rows, unread: rows.filter((r) => r.readAt === null).length };
  });
  app.get(`/bench/${way}/events`, async (req) => {
    requireActor(req);
    const q = pageParams.parse(req.query);
    // Before: the stream page read from the start (afterSeq 0) in windows of 200; browsing back by OFFSET is the other way.
    if (way === 'old') return { items: await readEvents(db, { afterSeq: 0, limit: 200 }) };
    const { rows } = await db.query(`SELECT * FROM events WHERE seq IS NOT NULL ORDER BY seq DESC OFFSET ${q.offset} LIMIT ${q.limit}`);
    return { items: rows };
  });
}

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');

// 政务公开 / 通知公告: articles written by administrators, shown on the portal once published.
import type { z } from 'zod';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { withTx, type Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import type { articleInput, articleUpdateInput } from './schemas.ts';

type ArticleInput = z.infer<typeof articleInput>;
type ArticleUpdate = z.infer<typeof articleUpdateInput>;

const COLUMNS = `id, category, title, pinned, published_at AS "publishedAt"`;

/** Published articles (published_at reached), pinned first, newest first; optionally one category. */
export async function listPublicArticles(db: Queryable, now: Date, q: { category?: 'news' | 'disclosure'; limit: number; offset: number }) {
  const params: unknown[] = [now];
  const where = ['published_at IS NOT NULL', 'published_at <= $1'];
  if (q.category) where.push(`category = $${params.push(q.category)}`);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM portal_articles WHERE ${where.join(' AND ')}`, params);
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM portal_articles WHERE ${where.join(' AND ')}
      ORDER BY pinned DESC, published_at DESC, id LIMIT $${params.push(q.limit)} OFFSET $${params.push(q.offset)}`,
    params,
  );
  return { total: total.rows[0]!.n, items: rows };
}

/** One published article, or ARTICLE_NOT_FOUND (drafts and scheduled ones are not public). */
export async function getPublicArticle(db: Queryable, id: string, now: Date) {
  const { rows } = await db.query(
    `SELECT ${COLUMNS}, body FROM portal_articles WHERE id = $1 AND published_at IS NOT NULL AND published_at <= $2`,
    [id, now],
  );
  if (!rows[0]) throw new AppError('ARTICLE_NOT_FOUND');
  return rows[0];
}

/** Every article, drafts included, for the admin console. */
export async function listAllArticles(db: Queryable) {
  const { rows } = await db.query(
    `SELECT ${COLUMNS}, body, updated_at AS "updatedAt", version FROM portal_articles ORDER BY published_at DESC NULLS FIRST, updated_at DESC`,
  );
  return rows;
}

async function adminView(db: Queryable, id: string) {
  const { rows } = await db.query(`SELECT ${COLUMNS}, body, updated_at AS "updatedAt", version FROM portal_articles WHERE id = $1`, [id]);
  if (!rows[0]) throw new AppError('ARTICLE_NOT_FOUND');
  return rows[0];
}

function eventPayload(id: string, a: ArticleInput) {
  return { articleId: id, category: a.category, title: a.title, pinned: a.pinned, publishedAt: a.publishedAt?.toISOString() ?? null };
}

/** Writes a new article (a draft when publishedAt is null). */
export async function createArticle(ctx: AppContext, actor: Actor, input: ArticleInput) {
  const id = await withTx(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO portal_articles (category, title, body, pinned, published_at, created_by, created_at, updated_by, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$6,$7) RETURNING id`,
      [input.category, input.title, input.body, input.pinned, input.publishedAt, actor.id, now],
    );
    const articleId = rows[0]!.id;
    await appendEvent(tx, { type: 'portal.article.created', actor: { id: actor.id, role: actor.role }, occurredAt: now, payload: eventPayload(articleId, input) });
    return articleId;
  });
  return adminView(ctx.db, id);
}

/** Changes an article; the version read must still be the current one (two editors do not overwrite each other). */
export async function updateArticle(ctx: AppContext, actor: Actor, id: string, input: ArticleUpdate) {
  await withTx(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const cur = await tx.query<{ version: number }>('SELECT version FROM portal_articles WHERE id = $1 FOR UPDATE', [id]);
    if (!cur.rows[0]) throw new AppError('ARTICLE_NOT_FOUND');
    if (cur.rows[0].version !== input.version) throw new AppError('ARTICLE_VERSION_CONFLICT', { version: cur.rows[0].version });
    await tx.query(
      `UPDATE portal_articles SET category = $2, title = $3, body = $4, pinned = $5, published_at = $6, updated_by = $7, updated_at = $8, version = version + 1
        WHERE id = $1`,
      [id, input.category, input.title, input.body, input.pinned, input.publishedAt, actor.id, now],
    );
    await appendEvent(tx, { type: 'portal.article.updated', actor: { id: actor.id, role: actor.role }, occurredAt: now, payload: eventPayload(id, input) });
  });
  return adminView(ctx.db, id);
}

/** Removes an article from the portal for good; the event keeps its title. */
export async function deleteArticle(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const { rows } = await tx.query<{ title: string; category: string }>('DELETE FROM portal_articles WHERE id = $1 RETURNING title, category', [id]);
    if (!rows[0]) throw new AppError('ARTICLE_NOT_FOUND');
    await appendEvent(tx, {
      type: 'portal.article.deleted', actor: { id: actor.id, role: actor.role }, occurredAt: ctx.clock.now(),
      payload: { articleId: id, title: rows[0].title, category: rows[0].category },
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { actors } from '../../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = actors(() => t.app);
const eventsOf = async (type: string) => (await t.ctx.db.query('SELECT payload FROM events WHERE type = $1', [type])).rows.map((r) => r.payload);

describe('news and disclosures (政务公开)', () => {
  const article = { category: 'news', title: '关于国庆期间窗口服务时间的通知', body: '# 通知\n国庆期间 **正常** 受理。<script>alert(1)</script>', pinned: false };

  it('lets the administrator publish, and the public read only what is published', async () => {
    const now = t.clock.now();
    const published = await as('admin').post('/api/portal/admin/articles', { ...article, publishedAt: now.toISOString() });
    expect(published.statusCode).toBe(201);
    const draft = await as('admin').post('/api/portal/admin/articles', { ...article, title: '草稿', publishedAt: null });
    const later = await as('admin').post('/api/portal/admin/articles', {
      ...article, category: 'disclosure', title: '定时发布', publishedAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    const list = (await as().get('/api/portal/articles')).json();
    const titles = list.items.map((a: { title: string }) => a.title);
    expect(titles).toContain(article.title);
    expect(titles).not.toContain('草稿');
    expect(titles).not.toContain('定时发布');
    // The body comes back as the text it is; the browser renders it as text.
    expect((await as().get(`/api/portal/articles/${published.json().id}`)).json().body).toBe(article.body);
    expect((await as().get(`/api/portal/articles/${draft.json().id}`)).json().code).toBe('ARTICLE_NOT_FOUND');
    t.clock.advance(2 * 3_600_000);
    const disclosures = (await as().get('/api/portal/articles?category=disclosure')).json();
    expect(disclosures.items.map((a: { id: string }) => a.id)).toContain(later.json().id);
    expect((await eventsOf('portal.article.created')).length).toBeGreaterThanOrEqual(3);
  });

  it('puts pinned articles first', async () => {
    const at = t.clock.now().toISOString();
    await as('admin').post('/api/portal/admin/articles', { ...article, title: '置顶公告', pinned: true, publishedAt: new Date(Date.parse(at) - 86_400_000).toISOString() });
    await as('admin').post('/api/portal/admin/articles', { ...article, title: '最新消息', publishedAt: at });
    const titles = (await as().get('/api/portal/articles?category=news&pageSize=100')).json().items.map((a: { title: string }) => a.title);
    expect(titles.indexOf('置顶公告')).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf('置顶公告')).toBeLessThan(titles.indexOf('最新消息'));
  });

  it('refuses an edit based on an old version, and deletes with an event', async () => {
    const a = (await as('admin').post('/api/portal/admin/articles', { ...article, publishedAt: null })).json();
    const edited = await as('admin').put(`/api/portal/admin/articles/${a.id}`, { ...article, title: '改过的标题', publishedAt: null, version: a.version });
    expect(edited.json().version).toBe(a.version + 1);
    const stale = await as('admin').put(`/api/portal/admin/articles/${a.id}`, { ...article, title: '旧版本上的修改', publishedAt: null, version: a.version });
    expect(stale.json().code).toBe('ARTICLE_VERSION_CONFLICT');
    expect((await as('admin').del(`/api/portal/admin/articles/${a.id}`)).statusCode).toBe(204);
    expect((await as('admin').del(`/api/portal/admin/articles/${a.id}`)).json().code).toBe('ARTICLE_NOT_FOUND');
    expect((await eventsOf('portal.article.deleted')).some((p) => p.articleId === a.id)).toBe(true);
  });

  it('is written by administrators only; managers may read drafts', async () => {
    const body = { ...article, publishedAt: null };
    expect((await as().post('/api/portal/admin/articles', body)).json().code).toBe('UNAUTHENTICATED');
    expect((await as('citizen').post('/api/portal/admin/articles', body)).json().code).toBe('FORBIDDEN');
    expect((await as('manager').post('/api/portal/admin/articles', body)).json().code).toBe('FORBIDDEN');
    expect((await as('citizen').get('/api/portal/admin/articles')).json().code).toBe('FORBIDDEN');
    expect((await as('manager').get('/api/portal/admin/articles')).statusCode).toBe(200);
    const before = (await t.ctx.db.query('SELECT count(*)::int AS n FROM portal_articles')).rows[0].n;
    expect((await as('admin').post('/api/portal/admin/articles', { ...body, title: '  ' })).json().code).toBe('VALIDATION_FAILED');
    expect((await as('admin').post('/api/portal/admin/articles', { ...body, category: 'gossip' })).json().code).toBe('VALIDATION_FAILED');
    expect((await t.ctx.db.query('SELECT count(*)::int AS n FROM portal_articles')).rows[0].n).toBe(before);
  });
});

describe('item search', () => {
  const names = async (q: string) =>
    ((await as().get(`/api/portal/search?q=${encodeURIComponent(q)}`)).json().items as { name: string; match: string }[]);

  it('finds 医疗机构执业登记 by pinyin initials, full pinyin and keyword', async () => {
    expect((await names('yljg'))[0]).toMatchObject({ name: '医疗机构执业登记', match: 'initials' });
    expect((await names('YLJGZYDJ'))[0]?.name).toBe('医疗机构执业登记');
    expect((await names('yiliaojigou'))[0]).toMatchObject({ name: '医疗机构执业登记', match: 'pinyin' });
    expect((await names('执业登记')).map((i) => i.name)).toContain('医疗机构执业登记');
    expect((await names('食品经营')).every((i) => i.name.includes('食品经营'))).toBe(true);
    expect(await names('zzzzqqq')).toEqual([]);
  });

  it('says in which unit each hit counts its limits', async () => {
    expect((await names('户口迁入'))[0]).toMatchObject({ name: '户口迁入（投靠类）', limitUnit: 'day', promisedDays: 10 });
    expect((await names('yljg'))[0]).toMatchObject({ limitUnit: 'workday' });
  });

  it('precomputes pinyin per item and refreshes it when an item is renamed', async () => {
    await names('yljg');
    const indexed = (await t.ctx.db.query(`SELECT initials FROM portal_item_search WHERE name = '医疗机构执业登记'`)).rows[0];
    expect(indexed.initials).toBe('yljgzydj');
    await t.ctx.db.query(`UPDATE service_items SET name = '诊所备案' WHERE name = '医疗机构执业登记'`);
    expect((await names('zsba'))[0]?.name).toBe('诊所备案');
    expect((await names('yljgzydj')).map((i) => i.name)).not.toContain('医疗机构执业登记');
    await t.ctx.db.query(`UPDATE service_items SET name = '医疗机构执业登记' WHERE name = '诊所备案'`);
    expect((await names('yljg'))[0]?.name).toBe('医疗机构执业登记');
  });

  it('refuses an empty or overlong query', async () => {
    expect((await as().get('/api/portal/search?q=')).json().code).toBe('VALIDATION_FAILED');
    expect((await as().get(`/api/portal/search?q=${'a'.repeat(51)}`)).json().code).toBe('VALIDATION_FAILED');
  });
});

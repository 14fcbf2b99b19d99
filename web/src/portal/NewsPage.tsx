// 政务公开 / 通知公告: the published articles, one category at a time, and one article.
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Empty, Pagination, Radio, Spin, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { ErrorAlert, LoadError } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { portalApi, type ArticleCategory, type ArticleSummary } from './api';
import { Markdown } from './Markdown';
import { usePortalT } from './messages';

const PAGE_SIZE = 15;

/** A list of article links with their date; the pinned ones say so in words, not only by colour. */
export function ArticleList({ items }: { items: ArticleSummary[] }) {
  const p = usePortalT();
  const { formatDate } = useI18n();
  return (
    <ul className="tb-article-list">
      {items.map((a) => (
        <li key={a.id}>
          <Link to={`/news/${a.id}`}>
            {a.pinned ? (
              <Tag className="tb-tag tb-tag-accepted" variant="outlined">
                {p('pinned')}
              </Tag>
            ) : null}
            {a.title}
          </Link>
          <time dateTime={a.publishedAt ?? undefined}>{formatDate(a.publishedAt)}</time>
        </li>
      ))}
    </ul>
  );
}

export function NewsPage() {
  const p = usePortalT();
  useDocumentTitle(p('news.title'));
  const [params, setParams] = useSearchParams();
  const category = (['news', 'disclosure'] as const).find((c) => c === params.get('category'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useQuery({
    queryKey: ['portal', 'articles', category ?? 'all', page],
    queryFn: () => portalApi.articles({ category, page, pageSize: PAGE_SIZE }),
  });
  const go = (next: { category?: ArticleCategory; page?: number }) => {
    const q = new URLSearchParams();
    if (next.category) q.set('category', next.category);
    if (next.page && next.page > 1) q.set('page', String(next.page));
    setParams(q);
  };
  return (
    <Card>
      <h1 className="tb-page-title">{p('news.title')}</h1>
      <Radio.Group
        aria-label={p('nav.news')}
        optionType="button"
        value={category ?? 'all'}
        onChange={(e) => go({ category: e.target.value === 'all' ? undefined : (e.target.value as ArticleCategory) })}
        options={[
          { value: 'all', label: p('news.all') },
          { value: 'news', label: p('category.news') },
          { value: 'disclosure', label: p('category.disclosure') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Spin />
      ) : list.data.items.length === 0 ? (
        <Empty description={p('news.empty')} />
      ) : (
        <>
          <ArticleList items={list.data.items} />
          <Pagination
            className="tb-pagination"
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            hideOnSinglePage
            showSizeChanger={false}
            onChange={(n) => go({ category, page: n })}
          />
        </>
      )}
    </Card>
  );
}

export function ArticlePage() {
  const { id = '' } = useParams();
  const p = usePortalT();
  const { formatDateTime } = useI18n();
  const article = useQuery({ queryKey: ['portal', 'article', id], queryFn: () => portalApi.article(id) });
  useDocumentTitle(article.data?.title ?? p('news.title'));
  return (
    <div className="tb-stack">
      <Breadcrumb items={[{ title: <Link to="/news">{p('nav.news')}</Link> }, { title: article.data?.title ?? '…' }]} />
      {article.isPending ? (
        <Spin />
      ) : article.isError ? (
        <LoadError error={article.error} onRetry={() => void article.refetch()} back={{ to: '/news', label: p('news.back') }} />
      ) : (
        <Card>
          <article>
            <h1 className="tb-page-title">{article.data.title}</h1>
            <p className="tb-article-meta">
              {p(`category.${article.data.category}`)} · {p('news.publishedAt')}
              {'：'}
              <time dateTime={article.data.publishedAt ?? undefined}>{formatDateTime(article.data.publishedAt)}</time>
            </p>
            <Markdown body={article.data.body} />
          </article>
          <Link to="/news">{p('news.back')}</Link>
        </Card>
      )}
    </div>
  );
}

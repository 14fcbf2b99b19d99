// 首页: search (keyword and pinyin), news and disclosures, the rolling list of
// concluded results, and the catalogue of service items.
import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api, type ItemSummary } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { ItemTypeTag, useLimitWords } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { portalApi, type ArticleCategory } from './api';
import { useCenter } from './center';
import { usePortalT } from './messages';
import { ArticleList } from './NewsPage';
import { ResultsTable } from './ResultsPage';
import { SearchBox } from './SearchPage';

function ArticlesCard({ category }: { category: ArticleCategory }) {
  const p = usePortalT();
  const list = useQuery({ queryKey: ['portal', 'articles', category, 'home'], queryFn: () => portalApi.articles({ category, pageSize: 6 }) });
  const title = category === 'news' ? p('home.newsTitle') : p('home.disclosureTitle');
  return (
    <Card
      className="tb-full-height"
      title={<h2 className="tb-card-title">{title}</h2>}
      extra={<Link to={`/news?category=${category}`}>{category === 'news' ? p('home.moreNews') : p('home.moreDisclosures')}</Link>}
    >
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length > 0 ? (
        <ArticleList items={list.data.items} />
      ) : (
        <p className="tb-muted">{list.isPending ? '…' : p('home.noArticles')}</p>
      )}
    </Card>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function HomePage() {
  const { t } = useI18n();
  const limitWords = useLimitWords();
  const p = usePortalT();
  const center = useCenter();
  useDocumentTitle(t('home.title'));
  const items = useQuery({ queryKey: ['catalog', 'items'], queryFn: api.catalog.items, staleTime: 60_000 });
  const results = useQuery({ queryKey: ['portal', 'results', 'home'], queryFn: () => portalApi.results({ page: 1, pageSize: 5 }) });
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const q = useDebounced(search.trim(), 200);
  // The table filters as one types, with the server's keyword and pinyin match.
  const hits = useQuery({
    queryKey: ['portal', 'search', q],
    queryFn: () => portalApi.search(q),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const departments = useMemo(() => {
    const seen = new Map<string, string>();
    for (const item of items.data ?? []) seen.set(item.departmentId, item.departmentName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [items.data]);

  const filtered = useMemo(() => {
    const all = items.data ?? [];
    let list = all;
    if (q && hits.data) {
      const byId = new Map(all.map((i) => [i.id, i] as const));
      list = hits.data.items.flatMap((h) => byId.get(h.id) ?? []);
    }
    return list.filter((item) => !department || item.departmentId === department);
  }, [items.data, hits.data, q, department]);

  const columns = [
    {
      title: t('item.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, item: ItemSummary) => (
        <div>
          <Link to={`/items/${item.id}`}>{name}</Link>
          <div>
            <Typography.Text type="secondary" className="tb-hash">
              {item.code}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('item.department'), dataIndex: 'departmentName', key: 'department', responsive: ['sm' as const] },
    {
      title: t('item.type'),
      dataIndex: 'itemType',
      key: 'type',
      responsive: ['md' as const],
      render: (type: ItemSummary['itemType']) => <ItemTypeTag type={type} />,
    },
    {
      title: t('item.promisedDays'),
      dataIndex: 'promisedDays',
      key: 'promisedDays',
      render: (days: number, row: ItemSummary) => limitWords(days, row.limitUnit),
    },
  ];

  return (
    <div className="tb-stack">
      <section className="tb-hero" aria-labelledby="home-title">
        <h1 id="home-title">{center.data?.name ?? t('app.name')}</h1>
        <p>{t('home.intro')}</p>
        <nav aria-label={p('home.services')} className="tb-hero-links">
          <Link to="/progress">{p('home.progressLink')}</Link>
          <Link to="/consult">{p('home.consultLink')}</Link>
          <Link to="/results">{p('home.resultsTitle')}</Link>
        </nav>
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <ArticlesCard category="news" />
        </Col>
        <Col xs={24} md={12}>
          <ArticlesCard category="disclosure" />
        </Col>
      </Row>
      <Card>
        <h2 className="tb-page-title">{t('home.title')}</h2>
        <Space orientation="vertical" style={{ marginBottom: 16, width: '100%' }}>
          <SearchBox onChange={setSearch} />
          <Select
            allowClear
            aria-label={t('home.department')}
            placeholder={t('home.allDepartments')}
            options={departments}
            value={department}
            onChange={(v?: string) => setDepartment(v)}
            style={{ width: 240, maxWidth: '100%' }}
          />
        </Space>
        {items.isError ? (
          <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
        ) : (
          // Busy while the typed words wait for their pause or the server's answer: the rows are about to change.
          <div className="tb-home-items" aria-busy={items.isPending || search.trim() !== q || (q !== '' && hits.isFetching)}>
            <Table
              rowKey="id"
              loading={items.isPending}
              columns={columns}
              dataSource={filtered}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('home.noItems') }}
            />
          </div>
        )}
        <div aria-live="polite" className="sr-only">
          {items.isSuccess ? t('home.resultCount', { count: filtered.length }) : ''}
        </div>
      </Card>
      <Card title={<h2 className="tb-card-title">{p('home.resultsTitle')}</h2>} extra={<Link to="/results">{p('home.moreResults')}</Link>}>
        {results.isError ? (
          <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <ResultsTable rows={results.data?.items ?? []} loading={results.isPending} />
        )}
      </Card>
    </div>
  );
}

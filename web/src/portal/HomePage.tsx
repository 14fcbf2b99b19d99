// 办事指南: the searchable list of service items.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api, type ItemSummary } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { ItemTypeTag } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useCenter } from './center';

export function HomePage() {
  const { t } = useI18n();
  const center = useCenter();
  useDocumentTitle(t('home.title'));
  const items = useQuery({ queryKey: ['catalog', 'items'], queryFn: api.catalog.items, staleTime: 60_000 });
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState<string | undefined>(undefined);

  const departments = useMemo(() => {
    const seen = new Map<string, string>();
    for (const item of items.data ?? []) seen.set(item.departmentId, item.departmentName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [items.data]);

  const filtered = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (items.data ?? []).filter(
      (item) =>
        (!department || item.departmentId === department) &&
        (!q || item.name.toLowerCase().includes(q) || item.departmentName.toLowerCase().includes(q) || item.code.toLowerCase().includes(q)),
    );
  }, [items.data, search, department]);

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
      render: (days: number) => (days === 0 ? t('item.sameDay') : t('item.workingDays', { days })),
    },
  ];

  return (
    <>
      <section className="tb-hero" aria-labelledby="home-title">
        <h1 id="home-title">{center.data?.name ?? t('app.name')}</h1>
        <p>{t('home.intro')}</p>
      </section>
      <Card>
        <h2 className="tb-page-title">{t('home.title')}</h2>
        <Space wrap style={{ marginBottom: 16, width: '100%' }}>
          <Input.Search
            allowClear
            aria-label={t('home.search')}
            placeholder={t('home.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 320, maxWidth: '100%' }}
          />
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
          <Table
            rowKey="id"
            loading={items.isPending}
            columns={columns}
            dataSource={filtered}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('home.noItems') }}
          />
        )}
        <div aria-live="polite" className="sr-only">
          {items.isSuccess ? t('home.resultCount', { count: filtered.length }) : ''}
        </div>
      </Card>
    </>
  );
}

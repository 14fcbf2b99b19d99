import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../api';
import { useI18n } from '../i18n';
import { CaseTable } from '../ui/CaseTable';
import { CaseFilters, type CaseFilterValues } from '../ui/CaseFilters';
import { ErrorAlert } from '../ui/errors';
import { LoadMore, useCursorList } from '../ui/paging';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** 全部办件: every case the person may see (the center's, or an approver's department's), filtered and paged on the server. */
export function AllCasesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('wb.allCases'));
  const [filters, setFilters] = useState<CaseFilterValues>({});
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const list = useCursorList(['cases', 'all', filters, order], (cursor, limit) => api.cases.list('all', { ...filters, order, cursor, limit }));
  const { query } = list;
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {t('wb.allCases')}
        </h1>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isFetchingNextPage}>
          {t('common.refresh')}
        </Button>
      </Space>
      <CaseFilters value={filters} onChange={setFilters} />
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CaseTable cases={list.items} loading={query.isPending} linkTo={(c) => `/workbench/cases/${c.id}`} showDue order={order} onOrderChange={setOrder} />
      )}
      <LoadMore list={list} />
    </Card>
  );
}

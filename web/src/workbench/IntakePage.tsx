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

/** 窗口受理: applications waiting for a clerk, the oldest first. */
export function IntakePage() {
  const { t } = useI18n();
  useDocumentTitle(t('wb.intake'));
  const [filters, setFilters] = useState<CaseFilterValues>({});
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const list = useCursorList(
    ['cases', 'intake', filters, order],
    (cursor, limit) => api.cases.list('intake', { ...filters, order, cursor, limit }),
    { refetchInterval: 15_000 },
  );
  const { query } = list;
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {t('wb.intake')}
        </h1>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isFetchingNextPage}>
          {t('common.refresh')}
        </Button>
      </Space>
      <CaseFilters value={filters} onChange={setFilters} statuses={['submitted', 'supplement_requested']} />
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CaseTable
          cases={list.items}
          loading={query.isPending}
          linkTo={(c) => `/workbench/cases/${c.id}`}
          showDue
          emptyText={t('wb.intakeEmpty')}
          order={order}
          onOrderChange={setOrder}
        />
      )}
      <LoadMore list={list} />
    </Card>
  );
}

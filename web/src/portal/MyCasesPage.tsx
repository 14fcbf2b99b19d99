import { useState } from 'react';
import { Card } from 'antd';
import { api } from '../api';
import { useI18n } from '../i18n';
import { CaseTable } from '../ui/CaseTable';
import { CaseFilters, type CaseFilterValues } from '../ui/CaseFilters';
import { ErrorAlert } from '../ui/errors';
import { LoadMore, useCursorList } from '../ui/paging';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** 我的办件: the applicant's own cases (a person's or a company's), every one reachable page by page. */
export function MyCasesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.myCases'));
  const [filters, setFilters] = useState<CaseFilterValues>({});
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const list = useCursorList(['cases', 'mine', filters, order], (cursor, limit) => api.cases.list('mine', { ...filters, order, cursor, limit }));
  const { query } = list;
  return (
    <Card>
      <h1 className="tb-page-title">{t('nav.myCases')}</h1>
      <CaseFilters value={filters} onChange={setFilters} show={['caseNo', 'status', 'item', 'dates']} />
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CaseTable
          cases={list.items}
          loading={query.isPending}
          linkTo={(c) => `/my/cases/${c.id}`}
          showApplicant={false}
          showDue
          emptyText={t('myCases.empty')}
          order={order}
          onOrderChange={setOrder}
        />
      )}
      <LoadMore list={list} />
    </Card>
  );
}

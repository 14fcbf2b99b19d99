import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api, type CaseStatus } from '../api';
import { useI18n } from '../i18n';
import { CaseTable } from '../ui/CaseTable';
import { ErrorAlert } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';

const STATUSES: CaseStatus[] = ['submitted', 'supplement_requested', 'accepted', 'refused', 'approved', 'denied'];

/** 全部办件: every case of the center, for managers and admins. */
export function AllCasesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('wb.allCases'));
  const cases = useQuery({ queryKey: ['cases', 'all'], queryFn: () => api.cases.list('all') });
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined);
  const filtered = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (cases.data?.items ?? []).filter(
      (c) =>
        (!status || c.status === status) &&
        (!q || c.caseNo.toLowerCase().includes(q) || c.applicantName.toLowerCase().includes(q) || c.itemName.toLowerCase().includes(q)),
    );
  }, [cases.data, search, status]);
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {t('wb.allCases')}
        </h1>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void cases.refetch()} loading={cases.isFetching}>
          {t('common.refresh')}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('wb.searchCases')}
          placeholder={t('wb.searchCases')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 300, maxWidth: '100%' }}
        />
        <Select
          allowClear
          aria-label={t('case.status')}
          placeholder={t('wb.allStatuses')}
          value={status}
          onChange={(v?: CaseStatus) => setStatus(v)}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 180 }}
        />
      </Space>
      {cases.isError ? (
        <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <CaseTable cases={filtered} loading={cases.isPending} linkTo={(c) => `/workbench/cases/${c.id}`} showDue />
      )}
    </Card>
  );
}

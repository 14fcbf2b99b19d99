import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../api';
import { useI18n } from '../i18n';
import { CaseTable } from '../ui/CaseTable';
import { ErrorAlert } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** 窗口受理: applications waiting for a clerk. */
export function IntakePage() {
  const { t } = useI18n();
  useDocumentTitle(t('wb.intake'));
  const cases = useQuery({ queryKey: ['cases', 'intake'], queryFn: () => api.cases.list('intake'), refetchInterval: 15_000 });
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {t('wb.intake')}
        </h1>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void cases.refetch()} loading={cases.isFetching}>
          {t('common.refresh')}
        </Button>
      </Space>
      {cases.isError ? (
        <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <CaseTable
          cases={cases.data?.items ?? []}
          loading={cases.isPending}
          linkTo={(c) => `/workbench/cases/${c.id}`}
          showDue
          emptyText={t('wb.intakeEmpty')}
        />
      )}
    </Card>
  );
}

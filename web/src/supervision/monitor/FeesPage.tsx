// 费用监察: says plainly that there is nothing to watch until fee events exist.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { monitorApi } from './api';
import { MONITOR_KEY } from './live';
import { useMonitorT } from './messages';

export function FeesPage() {
  const t = useMonitorT();
  useDocumentTitle(t('fees.title'));
  const fees = useQuery({ queryKey: [MONITOR_KEY, 'fees'], queryFn: monitorApi.fees });
  return (
    <div className="tb-sv-page">
      <h1>{t('fees.title')}</h1>
      {fees.error ? <ErrorAlert error={fees.error} onRetry={() => void fees.refetch()} /> : null}
      {fees.data ? <Alert type="info" showIcon title={fees.data.feeEventsKnown ? t('fees.some') : t('fees.none')} /> : null}
    </div>
  );
}

// 异常程序监察: irregular procedure the platform noticed on ingest, newest first.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { monitorApi, type AnomalyKind, type AnomalyView } from './api';
import { MONITOR_KEY } from './live';
import { useMonitorT, word, type MonitorT } from './messages';

const KINDS = ['out_of_order', 'skipped_steps', 'refusal_without_basis', 'deemed_acceptance', 'repeated_notice', 'timeout_action'] as const;

/** The anomaly's details as `label: value` pairs; keys and values with words of their own are translated, the rest shown as sent. */
function detailText(a: AnomalyView, t: MonitorT): string {
  const d = (a.details !== null && typeof a.details === 'object' ? a.details : {}) as Record<string, unknown>;
  const parts = Object.entries(d).map(([k, v]) => {
    const value = Array.isArray(v) ? v.join('、') : String(v);
    return `${word(t, `detail.${k}`, k)}: ${word(t, `detail.${k}.${value}`, value || '—')}`;
  });
  return parts.join('；') || '—';
}

export function AnomaliesPage() {
  const t = useMonitorT();
  const { formatDateTime } = useI18n();
  useDocumentTitle(t('anomalies.title'));
  const [kind, setKind] = useState<AnomalyKind | ''>('');
  const list = useQuery({ queryKey: [MONITOR_KEY, 'anomalies', kind], queryFn: () => monitorApi.anomalies(kind ? { kind } : {}) });
  const kindLabel = (k: string) => t(`kind.${k}` as Parameters<MonitorT>[0]);
  const columns: TableProps<AnomalyView>['columns'] = [
    { title: t('anomalies.time'), dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v) },
    { title: t('anomalies.kind'), dataIndex: 'kind', render: kindLabel },
    { title: t('anomalies.case'), dataIndex: 'caseNo', render: (no: string | null) => (no ? <Link to={`/supervision/process/${encodeURIComponent(no)}`}>{no}</Link> : '—') },
    { title: t('col.department'), dataIndex: 'department', render: (v: string | null) => v ?? '—' },
    { title: t('anomalies.step'), dataIndex: 'step', render: (v: string | null) => v ?? '—' },
    { title: t('anomalies.details'), key: 'details', render: (_: unknown, a) => detailText(a, t) },
  ];
  return (
    <div className="tb-sv-page">
      <h1>{t('anomalies.title')}</h1>
      <Typography.Paragraph type="secondary">{t('anomalies.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<AnomalyKind | ''>
          aria-label={t('anomalies.kind')}
          style={{ minWidth: 240 }}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: t('anomalies.all') }, ...KINDS.map((k) => ({ value: k, label: kindLabel(k) }))]}
        />
        {list.data ? <span>{t('period.range')}：{list.data.from} — {list.data.to}</span> : null}
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<AnomalyView>
          size="small" loading={list.isLoading} rowKey={(a) => `${a.kind}-${a.caseNo}-${a.occurredAt}`}
          dataSource={list.data?.items ?? []} columns={columns} pagination={{ pageSize: 50 }} scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('anomalies.empty') }}
        />
      )}
    </div>
  );
}

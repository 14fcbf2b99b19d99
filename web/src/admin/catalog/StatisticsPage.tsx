// 审批项目统计汇总表: per category and department for a chosen period; on
// screen, printable (catalog.css has the print rules) and as Excel.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { catalogApi, type StatsCounts, type StatsRow } from './api';
import { useCatalogT } from './messages';

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');
const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function StatisticsPage() {
  const t = useCatalogT();
  const { formatDateTime } = useI18n();
  useDocumentTitle(t('stats.title'));
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const [period, setPeriod] = useState<[string, string]>([fmt(range[0]), fmt(range[1])]);
  const stats = useQuery({ queryKey: ['catalog', 'stats', period], queryFn: () => catalogApi.stats(period[0], period[1]) });
  const center = useQuery({ queryKey: ['center'], queryFn: api.catalog.center });

  const num = (key: keyof StatsCounts, title: string) => ({ title, dataIndex: key, align: 'right' as const });
  const columns: TableProps<StatsRow>['columns'] = [
    { title: t('stats.category'), dataIndex: 'categoryPath', render: (p: string | null) => p ?? t('stats.uncategorised') },
    { title: t('stats.department'), dataIndex: 'departmentName' },
    num('items', t('stats.items')),
    num('received', t('stats.received')),
    num('accepted', t('stats.accepted')),
    num('concluded', t('stats.concluded')),
    num('approved', t('stats.approved')),
    num('denied', t('stats.denied')),
    num('refused', t('stats.refused')),
    num('inTime', t('stats.inTime')),
    { title: t('stats.inTimeRate'), dataIndex: 'inTimeRate', align: 'right', render: rate },
    num('overdue', t('stats.overdue')),
  ];
  const totals = stats.data?.totals;

  return (
    <div className="tb-stats">
      <h1 className="tb-print-only">{center.data?.name} {t('stats.title')}</h1>
      <h1 className="tb-screen-only">{t('stats.title')}</h1>
      <Space wrap className="tb-screen-only" style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label={t('stats.period')}
          value={range}
          allowClear={false}
          onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }}
        />
        <Button type="primary" onClick={() => setPeriod([fmt(range[0]), fmt(range[1])])}>{t('stats.query')}</Button>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>{t('stats.print')}</Button>
        <Button icon={<DownloadOutlined aria-hidden />} href={catalogApi.statsXlsxUrl(period[0], period[1])} download>{t('stats.export')}</Button>
      </Space>
      <p>{t('stats.period')}：{period[0]} — {period[1]}</p>
      {stats.error ? <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} /> : (
        <Table<StatsRow>
          className="tb-stats-table"
          size="small"
          bordered
          loading={stats.isLoading}
          rowKey={(r) => `${r.categoryId ?? 'none'}-${r.departmentId}`}
          dataSource={stats.data?.rows ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          summary={() => totals && (
            <Table.Summary.Row className="tb-stats-total">
              <Table.Summary.Cell index={0} colSpan={2}><strong>{t('stats.total')}</strong></Table.Summary.Cell>
              {(['items', 'received', 'accepted', 'concluded', 'approved', 'denied', 'refused', 'inTime'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 2} align="right"><strong>{totals[k]}</strong></Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={10} align="right"><strong>{rate(totals.inTimeRate)}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={11} align="right"><strong>{totals.overdue}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
      <p className="tb-muted">{t('stats.note')}</p>
      <p className="tb-print-only">{t('stats.printedAt', { time: formatDateTime(new Date().toISOString()) })}</p>
    </div>
  );
}

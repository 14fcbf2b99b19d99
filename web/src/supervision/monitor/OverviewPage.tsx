// 综合监察: counts by department or item of the cases submitted in a period, in each state and against their limits.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Segmented, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { monitorApi, type CountRow, type GroupBy } from './api';
import { MONITOR_KEY } from './live';
import { useMonitorT } from './messages';

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

export function OverviewPage() {
  const t = useMonitorT();
  useDocumentTitle(t('overview.title'));
  const [by, setBy] = useState<GroupBy>('department');
  // The last seven days at first (a week of work shows the pattern); 今日 is one click away.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(6, 'day'), dayjs()]);
  const [period, setPeriod] = useState<[string, string] | null>(() => [fmt(range[0]), fmt(range[1])]);
  const overview = useQuery({
    queryKey: [MONITOR_KEY, 'overview', by, period],
    queryFn: () => monitorApi.overview({ by, ...(period ? { from: period[0], to: period[1] } : {}) }),
  });
  const num = (key: keyof CountRow, title: string, className?: string) => ({
    title, dataIndex: key, align: 'right' as const,
    render: (v: number) => <span className={v > 0 ? className : undefined}>{v}</span>,
  });
  const columns: TableProps<CountRow>['columns'] = [
    { title: by === 'department' ? t('col.department') : t('col.item'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
    num('total', t('col.total')),
    num('atIntake', t('col.atIntake')),
    num('inProgress', t('col.inProgress')),
    num('concluded', t('col.concluded')),
    num('refused', t('col.refused')),
    num('onTime', t('col.onTime')),
    num('overdue', t('col.overdue'), 'tb-sv-red'),
    num('warned', t('col.warned')),
    num('yellow', t('col.yellow'), 'tb-sv-yellow'),
    num('red', t('col.red'), 'tb-sv-red'),
  ];
  return (
    <div className="tb-sv-page">
      <h1>{t('overview.title')}</h1>
      <Typography.Paragraph type="secondary">{t('overview.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<GroupBy>
          aria-label={t('col.department')}
          value={by}
          onChange={setBy}
          options={[{ value: 'department', label: t('by.department') }, { value: 'item', label: t('by.item') }]}
        />
        <DatePicker.RangePicker
          aria-label={t('period.range')}
          value={range}
          allowClear={false}
          onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }}
        />
        <Button type="primary" onClick={() => setPeriod([fmt(range[0]), fmt(range[1])])}>{t('period.range')}</Button>
        <Button onClick={() => { setRange([dayjs(), dayjs()]); setPeriod(null); }}>{t('period.today')}</Button>
      </Space>
      {overview.data ? <p>{t('period.range')}：{overview.data.from} — {overview.data.to}</p> : null}
      {overview.error ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : (
        <Table<CountRow>
          size="small"
          bordered
          loading={overview.isLoading}
          rowKey={(r) => r.key ?? 'none'}
          dataSource={overview.data?.rows ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('overview.empty') }}
        />
      )}
    </div>
  );
}

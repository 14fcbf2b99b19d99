// 办件数量异常监察: today's volume per department or item against the same weekday of past weeks.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Segmented, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { monitorApi, type GroupBy, type VolumeRow } from './api';
import { MONITOR_KEY } from './live';
import { useMonitorT } from './messages';

export function VolumePage() {
  const t = useMonitorT();
  useDocumentTitle(t('volume.title'));
  const [by, setBy] = useState<GroupBy>('department');
  const volume = useQuery({ queryKey: [MONITOR_KEY, 'volume', by], queryFn: () => monitorApi.volume(by) });
  const columns: TableProps<VolumeRow>['columns'] = [
    { title: by === 'department' ? t('col.department') : t('col.item'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
    { title: t('volume.today'), dataIndex: 'today', align: 'right' },
    { title: t('volume.mean'), dataIndex: 'mean', align: 'right', render: (v: number) => v.toFixed(1) },
    { title: t('volume.sd'), dataIndex: 'sd', align: 'right', render: (v: number) => v.toFixed(2) },
    { title: t('volume.z'), dataIndex: 'z', align: 'right', render: (v: number) => v.toFixed(1) },
    {
      title: t('volume.flag'), dataIndex: 'flagged',
      render: (f: boolean) => <Tag className={`tb-tag ${f ? 'tb-tag-refused' : 'tb-tag-approved'}`} variant="outlined">{f ? t('volume.flagged') : t('volume.normal')}</Tag>,
    },
  ];
  return (
    <div className="tb-sv-page">
      <h1>{t('volume.title')}</h1>
      <Typography.Paragraph type="secondary">{t('volume.intro', { weeks: volume.data?.weeks ?? 8 })}</Typography.Paragraph>
      <Segmented<GroupBy>
        aria-label={t('volume.title')}
        style={{ marginBottom: 12 }}
        value={by}
        onChange={setBy}
        options={[{ value: 'department', label: t('by.department') }, { value: 'item', label: t('by.item') }]}
      />
      {volume.error ? <ErrorAlert error={volume.error} onRetry={() => void volume.refetch()} /> : (
        <Table<VolumeRow>
          size="small" loading={volume.isLoading} rowKey={(r) => r.key ?? 'none'} dataSource={volume.data?.rows ?? []}
          columns={columns} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('volume.empty') }}
        />
      )}
    </div>
  );
}

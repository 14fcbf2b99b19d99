// 考勤监察: window staff's sign-in and sign-out of a day against the hall's hours.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { monitorApi, type AttendanceView } from './api';
import { MONITOR_KEY } from './live';
import { useMonitorT } from './messages';

export function AttendancePage() {
  const t = useMonitorT();
  const { formatDateTime } = useI18n();
  useDocumentTitle(t('attendance.title'));
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const list = useQuery({ queryKey: [MONITOR_KEY, 'attendance', day.format('YYYY-MM-DD')], queryFn: () => monitorApi.attendance(day.format('YYYY-MM-DD')) });
  const columns: TableProps<AttendanceView>['columns'] = [
    { title: t('attendance.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
    { title: t('attendance.window'), dataIndex: 'window', render: (v: string | null) => v ?? '—' },
    { title: t('attendance.in'), dataIndex: 'signedInAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: t('attendance.out'), dataIndex: 'signedOutAt', render: (v: string | null) => (v ? formatDateTime(v) : t('attendance.none')) },
    { title: t('attendance.hours'), key: 'hours', render: (_: unknown, r) => (r.opens && r.closes ? `${r.opens}–${r.closes}` : '—') },
    {
      title: t('attendance.result'), key: 'result',
      render: (_: unknown, r) => (
        <Space wrap>
          {r.late ? <Tag className="tb-tag tb-tag-refused" variant="outlined">{t('attendance.late')}</Tag> : null}
          {r.leftEarly ? <Tag className="tb-tag tb-tag-refused" variant="outlined">{t('attendance.early')}</Tag> : null}
          {!r.late && !r.leftEarly ? <Tag className="tb-tag tb-tag-approved" variant="outlined">{t('attendance.ok')}</Tag> : null}
        </Space>
      ),
    },
  ];
  return (
    <div className="tb-sv-page">
      <h1>{t('attendance.title')}</h1>
      <Typography.Paragraph type="secondary">{t('attendance.intro')}</Typography.Paragraph>
      <DatePicker aria-label={t('attendance.day')} value={day} allowClear={false} onChange={(d) => { if (d) setDay(d); }} style={{ marginBottom: 12 }} />
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<AttendanceView>
          size="small" loading={list.isLoading} rowKey="userId" dataSource={list.data?.items ?? []} columns={columns}
          pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('attendance.empty') }}
        />
      )}
    </div>
  );
}

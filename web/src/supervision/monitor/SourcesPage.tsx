// 事件来源: the approval systems feeding the platform, registered by the supervision leader; refused batches beside.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../i18n';
import { useMe } from '../../ui/auth';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { monitorApi, type FindingView, type SourceView } from './api';
import { MONITOR_KEY } from './live';
import { useMonitorT } from './messages';

export function SourcesPage() {
  const t = useMonitorT();
  const { formatDateTime } = useI18n();
  useDocumentTitle(t('sources.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const sources = useQuery({ queryKey: [MONITOR_KEY, 'sources'], queryFn: monitorApi.sources });
  const findings = useQuery({ queryKey: [MONITOR_KEY, 'findings'], queryFn: monitorApi.findings });
  const [key, setKey] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: monitorApi.addSource,
    onSuccess: (created) => {
      setKey(created.key);
      void queryClient.invalidateQueries({ queryKey: [MONITOR_KEY, 'sources'] });
    },
  });
  const columns: TableProps<SourceView>['columns'] = [
    { title: t('sources.id'), dataIndex: 'id' },
    { title: t('sources.name'), dataIndex: 'name' },
    { title: t('sources.enabled'), dataIndex: 'enabled', render: (on: boolean) => <Tag className={`tb-tag ${on ? 'tb-tag-approved' : 'tb-tag-other'}`} variant="outlined">{on ? t('sources.on') : t('sources.off')}</Tag> },
    { title: t('sources.lastSeq'), dataIndex: 'lastSeq', align: 'right' },
    { title: t('sources.received'), dataIndex: 'received', align: 'right' },
    { title: t('sources.lastBatch'), dataIndex: 'lastBatchAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
  ];
  const findingColumns: TableProps<FindingView>['columns'] = [
    { title: t('sources.time'), dataIndex: 'recordedAt', render: (v: string) => formatDateTime(v) },
    { title: t('sources.id'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
    { title: t('sources.code'), dataIndex: 'code' },
    { title: t('sources.seq'), dataIndex: 'seq', render: (v: number | null) => v ?? '—' },
  ];
  const leader = me.data?.role === 'supervision_leader';
  return (
    <div className="tb-sv-page">
      <h1>{t('sources.title')}</h1>
      <Typography.Paragraph type="secondary">{t('sources.intro')}</Typography.Paragraph>
      {sources.error ? <ErrorAlert error={sources.error} onRetry={() => void sources.refetch()} /> : (
        <Table<SourceView> size="small" loading={sources.isLoading} rowKey="id" dataSource={sources.data?.items ?? []} columns={columns} pagination={false} scroll={{ x: 'max-content' }} />
      )}
      <Card size="small" title={t('sources.add')} style={{ marginTop: 16 }}>
        {leader ? (
          <Form layout="inline" onFinish={(v: { id: string; name: string }) => add.mutate(v)}>
            <Form.Item name="id" label={t('sources.id')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9_-]{1,39}$/ }]}><Input /></Form.Item>
            <Form.Item name="name" label={t('sources.name')} rules={[{ required: true }]}><Input /></Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>{t('sources.create')}</Button>
          </Form>
        ) : <Typography.Text type="secondary">{t('sources.leaderOnly')}</Typography.Text>}
        {add.error ? <ErrorAlert error={add.error} /> : null}
        {key ? <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('sources.keyOnce')} description={<Typography.Text code copyable>{key}</Typography.Text>} /> : null}
      </Card>
      <h2 style={{ marginTop: 24 }}>{t('sources.findings')}</h2>
      {findings.error ? <ErrorAlert error={findings.error} onRetry={() => void findings.refetch()} /> : (
        <Table<FindingView> size="small" loading={findings.isLoading} rowKey={(f) => `${f.recordedAt}-${f.code}-${f.seq}`} dataSource={findings.data?.items ?? []}
          columns={findingColumns} pagination={{ pageSize: 20 }} scroll={{ x: 'max-content' }} locale={{ emptyText: t('sources.noFindings') }} />
      )}
    </div>
  );
}

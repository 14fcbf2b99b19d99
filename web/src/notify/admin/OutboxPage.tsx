import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { useShowError } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useNotifyT } from '../messages';
import { useDepth, useOutbox, useResend, type OutboxItem } from '../api';

type Status = 'sent' | 'pending' | 'dead';

/** 短信与邮件 (administrators): what was sent (or only recorded, without a gateway), what waits, the dead letters to re-send. */
export function OutboxPage() {
  const n = useNotifyT();
  useDocumentTitle(n('nt.admin.outbox'));
  const [status, setStatus] = useState<Status>('sent');
  const depth = useDepth();
  const by = (c: string) => depth.data?.items.find((d) => d.channel === c);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>{n('nt.admin.outbox')}</Typography.Title>
      <Alert type="info" showIcon message={n('nt.admin.localHint')} />
      {depth.data && (
        <Typography.Paragraph>
          {n('nt.admin.depth', { smsPending: by('sms')?.pending ?? 0, smsDead: by('sms')?.dead ?? 0, emailPending: by('email')?.pending ?? 0, emailDead: by('email')?.dead ?? 0 })}
        </Typography.Paragraph>
      )}
      <Tabs
        activeKey={status}
        onChange={(k) => setStatus(k as Status)}
        items={(['sent', 'pending', 'dead'] as const).map((s) => ({ key: s, label: n(`nt.admin.${s}`), children: <OutboxTable status={s} /> }))}
      />
    </Space>
  );
}

function OutboxTable({ status }: { status: Status }) {
  const n = useNotifyT();
  const { formatDateTime } = useI18n();
  const [page, setPage] = useState(1);
  const outbox = useOutbox(status, page);
  const resend = useResend();
  const showError = useShowError();
  const { message } = App.useApp();
  return (
    <Table<OutboxItem>
      rowKey="id"
      size="small"
      loading={outbox.isLoading}
      dataSource={outbox.data?.items ?? []}
      pagination={{ current: page, pageSize: 20, total: outbox.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      scroll={{ x: 960 }}
      columns={[
        { title: n('nt.col.time'), width: 150, render: (_, m) => formatDateTime(m.sentAt ?? m.updatedAt) },
        { title: n('nt.col.channel'), width: 80, render: (_, m) => <Space size={4} wrap><span>{n(`nt.channel.${m.channel}`)}</span>{m.urgent && <Tag color="red">{n('nt.urgent')}</Tag>}</Space> },
        { title: n('nt.col.to'), width: 130, dataIndex: 'address' },
        { title: n('nt.col.caseNo'), width: 170, render: (_, m) => m.caseNo ?? '—' },
        { title: n('nt.col.content'), render: (_, m) => (m.subject ? <><strong>{m.subject}</strong><br />{m.body}</> : m.body) },
        { title: n('nt.col.attempts'), width: 80, dataIndex: 'attempts' },
        ...(status === 'sent'
          ? [{
            title: n('nt.col.transport'), width: 120,
            render: (_: unknown, m: OutboxItem) => (
              <Space size={4} wrap>
                <span>{m.transport ? n(`nt.transport.${m.transport as 'local' | 'smpp' | 'smtp'}`) : '—'}</span>
                {m.delivered && <Tag>{n('nt.delivered')}</Tag>}
              </Space>
            ),
          }]
          : [{ title: n('nt.col.error'), width: 220, render: (_: unknown, m: OutboxItem) => m.lastError ?? '—' }]),
        ...(status === 'dead'
          ? [{
            title: n('nt.col.action'), width: 90,
            render: (_: unknown, m: OutboxItem) => (
              <Button
                size="small"
                loading={resend.isPending && resend.variables === m.id}
                onClick={() => resend.mutate(m.id, { onSuccess: () => void message.success(n('nt.resent')), onError: showError })}
              >
                {n('nt.resend')}
              </Button>
            ),
          }]
          : []),
      ]}
    />
  );
}

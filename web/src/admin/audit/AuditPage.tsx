// 审计日志: the audit administrator searches the log of looks and changes,
// pages through it newest first, exports what the filter finds as CSV and
// verifies the hash chain. Nobody else reaches it (the server answers 403).
import { useState } from 'react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useRoleLabel } from '../../ui/labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { auditApi, type AuditEntry, type AuditFilter } from './api';
import { useAuditT } from './messages';
import './audit.css';

interface Values {
  actor?: string;
  action?: string;
  targetId?: string;
  result?: 'ok' | 'refused';
  from?: Dayjs | null;
  to?: Dayjs | null;
}

// Exact actions first: a prefix (ending in '.') labels the rest of its family.
const ACTIONS = [
  'case.read', 'case.', 'task.list', 'copy.list', 'owed.list', 'message.list', 'document.read', 'upload.read', 'card.', 'applicant.lookup',
  'org.', 'staff.', 'account.', 'audit.',
] as const;

export function AuditPage() {
  const t = useAuditT();
  const { formatDateTime } = useI18n();
  const roleLabel = useRoleLabel();
  const showError = useShowError();
  useDocumentTitle(t('title'));
  const [form] = Form.useForm<Values>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useInfiniteQuery({
    queryKey: ['audit', 'log', filter],
    queryFn: ({ pageParam }) => auditApi.log(filter, pageParam ?? undefined),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    staleTime: 0,
  });
  const verify = useMutation({ mutationFn: auditApi.verify, onError: showError });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (v: Values) => {
    const { from, to } = v;
    setFilter({
      actor: v.actor?.trim() || undefined, action: v.action, targetId: v.targetId?.trim() || undefined, result: v.result,
      from: from ? from.startOf('day').toISOString() : undefined, to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    });
  };
  const actionLabel = (action: string) => {
    const key = ACTIONS.find((a) => (a.endsWith('.') ? action.startsWith(a) : action === a));
    return key ? `${t(`action.${key}`)}（${action}）` : action;
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('seq'), dataIndex: 'seq', key: 'seq' },
    { title: t('at'), dataIndex: 'at', key: 'at', render: (v: string) => formatDateTime(v) },
    { title: t('actor'), key: 'actor', render: (_, r) => r.actorName ?? '—' },
    { title: t('role'), key: 'role', render: (_, r) => roleLabel(r.actorRole) },
    { title: t('action'), key: 'action', render: (_, r) => actionLabel(r.action) },
    { title: t('targetType'), dataIndex: 'targetType', key: 'targetType' },
    { title: t('target'), key: 'target', render: (_, r) => r.targetId ?? '—' },
    { title: t('address'), key: 'address', render: (_, r) => r.address ?? '—' },
    {
      title: t('result'),
      key: 'result',
      render: (_, r) => (
        <Tag className={`tb-tag ${r.result === 'ok' ? 'tb-tag-approved' : 'tb-tag-refused'}`} variant="outlined">
          {r.result === 'ok' ? t('resultOk') : r.result}
        </Tag>
      ),
    },
  ];

  const check = verify.data;
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {t('title')}
        </h1>
        <Space wrap>
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('verify')}
          </Button>
          <Button href={auditApi.exportUrl(filter)}>{t('export')}</Button>
        </Space>
      </Space>
      <p>{t('intro')}</p>
      {check ? (
        <Alert
          type={check.ok ? 'success' : 'error'}
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={check.ok || !check.firstBroken ? t('verifyOk', { n: check.checked }) : t('verifyBroken', { seq: check.firstBroken.seq, reason: t(`reason.${check.firstBroken.reason}`) })}
        />
      ) : null}
      <Form<Values> form={form} name="audit-filter" layout="vertical" onFinish={apply} className="tb-audit-filters">
        <Form.Item name="actor" label={t('actor')}>
          <Input placeholder={t('actorHint')} maxLength={50} allowClear />
        </Form.Item>
        <Form.Item name="action" label={t('action')}>
          <Select style={{ minWidth: 180 }} allowClear placeholder={t('actionAll')} options={ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))} />
        </Form.Item>
        <Form.Item name="targetId" label={t('target')}>
          <Input maxLength={100} allowClear />
        </Form.Item>
        <Form.Item name="result" label={t('result')}>
          <Select
            style={{ minWidth: 120 }}
            allowClear
            placeholder={t('resultAll')}
            options={[
              { value: 'ok', label: t('resultOk') },
              { value: 'refused', label: t('resultRefused') },
            ]}
          />
        </Form.Item>
        <Form.Item name="from" label={t('from')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="to" label={t('to')}>
          <DatePicker />
        </Form.Item>
        <Form.Item style={{ alignSelf: 'flex-end' }}>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {t('reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {log.isError ? (
        <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <Table<AuditEntry> rowKey="seq" loading={log.isPending} dataSource={rows} columns={columns} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('empty') }} />
          {log.hasNextPage ? (
            <Button style={{ marginTop: 12 }} onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              {t('more')}
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}

// 预警纠错: the list of warnings and cards with filters and colours. Supervisors
// see all of them; the same table, scoped by the server, is 我的监察卡 in the workbench.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMe } from '../../ui/auth';
import { cardsApi, type CardLevel, type CardStatus, type CardSummary } from './api';
import { LevelTag, StatusTag, useStageLabel } from './CardTags';
import { ForecastCard } from './ForecastCard';

const LEVELS: CardLevel[] = ['warning', 'yellow', 'red'];
const STATUSES: CardStatus[] = ['raised', 'accepted', 'filed', 'investigating', 'decided', 'appealed', 'upheld', 'revoked'];
const PAGE = 20;

export function CardsTable({ basePath }: { basePath: string }) {
  const { t, formatDateTime } = useI18n();
  const stage = useStageLabel();
  const [filter, setFilter] = useState<{ level?: CardLevel; status?: CardStatus; caseNo?: string }>({});
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['supervision', 'cards', filter, page],
    queryFn: () => cardsApi.list({ ...filter, limit: PAGE, offset: (page - 1) * PAGE }),
    refetchInterval: 5_000,
  });
  const columns: TableProps<CardSummary>['columns'] = [
    { key: 'number', title: t('svc.col.number'), render: (_, c) => <Link to={`${basePath}/${c.id}`}>{c.number}</Link> },
    { key: 'level', title: t('svc.col.level'), render: (_, c) => <LevelTag level={c.level} /> },
    { key: 'caseNo', title: t('svc.col.caseNo'), dataIndex: 'caseNo' },
    { key: 'stage', title: t('svc.col.stage'), render: (_, c) => `${stage(c.stage)}${c.stepName ? ` · ${c.stepName}` : ''}` },
    { key: 'rule', title: t('svc.col.rule'), render: (_, c) => t('svc.ruleVersion', { rule: c.ruleName, version: c.ruleVersion }) },
    { key: 'department', title: t('svc.col.department'), render: (_, c) => c.department ?? '—' },
    { key: 'assignee', title: t('svc.col.assignee'), render: (_, c) => c.assignee ?? '—' },
    { key: 'dueAt', title: t('svc.col.dueAt'), render: (_, c) => formatDateTime(c.dueAt) },
    { key: 'raisedAt', title: t('svc.col.raisedAt'), render: (_, c) => formatDateTime(c.raisedAt) },
    { key: 'status', title: t('svc.col.status'), render: (_, c) => <StatusTag status={c.status} /> },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="tb-cards">
      <Form layout="inline" onFinish={(v: { level?: CardLevel; status?: CardStatus; caseNo?: string }) => { setPage(1); setFilter({ ...v, caseNo: v.caseNo?.trim() || undefined }); }}>
        <Form.Item name="level" label={t('svc.filterLevel')}>
          <Select placeholder={t('svc.all')} style={{ width: 120 }} options={LEVELS.map((l) => ({ value: l, label: t(`svc.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('svc.filterStatus')}>
          <Select placeholder={t('svc.all')} style={{ width: 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`svc.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="caseNo" label={t('svc.filterCaseNo')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">{t('svc.search')}</Button>
        </Form.Item>
      </Form>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? <Typography.Text aria-live="polite">{t('svc.counts', list.data.levels)}</Typography.Text> : null}
      <div>
      <Table<CardSummary>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('svc.empty') }}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
      </div>
    </Space>
  );
}

export function CardsPage() {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle(t('svc.cardsTitle'));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('svc.cardsTitle')}</Typography.Title>
      {me.data?.role === 'supervisor' ? <ForecastCard /> : null}
      <Card>
        <CardsTable basePath="/supervision/cards" />
      </Card>
    </Space>
  );
}

export function MyCardsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('svc.mineTitle'));
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('svc.mineTitle')}</h1>}>
      <Typography.Paragraph type="secondary">{t('svc.mineHint')}</Typography.Paragraph>
      <CardsTable basePath="/workbench/my-cards" />
    </Card>
  );
}

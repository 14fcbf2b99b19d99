// 过程监察: one case by its number, in the five stages (受理、承办、审核、批准、办结), built from events only.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Grid, Input, Space, Steps, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { monitorApi, type CaseCard, type CaseView, type Stage, type StageView, type StepView } from './api';
import { MONITOR_KEY } from './live';
import { useMonitorT, word, type MonitorT } from './messages';
import { StatusTag } from '../cards/CardTags';
import type { CardStatus } from '../cards/api';

/** A span of milliseconds in days and hours (or hours and minutes when short). */
export function spanText(ms: number, locale: string): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const zh = locale === 'zh';
  if (d > 0) return zh ? `${d} 天 ${h} 小时` : `${d} d ${h} h`;
  if (h > 0) return zh ? `${h} 小时 ${m} 分` : `${h} h ${m} min`;
  return zh ? `${m} 分钟` : `${m} min`;
}

function stageStatus(s: StageView): 'wait' | 'process' | 'finish' {
  if (s.completedAt) return 'finish';
  return s.startedAt ? 'process' : 'wait';
}

function StepTable({ steps, t }: { steps: StepView[]; t: MonitorT }) {
  const { formatDateTime, locale } = useI18n();
  const columns: TableProps<StepView>['columns'] = [
    { title: t('process.step'), dataIndex: 'name', render: (n: string | null, s) => <>{n ?? '—'}{s.byTimeout ? <Tag className="tb-tag tb-tag-refused" style={{ marginLeft: 6 }}>{t('process.byTimeout')}</Tag> : null}</> },
    { title: t('process.assignee'), key: 'who', render: (_: unknown, s) => s.completedBy ?? s.assignee ?? s.department ?? '—' },
    { title: t('process.started'), dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
    { title: t('process.finished'), dataIndex: 'completedAt', render: (v: string | null) => (v ? formatDateTime(v) : t('process.stageOpen')) },
    { title: t('process.limit'), key: 'limit', render: (_: unknown, s) => (s.limitMs === null ? '—' : `${spanText(s.limitMs, locale)}（${formatDateTime(s.dueAt)}）`) },
    {
      title: t('process.duration'), key: 'duration',
      render: (_: unknown, s) => <span className={s.overdue ? 'tb-sv-red' : undefined}>{spanText(s.durationMs, locale)}{s.overdue ? ` · ${t('process.overdue')}` : ''}</span>,
    },
    { title: t('process.outcome'), dataIndex: 'outcome', render: (v: string | null) => (v ? word(t, `outcome.${v}`, v) : '—') },
  ];
  return <Table<StepView> size="small" rowKey="stepId" dataSource={steps} columns={columns} pagination={false} scroll={{ x: 'max-content' }} />;
}

function CaseStages({ view, t }: { view: CaseView; t: MonitorT }) {
  const { formatDateTime } = useI18n();
  const status = (s: string) => (['submitted', 'supplementing', 'accepted', 'approved', 'denied', 'refused'].includes(s) ? t(`status.${s}` as Parameters<MonitorT>[0]) : s);
  return (
    <>
      <Card title={`${view.caseNo} · ${view.itemName ?? ''}`} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('col.department')}>{view.department ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('process.status')}>
            <Space wrap>
              {status(view.status)}
              {view.overdue ? <Tag className="tb-tag tb-tag-refused">{t('process.overdue')}</Tag> : null}
              {view.paused ? <Tag className="tb-tag tb-tag-other">{t('process.paused')}</Tag> : null}
              {view.deemedAccepted ? <Tag className="tb-tag tb-tag-refused">{t('process.deemed')}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('process.submitted')}>{formatDateTime(view.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('process.due')}>{view.dueAt ? formatDateTime(view.dueAt) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('process.concluded')}>{view.concludedAt ? formatDateTime(view.concludedAt) : '—'}</Descriptions.Item>
        </Descriptions>
        <Steps
          style={{ marginTop: 16 }}
          size="small"
          items={view.stages.map((s) => ({
            title: t(`stage.${s.stage}`),
            status: stageStatus(s),
            description: s.completedAt ? formatDateTime(s.completedAt) : s.startedAt ? t('process.stageOpen') : t('process.stageNotReached'),
          }))}
        />
      </Card>
      {view.stages.map((s) => (
        <Card key={s.stage} size="small" style={{ marginBottom: 12 }}
          title={<Space wrap><span>{t(`stage.${s.stage}`)}</span><Typography.Text type="secondary">{s.completedAt ? t('process.stageDone') : s.startedAt ? t('process.stageOpen') : t('process.stageNotReached')}</Typography.Text></Space>}>
          {s.startedAt ? (
            <>
              <Space wrap size="large" style={{ marginBottom: 8 }}>
                <span>{t('process.started')}：{formatDateTime(s.startedAt)}</span>
                <span>{t('process.finished')}：{s.completedAt ? formatDateTime(s.completedAt) : '—'}</span>
                <span>{t('process.actors')}：{s.actors.length ? s.actors.join('、') : '—'}</span>
              </Space>
              {s.steps.length ? <StepTable steps={s.steps} t={t} /> : null}
            </>
          ) : <Typography.Text type="secondary">{t('process.stageNotReached')}</Typography.Text>}
        </Card>
      ))}
      <Card size="small" title={t('process.anomalies')} style={{ marginBottom: 12 }}>
        {view.anomalies.length ? (
          <ul>{view.anomalies.map((a) => <li key={`${a.kind}-${a.occurredAt}`}>{formatDateTime(a.occurredAt)} {t(`kind.${a.kind}` as Parameters<MonitorT>[0])}</li>)}</ul>
        ) : '—'}
      </Card>
      <Card size="small" title={t('process.cards')}>
        {view.cards.length ? (
          <Table<CaseCard>
            size="small" rowKey="number" dataSource={view.cards} pagination={false} scroll={{ x: 'max-content' }}
            columns={[
              { title: t('process.cardNo'), dataIndex: 'number' },
              { title: t('process.cardLevel'), dataIndex: 'level', render: (l: CaseCard['level']) => <Tag className={`tb-tag ${l === 'red' ? 'tb-tag-refused' : 'tb-tag-other'}`} variant="outlined">{t(`level.${l}`)}</Tag> },
              { title: t('process.cardRule'), key: 'rule', render: (_: unknown, c) => `${c.ruleName}（v${c.ruleVersion}）` },
              { title: t('process.step'), key: 'step', render: (_: unknown, c) => c.step ?? t(`stage.${c.stage as Stage}`) },
              { title: t('process.cardRaised'), dataIndex: 'raisedAt', render: (v: string) => formatDateTime(v) },
              { title: t('process.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v as CardStatus} /> },
            ]}
          />
        ) : t('process.noCards')}
      </Card>
    </>
  );
}

export function ProcessPage() {
  const t = useMonitorT();
  useDocumentTitle(t('process.title'));
  const { caseNo } = useParams();
  const navigate = useNavigate();
  const [text, setText] = useState(caseNo ?? '');
  // Below the sm breakpoint the search stacks: inline, the label and the field overflow a 320 px screen.
  const narrow = Grid.useBreakpoint().sm === false;
  const view = useQuery({
    queryKey: [MONITOR_KEY, 'case', caseNo],
    queryFn: () => monitorApi.caseView(caseNo!),
    enabled: !!caseNo,
    retry: false,
  });
  const notFound = view.error instanceof ApiError && view.error.code === 'SV_CASE_UNKNOWN';
  return (
    <div className="tb-sv-page">
      <h1>{t('process.title')}</h1>
      <Typography.Paragraph type="secondary">{t('process.intro')}</Typography.Paragraph>
      <Form layout={narrow ? 'vertical' : 'inline'} style={{ marginBottom: 16, rowGap: 8, maxWidth: '100%' }} onFinish={() => { const no = text.trim().toUpperCase(); if (no) void navigate(`/supervision/process/${encodeURIComponent(no)}`); }}>
        <Form.Item label={t('process.caseNo')} htmlFor="sv-case-no">
          <Input id="sv-case-no" value={text} onChange={(e) => setText(e.target.value)} style={{ width: 260, maxWidth: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('process.search')}</Button>
      </Form>
      {notFound ? <Alert type="warning" showIcon title={t('process.notFound')} /> : null}
      {view.error && !notFound ? <ErrorAlert error={view.error} onRetry={() => void view.refetch()} /> : null}
      {view.data ? <CaseStages view={view.data} t={t} /> : null}
    </div>
  );
}

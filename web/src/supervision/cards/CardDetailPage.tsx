// One card: its facts, the time limit and colour of each handling step, the
// handling so far, the moves the signed-in person may make now (the server's
// list), investigation notes and the approval case's events (supervisors), and
// the card's own hash-chained log.
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, List, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadError } from '../../ui/errors';
import { EventTypeTag } from '../../ui/labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { cardsApi, type CardDetail } from './api';
import { MoveForm } from './CardMoveForm';
import { ColourTag, LevelTag, StatusTag, useStageLabel } from './CardTags';

/** A part of the card page under its own heading (h2, below the card's h1). */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>{children}</Card>;
}

/** A small list whose every line is a row of wrapping parts. */
function Lines<T>({ items, line }: { items: T[]; line: (item: T) => ReactNode }) {
  return <List size="small" dataSource={items} renderItem={(item) => <List.Item><Space wrap>{line(item)}</Space></List.Item>} />;
}

export function CardDetailPage({ basePath }: { basePath: string }) {
  const { t, formatDateTime, formatDate } = useI18n();
  const stage = useStageLabel();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const card = useQuery({ queryKey: ['supervision', 'card', id], queryFn: () => cardsApi.get(id) });
  useDocumentTitle(card.data ? t('svc.detailTitle', { number: card.data.number }) : undefined);
  if (card.isError) return <LoadError error={card.error} onRetry={() => void card.refetch()} back={{ to: basePath, label: t('svc.back') }} />;
  const c = card.data;
  if (!c) return <Card loading />;
  const h = c.handling;
  const done = (next: CardDetail) => { client.setQueryData(['supervision', 'card', id], next); void client.invalidateQueries({ queryKey: ['supervision', 'cards'] }); };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={basePath}>{t('svc.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('svc.detailTitle', { number: c.number })} <LevelTag level={c.level} /> <StatusTag status={c.status} />
      </Typography.Title>
      <Section title={t('svc.facts')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('svc.col.caseNo')}>{c.caseNo}</Descriptions.Item>
          <Descriptions.Item label={t('svc.col.stage')}>{stage(c.stage)}{c.stepName ? ` · ${c.stepName}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('svc.col.rule')}>{t('svc.ruleVersion', { rule: c.ruleName, version: c.ruleVersion })}</Descriptions.Item>
          <Descriptions.Item label={t('svc.triggerEvents')}>{c.triggerSeqs.map((s) => `#${s}`).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('svc.col.department')}>{c.department ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('svc.col.assignee')}>{c.assignee ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('svc.col.dueAt')}>{formatDateTime(c.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('svc.col.raisedAt')}>{formatDateTime(c.raisedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('svc.source')}>{c.source}</Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title={t('svc.clocks')}>
        <Lines items={c.clocks} line={(k) => (
          <>
            <strong>{t(`svc.clock.${k.step}`)}</strong>
            <ColourTag colour={k.colour} />
            <span>{t('svc.dueAt', { time: formatDateTime(k.dueAt) })}</span>
            {k.doneAt ? <span>{t('svc.doneAt', { time: formatDateTime(k.doneAt) })}</span> : null}
          </>
        )} />
      </Section>
      <Section title={t('svc.handling')}>
        <Descriptions column={1} size="small">
          {h.fileReason ? <Descriptions.Item label={t('svc.fileReason')}>{h.fileReason}</Descriptions.Item> : null}
          {h.outcome ? <Descriptions.Item label={t('svc.outcome')}>{t(`svc.outcome.${h.outcome}`)}{h.rectifyBy ? ` · ${t('svc.rectifyBy')} ${formatDate(h.rectifyBy)}` : ''}</Descriptions.Item> : null}
          {h.opinion ? <Descriptions.Item label={t('svc.opinion')}>{h.opinion}</Descriptions.Item> : null}
          {h.adviceNo ? (
            <Descriptions.Item label={t('svc.advice', { no: '' })}>
              <a href={cardsApi.adviceUrl(c.id)} target="_blank" rel="noreferrer">{t('svc.advice', { no: h.adviceNo })}</a>
            </Descriptions.Item>
          ) : null}
          {h.appealReason ? <Descriptions.Item label={t('svc.appealReason')}>{h.appealReason}</Descriptions.Item> : null}
          {h.reviewOpinion ? <Descriptions.Item label={t('svc.reviewOpinion')}>{h.reviewOpinion}</Descriptions.Item> : null}
        </Descriptions>
        <div role="region" aria-label={t('svc.actions')}>
          {c.moves.length === 0 ? <Typography.Text type="secondary">{t('svc.noMoves')}</Typography.Text> : null}
          {c.moves.map((m) => <MoveForm key={m} card={c} move={m} onDone={done} />)}
        </div>
      </Section>
      {c.notes ? (
        <Section title={t('svc.notes')}>
          <List
            size="small"
            dataSource={c.notes}
            locale={{ emptyText: '—' }}
            renderItem={(n) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <span>{formatDateTime(n.createdAt)} · {n.author}</span>
                  <span>{n.note}</span>
                  {n.attachedSeqs.length ? <span>{t('svc.caseEvents')}{t('common.colon')}{n.attachedSeqs.map((s) => `#${s}`).join('、')}</span> : null}
                  {n.files.map((f) => <a key={f.id} href={cardsApi.evidenceUrl(c.id, f.id)} target="_blank" rel="noreferrer">{f.name}</a>)}
                </Space>
              </List.Item>
            )}
          />
        </Section>
      ) : null}
      {c.caseEvents ? (
        <Section title={t('svc.caseEvents')}>
          <Table
            rowKey="seq" size="small" pagination={false} dataSource={c.caseEvents}
            columns={[
              { key: 'seq', title: '#', dataIndex: 'seq' },
              { key: 'type', title: t('svc.eventType'), render: (_, e) => <EventTypeTag type={e.type} /> },
              { key: 'at', title: t('svc.eventAt'), render: (_, e) => formatDateTime(e.occurredAt) },
            ]}
          />
        </Section>
      ) : null}
      <Section title={t('svc.log')}>
        <Lines items={c.log} line={(l) => (
          <>
            <span>#{l.seq}</span><span>{l.type}</span><span>{formatDateTime(l.occurredAt)}</span>
            <span className="tb-card-log-hash">{l.hash.slice(0, 16)}…</span>
          </>
        )} />
      </Section>
    </Space>
  );
}

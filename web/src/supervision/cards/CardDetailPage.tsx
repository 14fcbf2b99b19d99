// One card: its facts, the time limit and colour of each handling step, the
// handling so far, the moves the signed-in person may make now (the server's
// list), investigation notes and the approval case's events (supervisors), and
// the card's own hash-chained log.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Form, Input, List, Radio, Select, Space, Table, Typography, Upload, message } from 'antd';
import type { UploadFile } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadError, useShowError } from '../../ui/errors';
import { EventTypeTag } from '../../ui/labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { cardsApi, type CardDetail, type CardMove, type MoveBody, type Outcome } from './api';
import { ColourTag, LevelTag, StatusTag, useStageLabel } from './CardTags';

const OUTCOMES: Outcome[] = ['no_fault', 'criticism', 'rectification', 'referral'];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

interface MoveValues {
  reason?: string; note?: string; attach?: string; outcome?: Outcome; opinion?: string;
  rectifyBy?: { format(f: string): string } | null; verdict?: 'uphold' | 'revoke';
}

function MoveForm({ card, move, onDone }: { card: CardDetail; move: CardMove; onDone: (c: CardDetail) => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<MoveValues>();
  const outcome = Form.useWatch('outcome', form);
  const submit = useMutation({
    mutationFn: async (v: MoveValues): Promise<CardDetail> => {
      let body: MoveBody;
      switch (move) {
        case 'accept': body = { move }; break;
        case 'file': body = { move, reason: v.reason ?? '' }; break;
        case 'appeal': body = { move, reason: v.reason ?? '' }; break;
        case 'investigate': {
          const evidence = await Promise.all(files.map(async (f) => ({ name: f.name, content: await toBase64(f.originFileObj as File) })));
          const attachSeqs = (v.attach ?? '').split(/[\s,，]+/).filter(Boolean).map(Number);
          body = { move, note: v.note ?? '', attachSeqs, evidence };
          break;
        }
        case 'decide': body = { move, outcome: v.outcome ?? 'no_fault', opinion: v.opinion ?? '', rectifyBy: v.rectifyBy ? v.rectifyBy.format('YYYY-MM-DD') : null }; break;
        case 'review': body = { move, verdict: v.verdict ?? 'uphold', opinion: v.opinion ?? '' }; break;
      }
      return cardsApi.move(card.id, body);
    },
    onSuccess: (c) => { void message.success(t('svc.done')); form.resetFields(); setFiles([]); onDone(c); },
    onError: showError,
  });
  const id = `move-${move}`;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} aria-labelledby={`${id}-title`}>
      <Typography.Title level={3} id={`${id}-title`} style={{ fontSize: 15 }}>{t(`svc.move.${move}`)}</Typography.Title>
      {move === 'file' || move === 'appeal' ? (
        <Form.Item name="reason" label={move === 'file' ? t('svc.fileReason') : t('svc.appealReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ) : null}
      {move === 'investigate' ? (
        <>
          <Form.Item name="note" label={t('svc.note')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
          <Form.Item name="attach" label={t('svc.attach')}><Input placeholder="1, 2" /></Form.Item>
          <Form.Item label={t('svc.evidence')}>
            <Upload fileList={files} beforeUpload={(f) => { setFiles((x) => [...x, { uid: f.uid, name: f.name, originFileObj: f }]); return false; }}
              onRemove={(f) => setFiles((x) => x.filter((y) => y.uid !== f.uid))} accept=".pdf,.jpg,.jpeg,.png">
              <Button>{t('svc.evidence')}</Button>
            </Upload>
          </Form.Item>
        </>
      ) : null}
      {move === 'decide' ? (
        <>
          <Form.Item name="outcome" label={t('svc.outcome')} rules={[{ required: true }]}>
            <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`svc.outcome.${o}`) }))} />
          </Form.Item>
          {outcome === 'rectification' ? (
            <Form.Item name="rectifyBy" label={t('svc.rectifyBy')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          ) : null}
        </>
      ) : null}
      {move === 'review' ? (
        <Form.Item name="verdict" label={t('svc.verdict')} rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'uphold', label: t('svc.verdict.uphold') }, { value: 'revoke', label: t('svc.verdict.revoke') }]} />
        </Form.Item>
      ) : null}
      {move === 'decide' || move === 'review' ? (
        <Form.Item name="opinion" label={t('svc.opinion')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={submit.isPending}>{move === 'accept' ? t('svc.move.accept') : t('svc.submit')}</Button>
    </Form>
  );
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
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('svc.facts')}</h2>}>
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
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('svc.clocks')}</h2>}>
        <List
          size="small"
          dataSource={c.clocks}
          renderItem={(k) => (
            <List.Item>
              <Space wrap>
                <strong>{t(`svc.clock.${k.step}`)}</strong>
                <ColourTag colour={k.colour} />
                <span>{t('svc.dueAt', { time: formatDateTime(k.dueAt) })}</span>
                {k.doneAt ? <span>{t('svc.doneAt', { time: formatDateTime(k.doneAt) })}</span> : null}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('svc.handling')}</h2>}>
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
      </Card>
      {c.notes ? (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('svc.notes')}</h2>}>
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
        </Card>
      ) : null}
      {c.caseEvents ? (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('svc.caseEvents')}</h2>}>
          <Table
            rowKey="seq" size="small" pagination={false} dataSource={c.caseEvents}
            columns={[
              { key: 'seq', title: '#', dataIndex: 'seq' },
              { key: 'type', title: t('svc.col.rule'), render: (_, e) => <EventTypeTag type={e.type} /> },
              { key: 'at', title: t('svc.col.raisedAt'), render: (_, e) => formatDateTime(e.occurredAt) },
            ]}
          />
        </Card>
      ) : null}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('svc.log')}</h2>}>
        <List
          size="small"
          dataSource={c.log}
          renderItem={(l) => (
            <List.Item>
              <Space wrap>
                <span>#{l.seq}</span><span>{l.type}</span><span>{formatDateTime(l.occurredAt)}</span>
                <span className="tb-card-log-hash">{l.hash.slice(0, 16)}…</span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

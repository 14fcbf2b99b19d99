// The live event stream: polls /api/supervision/events every 2 s with the
// last seen seq, newest on top; the hash-chain check beside it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { api, type SupervisionEvent } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { EventTypeTag, useRoleLabel } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';

const POLL_MS = 2_000;
const PAGE = 200;
const MAX_ROWS = 2_000;

function ChainBadge() {
  const { t, formatDateTime } = useI18n();
  const chain = useQuery({ queryKey: ['supervision', 'chain'], queryFn: api.supervision.chain, refetchInterval: 10_000 });
  let badge;
  if (chain.isPending) {
    badge = (
      <Tag icon={<SyncOutlined spin aria-hidden />} className="tb-tag tb-tag-other" variant="outlined">
        {t('sv.chainChecking')}
      </Tag>
    );
  } else if (chain.isError) {
    badge = <ErrorAlert error={chain.error} onRetry={() => void chain.refetch()} />;
  } else if (chain.data.ok) {
    badge = (
      <Tag icon={<CheckCircleOutlined aria-hidden />} className="tb-tag tb-tag-approved" variant="outlined">
        {t('sv.chainOk', { count: chain.data.checked })}
      </Tag>
    );
  } else {
    const broken = chain.data.firstBroken;
    badge = (
      <Tag icon={<CloseCircleOutlined aria-hidden />} className="tb-tag tb-tag-refused" variant="outlined">
        {t('sv.chainBroken', { seq: broken?.seq ?? '?', reason: broken?.reason ?? '' })}
      </Tag>
    );
  }
  return (
    <Space wrap aria-live="polite">
      <Typography.Text strong>{t('sv.chainStatus')}
        {t('common.colon')}
      </Typography.Text>
      {badge}
      {chain.dataUpdatedAt ? (
        <Typography.Text type="secondary">{t('sv.checkedAt', { time: formatDateTime(new Date(chain.dataUpdatedAt).toISOString()) })}</Typography.Text>
      ) : null}
      <Button size="small" onClick={() => void chain.refetch()} loading={chain.isFetching}>
        {t('sv.verifyNow')}
      </Button>
    </Space>
  );
}

/** Polls the stream from afterSeq onwards; resets when the case filter changes. */
function useEventStream(caseNo: string, paused: boolean) {
  const [events, setEvents] = useState<SupervisionEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [freshIds, setFreshIds] = useState<ReadonlySet<string>>(new Set());
  const [arrived, setArrived] = useState(0);
  const lastSeq = useRef(0);

  useEffect(() => {
    lastSeq.current = 0;
    setEvents([]);
    setLoading(true);
    setFreshIds(new Set());
  }, [caseNo]);

  useEffect(() => {
    if (paused) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const initial = lastSeq.current === 0;
        const batch: SupervisionEvent[] = [];
        // Catch up in pages, but never more than a few per tick.
        for (let page = 0; page < 5; page++) {
          const { items } = await api.supervision.events({ caseNo: caseNo || undefined, afterSeq: lastSeq.current, limit: PAGE });
          if (stopped) return;
          batch.push(...items);
          for (const e of items) if (e.seq > lastSeq.current) lastSeq.current = e.seq;
          if (items.length < PAGE) break;
        }
        if (batch.length > 0) {
          setEvents((prev) => {
            const seen = new Set(prev.map((e) => e.seq));
            const merged = [...batch.filter((e) => !seen.has(e.seq)), ...prev].sort((a, b) => b.seq - a.seq);
            return merged.slice(0, MAX_ROWS);
          });
          if (!initial) {
            setFreshIds(new Set(batch.map((e) => e.id)));
            setArrived(batch.length);
          }
        }
        setError(null);
      } catch (e) {
        if (stopped) return;
        setError(e);
      } finally {
        if (!stopped) {
          setLoading(false);
          timer = setTimeout(() => void tick(), POLL_MS);
        }
      }
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [caseNo, paused]);

  return { events, error, loading, freshIds, arrived };
}

export function EventStreamPage() {
  const { t, formatDateTime } = useI18n();
  useDocumentTitle(t('sv.title'));
  const roleLabel = useRoleLabel();
  const [caseNo, setCaseNo] = useState('');
  const [paused, setPaused] = useState(false);
  const [form] = Form.useForm<{ caseNo: string }>();
  const { events, error, loading, freshIds, arrived } = useEventStream(caseNo, paused);

  const applyFilter = useCallback(
    (value: string) => {
      form.setFieldsValue({ caseNo: value });
      setCaseNo(value.trim());
    },
    [form],
  );

  const columns: TableProps<SupervisionEvent>['columns'] = [
    { title: t('sv.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('sv.time'), dataIndex: 'occurredAt', key: 'time', render: (v: string) => <time dateTime={v}>{formatDateTime(v)}</time> },
    { title: t('sv.type'), dataIndex: 'type', key: 'type', render: (type: string) => <EventTypeTag type={type} /> },
    {
      title: t('case.caseNo'),
      dataIndex: 'caseNo',
      key: 'caseNo',
      render: (v: string | null) =>
        v ? (
          <Tooltip title={t('sv.filterThis')}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => applyFilter(v)}>
              {v}
            </Button>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: t('sv.actorRole'), dataIndex: 'actorRole', key: 'actorRole', render: (v: string | null) => roleLabel(v) },
    {
      title: t('sv.hash'),
      dataIndex: 'hash',
      key: 'hash',
      render: (v: string) => (
        <Typography.Text className="tb-hash" title={v}>
          {v.slice(0, 12)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <div className="tb-stack">
      <Card>
        <h1 className="tb-page-title">{t('sv.title')}</h1>
        <div className="tb-stack">
          <ChainBadge />
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Form form={form} layout="inline" onFinish={(v) => applyFilter(v.caseNo ?? '')} style={{ rowGap: 8 }}>
              <Form.Item name="caseNo" label={t('sv.filterCaseNo')}>
                <Input allowClear maxLength={40} autoComplete="off" style={{ width: 240 }} />
              </Form.Item>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit">
                    {t('sv.filter')}
                  </Button>
                  <Button onClick={() => applyFilter('')} disabled={!caseNo}>
                    {t('sv.clearFilter')}
                  </Button>
                </Space>
              </Form.Item>
            </Form>
            <Space>
              <Switch id="sv-live" checked={!paused} onChange={(on) => setPaused(!on)} />
              <label htmlFor="sv-live">{t('sv.live')}</label>
            </Space>
          </Space>
        </div>
      </Card>
      <Card
        title={
          <h2 className="tb-card-title">
            {caseNo ? t('sv.streamFor', { caseNo }) : t('sv.stream')}
          </h2>
        }
        extra={<Typography.Text type="secondary">{paused ? t('sv.paused') : t('sv.polling')}</Typography.Text>}
      >
        {error ? <ErrorAlert error={error} /> : null}
        <div className="sr-only" aria-live="polite">
          {arrived > 0 ? t('sv.arrived', { count: arrived }) : ''}
        </div>
        <Table<SupervisionEvent>
          rowKey="seq"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={events}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(e) => (freshIds.has(e.id) ? 'tb-event-new' : '')}
          locale={{ emptyText: t('sv.empty') }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: 'id', label: t('sv.eventId'), children: <span className="tb-hash">{e.id}</span> },
                  { key: 'schema', label: t('sv.schemaVersion'), children: e.schemaVersion },
                  { key: 'prev', label: t('sv.prevHash'), children: <span className="tb-hash">{e.prevHash}</span> },
                  { key: 'hash', label: t('sv.hash'), children: <span className="tb-hash">{e.hash}</span> },
                  {
                    key: 'payload',
                    label: t('sv.payload'),
                    children: <pre className="tb-hash tb-prewrap" style={{ margin: 0 }}>{JSON.stringify(e.payload, null, 2)}</pre>,
                  },
                ]}
              />
            ),
          }}
        />
      </Card>
    </div>
  );
}

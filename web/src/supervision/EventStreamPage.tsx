// The live event stream: the newest page first, older pages by cursor on
// demand, newer events polled every 2 s after the highest seq seen; filters by
// case number, department and dates; the hash-chain check beside it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Form, Grid, Input, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TableProps } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { api, type SupervisionEvent } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { EventTypeTag, useRoleLabel } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';

const POLL_MS = 2_000;
const PAGE = 50;

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

interface StreamFilter {
  caseNo?: string | undefined;
  departmentId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The newest page first (order=desc), older pages on demand by cursor, and
 * newer events polled from the highest seq seen (afterSeq); starts over when
 * the filter changes.
 */
function useEventStream(filter: StreamFilter, paused: boolean) {
  const [events, setEvents] = useState<SupervisionEvent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [freshIds, setFreshIds] = useState<ReadonlySet<string>>(new Set());
  const [arrived, setArrived] = useState(0);
  const [older, setOlder] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const lastSeq = useRef<number | null>(null);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    lastSeq.current = null;
    setEvents([]);
    setOlder(null);
    setLoading(true);
    setFreshIds(new Set());
  }, [filterKey]);

  useEffect(() => {
    if (paused) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const query = JSON.parse(filterKey) as StreamFilter;
    const tick = async () => {
      try {
        if (lastSeq.current === null) {
          const page = await api.supervision.events({ ...query, order: 'desc', limit: PAGE });
          if (stopped) return;
          lastSeq.current = page.items[0]?.seq ?? 0;
          setEvents(page.items);
          setOlder(page.nextCursor);
        } else {
          const batch: SupervisionEvent[] = [];
          // Catch up in pages, but never more than a few per tick.
          for (let n = 0; n < 5; n++) {
            const page = await api.supervision.events({ ...query, afterSeq: lastSeq.current, limit: 200 });
            if (stopped) return;
            batch.push(...page.items);
            for (const e of page.items) if (e.seq > lastSeq.current) lastSeq.current = e.seq;
            if (!page.nextCursor) break;
          }
          if (batch.length > 0) {
            setEvents((prev) => [...batch.reverse(), ...prev]);
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
  }, [filterKey, paused]);

  const loadOlder = useCallback(async () => {
    if (!older) return;
    setLoadingOlder(true);
    try {
      const page = await api.supervision.events({ ...(JSON.parse(filterKey) as StreamFilter), order: 'desc', cursor: older, limit: PAGE });
      setEvents((prev) => [...prev, ...page.items]);
      setOlder(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingOlder(false);
    }
  }, [older, filterKey]);

  return { events, error, loading, freshIds, arrived, hasOlder: older !== null, loadOlder, loadingOlder };
}

export function EventStreamPage() {
  const { t, formatDateTime } = useI18n();
  useDocumentTitle(t('sv.title'));
  const roleLabel = useRoleLabel();
  const [filter, setFilter] = useState<StreamFilter>({});
  const caseNo = filter.caseNo ?? '';
  const [paused, setPaused] = useState(false);
  // Below the sm breakpoint the filters stack: inline, label and range picker overflow a 320 px screen.
  const narrow = Grid.useBreakpoint().sm === false;
  const [form] = Form.useForm<{ caseNo?: string; departmentId?: string; dates?: [Dayjs, Dayjs] | null }>();
  const departments = useQuery({ queryKey: ['departments'], queryFn: api.catalog.departments, staleTime: 300_000 });
  const { events, error, loading, freshIds, arrived, hasOlder, loadOlder, loadingOlder } = useEventStream(filter, paused);

  const applyFilter = useCallback(
    (value: string) => {
      form.setFieldsValue({ caseNo: value });
      setFilter((f) => ({ ...f, caseNo: value.trim() || undefined }));
    },
    [form],
  );
  const submitFilter = (v: { caseNo?: string; departmentId?: string; dates?: [Dayjs, Dayjs] | null }) =>
    setFilter({
      caseNo: v.caseNo?.trim() || undefined,
      departmentId: v.departmentId,
      from: v.dates?.[0]?.format('YYYY-MM-DD'),
      to: v.dates?.[1]?.format('YYYY-MM-DD'),
    });
  const clearFilter = () => {
    form.resetFields();
    setFilter({});
  };
  const filtered = Object.values(filter).some((v) => v);

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
            <Form form={form} layout={narrow ? 'vertical' : 'inline'} onFinish={submitFilter} style={{ rowGap: 8, maxWidth: '100%' }}>
              <Form.Item name="caseNo" label={t('sv.filterCaseNo')}>
                <Input allowClear maxLength={40} autoComplete="off" style={{ width: 220, maxWidth: '100%' }} />
              </Form.Item>
              <Form.Item name="departmentId" label={t('case.department')}>
                <Select
                  allowClear
                  placeholder={t('list.allDepartments')}
                  options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  style={{ width: 180, maxWidth: '100%' }}
                />
              </Form.Item>
              <Form.Item name="dates" label={t('list.dateRange')}>
                <DatePicker.RangePicker style={{ width: '100%', maxWidth: 260 }} />
              </Form.Item>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit">
                    {t('sv.filter')}
                  </Button>
                  <Button onClick={clearFilter} disabled={!filtered}>
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
          pagination={false}
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
        {hasOlder ? (
          <Space className="tb-load-more" style={{ width: '100%', justifyContent: 'center', marginTop: 12 }}>
            <Typography.Text type="secondary">{t('list.shown', { count: events.length })}</Typography.Text>
            <Button onClick={() => void loadOlder()} loading={loadingOlder}>
              {t('list.loadMore')}
            </Button>
          </Space>
        ) : null}
      </Card>
    </div>
  );
}

// 工作日历: the calendar administration console (admin edits; managers read).
// A region's year as twelve month grids, a day editor with a required reason,
// the yearly State Council notice import, the audit trail, office hours and
// the yellow threshold, and a deadline calculator that says how it got its answer.
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CalculatorOutlined, ImportOutlined, LeftOutlined, PlusOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import { api, ApiError, type CalendarDay, type CalendarDayState, type CalendarEdit, type ClockSettings, type DeadlineResult, type DeadlineUnit, type NoticeProblem } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { useMe } from '../ui/auth';
import { ErrorAlert, useShowError } from '../ui/errors';
import { useRoleLabel } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { dayKind, monthWeeks, type DayKind } from './calendarDays';
import { RecomputeProgress } from './RecomputeProgress';

const WEEKDAY_KEYS: MessageKey[] = ['cal.wd1', 'cal.wd2', 'cal.wd3', 'cal.wd4', 'cal.wd5', 'cal.wd6', 'cal.wd7'];

function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

function useKindLabel() {
  const { t } = useI18n();
  return (kind: DayKind) => t(`cal.kind.${kind}`);
}

function MonthGrid({
  month,
  days,
  canEdit,
  onPick,
  active,
}: {
  month: number;
  days: CalendarDay[];
  canEdit: boolean;
  onPick: (day: CalendarDay) => void;
  /** The one day button in the tab order (arrow keys move between days). */
  active: string;
}) {
  const { t, locale } = useI18n();
  const kindLabel = useKindLabel();
  const provisional = days.some((d) => d.provisional);
  const name = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  const weeks = monthWeeks(days);
  const title = t('cal.monthTitle', { month, name });
  return (
    <section className="tb-month" aria-label={title}>
      <h3 className="tb-month-title">
        {title}
        {provisional ? (
          <Tag className="tb-tag tb-tag-other" variant="outlined" style={{ marginInlineStart: 8 }}>
            {t('due.provisional')}
          </Tag>
        ) : null}
      </h3>
      <table className="tb-month-grid">
        <thead>
          <tr>
            {WEEKDAY_KEYS.map((k) => (
              <th key={k} scope="col">
                {t(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w, i) => (
            <tr key={i}>
              {w.map((day, j) => {
                if (!day) return <td key={j} />;
                const kind = dayKind(day);
                const label = `${day.date} ${day.weekday} ${kindLabel(kind)}${day.name ? ` ${day.name}` : ''}${day.provisional ? ` ${t('due.provisional')}` : ''}`;
                const mark = kind === 'holiday' ? day.name : kind === 'makeup' ? t('cal.makeupShort') : kind === 'rest' ? t('cal.restShort') : '';
                const content = (
                  <>
                    <span className="tb-day-num">{Number(day.date.slice(8))}</span>
                    {mark ? <span className="tb-day-mark">{mark}</span> : null}
                  </>
                );
                return (
                  <td key={j} className={`tb-day tb-day-${kind}${day.provisional ? ' tb-day-provisional' : ''}${day.source === 'manual' || day.source === 'region' ? ' tb-day-override' : ''}`}>
                    {canEdit ? (
                      <button
                        type="button"
                        className="tb-day-button"
                        data-date={day.date}
                        tabIndex={day.date === active ? 0 : -1}
                        aria-label={label}
                        title={label}
                        onClick={() => onPick(day)}
                      >
                        {content}
                      </button>
                    ) : (
                      <span className="tb-day-button" aria-label={label} title={label} role="img">
                        {content}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DayEditor({ region, day, onClose }: { region: string; day: CalendarDay | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const kindLabel = useKindLabel();
  const [form] = Form.useForm<{ kind: 'workday' | 'holiday'; name: string; reason: string }>();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
  const save = useMutation({
    mutationFn: (v: { kind: 'workday' | 'holiday'; name: string; reason: string }) => api.calendar.setDay(region, day!.date, v),
  });
  const clear = useMutation({ mutationFn: (reason: string) => api.calendar.clearDay(region, day!.date, reason) });
  const done = (text: string) => {
    refresh();
    void message.success(text);
    onClose();
  };
  return (
    <Modal
      open={day !== null}
      title={day ? t('cal.editTitle', { date: `${day.date} ${day.weekday}` }) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="clear"
          loading={clear.isPending}
          onClick={() =>
            form.validateFields(['reason']).then(
              ({ reason }) => clear.mutate(reason.trim(), { onSuccess: () => done(t('cal.cleared', { date: day!.date })), onError: showError }),
              () => undefined,
            )
          }
        >
          {t('cal.clear')}
        </Button>,
        <Button
          key="save"
          type="primary"
          icon={<SaveOutlined aria-hidden />}
          loading={save.isPending}
          onClick={() =>
            form.validateFields().then(
              (v) => save.mutate({ kind: v.kind, name: v.name.trim(), reason: v.reason.trim() }, { onSuccess: () => done(t('cal.saved', { date: day!.date })), onError: showError }),
              () => undefined,
            )
          }
        >
          {t('cal.saveDay')}
        </Button>,
      ]}
    >
      {day ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: day.work ? 'holiday' : 'workday', name: day.name ?? '', reason: '' }}
        >
          <p>
            {t('cal.currently')}
            {t('common.colon')}
            <strong>
              {kindLabel(dayKind(day))}
              {day.name ? ` · ${day.name}` : ''}
            </strong>
          </p>
          <Form.Item name="kind" label={t('cal.setAs')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'workday', label: t('cal.asWorkday') },
                { value: 'holiday', label: t('cal.asHoliday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('cal.dayName')} extra={t('cal.dayNameHint')} rules={[{ required: true, whitespace: true, message: t('cal.dayNameRequired') }]}>
            <Input maxLength={40} aria-required />
          </Form.Item>
          <Form.Item name="reason" label={t('cal.reason')} extra={t('cal.reasonHint')} rules={[{ required: true, whitespace: true, message: t('cal.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={200} showCount aria-required />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

function NoticeImport({ region, year }: { region: string; year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [noticeYear, setNoticeYear] = useState<number | null>(year + 1);
  const [content, setContent] = useState('');
  const [problems, setProblems] = useState<NoticeProblem[] | null>(null);
  const run = useMutation({
    mutationFn: () => api.calendar.importNotice(region, { format, ...(format === 'csv' && noticeYear ? { year: noticeYear } : {}), content }),
  });
  return (
    <Card title={<h2 className="tb-card-title">{t('cal.importTitle')}</h2>}>
      <p>{t('cal.importHint')}</p>
      <Form layout="vertical">
        <Form.Item label={t('cal.format')}>
          <Radio.Group
            value={format}
            onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
          />
        </Form.Item>
        {format === 'csv' ? (
          <Form.Item label={t('cal.noticeYear')} htmlFor="notice-year">
            <InputNumber id="notice-year" min={2004} max={2099} value={noticeYear} onChange={(v) => setNoticeYear(v)} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('cal.noticeContent')} htmlFor="notice-content" extra={format === 'csv' ? t('cal.csvExample') : t('cal.jsonExample')}>
          <Input.TextArea id="notice-content" rows={6} className="tb-mono" value={content} onChange={(e) => setContent(e.target.value)} />
        </Form.Item>
        {problems ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={t('cal.noticeProblems')}
            description={
              <ul className="tb-problem-list">
                {problems.map((p, i) => (
                  <li key={i}>{p.row > 0 ? t('cal.problemRow', { row: p.row, message: p.message }) : p.message}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Button
          type="primary"
          icon={<ImportOutlined aria-hidden />}
          loading={run.isPending}
          disabled={!content.trim()}
          onClick={() => {
            setProblems(null);
            run.mutate(undefined, {
              onSuccess: () => {
                void queryClient.invalidateQueries({ queryKey: ['calendar'] });
                void queryClient.invalidateQueries({ queryKey: ['cases'] });
                void message.success(t('cal.imported'));
              },
              onError: (e) => {
                if (e instanceof ApiError && e.code === 'CALENDAR_NOTICE_INVALID') {
                  setProblems((e.details as { problems?: NoticeProblem[] } | undefined)?.problems ?? []);
                }
                showError(e);
              },
            });
          }}
        >
          {t('cal.import')}
        </Button>
      </Form>
    </Card>
  );
}

function dayStateText(state: CalendarDayState | null, t: (k: MessageKey) => string): string {
  if (!state) return t('cal.default');
  return `${t(state.kind === 'workday' ? 'cal.asWorkday' : 'cal.asHoliday')} · ${state.name}`;
}

function EditsTable({ region }: { region: string }) {
  const { t, formatDateTime } = useI18n();
  const roleLabel = useRoleLabel();
  const edits = useQuery({ queryKey: ['calendar', 'edits', region], queryFn: () => api.calendar.edits(region) });
  const columns: TableProps<CalendarEdit>['columns'] = [
    { title: t('cal.editAt'), dataIndex: 'at', key: 'at', render: (v: string) => formatDateTime(v) },
    { title: t('cal.editDate'), dataIndex: 'date', key: 'date' },
    { title: t('cal.before'), key: 'before', render: (_: unknown, e) => dayStateText(e.before, t) },
    { title: t('cal.after'), key: 'after', render: (_: unknown, e) => dayStateText(e.after, t) },
    { title: t('cal.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('sv.actorRole'), dataIndex: 'actorRole', key: 'role', render: (v: string | null) => roleLabel(v) },
  ];
  return (
    <Card title={<h2 className="tb-card-title">{t('cal.auditTitle')}</h2>}>
      {edits.isError ? (
        <ErrorAlert error={edits.error} onRetry={() => void edits.refetch()} />
      ) : (
        <Table<CalendarEdit>
          rowKey="id"
          size="small"
          loading={edits.isPending}
          columns={columns}
          dataSource={edits.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cal.noEdits') }}
          aria-label={t('cal.auditTitle')}
        />
      )}
    </Card>
  );
}

function SettingsCard({ canEdit, regions }: { canEdit: boolean; regions: { value: string; label: string }[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['calendar', 'settings'], queryFn: api.calendar.settings });
  const save = useMutation({ mutationFn: api.calendar.saveSettings });
  return (
    <Card title={<h2 className="tb-card-title">{t('cal.settingsTitle')}</h2>}>
      {settings.isPending ? (
        <Spin />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Form<ClockSettings>
          layout="vertical"
          initialValues={settings.data}
          disabled={!canEdit}
          onFinish={(v) =>
            save.mutate(
              { ...v, yellowWorkdays: Number(v.yellowWorkdays) },
              {
                onSuccess: () => {
                  void queryClient.invalidateQueries({ queryKey: ['calendar'] });
                  void queryClient.invalidateQueries({ queryKey: ['cases'] });
                  void message.success(t('cal.settingsSaved'));
                },
                onError: showError,
              },
            )
          }
        >
          <Form.Item name="region" label={t('cal.centerRegion')} rules={[{ required: true }]}>
            <Select options={regions} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="open" label={t('cal.open')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/, message: 'HH:MM' }]}>
              <Input placeholder="09:00" maxLength={5} inputMode="numeric" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="close" label={t('cal.close')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/, message: 'HH:MM' }]}>
              <Input placeholder="09:00" maxLength={5} inputMode="numeric" style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Form.Item name="yellowWorkdays" label={t('cal.yellow')} extra={t('cal.yellowHint')} rules={[{ required: true }]}>
            <InputNumber min={0} max={30} precision={0} />
          </Form.Item>
          {canEdit ? (
            <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={save.isPending}>
              {t('cal.saveSettings')}
            </Button>
          ) : null}
        </Form>
      )}
    </Card>
  );
}

interface CalcValues {
  from: string;
  days: number;
  unit: DeadlineUnit;
  pauses?: string;
}

function DeadlineCalculator({ region }: { region: string }) {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const [result, setResult] = useState<DeadlineResult | null>(null);
  const calc = useMutation({
    mutationFn: (v: CalcValues) =>
      api.calendar.deadline({
        from: v.from.trim(),
        days: Number(v.days),
        unit: v.unit,
        region,
        pauses: (v.pauses ?? '').split(/[\s,，;；]+/).map((p) => p.trim()).filter(Boolean),
      }),
  });
  return (
    <Card title={<h2 className="tb-card-title">{t('cal.calcTitle')}</h2>}>
      <Form<CalcValues>
        layout="vertical"
        initialValues={{ days: 20, unit: 'workday' }}
        onFinish={(v) => {
          setResult(null);
          calc.mutate(v, { onSuccess: setResult, onError: showError });
        }}
      >
        <Space wrap align="start">
          <Form.Item name="from" label={t('cal.from')} extra={t('cal.fromHint')} rules={[{ required: true, whitespace: true, message: t('cal.fromRequired') }]}>
            <Input style={{ width: 200 }} placeholder="2026-09-24" aria-required />
          </Form.Item>
          <Form.Item name="days" label={t('cal.days')} rules={[{ required: true, message: t('cal.daysRequired') }]}>
            <InputNumber min={0} max={3650} precision={0} aria-required />
          </Form.Item>
          <Form.Item name="unit" label={t('cal.unit')}>
            <Select
              style={{ width: 140 }}
              options={(['workday', 'day', 'hour'] as const).map((u) => ({ value: u, label: t(`cal.unit.${u}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="pauses" label={t('cal.pauses')} extra={t('cal.pausesHint')}>
          <Input placeholder="2026-10-12:2026-10-14" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined aria-hidden />} loading={calc.isPending}>
          {t('cal.calculate')}
        </Button>
      </Form>
      {result ? (
        <div className="tb-calc-result" role="status" aria-live="polite">
          <p>
            <strong>{t('cal.due')}</strong>
            {t('common.colon')}
            <span data-testid="calc-due">{formatDateTime(result.due)}</span>
            {result.provisional ? (
              <Tag className="tb-tag tb-tag-other" variant="outlined" style={{ marginInlineStart: 8 }}>
                {t('due.provisional')}
              </Tag>
            ) : null}
          </p>
          <p className="tb-ledger">
            <span className="tb-ledger-label">{t('clock.howComputed')}</span>
            {result.ledger.text}
          </p>
        </div>
      ) : null}
    </Card>
  );
}

function NewRegion({ onCreated }: { onCreated: (code: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ code: string; name: string }>();
  const create = useMutation({ mutationFn: api.calendar.createRegion });
  return (
    <>
      <Button icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('cal.newRegion')}
      </Button>
      <Modal
        open={open}
        title={t('cal.newRegion')}
        okText={t('cal.createRegion')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: create.isPending }}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() =>
          form.validateFields().then(
            (v) =>
              create.mutate(
                { code: v.code.trim(), name: v.name.trim() },
                {
                  onSuccess: ({ code }) => {
                    setOpen(false);
                    void queryClient.invalidateQueries({ queryKey: ['calendar', 'regions'] });
                    void message.success(t('cal.regionCreated', { code }));
                    onCreated(code);
                  },
                  onError: showError,
                },
              ),
            () => undefined,
          )
        }
      >
        <Form form={form} layout="vertical" preserve={false}>
          <p>{t('cal.newRegionHint')}</p>
          <Form.Item
            name="code"
            label={t('cal.regionCode')}
            extra={t('cal.regionCodeHint')}
            rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_-]{1,15}$/, message: t('cal.regionCodeInvalid') }]}
          >
            <Input maxLength={16} placeholder="CN-GX" aria-required />
          </Form.Item>
          <Form.Item name="name" label={t('cal.regionName')} rules={[{ required: true, whitespace: true, message: t('cal.regionNameRequired') }]}>
            <Input maxLength={40} placeholder="广西壮族自治区" aria-required />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function CalendarPage() {
  const { t } = useI18n();
  useDocumentTitle(t('cal.title'));
  const me = useMe();
  const canEdit = me.data?.role === 'admin';
  const seesRecomputes = ['admin', 'manager', 'supervisor'].includes(me.data?.role ?? '');
  const [region, setRegion] = useState('CN');
  const [year, setYear] = useState(currentYear);
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const regions = useQuery({ queryKey: ['calendar', 'regions'], queryFn: api.calendar.regions });
  const yearView = useQuery({ queryKey: ['calendar', 'year', region, year], queryFn: () => api.calendar.year(region, year) });
  const regionOptions = (regions.data ?? [{ code: 'CN', name: '全国' }]).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
  const months = useMemo(() => {
    const by: CalendarDay[][] = Array.from({ length: 12 }, () => []);
    for (const d of yearView.data?.days ?? []) by[Number(d.date.slice(5, 7)) - 1]!.push(d);
    return by;
  }, [yearView.data]);
  const kindLabel = useKindLabel();
  // Roving focus: one day is in the tab order; arrows move a day or a week, Home/End to the year's ends.
  const [focusDay, setFocusDay] = useState<string | null>(null);
  const allDays = yearView.data?.days ?? [];
  const activeDay = focusDay && allDays.some((d) => d.date === focusDay) ? focusDay : (allDays.find((d) => d.date === todayIso())?.date ?? allDays[0]?.date ?? '');
  const onGridKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const date = target.dataset.date;
    if (!date) return;
    const index = allDays.findIndex((d) => d.date === date);
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    let next = index;
    if (e.key in step) next = index + step[e.key]!;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = allDays.length - 1;
    else return;
    e.preventDefault();
    const day = allDays[Math.max(0, Math.min(allDays.length - 1, next))];
    if (!day) return;
    setFocusDay(day.date);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-date="${day.date}"]`)?.focus();
  };

  return (
    <div className="tb-stack">
      <h1 className="tb-page-title">{t('cal.title')}</h1>
      {!canEdit ? <Alert type="info" showIcon title={t('cal.readOnly')} /> : null}
      {seesRecomputes ? <RecomputeProgress /> : null}
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <label htmlFor="cal-region" className="tb-inline-label">
              {t('cal.region')}
            </label>
            <Select id="cal-region" value={region} onChange={setRegion} options={regionOptions} style={{ width: 200 }} />
            {canEdit ? <NewRegion onCreated={setRegion} /> : null}
            <Button icon={<LeftOutlined aria-hidden />} aria-label={t('cal.prevYear')} onClick={() => setYear((y) => y - 1)} disabled={year <= 2004} />
            <strong aria-live="polite" className="tb-year">
              {t('cal.yearTitle', { year })}
            </strong>
            <Button icon={<RightOutlined aria-hidden />} aria-label={t('cal.nextYear')} onClick={() => setYear((y) => y + 1)} disabled={year >= 2099} />
          </Space>
          {yearView.data ? <Typography.Text type="secondary">{t('cal.knownThrough', { date: yearView.data.knownThrough })}</Typography.Text> : null}
        </Space>
        <ul className="tb-cal-legend" aria-label={t('cal.legend')}>
          {(['workday', 'rest', 'holiday', 'makeup'] as const).map((k) => (
            <li key={k}>
              <span className={`tb-legend-swatch tb-day-${k}`} aria-hidden />
              {kindLabel(k)}
              {k === 'makeup' ? `（${t('cal.makeupShort')}）` : k === 'rest' ? `（${t('cal.restShort')}）` : ''}
            </li>
          ))}
          <li>
            <span className="tb-legend-swatch tb-day-provisional" aria-hidden />
            {t('cal.provisionalLegend')}
          </li>
        </ul>
        {canEdit ? <p className="tb-hint">{t('cal.clickHint')} {t('cal.keyboardHint')}</p> : null}
        {yearView.isPending ? (
          <Spin />
        ) : yearView.isError ? (
          <ErrorAlert error={yearView.error} onRetry={() => void yearView.refetch()} />
        ) : (
          <div className="tb-year-grid" onKeyDown={onGridKey}>
            {months.map((days, i) =>
              days.length ? <MonthGrid key={i} month={i + 1} days={days} canEdit={canEdit} onPick={setPicked} active={activeDay} /> : null,
            )}
          </div>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <DeadlineCalculator region={region} />
        </Col>
        <Col xs={24} xl={12}>
          <SettingsCard canEdit={canEdit} regions={regionOptions} />
        </Col>
      </Row>
      {canEdit ? <NoticeImport region={region} year={year} /> : null}
      <EditsTable region={region} />
      {canEdit ? <DayEditor region={region} day={picked} onClose={() => setPicked(null)} /> : null}
    </div>
  );
}

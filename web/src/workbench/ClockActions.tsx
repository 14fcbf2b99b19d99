// The legal clock's actions on a workbench case page: 暂停计时 / 恢复计时 for the
// approver of the case's department (and managers), 延长期限 for the agency head
// or the government head, 一次性告知 for the window clerk. Each shows only to
// whom it applies and only when the case allows; the server checks again.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { FieldTimeOutlined, FileSearchOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { api, ApiError, type CaseDetail, type PauseType, type SupplementProblem, type User } from '../api';
import { useI18n } from '../i18n';
import { usePauseTypeLabel } from '../ui/ClockCard';

/** 补正 and the Art. 45 special procedures, in the law's order. */
const PAUSE_TYPES: PauseType[] = ['supplement', 'hearing', 'tender', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expert_review'];

export interface ActionHandlers {
  onUpdated: (detail: CaseDetail) => void;
  onError: (error: unknown) => void;
}

/** Today in the center's time zone, as YYYY-MM-DD. */
function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Who may pause or resume: the approver of the case's department, or a manager (server: clock-commands.ts). */
export function canPause(user: User, detail: CaseDetail): boolean {
  if (detail.status !== 'accepted') return false;
  return user.role === 'manager' || (user.role === 'approver' && (!user.departmentName || user.departmentName === detail.departmentName));
}

export function PauseActions({ detail, handlers }: { detail: CaseDetail; handlers: ActionHandlers }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const typeLabel = usePauseTypeLabel();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ type: PauseType; reason: string; expectedLastDay: string }>();
  const running = detail.clock?.pauses?.find((p) => p.running) ?? null;
  const start = useMutation({
    mutationFn: (input: { type: PauseType; reason: string; expectedLastDay: string }) => api.cases.startPause(detail.id, input),
  });
  const end = useMutation({ mutationFn: () => api.cases.endPause(detail.id) });

  return (
    <Card title={<h2 className="tb-card-title">{t('clock.pauseActions')}</h2>}>
      {running ? (
        <>
          <p>{t('clock.pausedNow', { type: typeLabel(running.type), to: running.expectedLastDay })}</p>
          <Button
            type="primary"
            icon={<PlayCircleOutlined aria-hidden />}
            loading={end.isPending}
            onClick={() =>
              end.mutate(undefined, {
                onSuccess: (d) => {
                  handlers.onUpdated(d);
                  void message.success(t('clock.resumed'));
                },
                onError: handlers.onError,
              })
            }
          >
            {t('clock.resume')}
          </Button>
        </>
      ) : (
        <>
          <p>{t('clock.pauseHint')}</p>
          <Button icon={<PauseCircleOutlined aria-hidden />} onClick={() => setOpen(true)}>
            {t('clock.pause')}
          </Button>
        </>
      )}
      <Modal
        open={open}
        title={t('clock.pauseTitle')}
        okText={t('clock.pauseConfirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: start.isPending }}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() => {
          form.validateFields().then(
            (values) =>
              start.mutate(
                { type: values.type, reason: values.reason.trim(), expectedLastDay: values.expectedLastDay },
                {
                  onSuccess: (d) => {
                    setOpen(false);
                    handlers.onUpdated(d);
                    void message.success(t('clock.paused'));
                  },
                  onError: handlers.onError,
                },
              ),
            () => undefined,
          );
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <p>{t('clock.pauseLaw')}</p>
          <Form.Item name="type" label={t('clock.pauseType')} rules={[{ required: true, message: t('clock.pauseTypeRequired') }]}>
            <Select
              aria-required
              showSearch={{ optionFilterProp: 'label' }}
              options={PAUSE_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
              placeholder={t('clock.pauseTypePlaceholder')}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('clock.reason')} rules={[{ required: true, whitespace: true, message: t('clock.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount aria-required />
          </Form.Item>
          <Form.Item
            name="expectedLastDay"
            label={t('clock.expectedLastDay')}
            extra={t('clock.expectedLastDayHint')}
            rules={[
              { required: true, message: t('clock.expectedLastDayRequired') },
              { validator: async (_r, v?: string) => { if (v && v < todayInShanghai()) throw new Error(t('clock.expectedLastDayPast')); } },
            ]}
          >
            <Input type="date" min={todayInShanghai()} style={{ maxWidth: 220 }} aria-required />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The extension applies to the agency head for single-department items and to the government head for joint items. */
export function extensionRole(user: User): 'agency_head' | 'government_head' | null {
  return user.role === 'agency_head' || user.role === 'government_head' ? user.role : null;
}

export function ExtensionAction({ detail, role, handlers }: { detail: CaseDetail; role: 'agency_head' | 'government_head'; handlers: ActionHandlers }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ workdays: number; reason: string }>();
  const max = role === 'government_head' ? 15 : 10;
  const extend = useMutation({ mutationFn: (input: { workdays: number; reason: string }) => api.cases.extend(detail.id, input) });
  const done = detail.clock?.extension ?? null;

  return (
    <Card title={<h2 className="tb-card-title">{t('clock.extensionActions')}</h2>}>
      {done ? (
        <Alert type="info" showIcon title={t('clock.alreadyExtended', { days: done.workdays })} />
      ) : (
        <>
          <p>{t(role === 'government_head' ? 'clock.extensionLawJoint' : 'clock.extensionLawSingle')}</p>
          <Button type="primary" icon={<FieldTimeOutlined aria-hidden />} onClick={() => setOpen(true)}>
            {t('clock.extend')}
          </Button>
        </>
      )}
      <Modal
        open={open}
        title={t('clock.extendTitle')}
        okText={t('clock.extendConfirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: extend.isPending }}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() => {
          form.validateFields().then(
            (values) =>
              extend.mutate(
                { workdays: values.workdays, reason: values.reason.trim() },
                {
                  onSuccess: (d) => {
                    setOpen(false);
                    handlers.onUpdated(d);
                    void message.success(t('clock.extended', { days: values.workdays }));
                  },
                  onError: (e) => {
                    // A refusal the form can fix (too many days) keeps the form; a state conflict closes it and reloads.
                    if (e instanceof ApiError && e.status === 409) setOpen(false);
                    handlers.onError(e);
                  },
                },
              ),
            () => undefined,
          );
        }}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ workdays: max }}>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('clock.extendOnce', { max })} />
          <Form.Item
            name="workdays"
            label={t('clock.extendDays')}
            extra={t('clock.extendMax', { max })}
            rules={[{ required: true, message: t('clock.extendDaysRequired') }]}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} aria-required />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('clock.extendReason')}
            extra={t('clock.extendReasonHint')}
            rules={[{ required: true, whitespace: true, message: t('clock.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount aria-required />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

interface NoticeRow {
  checked: boolean;
  problem: SupplementProblem;
  note: string;
}

/** 一次性告知: a checklist of the item's materials, each missing or irregular with a note, plus a general note. */
export function SupplementNoticeButton({ detail, handlers, disabled, prefill }: {
  detail: CaseDetail; handlers: ActionHandlers; disabled?: boolean;
  /** Lines drafted from the material checklist (window intake), checked when the dialog opens. */
  prefill?: { materialId: string; problem: 'missing' | 'irregular'; note: string }[];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<Record<string, NoticeRow>>({});
  const [note, setNote] = useState('');
  const [listError, setListError] = useState(false);
  const item = useQuery({ queryKey: ['catalog', 'item', detail.itemId], queryFn: () => api.catalog.item(detail.itemId), enabled: open });
  const issue = useMutation({
    mutationFn: () =>
      api.cases.supplementNotice(detail.id, {
        items: Object.entries(rows)
          .filter(([, r]) => r.checked)
          .map(([materialId, r]) => ({ materialId, problem: r.problem, ...(r.note.trim() ? { note: r.note.trim() } : {}) })),
        note: note.trim(),
      }),
  });
  const row = (id: string): NoticeRow => rows[id] ?? { checked: false, problem: 'missing', note: '' };
  const update = (id: string, patch: Partial<NoticeRow>) => {
    setRows((prev) => ({ ...prev, [id]: { ...row(id), ...patch } }));
    if (patch.checked) setListError(false);
  };
  const noticeWindow = detail.clock?.notice;

  return (
    <>
      <Button
        icon={<FileSearchOutlined aria-hidden />}
        disabled={disabled}
        onClick={() => {
          if (prefill?.length) setRows(Object.fromEntries(prefill.map((p) => [p.materialId, { checked: true, problem: p.problem, note: p.note }])));
          setOpen(true);
        }}
      >
        {t('notice.open')}
      </Button>
      <Modal
        open={open}
        width={720}
        title={t('notice.title')}
        okText={t('notice.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: issue.isPending }}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        afterClose={() => {
          setRows({});
          setNote('');
          setListError(false);
        }}
        onOk={() => {
          if (!Object.values(rows).some((r) => r.checked)) {
            setListError(true);
            return;
          }
          issue.mutate(undefined, {
            onSuccess: (d) => {
              setOpen(false);
              handlers.onUpdated(d);
              void message.success(t('notice.issued', { caseNo: d.caseNo }));
            },
            onError: handlers.onError,
          });
        }}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('notice.onlyOnce')} description={noticeWindow ? t('notice.windowDue', { due: noticeWindow.due.slice(0, 10) }) : undefined} />
        {item.isPending ? (
          <p>{t('common.loading')}</p>
        ) : item.isError ? (
          <Alert type="error" showIcon title={t('error.unknown')} />
        ) : (
          <fieldset className="tb-notice-fieldset">
            <legend>{t('notice.materials')}</legend>
            {listError ? (
              <div role="alert" className="tb-field-error">
                {t('notice.pickOne')}
              </div>
            ) : null}
            <ul className="tb-notice-checklist">
              {item.data.materials.map((m) => {
                const r = row(m.id);
                return (
                  <li key={m.id}>
                    <Checkbox checked={r.checked} onChange={(e) => update(m.id, { checked: e.target.checked })}>
                      {m.name}
                    </Checkbox>
                    {r.checked ? (
                      <div className="tb-notice-detail">
                        <Radio.Group
                          aria-label={t('notice.problemOf', { name: m.name })}
                          value={r.problem}
                          onChange={(e) => update(m.id, { problem: e.target.value as SupplementProblem })}
                          options={[
                            { value: 'missing', label: t('problem.missing') },
                            { value: 'irregular', label: t('problem.irregular') },
                          ]}
                        />
                        <Input
                          aria-label={t('notice.noteOf', { name: m.name })}
                          placeholder={t('notice.notePlaceholder')}
                          maxLength={500}
                          value={r.note}
                          onChange={(e) => update(m.id, { note: e.target.value })}
                        />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
        <label className="tb-field-label" htmlFor="notice-general-note">
          {t('notice.generalNote')}
        </label>
        <Input.TextArea id="notice-general-note" rows={3} maxLength={1000} showCount value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}

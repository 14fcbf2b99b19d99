// Window intake on a case: the material checklist (预审), 容缺受理 and
// 即办件当场办结, the owed materials, and the notices issued.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, SaveOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { CaseDetail } from '../../api';
import { useI18n } from '../../i18n';
import { useMe } from '../../ui/auth';
import { useShowError } from '../../ui/errors';
import { intakeApi, type CheckStatus, type Checklist, type ChecklistItem } from './api';
import { useIntakeT } from './messages';

const checklistKey = (caseId: string) => ['intake', 'checklist', caseId];

/** The case's checklist (clerks, managers, admins and approvers may read it). */
export function useChecklist(caseId: string, enabled = true) {
  return useQuery({ queryKey: checklistKey(caseId), queryFn: () => intakeApi.checklist(caseId), enabled });
}

function useDetailUpdated(caseId: string) {
  const queryClient = useQueryClient();
  return (d: CaseDetail) => {
    queryClient.setQueryData(['cases', 'detail', caseId], d);
    void queryClient.invalidateQueries({ queryKey: ['cases'], predicate: (q) => q.queryKey[1] !== 'detail' });
    void queryClient.invalidateQueries({ queryKey: ['intake'] });
    void queryClient.invalidateQueries({ queryKey: ['documents', caseId] });
  };
}

type Row = { status: CheckStatus | null; note: string; originalSeen: boolean; copies: number };

/** 材料核验清单: editable by the clerk while the application waits at intake. */
export function ChecklistCard({ detail }: { detail: CaseDetail }) {
  const it = useIntakeT();
  const { formatDateTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const me = useMe();
  const editable = me.data?.role === 'clerk' && (detail.status === 'submitted' || detail.status === 'supplement_requested');
  const list = useChecklist(detail.id);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [noteErrors, setNoteErrors] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (!list.data) return;
    setRows(Object.fromEntries(list.data.items.map((k) => [k.materialId, { status: k.status, note: k.note, originalSeen: k.originalSeen, copies: k.copies }])));
  }, [list.data]);
  const save = useMutation({
    mutationFn: () =>
      intakeApi.saveChecklist(
        detail.id,
        Object.entries(rows).flatMap(([materialId, r]) => (r.status ? [{ materialId, status: r.status, note: r.note.trim(), originalSeen: r.originalSeen, copies: r.copies }] : [])),
      ),
  });
  const update = (id: string, patch: Partial<Row>) => setRows((prev) => ({ ...prev, [id]: { ...prev[id]!, ...patch } }));

  if (list.isError) return null;
  const columns = [
    {
      title: it('ck.material'),
      key: 'name',
      render: (_: unknown, k: ChecklistItem) => (
        <Space direction="vertical" size={0}>
          <span>{k.name}</span>
          <Space size={4} wrap>
            <Tag>{k.required ? it('ck.required') : it('ck.optional')}</Tag>
            {k.deferrable ? <Tag color="blue">{it('ck.deferrable')}</Tag> : null}
          </Space>
        </Space>
      ),
    },
    {
      title: it('ck.status'),
      key: 'status',
      render: (_: unknown, k: ChecklistItem) => {
        const r = rows[k.materialId];
        if (!editable) return r?.status ? it(`ck.status.${r.status}`) : it('ck.unchecked');
        return (
          <Select<CheckStatus>
            aria-label={`${it('ck.status')}：${k.name}`}
            value={r?.status ?? undefined}
            placeholder={it('ck.unchecked')}
            style={{ width: 130 }}
            onChange={(v) => update(k.materialId, { status: v })}
            options={(['received', 'missing', 'irregular'] as const).map((s) => ({ value: s, label: it(`ck.status.${s}`) }))}
          />
        );
      },
    },
    {
      title: it('ck.note'),
      key: 'note',
      render: (_: unknown, k: ChecklistItem) => {
        const r = rows[k.materialId];
        if (!editable) return r?.note || '—';
        const bad = noteErrors.has(k.materialId);
        return (
          <div>
            <Input
              aria-label={`${it('ck.note')}：${k.name}`}
              value={r?.note ?? ''}
              maxLength={500}
              status={bad ? 'error' : undefined}
              aria-invalid={bad}
              onChange={(e) => update(k.materialId, { note: e.target.value })}
            />
            {bad ? <Typography.Text type="danger">{it('ck.noteRequired')}</Typography.Text> : null}
          </div>
        );
      },
    },
    {
      title: it('ck.originalSeen'),
      key: 'orig',
      render: (_: unknown, k: ChecklistItem) => (
        <Checkbox
          aria-label={`${it('ck.originalSeen')}：${k.name}`}
          checked={rows[k.materialId]?.originalSeen ?? false}
          disabled={!editable}
          onChange={(e) => update(k.materialId, { originalSeen: e.target.checked })}
        />
      ),
    },
    {
      title: it('ck.copies'),
      key: 'copies',
      render: (_: unknown, k: ChecklistItem) =>
        editable ? (
          <InputNumber
            aria-label={`${it('ck.copies')}：${k.name}`}
            min={0}
            max={99}
            value={rows[k.materialId]?.copies ?? 0}
            onChange={(v) => update(k.materialId, { copies: v ?? 0 })}
            style={{ width: 72 }}
          />
        ) : (
          rows[k.materialId]?.copies ?? 0
        ),
    },
  ];
  const last = list.data?.items.filter((k) => k.checkedAt).sort((a, b) => (b.checkedAt ?? '').localeCompare(a.checkedAt ?? ''))[0];

  return (
    <Card title={<h2 className="tb-card-title">{it('ck.title')}</h2>}>
      {editable ? <p>{it('ck.hint')}</p> : null}
      <Table rowKey="materialId" size="small" pagination={false} loading={list.isPending} scroll={{ x: 'max-content' }} columns={columns} dataSource={list.data?.items ?? []} />
      {last ? <p className="tb-hint">{it('ck.checkedBy', { name: last.checkedByName ?? '', at: formatDateTime(last.checkedAt) })}</p> : null}
      {editable ? (
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            loading={save.isPending}
            disabled={!Object.values(rows).some((r) => r.status)}
            onClick={() => {
              const missingNotes = new Set(Object.entries(rows).filter(([, r]) => r.status === 'irregular' && !r.note.trim()).map(([id]) => id));
              setNoteErrors(missingNotes);
              if (missingNotes.size > 0) return;
              save.mutate(undefined, {
                onSuccess: (c: Checklist) => {
                  queryClient.setQueryData(checklistKey(detail.id), c);
                  void message.success(it('ck.saved'));
                },
                onError: showError,
              });
            }}
          >
            {it('ck.save')}
          </Button>
          <Typography.Text type="secondary">{it('ck.draftHint')}</Typography.Text>
        </Space>
      ) : null}
    </Card>
  );
}

/** 即办件当场办结 and 容缺受理, for a clerk on a submitted case whose item allows them. */
export function WindowOutcomes({ detail }: { detail: CaseDetail }) {
  const it = useIntakeT();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const onUpdated = useDetailUpdated(detail.id);
  const list = useChecklist(detail.id);
  const [open, setOpen] = useState<'conclude' | 'deficient' | null>(null);
  const [concludeForm] = Form.useForm<{ opinion: string }>();
  const [deficientForm] = Form.useForm<{ materialIds: string[]; workdays: number }>();
  const conclude = useMutation({ mutationFn: (opinion: string) => intakeApi.conclude(detail.id, opinion) });
  const deficient = useMutation({ mutationFn: (v: { materialIds: string[]; workdays: number }) => intakeApi.acceptDeficient(detail.id, v.materialIds, v.workdays) });
  const c = list.data;
  if (!c || (!c.immediate && !c.allowsDeficientAcceptance)) return null;
  const deferrable = c.items.filter((k) => k.deferrable);
  const fail = (e: unknown) => {
    setOpen(null);
    showError(e);
  };

  return (
    <Card title={<h2 className="tb-card-title">{it('out.title')}</h2>}>
      <Space wrap>
        {c.immediate ? (
          <Button type="primary" icon={<ThunderboltOutlined aria-hidden />} onClick={() => setOpen('conclude')}>
            {it('out.conclude')}
          </Button>
        ) : null}
        {c.allowsDeficientAcceptance ? (
          <Button
            icon={<CheckCircleOutlined aria-hidden />}
            onClick={() => {
              deficientForm.setFieldsValue({ materialIds: deferrable.filter((k) => k.status && k.status !== 'received').map((k) => k.materialId), workdays: 5 });
              setOpen('deficient');
            }}
          >
            {it('out.deficient')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={open === 'conclude'}
        title={it('out.concludeTitle')}
        okText={it('out.conclude')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: conclude.isPending }}
        onCancel={() => setOpen(null)}
        onOk={() =>
          conclude.mutate(concludeForm.getFieldValue('opinion') ?? '', {
            onSuccess: (d) => {
              setOpen(null);
              onUpdated(d);
              void message.success(it('out.concluded', { caseNo: d.caseNo }));
            },
            onError: fail,
          })
        }
      >
        <p>{it('out.concludeHint')}</p>
        <Form form={concludeForm} layout="vertical">
          <Form.Item name="opinion" label={it('out.opinion')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'deficient'}
        title={it('out.deficientTitle')}
        okText={it('out.deficient')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: deficient.isPending }}
        onCancel={() => setOpen(null)}
        onOk={() => {
          deficientForm.validateFields().then(
            (v) =>
              deficient.mutate(v, {
                onSuccess: (d) => {
                  setOpen(null);
                  onUpdated(d);
                  void message.success(it('out.accepted', { caseNo: d.caseNo }));
                },
                onError: fail,
              }),
            () => {
              // the form shows what is missing
            },
          );
        }}
      >
        <p>{it('out.deficientHint')}</p>
        <Form form={deficientForm} layout="vertical">
          <Form.Item name="materialIds" label={it('out.owedPick')} rules={[{ required: true, type: 'array', min: 1, message: it('out.owedRequired') }]}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={deferrable.map((k) => ({ value: k.materialId, label: k.name }))} />
          </Form.Item>
          <Form.Item name="workdays" label={it('out.workdays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 容缺材料: what the case still owes, with due dates; the clerk records each arrival. */
export function OwedMaterialsCard({ detail, audience }: { detail: CaseDetail; audience: 'applicant' | 'staff' }) {
  const it = useIntakeT();
  const { formatDateTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const me = useMe();
  const onUpdated = useDetailUpdated(detail.id);
  const receive = useMutation({ mutationFn: (materialId: string) => intakeApi.receiveOwed(detail.id, materialId) });
  const owed = detail.owedMaterials ?? [];
  if (owed.length === 0) return null;
  const mayReceive = audience === 'staff' && me.data?.role === 'clerk';
  return (
    <Card title={<h2 className="tb-card-title">{it('owed.title')}</h2>}>
      {audience === 'applicant' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={it('owed.applicantHint')} /> : null}
      <ul className="tb-owed-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {owed.map((o) => (
          <li key={o.materialId} style={{ padding: '8px 0', borderBottom: '1px solid rgba(0,0,0,0.06)' }}>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <span>
                <strong>{o.name}</strong>
                <br />
                {it('owed.due')}：{o.dueDate}
              </span>
              {o.receivedAt ? (
                <Tag color="green">{it('owed.received', { at: formatDateTime(o.receivedAt) })}</Tag>
              ) : o.overdue ? (
                <Tag color="red">{it('owed.overdue')}</Tag>
              ) : (
                <Tag color="gold">{it('owed.pending')}</Tag>
              )}
              {mayReceive && !o.receivedAt ? (
                <Button
                  size="small"
                  loading={receive.isPending && receive.variables === o.materialId}
                  aria-label={`${it('owed.receive')}：${o.name}`}
                  onClick={() =>
                    receive.mutate(o.materialId, {
                      onSuccess: (d) => {
                        onUpdated(d);
                        void message.success(it('owed.receivedDone', { name: o.name }));
                      },
                      onError: showError,
                    })
                  }
                >
                  {it('owed.receive')}
                </Button>
              ) : null}
            </Space>
          </li>
        ))}
      </ul>
    </Card>
  );
}


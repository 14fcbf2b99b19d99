// 咨询投诉 in the workbench: the department's questions and complaints, answered here.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import type { MenuProps, TableProps } from 'antd';
import { MessageOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { User } from '../api';
import { useI18n } from '../i18n';
import { useMe } from '../ui/auth';
import { ErrorAlert, useShowError } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { portalApi, type StaffMessage } from '../portal/api';
import { usePortalT } from '../portal/messages';

export const CONSULTATIONS_PATH = '/workbench/consultations';

/** Who sees the queue; the server enforces the same (modules/portal/policy.ts). */
export function seesConsultations(user: Pick<User, 'role' | 'departmentId'>): boolean {
  if (user.role === 'manager' || user.role === 'admin') return true;
  return ['approver', 'agency_head', 'clerk'].includes(user.role) && !!user.departmentId;
}
const canAnswer = (user: Pick<User, 'role' | 'departmentId'>, m: StaffMessage) =>
  user.role === 'manager' || (['approver', 'agency_head', 'clerk'].includes(user.role) && user.departmentId === m.departmentId);

function MenuLabel() {
  const p = usePortalT();
  return <Link to={CONSULTATIONS_PATH}>{p('wb.title')}</Link>;
}

/** The workbench menu entry, for the roles that see the queue. */
export function consultationMenuItems(user: Pick<User, 'role' | 'departmentId'>): NonNullable<MenuProps['items']> {
  return seesConsultations(user) ? [{ key: CONSULTATIONS_PATH, icon: <MessageOutlined aria-hidden />, label: <MenuLabel /> }] : [];
}

export function ConsultationsPage() {
  const p = usePortalT();
  const { t, formatDateTime } = useI18n();
  useDocumentTitle(p('wb.title'));
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'open' | 'answered' | 'all'>('open');
  const [current, setCurrent] = useState<StaffMessage | null>(null);
  const [form] = Form.useForm<{ answer: string }>();
  const list = useQuery({
    queryKey: ['portal', 'staff-messages', status],
    queryFn: () => portalApi.staffMessages(status === 'all' ? undefined : status),
    refetchInterval: 30_000,
  });
  const send = useMutation({
    mutationFn: (v: { id: string; answer: string }) => portalApi.answerMessage(v.id, v.answer),
    onSuccess: (m) => {
      void message.success(p('wb.sent', { ticketNo: m.ticketNo }));
      setCurrent(null);
      void queryClient.invalidateQueries({ queryKey: ['portal', 'staff-messages'] });
    },
    onError: showError,
  });
  const user = me.data;
  const now = Date.now();

  const columns: TableProps<StaffMessage>['columns'] = [
    { title: p('wb.ticketNo'), dataIndex: 'ticketNo', key: 'ticketNo' },
    {
      title: p('wb.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: StaffMessage['kind']) => (
        <Tag className={`tb-tag ${k === 'complaint' ? 'tb-tag-denied' : 'tb-tag-accepted'}`} variant="outlined">
          {p(`kind.${k}`)}
        </Tag>
      ),
    },
    { title: p('wb.subject'), dataIndex: 'subject', key: 'subject' },
    { title: p('msg.department'), dataIndex: 'departmentName', key: 'dept', responsive: ['lg'] },
    { title: p('wb.contact'), key: 'contact', responsive: ['md'], render: (_: unknown, m) => `${m.contactName || '—'}${m.anonymous ? `（${p('wb.anonymous')}）` : ''}` },
    {
      title: p('msg.status'),
      key: 'status',
      render: (_: unknown, m) =>
        m.status === 'answered' ? (
          p('msg.answered')
        ) : (
          <Space size={4} wrap>
            <span>{p('msg.open')}</span>
            {Date.parse(m.replyDueAt) < now ? (
              <Tag className="tb-tag tb-tag-refused" variant="outlined">
                {p('wb.overdue')}
              </Tag>
            ) : null}
          </Space>
        ),
    },
    { title: p('msg.replyDue'), dataIndex: 'replyDueAt', key: 'due', render: (v: string) => formatDateTime(v), responsive: ['md'] },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, m) => (
        <Button
          size="small"
          type={m.status === 'open' && user && canAnswer(user, m) ? 'primary' : 'default'}
          aria-label={`${m.status === 'open' && user && canAnswer(user, m) ? p('wb.answerAction') : p('wb.view')} ${m.ticketNo}`}
          onClick={() => {
            form.resetFields();
            setCurrent(m);
          }}
        >
          {m.status === 'open' && user && canAnswer(user, m) ? p('wb.answerAction') : p('wb.view')}
        </Button>
      ),
    },
  ];

  const answerable = current && current.status === 'open' && user && canAnswer(user, current);
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>
          {p('wb.title')}
        </h1>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void list.refetch()} loading={list.isFetching}>
          {t('common.refresh')}
        </Button>
      </Space>
      <p>{p('wb.intro')}</p>
      <Radio.Group
        aria-label={p('wb.filter')}
        optionType="button"
        value={status}
        onChange={(e) => setStatus(e.target.value as typeof status)}
        options={[
          { value: 'open', label: p('msg.open') },
          { value: 'answered', label: p('msg.answered') },
          { value: 'all', label: p('wb.all') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<StaffMessage>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: p('wb.empty') }}
        />
      )}
      <Modal
        open={current !== null}
        title={current ? (answerable ? p('wb.answerTitle', { ticketNo: current.ticketNo }) : current.ticketNo) : ''}
        onCancel={() => setCurrent(null)}
        footer={
          answerable ? (
            <Space>
              <Button onClick={() => setCurrent(null)}>{t('common.cancel')}</Button>
              <Button type="primary" loading={send.isPending} onClick={() => form.submit()}>
                {p('wb.send')}
              </Button>
            </Space>
          ) : (
            <Button onClick={() => setCurrent(null)}>{p('wb.close')}</Button>
          )
        }
        width={720}
      >
        {current ? (
          <>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'kind', label: p('wb.kind'), children: p(`kind.${current.kind}`) },
                { key: 'dept', label: p('msg.department'), children: current.departmentName },
                ...(current.itemName ? [{ key: 'item', label: p('msg.item'), children: current.itemName }] : []),
                { key: 'subject', label: p('wb.subject'), children: current.subject },
                { key: 'body', label: p('consult.body'), children: <span className="tb-prewrap">{current.body}</span> },
                { key: 'contact', label: p('wb.contact'), children: `${current.contactName || '—'} ${current.contactPhone ?? ''}${current.anonymous ? `（${p('wb.anonymous')}）` : ''}` },
                { key: 'created', label: p('msg.createdAt'), children: formatDateTime(current.createdAt) },
                { key: 'due', label: p('msg.replyDue'), children: formatDateTime(current.replyDueAt) },
                ...(current.answer
                  ? [
                      { key: 'answer', label: p('msg.answer'), children: <span className="tb-prewrap">{current.answer}</span> },
                      { key: 'by', label: p('wb.answeredBy'), children: `${current.answeredByName ?? '—'} · ${formatDateTime(current.answeredAt)}` },
                    ]
                  : []),
              ]}
            />
            {answerable ? (
              <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => send.mutate({ id: current.id, answer: v.answer.trim() })}>
                <Form.Item name="answer" label={p('wb.answerLabel')} rules={[{ required: true, whitespace: true, message: p('wb.answerRequired') }]}>
                  <Input.TextArea rows={5} maxLength={2000} showCount />
                </Form.Item>
              </Form>
            ) : null}
          </>
        ) : null}
      </Modal>
    </Card>
  );
}

// 咨询 / 投诉: submit (logged in, or anonymously with a phone number) and
// read an answer with the ticket number and query code.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Result, Select, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useMe } from '../ui/auth';
import { ErrorAlert, useShowError } from '../ui/errors';
import { LinkButton } from '../ui/LinkButton';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { portalApi, type CitizenMessage, type MessageInput, type MessageKind, type MessageReceipt } from './api';
import { usePortalT } from './messages';

// Same rule as the server: a mobile number or an area code with a landline.
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

interface Values {
  kind: MessageKind;
  itemId?: string;
  departmentId?: string;
  subject: string;
  body: string;
  contactName?: string;
  contactPhone?: string;
}

/** One message with its answer (or that none has come yet). */
export function MessageView({ message }: { message: CitizenMessage }) {
  const p = usePortalT();
  const { formatDateTime } = useI18n();
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'ticket', label: p('consult.ticketNo'), children: message.ticketNo },
        { key: 'kind', label: p('consult.kind'), children: p(`kind.${message.kind}`) },
        { key: 'dept', label: p('msg.department'), children: message.departmentName },
        ...(message.itemName ? [{ key: 'item', label: p('msg.item'), children: message.itemName }] : []),
        { key: 'subject', label: p('consult.subject'), children: message.subject },
        { key: 'body', label: p('consult.body'), children: <span className="tb-prewrap">{message.body}</span> },
        { key: 'created', label: p('msg.createdAt'), children: formatDateTime(message.createdAt) },
        { key: 'status', label: p('msg.status'), children: message.status === 'answered' ? p('msg.answered') : p('msg.open') },
        message.status === 'answered'
          ? { key: 'answer', label: p('msg.answer'), children: <span className="tb-prewrap">{message.answer}</span> }
          : { key: 'due', label: p('msg.replyDue'), children: `${formatDateTime(message.replyDueAt)}（${p('msg.noAnswer')}）` },
        ...(message.answeredAt ? [{ key: 'answeredAt', label: p('msg.answeredAt'), children: formatDateTime(message.answeredAt) }] : []),
      ]}
    />
  );
}

function Lookup() {
  const p = usePortalT();
  const [params, setParams] = useSearchParams();
  const ticketNo = params.get('ticketNo')?.trim().toUpperCase() ?? '';
  const queryCode = params.get('queryCode')?.trim().toUpperCase() ?? '';
  const found = useQuery({
    queryKey: ['portal', 'message-lookup', ticketNo, queryCode],
    queryFn: () => portalApi.lookupMessage(ticketNo, queryCode),
    enabled: ticketNo !== '' && queryCode !== '',
    retry: false,
    staleTime: 0,
  });
  return (
    <Card title={<h2 className="tb-card-title">{p('consult.lookupTitle')}</h2>}>
      <Form
        layout="inline"
        className="tb-progress-form"
        initialValues={{ ticketNo, queryCode }}
        onFinish={(v: { ticketNo: string; queryCode: string }) => setParams({ ticketNo: v.ticketNo.trim().toUpperCase(), queryCode: v.queryCode.trim().toUpperCase() })}
      >
        <Form.Item name="ticketNo" label={p('consult.ticketNo')} rules={[{ required: true, whitespace: true, message: p('consult.ticketRequired') }]}>
          <Input maxLength={30} autoComplete="off" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="queryCode" label={p('consult.queryCode')} rules={[{ required: true, whitespace: true, message: p('consult.codeRequired') }]}>
          <Input maxLength={12} autoComplete="off" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={found.isFetching}>
            {p('consult.lookup')}
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {found.isError ? <ErrorAlert error={found.error} /> : null}
        {found.data ? <MessageView message={found.data} /> : null}
      </div>
    </Card>
  );
}

export function ConsultPage() {
  const p = usePortalT();
  const { t, formatDateTime } = useI18n();
  useDocumentTitle(p('consult.title'));
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<MessageReceipt | null>(null);
  const items = useQuery({ queryKey: ['catalog', 'items'], queryFn: api.catalog.items, staleTime: 60_000 });
  const departments = useQuery({ queryKey: ['catalog', 'departments'], queryFn: api.catalog.departments, staleTime: 60_000 });
  const submit = useMutation({ mutationFn: portalApi.submitMessage });
  const signedIn = me.data?.role === 'applicant';
  const staff = !!me.data && !signedIn;
  const itemId = Form.useWatch('itemId', form);

  const onFinish = (v: Values) => {
    const input: MessageInput = {
      kind: v.kind,
      itemId: v.itemId ?? null,
      departmentId: v.itemId ? null : (v.departmentId ?? null),
      subject: v.subject.trim(),
      body: v.body.trim(),
      ...(v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
    };
    submit.mutate(input, {
      onSuccess: (r) => {
        setReceipt(r);
        void message.success(p('consult.submitted', { ticketNo: r.ticketNo }));
      },
      onError: showError,
    });
  };

  return (
    <div className="tb-stack">
      <Card>
        <h1 className="tb-page-title">{p('consult.title')}</h1>
        <p className="tb-muted">{p('consult.intro')}</p>
        {receipt ? (
          <Result
            status="success"
            title={<span role="status">{p('consult.receiptTitle')}</span>}
            subTitle={p('consult.receiptBody', { due: formatDateTime(receipt.replyDueAt) })}
            extra={
              <div className="tb-stack" style={{ alignItems: 'center' }}>
                <dl className="tb-submitted">
                  <div>
                    <dt>{p('consult.ticketNo')}</dt>
                    <dd>
                      <Typography.Text className="tb-case-number" copyable>
                        {receipt.ticketNo}
                      </Typography.Text>
                    </dd>
                  </div>
                  <div>
                    <dt>{p('consult.queryCode')}</dt>
                    <dd>
                      <Typography.Text className="tb-case-number" copyable>
                        {receipt.queryCode}
                      </Typography.Text>
                    </dd>
                  </div>
                </dl>
                <Space wrap>
                  {signedIn ? <LinkButton to="/my/messages">{p('consult.viewMine')}</LinkButton> : null}
                  <Button
                    onClick={() => {
                      form.resetFields();
                      setReceipt(null);
                      submit.reset();
                    }}
                  >
                    {p('consult.another')}
                  </Button>
                </Space>
              </div>
            }
          />
        ) : staff ? (
          <Alert type="info" showIcon title={t('apply.staffCannotApply')} />
        ) : (
          <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'consultation' }} onFinish={onFinish} scrollToFirstError={{ focus: true }} style={{ maxWidth: 720 }}>
            {!signedIn ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={p('consult.anonymousNote')}
                action={<Link to="/login?next=%2Fconsult">{t('auth.login')}</Link>}
              />
            ) : null}
            <Form.Item name="kind" label={p('consult.kind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'consultation', label: p('kind.consultation') },
                  { value: 'complaint', label: p('kind.complaint') },
                ]}
              />
            </Form.Item>
            <Form.Item name="itemId" label={p('consult.item')} extra={p('consult.targetHint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={p('consult.itemPlaceholder')}
                loading={items.isPending}
                options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.departmentName}）` }))}
              />
            </Form.Item>
            {!itemId ? (
              <Form.Item name="departmentId" label={p('consult.department')} rules={[{ required: true, message: p('consult.targetRequired') }]}>
                <Select
                  placeholder={p('consult.departmentPlaceholder')}
                  loading={departments.isPending}
                  options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            ) : null}
            <Form.Item name="subject" label={p('consult.subject')} rules={[{ required: true, whitespace: true, message: p('consult.subjectRequired') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="body" label={p('consult.body')} rules={[{ required: true, whitespace: true, message: p('consult.bodyRequired') }]}>
              <Input.TextArea rows={5} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="contactName" label={p('consult.name')}>
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={p('consult.phone')}
              extra={signedIn ? p('consult.phoneOptional') : undefined}
              rules={[
                { required: !signedIn, whitespace: true, message: p('consult.phoneRequired') },
                { pattern: PHONE, message: p('consult.phoneInvalid') },
              ]}
            >
              <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} style={{ maxWidth: 320 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" size="large" loading={submit.isPending}>
                {p('consult.submit')}
              </Button>
            </Form.Item>
          </Form>
        )}
      </Card>
      <Lookup />
    </div>
  );
}

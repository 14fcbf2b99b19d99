import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Form, Input, List, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { useShowError } from '../ui/errors';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useNotifyT } from './messages';
import { useContact, useInbox, useMarkRead, usePreferences, useSetContact, useSetPreference, type Channel, type Preference } from './api';

/** 消息中心: the person's in-app messages, how they want to be told, and where. */
export function MessageCenterPage() {
  const n = useNotifyT();
  useDocumentTitle(n('nt.centerTitle'));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>{n('nt.centerTitle')}</Typography.Title>
      <Inbox />
      <Preferences />
      <Contact />
    </Space>
  );
}

function Inbox() {
  const n = useNotifyT();
  const { formatDateTime } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useInbox(unreadOnly, page);
  const markRead = useMarkRead();
  const showError = useShowError();
  const items = inbox.data?.items ?? [];
  return (
    <Card
      title={<span>{n('nt.centerTitle')} <Tag color={inbox.data?.unread ? 'red' : undefined}>{n('nt.unread')} {inbox.data?.unread ?? 0}</Tag></span>}
      extra={
        <Space wrap>
          <Segmented
            aria-label={n('nt.centerTitle')}
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => { setUnreadOnly(v === 'unread'); setPage(1); }}
            options={[{ value: 'all', label: n('nt.all') }, { value: 'unread', label: n('nt.unread') }]}
          />
          <Button onClick={() => markRead.mutate(undefined, { onError: showError })} disabled={!inbox.data?.unread}>{n('nt.markAllRead')}</Button>
        </Space>
      }
    >
      <List
        loading={inbox.isLoading}
        dataSource={items}
        locale={{ emptyText: <Empty description={n('nt.empty')} /> }}
        pagination={{ current: page, pageSize: 20, total: items.length < 20 ? (page - 1) * 20 + items.length : page * 20 + 1, onChange: setPage, simple: true }}
        renderItem={(m) => (
          <List.Item
            className={m.readAt ? 'tb-message-read' : 'tb-message-unread'}
            actions={[
              ...(m.link ? [<Link key="open" to={m.link} onClick={() => !m.readAt && markRead.mutate([m.id])}>{n('nt.open')}</Link>] : []),
              ...(!m.readAt ? [<Button key="read" type="link" onClick={() => markRead.mutate([m.id], { onError: showError })}>{n('nt.markRead')}</Button>] : []),
            ]}
          >
            <List.Item.Meta
              title={<Space wrap>{!m.readAt && <Tag color="blue">{n('nt.unread')}</Tag>}{m.urgent && <Tag color="red">{n('nt.urgent')}</Tag>}<span>{m.title}</span></Space>}
              description={<><div>{m.body}</div><Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text></>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

const CHANNELS: Channel[] = ['inapp', 'sms', 'email'];

function Preferences() {
  const n = useNotifyT();
  const { locale } = useI18n();
  const prefs = usePreferences();
  const setPref = useSetPreference();
  const { message } = App.useApp();
  const showError = useShowError();
  const change = (p: Preference, channel: Channel, on: boolean) => {
    const channels = on ? [...p.channels, channel] : p.channels.filter((c) => c !== channel);
    setPref.mutate({ kind: p.kind, channels }, { onSuccess: () => void message.success(n('nt.saved')), onError: showError });
  };
  return (
    <Card title={n('nt.prefsTitle')}>
      <Typography.Paragraph type="secondary">{n('nt.prefsHint')}</Typography.Paragraph>
      {/* The page's language is the person's preferred one once signed in (LanguageSwitch keeps them together). */}
      <Typography.Paragraph type="secondary">{n('nt.languageHint')}</Typography.Paragraph>
      <Table<Preference>
        rowKey="kind"
        size="small"
        pagination={false}
        loading={prefs.isLoading}
        dataSource={prefs.data?.items ?? []}
        columns={[
          { title: n('nt.col.kind'), render: (_, p) => p.label[locale] },
          {
            title: n('nt.col.channels'),
            render: (_, p) => (
              <Space wrap>
                {CHANNELS.map((c) => (
                  <Checkbox
                    key={c}
                    checked={p.channels.includes(c)}
                    disabled={p.mandatory.includes(c) || setPref.isPending}
                    onChange={(e) => change(p, c, e.target.checked)}
                    aria-label={`${p.label[locale]}：${n(`nt.channel.${c}`)}`}
                  >
                    {n(`nt.channel.${c}`)}
                  </Checkbox>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Contact() {
  const n = useNotifyT();
  const contact = useContact();
  const save = useSetContact();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ phone: string; email: string }>();
  return (
    <Card title={n('nt.contactTitle')}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 420 }}
        onFinish={(v) => {
          const body: { phone?: string; email?: string } = {};
          if (v.phone) body.phone = v.phone;
          if (v.email) body.email = v.email;
          save.mutate(body, { onSuccess: () => { form.resetFields(); void message.success(n('nt.saved')); }, onError: showError });
        }}
      >
        <Form.Item name="phone" label={n('nt.phone')} extra={n('nt.phoneHint', { current: contact.data?.phone ?? n('nt.none') })}>
          <Input inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="email" label={n('nt.email')} extra={n('nt.emailHint', { current: contact.data?.email ?? n('nt.none') })}>
          <Input type="email" autoComplete="email" maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{n('nt.saveContact')}</Button>
      </Form>
    </Card>
  );
}

// 单点登录 · 接入系统: the systems that sign staff in through Tongban (OpenID
// Connect). The administrator registers one (name, callback, post-logout and
// back-channel logout addresses), hands its client id and secret — shown
// once — to its administrator, and disables, renews or deletes it.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ssoApi, type SsoClient, type SsoClientInput } from './api';
import { useSsoT } from './messages';

const KEY = ['admin', 'sso', 'clients'] as const;

interface Values {
  name: string;
  redirectUris: string;
  postLogoutRedirectUris: string;
  backchannelLogoutUri: string;
  enabled: boolean;
}

const lines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/** What the server accepts as an address: absolute http(s), no fragment (checked there too). */
function isAddress(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !s.includes('#');
  } catch {
    return false;
  }
}

export function SsoClientsPage() {
  const t = useSsoT();
  useDocumentTitle(t('title'));
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const clients = useQuery({ queryKey: KEY, queryFn: ssoApi.clients, staleTime: 0 });
  const [editing, setEditing] = useState<SsoClient | 'new' | null>(null);
  const [secret, setSecret] = useState<{ id: string; name: string; secret: string } | null>(null);
  const [form] = Form.useForm<Values>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: KEY });

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const input: SsoClientInput = {
        name: v.name.trim(), redirectUris: lines(v.redirectUris), postLogoutRedirectUris: lines(v.postLogoutRedirectUris),
        backchannelLogoutUri: v.backchannelLogoutUri?.trim() || null, enabled: v.enabled,
      };
      if (editing && editing !== 'new') return { saved: await ssoApi.update(editing.id, input), secret: null };
      const made = await ssoApi.register(input);
      return { saved: made, secret: made.secret };
    },
    onSuccess: ({ saved, secret: shown }) => {
      setEditing(null);
      if (shown) setSecret({ id: saved.id, name: saved.name, secret: shown });
      refresh();
    },
    onError: showError,
  });
  const renew = useMutation({
    mutationFn: (c: SsoClient) => ssoApi.renewSecret(c.id),
    onSuccess: (c) => setSecret({ id: c.id, name: c.name, secret: c.secret }),
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: async (c: SsoClient) => {
      await ssoApi.remove(c.id);
      return c;
    },
    onSuccess: (c) => {
      void message.success(t('deleted', { name: c.name }));
      refresh();
    },
    onError: showError,
  });

  const open = (c: SsoClient | 'new') => {
    setEditing(c);
    form.resetFields();
    form.setFieldsValue(c === 'new'
      ? { name: '', redirectUris: '', postLogoutRedirectUris: '', backchannelLogoutUri: '', enabled: true }
      : {
        name: c.name, redirectUris: c.redirectUris.join('\n'), postLogoutRedirectUris: c.postLogoutRedirectUris.join('\n'),
        backchannelLogoutUri: c.backchannelLogoutUri ?? '', enabled: c.enabled,
      });
  };

  const uriLines = (requiredOne: boolean) => [
    ...(requiredOne ? [{ required: true, whitespace: true, message: t('required') }] : []),
    { validator: (_: unknown, v: string | undefined) => (lines(v).every(isAddress) ? Promise.resolve() : Promise.reject(new Error(t('uriRule')))) },
  ];

  const columns: TableProps<SsoClient>['columns'] = [
    { title: t('name'), dataIndex: 'name', key: 'name' },
    { title: t('clientId'), key: 'clientId', render: (_, c) => <Typography.Text code copyable>{c.id}</Typography.Text> },
    { title: t('redirectUris'), key: 'redirect', render: (_, c) => c.redirectUris.map((u) => <div key={u}>{u}</div>) },
    { title: t('backchannelLogoutUri'), key: 'backchannel', render: (_, c) => c.backchannelLogoutUri ?? t('none') },
    {
      title: t('logouts'), key: 'logouts',
      render: (_, c) => (c.logouts.pending === 0 && c.logouts.failed === 0 ? t('none') : (
        <Space size={4} wrap>
          {c.logouts.pending ? <Tag className="tb-tag tb-tag-other" variant="outlined">{t('logoutsWaiting', { n: c.logouts.pending })}</Tag> : null}
          {c.logouts.failed ? <Tag className="tb-tag tb-tag-denied" variant="outlined" title={t('logoutsFailedHint')}>{t('logoutsFailed', { n: c.logouts.failed })}</Tag> : null}
        </Space>
      )),
    },
    {
      title: t('status'), key: 'status',
      render: (_, c) => <Tag className={`tb-tag ${c.enabled ? 'tb-tag-approved' : 'tb-tag-other'}`} variant="outlined">{c.enabled ? t('on') : t('off')}</Tag>,
    },
    {
      title: t('actions'), key: 'actions',
      render: (_, c) => (
        <Space wrap>
          <Button size="small" onClick={() => open(c)}>
            {t('edit')}
            <span className="sr-only">{c.name}</span>
          </Button>
          <Popconfirm title={t('renewConfirm', { name: c.name })} onConfirm={() => renew.mutate(c)} okText={t('renew')} cancelText={t('cancel')}>
            <Button size="small">
              {t('renew')}
              <span className="sr-only">{c.name}</span>
            </Button>
          </Popconfirm>
          <Popconfirm title={t('deleteConfirm', { name: c.name })} onConfirm={() => remove.mutate(c)} okText={t('delete')} cancelText={t('cancel')}>
            <Button size="small" danger>
              {t('delete')}
              <span className="sr-only">{c.name}</span>
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const discovery = `${window.location.origin}/.well-known/openid-configuration`;
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="tb-page-title" style={{ margin: 0 }}>{t('title')}</h1>
        <Button type="primary" onClick={() => open('new')}>{t('new')}</Button>
      </Space>
      <p>{t('intro')}</p>
      <p>
        {t('discovery')}：<Typography.Text code copyable>{discovery}</Typography.Text>
      </p>
      {clients.isError ? (
        <ErrorAlert error={clients.error} onRetry={() => void clients.refetch()} />
      ) : (
        <Table<SsoClient> rowKey="id" loading={clients.isPending} dataSource={clients.data?.items ?? []} columns={columns} scroll={{ x: 'max-content' }} locale={{ emptyText: t('empty') }} />
      )}

      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('new') : t('edit')}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        forceRender
      >
        <Form<Values> form={form} name="ssoClient" layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="redirectUris" label={t('redirectUris')} extra={t('urisHint')} rules={uriLines(true)}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="postLogoutRedirectUris" label={t('postLogoutRedirectUris')} extra={t('urisHint')} rules={uriLines(false)}>
            <Input.TextArea autoSize={{ minRows: 1 }} />
          </Form.Item>
          <Form.Item name="backchannelLogoutUri" label={t('backchannelLogoutUri')} extra={t('backchannelHint')} rules={uriLines(false)}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="enabled" label={t('enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={secret !== null}
        title={t('secretTitle')}
        onCancel={() => setSecret(null)}
        footer={<Button type="primary" onClick={() => setSecret(null)}>{t('secretClose')}</Button>}
        destroyOnHidden
      >
        {secret ? (
          <>
            <Alert type="warning" showIcon title={t('secretOnce')} style={{ marginBottom: 16 }} />
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('name')}>{secret.name}</Descriptions.Item>
              <Descriptions.Item label={t('clientId')}><Typography.Text code copyable>{secret.id}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('secretTitle')}><Typography.Text code copyable data-testid="sso-secret">{secret.secret}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('discovery')}><Typography.Text code>{discovery}</Typography.Text></Descriptions.Item>
            </Descriptions>
          </>
        ) : null}
      </Modal>
    </Card>
  );
}

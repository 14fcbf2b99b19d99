// 安全密钥（WebAuthn）in the account's 两步验证 dialog: the person's keys with
// when each was last used, adding one (a name, then the browser's prompt)
// and removing one; and the message of a failed prompt, which the sign-in
// form shares.
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, List, Popconfirm, Typography } from 'antd';
import { ApiError } from '../api';
import { BrowserKeyError, securityKeyApi, type SecurityKey } from '../api/securityKeys';
import { useI18n } from '../i18n';

/** What to tell the person about a failed key step: the server's message, or what the browser's prompt came to. */
export function useKeyErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiError) return error.message;
    if (error instanceof BrowserKeyError) return t(`securityKey.problem.${error.problem}`);
    return t('error.unknown');
  };
}

/** The keys of the signed-in person; `onChanged` refreshes the dialog's state after an addition or a removal. */
export function SecurityKeysSection({ keys, onChanged }: { keys: readonly SecurityKey[]; onChanged: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const keyError = useKeyErrorMessage();
  const [form] = Form.useForm<{ name: string }>();
  const add = useMutation({
    mutationFn: securityKeyApi.add,
    onSuccess: (key) => {
      form.resetFields();
      void message.success(t('securityKey.added', { name: key.name }));
      onChanged();
    },
  });
  const remove = useMutation({ mutationFn: securityKeyApi.remove, onSuccess: () => { void message.success(t('securityKey.removed')); onChanged(); } });
  const failed = add.error ?? remove.error;

  return (
    <section aria-labelledby="tb-security-keys-title">
      <Typography.Title level={2} id="tb-security-keys-title" style={{ fontSize: 16 }}>{t('securityKey.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('securityKey.intro')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        // antd's own grey for the empty list is too faint (WCAG 1.4.3); the secondary text colour is not.
        locale={{ emptyText: <Typography.Text type="secondary">{t('securityKey.none')}</Typography.Text> }}
        dataSource={[...keys]}
        rowKey="id"
        renderItem={(key) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title={t('securityKey.removeConfirm', { name: key.name })}
                okText={t('securityKey.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(key.id)}
              >
                <Button size="small" danger loading={remove.isPending && remove.variables === key.id} aria-label={t('securityKey.removeNamed', { name: key.name })}>
                  {t('securityKey.remove')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={key.name}
              description={
                <>
                  {t('securityKey.addedAt', { at: formatDateTime(key.createdAt) })}
                  {' · '}
                  {key.lastUsedAt ? t('securityKey.lastUsed', { at: formatDateTime(key.lastUsedAt) }) : t('securityKey.neverUsed')}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Form form={form} name="tb-security-key-add" layout="inline" requiredMark={false} style={{ marginTop: 12 }} onFinish={(v) => add.mutate(v.name.trim())}>
        <Form.Item name="name" label={t('securityKey.name')} rules={[{ required: true, whitespace: true, max: 40, message: t('securityKey.nameRequired') }]}>
          <Input maxLength={40} placeholder={t('securityKey.namePlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={add.isPending}>{t('securityKey.add')}</Button>
        </Form.Item>
      </Form>
      {failed ? <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={keyError(failed)} /> : null}
    </section>
  );
}

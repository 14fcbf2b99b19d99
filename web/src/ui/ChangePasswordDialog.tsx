// 修改密码: the signed-in person changes their own password (current one required).
// The server checks the policy of their role and ends their other sessions; its
// refusals are shown on the field they are about.
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { ApiError, api, type User } from '../api';
import { useI18n } from '../i18n';
import { sameAs } from './formRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

// As the server's password-policy.ts: staff hold other people's cases, so their passwords are longer.
const minLength = (role: User['role']): number => (role === 'applicant' ? 8 : 12);

/** Server refusals that belong to one field (the rest show above the buttons). */
const FIELD_OF: Record<string, keyof Values> = {
  CURRENT_PASSWORD_INVALID: 'currentPassword',
  PASSWORD_TOO_SHORT: 'newPassword',
  PASSWORD_TOO_COMMON: 'newPassword',
  PASSWORD_LIKE_USERNAME: 'newPassword',
  PASSWORD_UNCHANGED: 'newPassword',
};

export function ChangePasswordDialog({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const min = minLength(user.role);
  const change = useMutation({ mutationFn: api.auth.changePassword });
  const fieldError = change.error instanceof ApiError ? FIELD_OF[change.error.code] : undefined;

  const close = () => {
    change.reset();
    onClose();
  };
  const submit = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: ({ sessionsEnded }) => {
          void message.success(sessionsEnded > 0 ? t('password.doneElsewhere', { n: sessionsEnded }) : t('password.done'));
          close();
        },
        onError: (e) => {
          const field = e instanceof ApiError ? FIELD_OF[e.code] : undefined;
          if (field) form.setFields([{ name: field, errors: [e.message] }]);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: change.isPending, htmlType: 'submit', form: 'tb-change-password' }}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('password.intro')}</Typography.Paragraph>
      <Form<Values> id="tb-change-password" form={form} layout="vertical" preserve={false} onFinish={submit}>
        {/* A password manager fills and saves against the account's name. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" maxLength={128} aria-required />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.newHint', { min })}
          rules={[
            { required: true, message: t('password.newRequired') },
            { validator: async (_rule, value?: string) => {
              if (value && [...value].length < min) throw new Error(t('password.newTooShort', { min }));
            } },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} aria-required />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            sameAs('newPassword', t('password.confirmMismatch')),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} aria-required />
        </Form.Item>
        {change.isError && !fieldError ? (
          <Alert type="error" showIcon role="alert" title={change.error instanceof ApiError ? change.error.message : t('error.unknown')} />
        ) : null}
      </Form>
    </Modal>
  );
}

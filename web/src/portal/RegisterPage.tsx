import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useAuthActions } from '../ui/auth';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { sameAs } from '../ui/formRules';
import { landingPath } from './LoginPage';

interface RegisterValues {
  username: string;
  displayName: string;
  phone?: string;
  password: string;
  confirm: string;
}

// Same rules as the server's registerBody (server/src/modules/iam/schemas.ts).
const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;
const MOBILE = /^1\d{10}$/;

/** Self-registration for citizens and enterprise agents (申请人). */
export function RegisterPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('auth.registerTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { register } = useAuthActions();
  const next = params.get('next');

  return (
    <Card className="tb-auth-card">
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('auth.registerTitle')}
      </Typography.Title>
      <Form<RegisterValues>
        layout="vertical"
        onFinish={(values) =>
          register.mutate(
            {
              username: values.username.trim(),
              password: values.password,
              displayName: values.displayName.trim(),
              ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
              // The language the person registers in becomes their preferred one (screens and notifications).
              language: locale,
            },
            { onSuccess: ({ user }) => navigate(landingPath(user, next), { replace: true }) },
          )
        }
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={t('auth.usernameHint')}
          rules={[
            { required: true, whitespace: true, message: t('auth.usernameRequired') },
            { pattern: USERNAME, message: t('auth.usernameInvalid') },
          ]}
        >
          <Input autoComplete="username" maxLength={32} aria-required />
        </Form.Item>
        <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true, whitespace: true, message: t('auth.displayNameRequired') }]}>
          <Input autoComplete="name" maxLength={50} aria-required />
        </Form.Item>
        <Form.Item name="phone" label={t('auth.phone')} rules={[{ pattern: MOBILE, message: t('auth.phoneInvalid') }]}>
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordHint')}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            { min: 8, message: t('auth.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} aria-required />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('auth.confirmRequired') },
            sameAs('password', t('auth.confirmMismatch')),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} aria-required />
        </Form.Item>
        {register.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={register.error instanceof ApiError ? register.error.message : t('error.unknown')}
          />
        ) : null}
        <Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
            {t('auth.register')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('auth.haveAccount')} <Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>{t('auth.loginLink')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

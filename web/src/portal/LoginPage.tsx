import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type User } from '../api';
import { useI18n } from '../i18n';
import { canOpen, homeForRole, useAuthActions } from '../ui/auth';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** Where to go after signing in: the page that sent the user here, if this role may open it. */
export function landingPath(user: User, next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && canOpen(user.role, next) && !next.startsWith('/login') && !next.startsWith('/register')) {
    return next;
  }
  return homeForRole(user.role);
}

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t('auth.login'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { login } = useAuthActions();
  const next = params.get('next');

  return (
    <Card className="tb-auth-card">
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('auth.loginTitle')}
      </Typography.Title>
      <Form
        layout="vertical"
        requiredMark={false}
        onFinish={(values: { username: string; password: string }) =>
          login.mutate(
            { username: values.username.trim(), password: values.password },
            { onSuccess: ({ user }) => navigate(landingPath(user, next), { replace: true }) },
          )
        }
      >
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
          <Input autoComplete="username" autoFocus maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        {login.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={login.error instanceof ApiError ? login.error.message : t('error.unknown')}
          />
        ) : null}
        <Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('auth.noAccount')} <Link to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}>{t('auth.registerLink')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type User } from '../api';
import { enrolmentOf, type Enrolment } from '../api/secondFactor';
import { EnrolmentView, RecoveryCodesModal } from '../ui/SecondFactor';
import { useI18n } from '../i18n';
import { canOpen, homeForRole, useAuthActions } from '../ui/auth';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ExternalSignIn } from '../ui/ExternalSignIn';

/** Where to go after signing in: the page that sent the user here, if this role may open it. */
export function landingPath(user: User, next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && canOpen(user.role, next) && !next.startsWith('/login') && !next.startsWith('/register')) {
    return next;
  }
  return homeForRole(user.role);
}

/** After the password: the code of an enrolled account, or the QR code to scan for one the administrator requires it of. */
type SecondStep = { kind: 'code' } | { kind: 'enrol'; enrolment: Enrolment };

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t('auth.login'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { login } = useAuthActions();
  const next = params.get('next');
  const [credentials, setCredentials] = useState<{ username: string; password: string } | null>(null);
  const [second, setSecond] = useState<SecondStep | null>(null);
  const [recovery, setRecovery] = useState<{ codes: string[]; to: string } | null>(null);

  // A connected system's sign-in (/oidc/interaction/…) is a server page, not one of this app's routes.
  const go = (to: string) => (to.startsWith('/oidc/') ? window.location.assign(to) : navigate(to, { replace: true }));
  const signIn = (input: { username: string; password: string; code?: string }) =>
    login.mutate(input, {
      onSuccess: ({ user, recoveryCodes }) => {
        const to = landingPath(user, next);
        // A sign-in that completed a required enrolment brings the recovery codes: shown once, before going on.
        if (recoveryCodes?.length) setRecovery({ codes: recoveryCodes, to });
        else go(to);
      },
      onError: (e) => {
        if (!(e instanceof ApiError)) return;
        if (e.code === 'SECOND_FACTOR_REQUIRED') setSecond({ kind: 'code' });
        const enrolment = e.code === 'SECOND_FACTOR_ENROLMENT_REQUIRED' ? enrolmentOf(e.details) : null;
        if (enrolment) setSecond({ kind: 'enrol', enrolment });
      },
    });
  // Asking for the code is the next step, not an error to show.
  const shownError = login.isError && !(login.error instanceof ApiError && ASKS_FOR_CODE.has(login.error.code)) ? login.error : null;
  const errorAlert = shownError ? (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={shownError instanceof ApiError ? shownError.message : t('error.unknown')} />
  ) : null;

  return (
    <Card className="tb-auth-card">
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {second ? t('mfa.title') : t('auth.loginTitle')}
      </Typography.Title>
      {second && credentials ? (
        <Form
          key="second"
          layout="vertical"
          requiredMark={false}
          onFinish={(values: { code: string }) => signIn({ ...credentials, code: values.code.trim() })}
        >
          <Typography.Paragraph>{second.kind === 'code' ? t('mfa.loginCodeIntro') : t('mfa.loginEnrolIntro')}</Typography.Paragraph>
          {second.kind === 'enrol' ? <EnrolmentView enrolment={second.enrolment} /> : null}
          <Form.Item
            name="code"
            label={second.kind === 'code' ? t('mfa.codeOrRecovery') : t('mfa.code')}
            extra={second.kind === 'enrol' ? t('mfa.codeHint') : undefined}
            rules={[{ required: true, whitespace: true, message: t('mfa.codeRequired') }]}
          >
            <Input autoComplete="one-time-code" autoFocus maxLength={20} />
          </Form.Item>
          {errorAlert}
          <Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('mfa.verify')}
            </Button>
          </Form.Item>
          <Button type="link" onClick={() => { login.reset(); setSecond(null); setCredentials(null); }}>{t('mfa.back')}</Button>
        </Form>
      ) : (
        <Form
          key="first"
          layout="vertical"
          requiredMark={false}
          onFinish={(values: { username: string; password: string }) => {
            const given = { username: values.username.trim(), password: values.password };
            setCredentials(given);
            signIn(given);
          }}
        >
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          {errorAlert}
          <Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('auth.login')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {second ? null : <ExternalSignIn next={next} refused={params.get('external')} />}
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('auth.noAccount')} <Link to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}>{t('auth.registerLink')}</Link>
      </Typography.Paragraph>
      <RecoveryCodesModal codes={recovery?.codes ?? null} onClose={() => recovery && go(recovery.to)} />
    </Card>
  );
}

const ASKS_FOR_CODE = new Set(['SECOND_FACTOR_REQUIRED', 'SECOND_FACTOR_ENROLMENT_REQUIRED']);

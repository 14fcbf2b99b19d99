import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { AuthenticationResponseJSON } from '@simplewebauthn/browser';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type User } from '../api';
import { enrolmentOf, methodsOf, type Enrolment, type SecondFactorMethod } from '../api/secondFactor';
import { securityKeyApi } from '../api/securityKeys';
import { EnrolmentView, RecoveryCodesModal } from '../ui/SecondFactor';
import { useKeyErrorMessage } from '../ui/SecurityKeys';
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

/** After the password: the code or security key of an enrolled account, or the QR code to scan for one the administrator requires it of. */
type SecondStep = { kind: 'code'; methods: readonly SecondFactorMethod[] } | { kind: 'enrol'; enrolment: Enrolment };

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
  const signIn = (input: { username: string; password: string; code?: string; webauthn?: AuthenticationResponseJSON }) =>
    login.mutate(input, {
      onSuccess: ({ user, recoveryCodes }) => {
        const to = landingPath(user, next);
        // A sign-in that completed a required enrolment brings the recovery codes: shown once, before going on.
        if (recoveryCodes?.length) setRecovery({ codes: recoveryCodes, to });
        else go(to);
      },
      onError: (e) => {
        if (!(e instanceof ApiError)) return;
        if (e.code === 'SECOND_FACTOR_REQUIRED') setSecond({ kind: 'code', methods: methodsOf(e.details) });
        const enrolment = e.code === 'SECOND_FACTOR_ENROLMENT_REQUIRED' ? enrolmentOf(e.details) : null;
        if (enrolment) setSecond({ kind: 'enrol', enrolment });
      },
    });
  // The key's answer (the browser's prompt) goes with the password to the login, in place of a code.
  const keyError = useKeyErrorMessage();
  const keySignIn = useMutation({
    mutationFn: securityKeyApi.signIn,
    onMutate: () => login.reset(),
    onSuccess: (webauthn) => credentials && signIn({ ...credentials, webauthn }),
  });
  // Asking for the code is the next step, not an error to show.
  const shownError = keySignIn.error ?? (login.isError && !(login.error instanceof ApiError && ASKS_FOR_CODE.has(login.error.code)) ? login.error : null);
  const errorAlert = shownError ? (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={keyError(shownError)} />
  ) : null;
  const withApp = second?.kind === 'enrol' || second?.methods.includes('totp');
  const withKey = second?.kind === 'code' && second.methods.includes('webauthn');
  const intro = second?.kind === 'enrol' ? t('mfa.loginEnrolIntro') : withKey ? t(withApp ? 'securityKey.loginEitherIntro' : 'securityKey.loginKeyIntro') : t('mfa.loginCodeIntro');

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
          onFinish={(values: { code: string }) => { keySignIn.reset(); signIn({ ...credentials, code: values.code.trim() }); }}
        >
          <Typography.Paragraph>{intro}</Typography.Paragraph>
          {withKey ? (
            <Form.Item>
              <Button type={withApp ? 'default' : 'primary'} block size="large" loading={keySignIn.isPending || (login.isPending && !keySignIn.isIdle)} onClick={() => keySignIn.mutate(credentials)}>
                {t('securityKey.use')}
              </Button>
            </Form.Item>
          ) : null}
          {second.kind === 'enrol' ? <EnrolmentView enrolment={second.enrolment} /> : null}
          {withApp ? (
            <Form.Item
              name="code"
              label={second.kind === 'code' ? t('mfa.codeOrRecovery') : t('mfa.code')}
              extra={second.kind === 'enrol' ? t('mfa.codeHint') : undefined}
              rules={[{ required: true, whitespace: true, message: t('mfa.codeRequired') }]}
            >
              <Input autoComplete="one-time-code" autoFocus maxLength={20} />
            </Form.Item>
          ) : null}
          {errorAlert}
          {withApp ? (
            <Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={login.isPending && keySignIn.isIdle}>
                {t('mfa.verify')}
              </Button>
            </Form.Item>
          ) : null}
          <Button type="link" onClick={() => { login.reset(); keySignIn.reset(); setSecond(null); setCredentials(null); }}>{t('mfa.back')}</Button>
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

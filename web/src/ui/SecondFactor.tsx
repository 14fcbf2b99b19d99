// 两步验证: the pieces the sign-in form and the account's dialog share (the QR
// code to scan, the recovery codes shown once) and the dialog in the header
// where staff turn the authenticator on or off.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { ApiError } from '../api';
import { secondFactorApi, type Enrolment } from '../api/secondFactor';
import { useI18n } from '../i18n';
import { ExternalIdentityLink } from './ExternalSignIn';
import { SecurityKeysSection } from './SecurityKeys';

const STATE_KEY = ['auth', 'second-factor'] as const;

/** The QR code for the authenticator app, and its key as text for typing in. */
export function EnrolmentView({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useI18n();
  return (
    <div className="tb-enrolment">
      <Typography.Paragraph>{t('mfa.scan')}</Typography.Paragraph>
      <img src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('mfa.qrAlt')} width={180} height={180} />
      <Typography.Paragraph>
        {t('mfa.secret')}：<Typography.Text code copyable data-testid="totp-secret">{enrolment.secret}</Typography.Text>
      </Typography.Paragraph>
    </div>
  );
}

/** The recovery codes, shown once, until the person says they have saved them. */
export function RecoveryCodesModal({ codes, onClose }: { codes: readonly string[] | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={codes !== null}
      title={t('mfa.recoveryTitle')}
      closable={false}
      maskClosable={false}
      footer={<Button type="primary" onClick={onClose}>{t('mfa.recoverySaved')}</Button>}
    >
      <Typography.Paragraph>{t('mfa.recoveryIntro')}</Typography.Paragraph>
      <ul className="tb-recovery-codes" aria-label={t('mfa.recoveryList')}>
        {(codes ?? []).map((c) => <li key={c}><Typography.Text code>{c}</Typography.Text></li>)}
      </ul>
    </Modal>
  );
}

/** A code field and its button: one form for turning on, new recovery codes and turning off. */
function CodeForm({ id, label, submit, pending, onSubmit }: { id: string; label: string; submit: string; pending: boolean; onSubmit: (code: string) => void }) {
  const { t } = useI18n();
  return (
    <Form name={id} layout="inline" requiredMark={false} onFinish={(v: { code: string }) => onSubmit(v.code.trim())}>
      <Form.Item name="code" label={label} rules={[{ required: true, whitespace: true, message: t('mfa.codeRequired') }]}>
        <Input autoComplete="one-time-code" inputMode="numeric" maxLength={20} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={pending}>{submit}</Button>
      </Form.Item>
    </Form>
  );
}

/** 两步验证 of one's own account: its state; the app (scan, first code, recovery codes, new codes, off); the security keys. */
export function SecondFactorDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: STATE_KEY, queryFn: secondFactorApi.state, enabled: open });
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: STATE_KEY });

  const setup = useMutation({ mutationFn: secondFactorApi.setup, onSuccess: setEnrolment });
  const confirm = useMutation({
    mutationFn: secondFactorApi.confirm,
    onSuccess: ({ recoveryCodes }) => {
      setEnrolment(null);
      setCodes(recoveryCodes);
      void message.success(t('mfa.enabled'));
      void refresh();
    },
  });
  const replace = useMutation({ mutationFn: secondFactorApi.replaceRecoveryCodes, onSuccess: ({ recoveryCodes }) => { setCodes(recoveryCodes); void refresh(); } });
  const disable = useMutation({ mutationFn: secondFactorApi.disable, onSuccess: () => { void message.success(t('mfa.disabled')); void refresh(); } });
  const failed = [setup, confirm, replace, disable].find((m) => m.isError)?.error;

  const close = () => {
    for (const m of [setup, confirm, replace, disable]) m.reset();
    setEnrolment(null);
    onClose();
  };
  const s = state.data;
  const on = Boolean(s && (s.enrolled || s.securityKeys.length));
  return (
    <>
      <Modal open={open} title={t('mfa.title')} footer={null} onCancel={close} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('mfa.intro')}</Typography.Paragraph>
        {s ? (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <div>
              <Tag color={on ? 'green' : 'default'}>{on ? t('mfa.statusOn') : t('mfa.statusOff')}</Tag>
              {s.enrolled ? <Typography.Text>{t('mfa.codesLeft', { n: s.recoveryCodesLeft })}</Typography.Text> : null}
            </div>
            {s.required ? <Alert type="info" showIcon title={t('mfa.required')} /> : null}
            <section aria-labelledby="tb-mfa-app-title">
              <Typography.Title level={2} id="tb-mfa-app-title" style={{ fontSize: 16 }}>{t('mfa.appTitle')}</Typography.Title>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                {!s.enrolled && !enrolment ? (
                  <Button type="primary" loading={setup.isPending} onClick={() => setup.mutate()}>{t('mfa.start')}</Button>
                ) : null}
                {!s.enrolled && enrolment ? (
                  <>
                    <EnrolmentView enrolment={enrolment} />
                    <CodeForm id="tb-mfa-confirm" label={t('mfa.code')} submit={t('mfa.confirm')} pending={confirm.isPending} onSubmit={(c) => confirm.mutate(c)} />
                  </>
                ) : null}
                {s.enrolled ? (
                  <>
                    <CodeForm id="tb-mfa-codes" label={t('mfa.actionCode')} submit={t('mfa.newCodes')} pending={replace.isPending} onSubmit={(c) => replace.mutate(c)} />
                    {/* Required of the person: the app may go only while a security key stays (the server refuses otherwise). */}
                    {!s.required || s.securityKeys.length ? (
                      <CodeForm id="tb-mfa-off" label={t('mfa.actionCode')} submit={t('mfa.disable')} pending={disable.isPending} onSubmit={(c) => disable.mutate(c)} />
                    ) : null}
                  </>
                ) : null}
                {failed ? <Alert type="error" showIcon role="alert" title={failed instanceof ApiError ? failed.message : t('error.unknown')} /> : null}
              </Space>
            </section>
            <SecurityKeysSection keys={s.securityKeys} onChanged={() => void refresh()} />
          </Space>
        ) : null}
        <ExternalIdentityLink />
      </Modal>
      <RecoveryCodesModal codes={codes} onClose={() => setCodes(null)} />
    </>
  );
}

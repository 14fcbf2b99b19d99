import { useState, type ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { KeyOutlined, LaptopOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { User } from '../api';
import { useI18n } from '../i18n';
import { useAuthActions } from './auth';
import { useShowError } from './errors';
import { useRoleLabel } from './labels';
import { MessageBell } from '../notify/MessageBell';
import { SessionsDialog } from './SessionsDialog';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { SecondFactorDialog } from './SecondFactor';
import { RoleSwitch } from './RoleSwitch';

/** The signed-in user's message centre (unread count), name and role (a switch for a person holding several), their password, 两步验证 (staff) and signed-in devices, and the logout button. */
export function UserBox({ user, dark = false }: { user: User; dark?: boolean }) {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const { logout } = useAuthActions();
  const navigate = useNavigate();
  const showError = useShowError();
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [secondFactorOpen, setSecondFactorOpen] = useState(false);
  return (
    <Space size="small" wrap>
      <MessageBell dark={dark} />
      <Typography.Text className={dark ? 'tb-on-dark' : undefined}>
        <UserOutlined aria-hidden /> {user.displayName}
        {user.roles.length > 1 ? null : (
          <span className="tb-user-role" title={user.departmentName ?? undefined}>
            {' · '}
            {roleLabel(user.role)}
          </span>
        )}
      </Typography.Text>
      {user.roles.length > 1 ? <RoleSwitch user={user} /> : null}
      <HeaderButton dark={dark} icon={<LaptopOutlined aria-hidden />} label={t('session.open')} onClick={() => setDevicesOpen(true)} />
      <SessionsDialog open={devicesOpen} onClose={() => setDevicesOpen(false)} />
      <HeaderButton dark={dark} icon={<KeyOutlined aria-hidden />} label={t('password.open')} onClick={() => setPasswordOpen(true)} />
      <ChangePasswordDialog user={user} open={passwordOpen} onClose={() => setPasswordOpen(false)} />
      {user.role !== 'applicant' ? (
        <>
          <HeaderButton dark={dark} icon={<SafetyOutlined aria-hidden />} label={t('mfa.open')} onClick={() => setSecondFactorOpen(true)} />
          <SecondFactorDialog open={secondFactorOpen} onClose={() => setSecondFactorOpen(false)} />
        </>
      ) : null}
      <Button
        type={dark ? 'text' : 'default'}
        className={dark ? 'tb-on-dark' : undefined}
        icon={<LogoutOutlined aria-hidden />}
        loading={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => navigate('/'),
            onError: (e) => {
              showError(e);
              navigate('/');
            },
          })
        }
      >
        {t('auth.logout')}
      </Button>
    </Space>
  );
}

/** A header button whose label shows on wide screens only (on narrow ones it is the icon, the label still read out). */
function HeaderButton({ dark, icon, label, onClick }: { dark: boolean; icon: ReactNode; label: string; onClick: () => void }) {
  return (
    <Button type={dark ? 'text' : 'default'} className={dark ? 'tb-on-dark' : undefined} icon={icon} onClick={onClick}>
      <span className="tb-wide-only">{label}</span>
    </Button>
  );
}

import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { LaptopOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { User } from '../api';
import { useI18n } from '../i18n';
import { useAuthActions } from './auth';
import { useShowError } from './errors';
import { useRoleLabel } from './labels';
import { MessageBell } from '../notify/MessageBell';
import { SessionsDialog } from './SessionsDialog';

/** The signed-in user's message centre (unread count), name and role, their signed-in devices, and the logout button. */
export function UserBox({ user, dark = false }: { user: User; dark?: boolean }) {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const { logout } = useAuthActions();
  const navigate = useNavigate();
  const showError = useShowError();
  const [devicesOpen, setDevicesOpen] = useState(false);
  return (
    <Space size="small" wrap>
      <MessageBell dark={dark} />
      <Typography.Text className={dark ? 'tb-on-dark' : undefined}>
        <UserOutlined aria-hidden /> {user.displayName}
        <span className="tb-user-role" title={user.departmentName ?? undefined}>
          {' · '}
          {roleLabel(user.role)}
        </span>
      </Typography.Text>
      <Button
        type={dark ? 'text' : 'default'}
        className={dark ? 'tb-on-dark' : undefined}
        icon={<LaptopOutlined aria-hidden />}
        onClick={() => setDevicesOpen(true)}
      >
        <span className="tb-wide-only">{t('session.open')}</span>
      </Button>
      <SessionsDialog open={devicesOpen} onClose={() => setDevicesOpen(false)} />
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

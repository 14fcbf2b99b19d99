// The menu entry of the single sign-on console (系统管理员).
import type { MenuProps } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useSsoT } from './messages';

function SsoLink() {
  const t = useSsoT();
  return <Link to="/admin/sso">{t('menu.sso')}</Link>;
}

export const ssoMenuKeys = ['/admin/sso'];

export function ssoMenuItems(role: string): NonNullable<MenuProps['items']> {
  if (role !== 'admin') return [];
  return [{ key: '/admin/sso', icon: <LoginOutlined aria-hidden />, label: <SsoLink /> }];
}

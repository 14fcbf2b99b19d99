// The menu entries of 角色管理 and 权限管理 (安全管理员) and 资源管理 (系统管理员): 三员分立.
import type { MenuProps } from 'antd';
import { ApartmentOutlined, SafetyCertificateOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useAccessT } from './messages';

function AccessLink({ to, k }: { to: string; k: 'menu.roles' | 'menu.resources' | 'menu.permissions' }) {
  const t = useAccessT();
  return <Link to={to}>{t(k)}</Link>;
}

export const accessMenuKeys = ['/admin/roles', '/admin/permissions', '/admin/resources'];

export function accessMenuItems(role: string): NonNullable<MenuProps['items']> {
  if (role === 'security_admin') {
    return [
      { key: '/admin/roles', icon: <SolutionOutlined aria-hidden />, label: <AccessLink to="/admin/roles" k="menu.roles" /> },
      { key: '/admin/permissions', icon: <SafetyCertificateOutlined aria-hidden />, label: <AccessLink to="/admin/permissions" k="menu.permissions" /> },
    ];
  }
  if (role !== 'admin') return [];
  return [{ key: '/admin/resources', icon: <ApartmentOutlined aria-hidden />, label: <AccessLink to="/admin/resources" k="menu.resources" /> }];
}

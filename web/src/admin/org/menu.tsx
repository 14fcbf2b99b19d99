// Menu entries of the organisation console: 组织机构 and 人员管理, for system administrators.
import type { MenuProps } from 'antd';
import { ClusterOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useOrgT } from './messages';

function OrgLink() {
  const t = useOrgT();
  return <Link to="/admin/org">{t('menu.org')}</Link>;
}

function StaffLink() {
  const t = useOrgT();
  return <Link to="/admin/staff">{t('menu.staff')}</Link>;
}

/** The keys the admin shell marks as selected when the path starts with them. */
export const orgMenuKeys = ['/admin/org', '/admin/staff'];

export function orgMenuItems(role: string): NonNullable<MenuProps['items']> {
  if (role !== 'admin') return [];
  return [
    { key: '/admin/org', icon: <ClusterOutlined aria-hidden />, label: <OrgLink /> },
    { key: '/admin/staff', icon: <TeamOutlined aria-hidden />, label: <StaffLink /> },
  ];
}

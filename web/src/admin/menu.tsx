// The admin console's entry in the workbench menu (for admins and managers).
import type { MenuProps } from 'antd';
import { ApartmentOutlined, NotificationOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useAdminT } from './messages';
import { usePortalT } from '../portal/messages';
import { formsMenuItems } from './forms/menu';
import { catalogMenuItems } from './catalog/menu';
import { orgMenuItems } from './org/menu';
import { ssoMenuItems } from './sso/menu';
import { accessMenuItems } from './access/menu';

function ProcessesLink() {
  const t = useAdminT();
  return <Link to="/admin/processes">{t('admin.processes')}</Link>;
}

function ArticlesLink() {
  const p = usePortalT();
  return <Link to="/admin/portal">{p('admin.menu')}</Link>;
}

/** Menu items leading to the admin console, for the roles that may open it. */
export function adminMenuItems(role: string): NonNullable<MenuProps['items']> {
  if (role !== 'admin' && role !== 'manager') return [];
  return [
    { key: '/admin/processes', icon: <ApartmentOutlined aria-hidden />, label: <ProcessesLink /> },
    { key: '/admin/portal', icon: <NotificationOutlined aria-hidden />, label: <ArticlesLink /> },
    ...formsMenuItems(role),
    ...catalogMenuItems(role),
    ...orgMenuItems(role),
    ...ssoMenuItems(role),
    ...accessMenuItems(role),
  ];
}

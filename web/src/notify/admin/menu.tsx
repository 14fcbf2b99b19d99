// The notification admin pages in the workbench menu (administrators only).
import type { MenuProps } from 'antd';
import { MailOutlined, MessageOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useNotifyT } from '../messages';

function Label({ to, k }: { to: string; k: 'nt.admin.templates' | 'nt.admin.outbox' }) {
  const n = useNotifyT();
  return <Link to={to}>{n(k)}</Link>;
}

export function notifyAdminMenuItems(role: string): NonNullable<MenuProps['items']> {
  if (role !== 'admin') return [];
  return [
    { key: '/admin/notify/templates', icon: <MessageOutlined aria-hidden />, label: <Label to="/admin/notify/templates" k="nt.admin.templates" /> },
    { key: '/admin/notify/outbox', icon: <MailOutlined aria-hidden />, label: <Label to="/admin/notify/outbox" k="nt.admin.outbox" /> },
  ];
}

// The process pages' entries in the workbench menu: 抄送我的 for every staff
// member, 工作交接 for managers and admins (the server checks the same).
import type { MenuProps } from 'antd';
import { CopyOutlined, SwapOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useProcessT, type ProcessKey } from './messages';

function MenuLink({ to, label }: { to: string; label: ProcessKey }) {
  const t = useProcessT();
  return <Link to={to}>{t(label)}</Link>;
}

export function processMenuItems(role: string): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [
    { key: '/workbench/copies', icon: <CopyOutlined aria-hidden />, label: <MenuLink to="/workbench/copies" label="copies.menu" /> },
  ];
  if (role === 'manager' || role === 'admin') {
    items.push({ key: '/workbench/handover', icon: <SwapOutlined aria-hidden />, label: <MenuLink to="/workbench/handover" label="handover.menu" /> });
  }
  return items;
}

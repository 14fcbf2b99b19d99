// The process pages' entries in the workbench menu: 抄送我的 (with the number
// unread) for every staff member, 工作交接 for managers and admins (the server
// checks the same).
import type { MenuProps } from 'antd';
import { Badge } from 'antd';
import { CopyOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { copiesKey, processApi } from './api';
import { useProcessT, type ProcessKey } from './messages';

function MenuLink({ to, label }: { to: string; label: ProcessKey }) {
  const t = useProcessT();
  return <Link to={to}>{t(label)}</Link>;
}

function CopiesLink() {
  const t = useProcessT();
  const copies = useQuery({ queryKey: copiesKey, queryFn: () => processApi.myCopies({ limit: 1 }), staleTime: 60_000 });
  const unread = copies.data?.unread ?? 0;
  return (
    <Link to="/workbench/copies">
      {t('copies.menu')}
      {unread > 0 ? <Badge count={unread} size="small" style={{ marginInlineStart: 8 }} title={t('copies.unreadCount', { n: unread })} /> : null}
    </Link>
  );
}

export function processMenuItems(role: string): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [
    { key: '/workbench/copies', icon: <CopyOutlined aria-hidden />, label: <CopiesLink /> },
  ];
  if (role === 'manager' || role === 'admin') {
    items.push({ key: '/workbench/handover', icon: <SwapOutlined aria-hidden />, label: <MenuLink to="/workbench/handover" label="handover.menu" /> });
  }
  return items;
}

import { Badge } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useNotifyT } from './messages';
import { useUnread, useUnreadStream } from './api';

/** Where this shell keeps its message centre. */
export function messageCenterPath(pathname: string): string {
  if (pathname.startsWith('/supervision')) return '/supervision/messages';
  if (pathname.startsWith('/workbench') || pathname.startsWith('/admin')) return '/workbench/messages';
  return '/my/notifications';
}

/** The header's link to the message centre with the unread count, kept live by the server's push. */
export function MessageBell({ dark = false }: { dark?: boolean }) {
  const n = useNotifyT();
  const location = useLocation();
  const unread = useUnread(true);
  useUnreadStream(true);
  const count = unread.data?.unread ?? 0;
  return (
    <Link
      to={messageCenterPath(location.pathname)}
      className={`tb-message-bell${dark ? ' tb-on-dark' : ''}`}
      aria-label={count ? n('nt.bellUnread', { n: count }) : n('nt.bell')}
    >
      <Badge count={count} size="small" overflowCount={99} aria-hidden>
        <BellOutlined aria-hidden className="tb-message-bell-icon" />
      </Badge>
    </Link>
  );
}

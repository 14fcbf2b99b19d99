// The staff workbench: window intake, approvers' to-do list, all cases.
import { Result } from 'antd';
import type { MenuProps } from 'antd';
import { AlertOutlined, AuditOutlined, CalendarOutlined, EyeOutlined, FieldTimeOutlined, InboxOutlined, UnorderedListOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { STAFF_ROLES, SUPERVISION_ROLES } from '../ui/auth';
import { AppShell } from '../ui/AppShell';
import { LinkButton } from '../ui/LinkButton';
import { AttendanceButton } from './AttendanceButton';
import { adminMenuItems } from '../admin/menu';
import { processMenuItems } from '../process/menu';
import { CopiesPage } from '../process/CopiesPage';
import { HandoverPage } from '../process/HandoverPage';
import { AllCasesPage } from './AllCasesPage';
import { CalendarPage } from './CalendarPage';
import { CaseDetailPage } from './CaseDetailPage';
import { IntakePage } from './IntakePage';
import { TasksPage } from './TasksPage';
import { ConsultationsPage, consultationMenuItems } from './ConsultationsPage';
import { WalkInPage } from './intake/WalkInPage';
import { OwedPage } from './intake/OwedPage';
import { MyCardsPage } from '../supervision/cards/CardsPage';
import { CardDetailPage } from '../supervision/cards/CardDetailPage';
import { MessageCenterPage } from '../notify/MessageCenterPage';
import { notifyAdminMenuItems } from '../notify/admin/menu';

interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  roles: readonly Role[];
}

// Who sees which queue; the server enforces the same (server/src/modules/cases/routes.ts).
const MENU: MenuEntry[] = [
  { path: '/workbench/intake', label: 'wb.intake', icon: <InboxOutlined aria-hidden />, roles: ['clerk', 'manager', 'admin'] },
  { path: '/workbench/walk-in', label: 'wb.walkIn', icon: <UserAddOutlined aria-hidden />, roles: ['clerk'] },
  { path: '/workbench/owed', label: 'wb.owed', icon: <FieldTimeOutlined aria-hidden />, roles: ['clerk', 'manager', 'admin'] },
  { path: '/workbench/tasks', label: 'wb.tasks', icon: <AuditOutlined aria-hidden />, roles: ['approver'] },
  { path: '/workbench/cases', label: 'wb.allCases', icon: <UnorderedListOutlined aria-hidden />, roles: ['manager', 'admin', 'agency_head', 'government_head'] },
  // Cards about one's own steps (a department head: the department's); server: supervision/cards/policy.ts.
  { path: '/workbench/my-cards', label: 'svc.menuMine', icon: <AlertOutlined aria-hidden />, roles: ['clerk', 'approver', 'agency_head', 'manager', 'admin', 'government_head'] },
  { path: '/workbench/calendar', label: 'cal.menu', icon: <CalendarOutlined aria-hidden />, roles: ['admin', 'manager'] },
];

/** The workbench's routes, inside the common staff frame with its side menu by role. */
export default function WorkbenchApp() {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <AppShell
      roles={STAFF_ROLES}
      mark="通"
      title={t('nav.workbench')}
      brandTo="/"
      parts={(user) => {
        const entries = MENU.filter((m) => m.roles.includes(user.role));
        const items: MenuProps['items'] = [
          ...entries.map((m) => ({ key: m.path, icon: m.icon, label: <Link to={m.path}>{t(m.label)}</Link> })),
          ...processMenuItems(user.role),
          ...consultationMenuItems(user),
          ...adminMenuItems(user.role),
          ...notifyAdminMenuItems(user.role),
          ...(SUPERVISION_ROLES.includes(user.role)
            ? [{ key: '/supervision', icon: <EyeOutlined aria-hidden />, label: <Link to="/supervision">{t('nav.supervision')}</Link> }]
            : []),
        ];
        const selected = entries.find((m) => location.pathname.startsWith(m.path))?.path
          ?? ['/workbench/copies', '/workbench/handover'].find((p) => location.pathname.startsWith(p));
        const first = entries[0]?.path;
        return {
          headerEnd: user.role === 'clerk' ? <AttendanceButton /> : null,
          sider: { label: t('nav.workbenchMenu'), width: 200, items, selectedKeys: selected ? [selected] : [] },
          main: (
            <Routes>
              <Route index element={first ? <Navigate to={first} replace /> : <NoQueue />} />
              <Route path="intake" element={<IntakePage />} />
              <Route path="walk-in" element={<WalkInPage />} />
              <Route path="owed" element={<OwedPage />} />
              <Route path="tasks" element={<TasksPage />} />
              <Route path="cases" element={<AllCasesPage />} />
              <Route path="cases/:id" element={<CaseDetailPage />} />
              <Route path="calendar" element={<CalendarPage />} />
              <Route path="my-cards" element={<MyCardsPage />} />
              <Route path="my-cards/:id" element={<CardDetailPage basePath="/workbench/my-cards" />} />
              <Route path="consultations" element={<ConsultationsPage />} />
              <Route path="copies" element={<CopiesPage />} />
              <Route path="handover" element={<HandoverPage />} />
              <Route path="messages" element={<MessageCenterPage />} />
              <Route path="*" element={<NoQueue />} />
            </Routes>
          ),
        };
      }}
    />
  );
}

function NoQueue() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      extra={
        <LinkButton to="/workbench" type="primary">
          {t('auth.goHome')}
        </LinkButton>
      }
    />
  );
}

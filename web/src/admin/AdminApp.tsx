// The admin console (/admin/*): process design for administrators, a
// read-only view for managers. Its own lazily loaded chunk; bpmn-js itself
// loads only when the designer opens.
import { Result } from 'antd';
import { ApartmentOutlined, ArrowLeftOutlined, NotificationOutlined } from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useI18n } from '../i18n';
import { RequireRole } from '../ui/auth';
import { AppShell } from '../ui/AppShell';
import { LinkButton } from '../ui/LinkButton';
import { DesignerPage } from './DesignerPage';
import { ProcessListPage } from './ProcessListPage';
import { ArticlesPage } from './portal/ArticlesPage';
import { usePortalT } from '../portal/messages';
import { useAdminT } from './messages';
import './admin.css';
import { FormListPage } from './forms/FormListPage';
import { FormDesignerPage } from './forms/FormDesignerPage';
import { formsMenuItems } from './forms/menu';
import { CatalogPage } from './catalog/CatalogPage';
import { ItemEditorPage } from './catalog/ItemEditorPage';
import { StatisticsPage } from './catalog/StatisticsPage';
import { catalogMenuItems, catalogMenuKeys } from './catalog/menu';
import './catalog/catalog.css';
import { TemplatesPage } from '../notify/admin/TemplatesPage';
import { OutboxPage } from '../notify/admin/OutboxPage';
import { notifyAdminMenuItems } from '../notify/admin/menu';
import { OrgPage } from './org/OrgPage';
import { StaffPage } from './org/StaffPage';
import { orgMenuItems, orgMenuKeys } from './org/menu';
import { SsoClientsPage } from './sso/SsoClientsPage';
import { RolesPage } from './access/RolesPage';
import { ResourcesPage } from './access/ResourcesPage';
import { PermissionsPage } from './access/PermissionsPage';
import { accessMenuItems, accessMenuKeys } from './access/menu';
import { ssoMenuItems, ssoMenuKeys } from './sso/menu';
import { AuditPage } from './audit/AuditPage';
import { useAuditT } from './audit/messages';
import { AuditOutlined } from '@ant-design/icons';

/** The console's routes, inside the common staff frame with its side menu. */
export default function AdminApp() {
  const t = useAdminT();
  const p = usePortalT();
  const a = useAuditT();
  const location = useLocation();
  return (
    <AppShell
      roles={['admin', 'manager', 'audit_admin', 'security_admin']}
      mark="通"
      title={t('admin.title')}
      brandTo="/"
      appName
      parts={(user) => ({
        sider: {
          label: t('admin.menu'),
          width: 210,
          // The audit administrator sees the audit log alone, the security administrator roles and permissions alone (三员分立).
          items: user.role === 'audit_admin' ? [{ key: '/admin/audit', icon: <AuditOutlined aria-hidden />, label: <Link to="/admin/audit">{a('menu')}</Link> }]
            : user.role === 'security_admin' ? accessMenuItems(user.role) : [
            { key: '/admin/processes', icon: <ApartmentOutlined aria-hidden />, label: <Link to="/admin/processes">{t('admin.processes')}</Link> },
            { key: '/admin/portal', icon: <NotificationOutlined aria-hidden />, label: <Link to="/admin/portal">{p('admin.menu')}</Link> },
            ...formsMenuItems(user.role),
            ...catalogMenuItems(user.role),
            ...notifyAdminMenuItems(user.role),
            ...orgMenuItems(user.role),
            ...ssoMenuItems(user.role),
            ...accessMenuItems(user.role),
            { key: '/workbench', icon: <ArrowLeftOutlined aria-hidden />, label: <Link to="/workbench">{t('admin.backToWorkbench')}</Link> },
          ],
          selectedKeys: ['/admin/processes', '/admin/portal', '/admin/forms', '/admin/notify/templates', '/admin/notify/outbox', ...catalogMenuKeys, ...orgMenuKeys, ...ssoMenuKeys, ...accessMenuKeys, '/admin/audit'].filter((k) => location.pathname.startsWith(k)),
        },
        main: (
          <Routes>
            <Route index element={<Navigate to={user.role === 'audit_admin' ? '/admin/audit' : user.role === 'security_admin' ? '/admin/roles' : '/admin/processes'} replace />} />
            <Route path="audit" element={<RequireRole roles={['audit_admin']}><AuditPage /></RequireRole>} />
            <Route path="processes" element={<ProcessListPage />} />
            <Route path="processes/new" element={<DesignerPage />} />
            <Route path="processes/:id" element={<DesignerPage />} />
            <Route path="portal" element={<ArticlesPage />} />
            <Route path="forms" element={<RequireRole roles={['admin']}><FormListPage /></RequireRole>} />
            <Route path="forms/:itemId" element={<RequireRole roles={['admin']}><FormDesignerPage /></RequireRole>} />
            <Route path="catalog" element={<CatalogPage />} />
            <Route path="catalog/new" element={<ItemEditorPage />} />
            <Route path="catalog/items/:id" element={<ItemEditorPage />} />
            <Route path="statistics" element={<StatisticsPage />} />
            <Route path="notify/templates" element={<RequireRole roles={['admin']}><TemplatesPage /></RequireRole>} />
            <Route path="notify/outbox" element={<RequireRole roles={['admin']}><OutboxPage /></RequireRole>} />
            <Route path="org" element={<RequireRole roles={['admin']}><OrgPage /></RequireRole>} />
            <Route path="staff" element={<RequireRole roles={['admin']}><StaffPage /></RequireRole>} />
            <Route path="sso" element={<RequireRole roles={['admin']}><SsoClientsPage /></RequireRole>} />
            <Route path="roles" element={<RequireRole roles={['security_admin']}><RolesPage /></RequireRole>} />
            <Route path="resources" element={<RequireRole roles={['admin']}><ResourcesPage /></RequireRole>} />
            <Route path="permissions" element={<RequireRole roles={['security_admin']}><PermissionsPage /></RequireRole>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        ),
      })}
    />
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      extra={
        <LinkButton to="/admin/processes" type="primary">
          {t('auth.goHome')}
        </LinkButton>
      }
    />
  );
}

// Menu entries of the catalogue console: 事项目录 for administrators, the
// statistics table for administrators and managers.
import type { MenuProps } from 'antd';
import { BarChartOutlined, DatabaseOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useCatalogT } from './messages';

function CatalogLink() {
  const t = useCatalogT();
  return <Link to="/admin/catalog">{t('menu.catalog')}</Link>;
}

function StatsLink() {
  const t = useCatalogT();
  return <Link to="/admin/statistics">{t('menu.stats')}</Link>;
}

/** The keys the admin shell marks as selected when the path starts with them. */
export const catalogMenuKeys = ['/admin/catalog', '/admin/statistics'];

export function catalogMenuItems(role: string): NonNullable<MenuProps['items']> {
  return [
    ...(role === 'admin' ? [{ key: '/admin/catalog', icon: <DatabaseOutlined aria-hidden />, label: <CatalogLink /> }] : []),
    ...(role === 'admin' || role === 'manager' ? [{ key: '/admin/statistics', icon: <BarChartOutlined aria-hidden />, label: <StatsLink /> }] : []),
  ];
}

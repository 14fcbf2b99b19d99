// The form designer's menu entry: administrators only (the server refuses anyone else).
import type { MenuProps } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useFormsT } from '../../forms/messages';

function FormsLink() {
  const t = useFormsT();
  return <Link to="/admin/forms">{t('designer.menu')}</Link>;
}

export function formsMenuItems(role: string): NonNullable<MenuProps['items']> {
  return role === 'admin' ? [{ key: '/admin/forms', icon: <FormOutlined aria-hidden />, label: <FormsLink /> }] : [];
}

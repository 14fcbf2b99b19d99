// The frame of the staff shells (workbench, admin console, supervision): the
// role gate, the skip link, the header with the brand, language and user box,
// an optional side menu, and the main landmark the pages render into.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { Link } from 'react-router';
import type { Role, User } from '../api';
import { useI18n } from '../i18n';
import { useCenter } from '../portal/center';
import { RequireRole, useMe } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import { UserBox } from './UserBox';
import { http, ok } from '../api/http';

/** The pages the person's menus leave out: disabled in 资源管理, or not bound to their role under 权限管理. */
export const HIDDEN_PAGES_KEY = ['auth', 'pages'] as const;

/** The signed-in person's hidden pages (empty until known): for a shell's menus. */
export function useHiddenPages(signedIn = true): ReadonlySet<string> {
  const hidden = useQuery({ queryKey: HIDDEN_PAGES_KEY, queryFn: () => ok(http.GET('/api/auth/pages')), enabled: signedIn, staleTime: 30_000 });
  return new Set(hidden.data?.hidden ?? []);
}

type MenuItems = NonNullable<MenuProps['items']>;

/** The menu without the hidden pages (a group keeps its other entries). */
function withoutHidden(items: MenuItems, hidden: ReadonlySet<string>): MenuItems {
  return items.flatMap((item) => {
    if (!item) return [item];
    if (typeof item.key === 'string' && hidden.has(item.key)) return [];
    if ('children' in item && Array.isArray(item.children)) return [{ ...item, children: withoutHidden(item.children as MenuItems, hidden) }];
    return [item];
  });
}

/** What a shell puts into the frame, once the signed-in user is known. */
export interface ShellParts {
  /** In the header after the brand (a shell's own links). */
  headerStart?: ReactNode;
  /** In the header before the language switch (attendance, a link to another shell). */
  headerEnd?: ReactNode;
  /** The side menu, collapsing below the lg breakpoint; `label` names its navigation landmark. */
  sider?: { label: string; width: number; items: MenuProps['items']; selectedKeys: string[] };
  /** Above the main landmark (a page menu across the top). */
  beforeMain?: ReactNode;
  /** The shell's routes. */
  main: ReactNode;
}

export interface AppShellProps {
  /** Who may open the shell (the server checks every route again). */
  roles: readonly Role[];
  /** The character in the brand mark (通, 监). */
  mark: string;
  /** After the center's name in the brand: the shell's name. */
  title: string;
  /** Where the brand links to. */
  brandTo: string;
  /** The brand names the application instead of the center (the admin console). */
  appName?: boolean;
  headerClassName?: string;
  parts: (user: User) => ShellParts;
}

function Frame({ mark, title, brandTo, appName, headerClassName, parts }: Omit<AppShellProps, 'roles'>) {
  const { t } = useI18n();
  const me = useMe();
  const center = useCenter();
  const user = me.data;
  const hiddenPages = useHiddenPages(Boolean(user));
  if (!user) return null;
  const p = parts(user);
  const main = (
    <main id="main" tabIndex={-1}>
      {p.main}
    </main>
  );
  return (
    <Layout className="tb-shell">
      <a className="tb-skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Layout.Header className={headerClassName ? `tb-shell-header ${headerClassName}` : 'tb-shell-header'}>
        <Link to={brandTo} className="tb-brand">
          <span className="tb-brand-mark" aria-hidden>
            {mark}
          </span>
          <span>
            {appName ? t('app.name') : center.data?.name ?? t('app.name')} · {title}
          </span>
        </Link>
        {p.headerStart}
        <span className="tb-shell-spacer" />
        {p.headerEnd}
        <LanguageSwitch dark />
        <UserBox user={user} dark />
      </Layout.Header>
      {p.sider ? (
        <Layout>
          <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={p.sider.width} zeroWidthTriggerStyle={{ top: 8 }}>
            <nav aria-label={p.sider.label}>
              <Menu mode="inline" selectedKeys={p.sider.selectedKeys} items={withoutHidden(p.sider.items ?? [], hiddenPages)} style={{ borderInlineEnd: 0 }} />
            </nav>
          </Layout.Sider>
          <Layout.Content className="tb-shell-content">
            {p.beforeMain}
            {main}
          </Layout.Content>
        </Layout>
      ) : (
        <Layout.Content className="tb-shell-content">
          {p.beforeMain}
          {main}
        </Layout.Content>
      )}
    </Layout>
  );
}

/** A staff shell: the role gate around the common frame. */
export function AppShell({ roles, ...frame }: AppShellProps) {
  return (
    <RequireRole roles={roles}>
      <Frame {...frame} />
    </RequireRole>
  );
}

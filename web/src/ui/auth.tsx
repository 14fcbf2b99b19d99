// The signed-in user, shared by every app shell through react-query.
import type { ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { LinkButton } from './LinkButton';
import { api, ApiError, type Role, type User } from '../api';
import { useI18n } from '../i18n';

export const ME_KEY = ['auth', 'me'] as const;

export const STAFF_ROLES: readonly Role[] = ['clerk', 'approver', 'manager', 'admin', 'agency_head', 'government_head'];
/** The supervision platform is for the supervision office only: the center's managers and administrators do not supervise themselves. */
export const SUPERVISION_ROLES: readonly Role[] = ['supervisor', 'supervision_leader'];

/** The current user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<User | null> => {
      try {
        return (await api.auth.me()).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Where a user lands after login. */
export function homeForRole(role: Role): string {
  if (role === 'applicant') return '/';
  if (role === 'supervisor' || role === 'supervision_leader') return '/supervision';
  // The audit administrator has the audit log and nothing else (三员分立).
  if (role === 'audit_admin') return '/admin/audit';
  // The security administrator, roles and their bindings.
  if (role === 'security_admin') return '/admin/roles';
  return '/workbench';
}

/** Whether a user of this role may open a path of the UI (the server checks again). */
export function canOpen(role: Role, path: string): boolean {
  if (path.startsWith('/workbench')) return STAFF_ROLES.includes(role);
  if (path.startsWith('/supervision')) return SUPERVISION_ROLES.includes(role);
  if (path.startsWith('/my')) return role === 'applicant';
  return true;
}

/** Sign-in and sign-up mutations that refresh the cached user. */
export function useAuthActions() {
  const queryClient = useQueryClient();
  const signedIn = (user: User) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'catalog' });
    queryClient.setQueryData(ME_KEY, user);
  };
  const login = useMutation({
    mutationFn: api.auth.login,
    onSuccess: ({ user }) => signedIn(user),
  });
  const register = useMutation({
    mutationFn: api.auth.register,
    onSuccess: ({ user }) => signedIn(user),
  });
  const logout = useMutation({
    mutationFn: api.auth.logout,
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'catalog' });
      queryClient.setQueryData(ME_KEY, null);
    },
  });
  return { login, register, logout };
}

/** Shows children only to signed-in users of the given roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <div className="tb-page-loading">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  const user = me.data;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!roles.includes(user.role)) {
    return (
      <Result
        status="403"
        title={t('auth.forbiddenTitle')}
        subTitle={t('auth.forbiddenBody')}
        extra={
          <LinkButton type="primary" to={homeForRole(user.role)}>
            {t('auth.goHome')}
          </LinkButton>
        }
      />
    );
  }
  return <>{children}</>;
}

import { App, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, type User } from '../api';
import { useI18n } from '../i18n';
import { ME_KEY, homeForRole } from './auth';
import { useShowError } from './errors';

/**
 * 切换角色: a person who holds several roles acts in one at a time, chosen
 * here; this session only (another device keeps its own). After a switch the
 * cached data of the former role is dropped and the new role's home opens,
 * since its menus, lists and data scope differ.
 */
export function RoleSwitch({ user }: { user: User }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const showError = useShowError();
  const nameOf = (r: User['roles'][number]) => (locale === 'en' && r.nameEn ? r.nameEn : r.name);
  const switchRole = useMutation({
    mutationFn: api.auth.switchRole,
    onSuccess: ({ user: next }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'catalog' });
      queryClient.setQueryData(ME_KEY, next);
      void queryClient.invalidateQueries({ queryKey: ['auth'] });
      const role = next.roles.find((r) => r.code === next.roleCode);
      void message.success(t('roleSwitch.done', { role: role ? nameOf(role) : next.roleCode }));
      navigate(homeForRole(next.role));
    },
    onError: showError,
  });
  return (
    <Select
      aria-label={t('roleSwitch.label')}
      title={t('roleSwitch.label')}
      size="small"
      popupMatchSelectWidth={false}
      value={user.roleCode}
      loading={switchRole.isPending}
      disabled={switchRole.isPending}
      options={user.roles.map((r) => ({ value: r.code, label: nameOf(r) }))}
      onChange={(code: string) => switchRole.mutate(code)}
    />
  );
}

// Sign-in with the center's external identity provider (统一身份认证), when the
// server offers one (TONGBAN_OIDC_*, docs/sso.md): a link on the sign-in page,
// the reason a try signed nobody in, and linking one's own staff account.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Typography } from 'antd';
import { http, ok } from '../api/http';
import { translatorFor } from '../i18n/dictionary';

const zh = {
  'signIn': '通过{name}登录',
  'or': '或',
  'refused.unlinked': '该{name}账号尚未关联通办工作人员账号：请先用通办账号登录，再在「两步验证」中关联。',
  'refused.inactive': '关联的工作人员账号已停用。',
  'refused.taken': '该工作人员账号已关联另一个{name}账号。',
  'refused.failed': '{name}登录未完成，请重试。',
  'link.title': '{name}',
  'link.linked': '已关联：可直接通过{name}登录通办。',
  'link.intro': '关联后，可直接通过{name}登录通办。',
  'link.action': '关联{name}账号',
  'unlink.action': '解除关联',
  'unlink.confirm': '解除后不能再通过{name}登录，直到重新关联。',
  'cancel': '取消',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  'signIn': 'Sign in with {name}',
  'or': 'or',
  'refused.unlinked': 'This {name} account is not linked to a Tongban staff account yet: sign in with Tongban first, then link it under two-step verification.',
  'refused.inactive': 'The linked staff account is deactivated.',
  'refused.taken': 'This staff account is linked to another {name} account.',
  'refused.failed': 'Signing in with {name} did not complete; try again.',
  'link.title': '{name}',
  'link.linked': 'Linked: you may sign in to Tongban with {name}.',
  'link.intro': 'Once linked, you may sign in to Tongban with {name}.',
  'link.action': 'Link your {name} account',
  'unlink.action': 'Unlink',
  'unlink.confirm': 'You will not sign in with {name} until you link it again.',
  'cancel': 'Cancel',
};
const useT = translatorFor<Key>({ zh, en });

const REFUSALS = new Set(['unlinked', 'inactive', 'taken', 'failed']);

function useExternalIdp() {
  return useQuery({ queryKey: ['auth', 'external'], queryFn: () => ok(http.GET('/api/auth/external')), staleTime: 0 });
}

/** On the sign-in page: why the last try signed nobody in, and the link to the provider (a server redirect, not an app route). */
export function ExternalSignIn({ next, refused }: { next: string | null; refused: string | null }) {
  const t = useT();
  const idp = useExternalIdp().data;
  if (!idp?.enabled || !idp.name) return null;
  const name = idp.name;
  const href = `/sso/external/start${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <>
      {refused && REFUSALS.has(refused) ? (
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t(`refused.${refused}` as Key, { name })} />
      ) : null}
      <Typography.Paragraph style={{ textAlign: 'center' }}>{t('or')}</Typography.Paragraph>
      <Button block size="large" href={href} style={{ marginBottom: 16 }}>{t('signIn', { name })}</Button>
    </>
  );
}

/** In one's own account dialog (staff): whether the account is linked, and linking it (sign in at the provider once). */
export function ExternalIdentityLink() {
  const t = useT();
  const idp = useExternalIdp().data;
  const queryClient = useQueryClient();
  const unlink = useMutation({
    mutationFn: () => ok(http.DELETE('/api/auth/external')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth', 'external'] }),
  });
  if (!idp?.enabled || !idp.name || idp.linked === null) return null;
  const name = idp.name;
  return (
    <div>
      <Typography.Title level={2} style={{ fontSize: 16 }}>{t('link.title', { name })}</Typography.Title>
      {idp.linked ? (
        <>
          <Typography.Paragraph>{t('link.linked', { name })}</Typography.Paragraph>
          <Popconfirm title={t('unlink.confirm', { name })} okText={t('unlink.action')} cancelText={t('cancel')} onConfirm={() => unlink.mutate()}>
            <Button loading={unlink.isPending}>{t('unlink.action')}</Button>
          </Popconfirm>
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('link.intro', { name })}</Typography.Paragraph>
          <Button href={`/sso/external/start?link=1&next=${encodeURIComponent(window.location.pathname)}`}>{t('link.action', { name })}</Button>
        </>
      )}
    </div>
  );
}

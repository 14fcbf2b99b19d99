import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { useI18n } from '../i18n';
import { ME_KEY, useMe } from './auth';
import { useShowError } from './errors';

/**
 * Switches between 中文 and English; the label is in the target language.
 * For a signed-in person the choice is their preferred language, kept on the
 * server: their screens follow it on every device after sign-in, and their
 * SMS, e-mail and in-app messages are written in it.
 */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const showError = useShowError();
  const me = useMe();
  const user = me.data ?? null;
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: api.auth.setLanguage,
    // At once, so a shell mounted meanwhile does not adopt the old language again.
    onMutate: (language) => queryClient.setQueryData(ME_KEY, (u: typeof user) => (u ? { ...u, language } : u)),
    onSuccess: ({ user: saved }) => queryClient.setQueryData(ME_KEY, saved),
    onError: showError,
  });
  // After sign-in the person's own language wins, once per person; later switches save it.
  const adoptedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!user || adoptedFor.current === user.id) return;
    adoptedFor.current = user.id;
    if (user.language !== locale) setLocale(user.language);
  }, [user, locale, setLocale]);

  const target = locale === 'zh' ? 'en' : 'zh';
  return (
    <Button
      type="text"
      className={dark ? 'tb-on-dark' : undefined}
      icon={<GlobalOutlined aria-hidden />}
      lang={target === 'en' ? 'en' : 'zh-CN'}
      title={t(user ? 'common.switchLanguageSaved' : 'common.switchLanguage')}
      onClick={() => {
        setLocale(target);
        if (user) save.mutate(target);
      }}
    >
      {target === 'en' ? 'English' : '中文'}
    </Button>
  );
}

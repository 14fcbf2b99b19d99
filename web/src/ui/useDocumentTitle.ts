import { useEffect } from 'react';
import { useI18n } from '../i18n';

/** Sets the browser tab title, so screen-reader users hear where they landed. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} - ${app}` : app;
  }, [title, app]);
}

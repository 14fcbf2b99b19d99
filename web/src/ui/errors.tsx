// Showing errors: the server's own message, plus the correlation id for 5xx
// so a citizen can quote it to the help desk.
import { useCallback } from 'react';
import { Alert, App, Button } from 'antd';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

function describe(error: unknown, fallback: string): { message: string; correlationId: string | null } {
  if (error instanceof ApiError) {
    return { message: error.message, correlationId: error.status >= 500 ? error.correlationId : null };
  }
  return { message: fallback, correlationId: null };
}

/** Returns a function that shows an error as a toast. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      const { message: text, correlationId } = describe(error, t('error.unknown'));
      void message.error({
        content: correlationId ? t('error.withCorrelation', { message: text, id: correlationId }) : text,
        duration: correlationId ? 10 : 5,
      });
    },
    [message, t],
  );
}

/** An inline error box for a failed load, with a retry button. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { message, correlationId } = describe(error, t('error.unknown'));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={correlationId ? `${t('error.correlationId')}${t('common.colon')}${correlationId}` : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

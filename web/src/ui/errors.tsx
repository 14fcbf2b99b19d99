// Showing errors: the server's own message, plus the correlation id for 5xx
// so a citizen can quote it to the help desk.
import { useCallback } from 'react';
import { Alert, App, Button, Result } from 'antd';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { LinkButton } from './LinkButton';

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

/** A failed page load: "not found" (404, or a malformed id) as a result page, anything else as an error box. */
export function LoadError({ error, onRetry, back }: { error: unknown; onRetry?: () => void; back: { to: string; label: string } }) {
  const { t } = useI18n();
  if (error instanceof ApiError && (error.status === 404 || error.code === 'VALIDATION_FAILED')) {
    return (
      <Result
        status="404"
        title={t('common.notFoundTitle')}
        subTitle={error.status === 404 ? error.message : t('common.notFoundBody')}
        extra={
          <LinkButton type="primary" to={back.to}>
            {back.label}
          </LinkButton>
        }
      />
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}

import { parseQuietHours, type QuietHours } from './rules.ts';

/** Notification settings, read once from environment variables (see README, "Configuration"). */
export interface NotifyConfig {
  /** smpp://system_id:password@host:2775; absent: SMS go to the local sent-messages view. */
  smppUrl: string | undefined;
  /** The SMS sender id (source address), e.g. the center's long number. */
  smsSender: string;
  /** Outstanding submit_sm the SMPP session keeps in flight (windowed submission); 1 = one at a time. */
  smppWindow: number;
  /** smtp://user:pass@host:587 (smtps:// for TLS); absent: e-mail goes to the local view. */
  smtpUrl: string | undefined;
  mailFrom: string;
  quietHours: QuietHours | null;
  /** Attempts before a message is dead-lettered. */
  maxAttempts: number;
  /** First retry delay; doubles each attempt (at most 10 minutes). */
  retryBaseMs: number;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`环境变量 ${name} 必须是正整数，收到 "${raw}"`);
  return n;
}

export function loadNotifyConfig(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  return {
    smppUrl: env.TONGBAN_SMPP_URL || undefined,
    smsSender: env.TONGBAN_SMS_SENDER || '106900000000',
    smppWindow: positiveInt('TONGBAN_SMPP_WINDOW', env.TONGBAN_SMPP_WINDOW, 50),
    smtpUrl: env.TONGBAN_SMTP_URL || undefined,
    mailFrom: env.TONGBAN_MAIL_FROM || 'no-reply@tongban.local',
    quietHours: parseQuietHours(env.TONGBAN_SMS_QUIET_HOURS ?? '22:00-07:00'),
    maxAttempts: positiveInt('TONGBAN_NOTIFY_MAX_ATTEMPTS', env.TONGBAN_NOTIFY_MAX_ATTEMPTS, 8),
    retryBaseMs: positiveInt('TONGBAN_NOTIFY_RETRY_MS', env.TONGBAN_NOTIFY_RETRY_MS, 2000),
  };
}

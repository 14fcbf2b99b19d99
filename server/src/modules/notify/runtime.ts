import type { AppContext } from '../../platform/http/context.ts';
import type { NotifyConfig } from './config.ts';
import { startDelivery, type ChannelWorker } from './delivery.ts';
import { receiptWriter } from './receipts.ts';
import { SmppTransport } from './smpp.ts';
import { smtpTransport } from './smtp.ts';
import { localSink } from './transport.ts';

/**
 * The channel workers of this process: SMS over SMPP and e-mail over SMTP
 * when configured, else the local sink (the admin's sent-messages view).
 */
export function startNotifications(ctx: AppContext, cfg: NotifyConfig, log: (line: string) => void): { stop(): Promise<void> } {
  const receipts = receiptWriter(ctx.db, () => ctx.clock.now(), (err) => log(`短信回执写入出错：${err.message}`));
  const sms = cfg.smppUrl
    ? new SmppTransport(cfg.smppUrl, { sender: cfg.smsSender, window: cfg.smppWindow, onReceipt: receipts.add })
    : localSink;
  const email = cfg.smtpUrl ? smtpTransport(cfg.smtpUrl, cfg.mailFrom) : localSink;
  const common = { maxAttempts: cfg.maxAttempts, retryBaseMs: cfg.retryBaseMs, quietHours: cfg.quietHours };
  const workers: ChannelWorker[] = [
    { channel: 'sms', transport: sms, batchSize: Math.max(cfg.smppWindow * 4, 50), ...common },
    { channel: 'email', transport: email, batchSize: 20, ...common },
  ];
  const runner = startDelivery(ctx.db, workers, {
    now: () => ctx.clock.now(),
    onError: (channel, err) => log(`通知投递（${channel}）出错：${err.message}`),
  });
  return {
    stop: async () => {
      await runner.stop();
      await receipts.stop();
    },
  };
}

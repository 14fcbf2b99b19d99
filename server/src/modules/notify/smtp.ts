import nodemailer from 'nodemailer';
import type { OutMessage, SendOutcome, Transport } from './transport.ts';

/** E-mail over SMTP with nodemailer (pooled connections); `TONGBAN_SMTP_URL` such as smtp://user:pass@host:587. */
export function smtpTransport(url: string, from: string, opts: { timeoutMs?: number } = {}): Transport {
  const timeout = opts.timeoutMs ?? 10_000;
  // Pooled connections; the URL's own query may set TLS and other options.
  const target = new URL(url);
  target.searchParams.set('pool', 'true');
  target.searchParams.set('maxConnections', '3');
  for (const k of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) target.searchParams.set(k, String(timeout));
  const mailer = nodemailer.createTransport(target.toString());
  const sendOne = async (m: OutMessage): Promise<SendOutcome> => {
    try {
      const info = await mailer.sendMail({ from, to: m.address, subject: m.subject, text: m.body, messageId: `<${m.id}@tongban>` });
      return { ok: true, gatewayIds: [String(info.messageId)] };
    } catch (err) {
      const e = err as Error & { responseCode?: number };
      return { ok: false, error: `${e.responseCode ? `${e.responseCode} ` : ''}${e.message}`.slice(0, 500) };
    }
  };
  return {
    name: 'smtp',
    send: (messages) => Promise.all(messages.map(sendOne)),
    close: async () => mailer.close(),
  };
}

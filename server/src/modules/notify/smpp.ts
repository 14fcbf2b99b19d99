import smpp, { type PDU, type Session } from 'smpp';
import { ucs2Segments } from './rules.ts';
import type { OutMessage, SendOutcome, Transport } from './transport.ts';

/**
 * SMS over SMPP 3.4 (the npm `smpp` package) as a transceiver: submit_sm out,
 * delivery receipts (deliver_sm) back on the same session.
 * - Text is UCS-2 (data_coding 8); longer than 70 characters it is split into
 *   parts of 67 with a concatenation header (UDH, esm_class 0x40).
 * - Submission is windowed: up to `window` submit_sm wait for their response
 *   at once, across every message of a batch.
 * - A lost connection fails every submit still waiting: its outcome is
 *   unknown (the gateway may have taken it), so the worker retries it, and
 *   that message may arrive twice. SMPP has no way to ask.
 */

export interface Receipt {
  gatewayId: string;
  stat: string;
  err: string | null;
}

export interface SmppOptions {
  sender: string;
  /** Outstanding submit_sm at most (1 = one at a time). */
  window: number;
  onReceipt?: (r: Receipt) => void;
  responseTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/** smpp://system_id:password@host:2775 → where to connect and how to bind. */
export function parseSmppUrl(raw: string): { target: string; systemId: string; password: string } {
  const u = new URL(raw);
  if (u.protocol !== 'smpp:' && u.protocol !== 'ssmpp:') throw new Error(`TONGBAN_SMPP_URL 应以 smpp:// 开头，收到 "${u.protocol}"`);
  return {
    target: `${u.protocol}//${u.hostname}:${u.port || (u.protocol === 'ssmpp:' ? 3550 : 2775)}`,
    systemId: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}

type PartResult = { id: string } | { error: string };

export class SmppTransport implements Transport {
  readonly name = 'smpp';
  private readonly target: string;
  private readonly systemId: string;
  private readonly password: string;
  private session: Session | null = null;
  private binding: Promise<Session> | null = null;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Submits waiting for their response, by session: a dropped session fails its own. */
  private readonly pending = new Map<(reason: string) => void, Session>();
  private reference = 0;
  private closed = false;

  constructor(url: string, private readonly opts: SmppOptions) {
    const parsed = parseSmppUrl(url);
    this.target = parsed.target;
    this.systemId = parsed.systemId;
    this.password = parsed.password;
  }

  async send(messages: readonly OutMessage[]): Promise<SendOutcome[]> {
    let session: Session;
    try {
      session = await this.bound();
    } catch (err) {
      const error = `SMPP ${(err as Error).message}`;
      return messages.map(() => ({ ok: false, error }));
    }
    return Promise.all(messages.map((m) => this.submitMessage(session, m)));
  }

  async close(): Promise<void> {
    this.closed = true;
    const s = this.session;
    this.session = null;
    if (!s) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => s.destroy(() => resolve()), 1000);
      s.unbind({}, () => {
        clearTimeout(timer);
        s.close(() => resolve());
      });
    });
  }

  private async submitMessage(session: Session, m: OutMessage): Promise<SendOutcome> {
    this.reference = (this.reference + 1) & 0xff;
    const parts = ucs2Segments(m.body, this.reference);
    const results = await Promise.all(parts.map((p) => this.submitPart(session, m.address, p, parts.length > 1)));
    const failed = results.find((r): r is { error: string } => 'error' in r);
    if (failed) return { ok: false, error: failed.error };
    return { ok: true, gatewayIds: results.map((r) => (r as { id: string }).id) };
  }

  private async submitPart(session: Session, to: string, shortMessage: Buffer, concatenated: boolean): Promise<PartResult> {
    await this.acquire();
    return new Promise<PartResult>((resolve) => {
      let done = false;
      const finish = (r: PartResult) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.pending.delete(fail);
        this.release();
        resolve(r);
      };
      const fail = (reason: string) => finish({ error: reason });
      const timer = setTimeout(() => fail('SMPP: no submit_sm_resp in time'), this.opts.responseTimeoutMs ?? 10_000);
      if (this.session !== session) return fail('SMPP connection lost');
      this.pending.set(fail, session);
      const numeric = /^\d+$/.test(this.opts.sender);
      const written = session.submit_sm({
        source_addr_ton: numeric ? 0 : 5, source_addr_npi: numeric ? 1 : 0, source_addr: this.opts.sender,
        dest_addr_ton: 0, dest_addr_npi: 1, destination_addr: to,
        esm_class: concatenated ? 0x40 : 0, data_coding: 8, registered_delivery: 1, short_message: shortMessage,
      }, (pdu) => {
        if (pdu.command_status === 0) finish({ id: String(pdu.message_id) });
        else finish({ error: `SMPP submit_sm refused: command_status 0x${pdu.command_status.toString(16).padStart(8, '0')}` });
      });
      if (!written) fail('SMPP connection lost');
    });
  }

  private acquire(): Promise<void> {
    if (this.inFlight < this.opts.window) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot to the next waiting submit, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }

  private bound(): Promise<Session> {
    if (this.session) return Promise.resolve(this.session);
    if (this.closed) return Promise.reject(new Error('transport closed'));
    this.binding ??= new Promise<Session>((resolve, reject) => {
      const s = smpp.connect({ url: this.target, auto_enquire_link_period: 30_000 });
      let settled = false;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.binding = null;
        reject(err);
      };
      const timer = setTimeout(() => {
        fail(new Error('connect/bind timed out'));
        s.destroy();
      }, this.opts.connectTimeoutMs ?? 5000);
      s.on('error', (err: Error) => {
        fail(err);
        this.drop(s, `SMPP connection error: ${err.message}`);
      });
      s.on('close', () => {
        fail(new Error('connection closed'));
        this.drop(s, 'SMPP connection lost');
      });
      s.on('connect', () => {
        s.bind_transceiver({ system_id: this.systemId, password: this.password, interface_version: 0x34 }, (pdu) => {
          if (pdu.command_status !== 0) {
            fail(new Error(`bind refused: command_status 0x${pdu.command_status.toString(16)}`));
            s.close();
            return;
          }
          settled = true;
          clearTimeout(timer);
          this.session = s;
          this.binding = null;
          resolve(s);
        });
      });
      s.on('deliver_sm', (pdu: PDU) => {
        s.send(pdu.response());
        this.receipt(pdu);
      });
      s.on('enquire_link', (pdu: PDU) => s.send(pdu.response()));
      s.on('unbind', (pdu: PDU) => {
        s.send(pdu.response());
        s.close();
      });
    });
    return this.binding;
  }

  /** The session is gone: submits still waiting on it fail (their outcome is unknown). */
  private drop(s: Session, reason: string): void {
    if (this.session === s) this.session = null;
    for (const [fail, owner] of [...this.pending]) if (owner === s) fail(reason);
  }

  private receipt(pdu: PDU): void {
    // esm_class bit 2: an SMSC delivery receipt, not a message from a phone.
    if (!(Number(pdu.esm_class) & 0x04) || !this.opts.onReceipt) return;
    const sm = pdu.short_message as { message?: unknown } | string | undefined;
    const text = typeof sm === 'string' ? sm : typeof sm?.message === 'string' ? sm.message : Buffer.isBuffer(sm?.message) ? sm.message.toString('latin1') : '';
    const id = typeof pdu.receipted_message_id === 'string' && pdu.receipted_message_id ? pdu.receipted_message_id : /id:(\S+)/.exec(text)?.[1];
    const stat = /stat:(\w+)/.exec(text)?.[1];
    if (!id || !stat) return;
    this.opts.onReceipt({ gatewayId: id, stat, err: /err:(\w+)/.exec(text)?.[1] ?? null });
  }
}

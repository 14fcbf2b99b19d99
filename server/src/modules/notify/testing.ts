import type { AddressInfo } from 'node:net';
import smpp, { type PDU, type Server, type Session } from 'smpp';

/**
 * A local SMSC for tests, the benchmark and the browser scenario, built on
 * the `smpp` package's own server: binds any system_id/password given at
 * construction, answers submit_sm with a message id, reassembles concatenated
 * parts (UDH) into whole messages, sends delivery receipts, and can refuse
 * numbers, lose answers (the connection dropped after taking a message) or be
 * stopped and started again on the same port.
 */

export interface ReceivedSms {
  to: string;
  from: string;
  text: string;
  parts: number;
  dataCoding: number;
  /** When the last part arrived (ms since the epoch). */
  at: number;
}

export interface SmscOptions {
  systemId?: string;
  password?: string;
  /** command_status to answer for a destination (0 or undefined: accept). */
  refuse?: (to: string) => number | undefined;
  /** Send a DELIVRD receipt for every part taken (default true). */
  receipts?: boolean;
  /** Delay before each submit_sm_resp. */
  respondDelayMs?: number;
}

export class TestSmsc {
  readonly received: ReceivedSms[] = [];
  /** submit_sm PDUs taken (a long message counts each part). */
  submits = 0;
  port = 0;
  private server: Server | null = null;
  private nextId = 1;
  private readonly partial = new Map<string, (string | undefined)[]>();
  private readonly listeners = new Set<() => void>();
  /** Drop every connection right after taking this many more submits, without answering them. */
  private dropAfter: number | null = null;

  constructor(private readonly opts: SmscOptions = {}) {}

  get url(): string {
    return `smpp://${encodeURIComponent(this.opts.systemId ?? 'tongban')}:${encodeURIComponent(this.opts.password ?? 'secret')}@127.0.0.1:${this.port}`;
  }

  async start(port = this.port): Promise<void> {
    const server = smpp.createServer({}, (session) => this.serve(session));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and cuts every bound session (as a gateway restart does). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const s of [...server.sessions]) s.socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** After `n` more submits are taken, every connection drops before their answers go out. */
  loseAnswersAfter(n: number): void {
    this.dropAfter = n;
  }

  /** Resolves once `n` whole messages have arrived. */
  waitFor(n: number, timeoutMs = 20_000): Promise<void> {
    if (this.received.length >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`SMSC received ${this.received.length} of ${n} messages`));
      }, timeoutMs);
      const check = () => {
        if (this.received.length < n) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  /** How many messages arrived more than once (same number, same text). */
  duplicates(): number {
    const seen = new Set<string>();
    let twice = 0;
    for (const m of this.received) {
      const key = `${m.to}\n${m.text}`;
      if (seen.has(key)) twice++;
      seen.add(key);
    }
    return twice;
  }

  private serve(session: Session): void {
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: PDU) => {
      const ok = pdu.system_id === (this.opts.systemId ?? 'tongban') && pdu.password === (this.opts.password ?? 'secret');
      session.send(pdu.response({ command_status: ok ? 0 : smpp.ESME_RBINDFAIL }));
      if (!ok) session.close();
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: PDU) => this.submit(session, pdu));
  }

  private submit(session: Session, pdu: PDU): void {
    const to = String(pdu.destination_addr);
    const refusal = this.opts.refuse?.(to);
    if (refusal) {
      session.send(pdu.response({ command_status: refusal }));
      return;
    }
    this.submits++;
    this.take(pdu);
    if (this.dropAfter !== null && --this.dropAfter <= 0) {
      this.dropAfter = null;
      for (const s of [...(this.server?.sessions ?? [])]) s.socket.destroy();
      return;
    }
    const id = `M${this.nextId++}`;
    const answer = () => {
      session.send(pdu.response({ message_id: id }));
      if (this.opts.receipts === false) return;
      const stamp = '2609241000';
      session.deliver_sm({
        source_addr: to, destination_addr: String(pdu.source_addr), esm_class: 0x04, receipted_message_id: id, message_state: 2,
        short_message: `id:${id} sub:001 dlvrd:001 submit date:${stamp} done date:${stamp} stat:DELIVRD err:000 text:`,
      });
    };
    if (this.opts.respondDelayMs) setTimeout(answer, this.opts.respondDelayMs);
    else answer();
  }

  /** Records a part; a whole message once all its parts are in. */
  private take(pdu: PDU): void {
    const sm = pdu.short_message as { message: string; udh?: Buffer[] };
    const udh = sm.udh?.find((u) => u[0] === 0x00);
    const base = { to: String(pdu.destination_addr), from: String(pdu.source_addr), dataCoding: Number(pdu.data_coding), at: Date.now() };
    if (!udh) {
      this.push({ ...base, text: sm.message, parts: 1 });
      return;
    }
    const [ref, total, seq] = [udh[2]!, udh[3]!, udh[4]!];
    const key = `${base.to}:${ref}:${total}`;
    const parts = this.partial.get(key) ?? new Array<string | undefined>(total).fill(undefined);
    parts[seq - 1] = sm.message;
    if (parts.every((p) => p !== undefined)) {
      this.partial.delete(key);
      this.push({ ...base, text: parts.join(''), parts: total });
    } else {
      this.partial.set(key, parts);
    }
  }

  private push(m: ReceivedSms): void {
    this.received.push(m);
    for (const l of [...this.listeners]) l();
  }
}

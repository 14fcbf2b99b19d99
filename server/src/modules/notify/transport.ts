/**
 * A channel's way out: the SMPP gateway, the SMTP server, or (no gateway
 * configured) the local sink that only records, so the admin's sent-messages
 * view shows what would have gone out.
 */
export interface OutMessage {
  id: string;
  address: string;
  subject: string;
  body: string;
}

/** Per message: taken by the gateway (with its ids), or refused / not answered (with the reason). */
export type SendOutcome = { ok: true; gatewayIds: string[] } | { ok: false; error: string };

export interface Transport {
  readonly name: string;
  /** Sends a batch; one outcome per message, in order. Never throws. */
  send(messages: readonly OutMessage[]): Promise<SendOutcome[]>;
  close(): Promise<void>;
}

/** No gateway configured: every message counts as sent, to the local sent-messages view. */
export const localSink: Transport = {
  name: 'local',
  send: async (messages) => messages.map(() => ({ ok: true, gatewayIds: [] })),
  close: async () => undefined,
};

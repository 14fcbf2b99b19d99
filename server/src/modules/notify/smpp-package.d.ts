/**
 * The part of the npm `smpp` package (0.5, untyped) that we use: sessions as
 * a client (ESME) and, in tests and the benchmark, as a server (SMSC).
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  export interface PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(options?: Record<string, unknown>): PDU;
    isResponse(): boolean;
  }

  export interface Session extends EventEmitter {
    socket: import('node:net').Socket;
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void): boolean;
    bind_transceiver(options: Record<string, unknown>, cb: (pdu: PDU) => void): boolean;
    submit_sm(options: Record<string, unknown>, cb: (pdu: PDU) => void): boolean;
    deliver_sm(options: Record<string, unknown>, cb?: (pdu: PDU) => void): boolean;
    enquire_link(options?: Record<string, unknown>, cb?: (pdu: PDU) => void): boolean;
    unbind(options?: Record<string, unknown>, cb?: (pdu: PDU) => void): boolean;
    pause(): void;
    resume(): void;
    close(cb?: () => void): void;
    destroy(cb?: () => void): void;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: { url: string; auto_enquire_link_period?: number; [k: string]: unknown }, listener?: () => void): Session;
  export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
  export const ESME_ROK: number;
  export const ESME_RSYSERR: number;
  export const ESME_RTHROTTLED: number;
  export const ESME_RINVDSTADR: number;
  export const ESME_RBINDFAIL: number;
  const smpp: {
    connect: typeof connect;
    createServer: typeof createServer;
    ESME_ROK: number;
    ESME_RSYSERR: number;
    ESME_RTHROTTLED: number;
    ESME_RINVDSTADR: number;
    ESME_RBINDFAIL: number;
  };
  export default smpp;
}

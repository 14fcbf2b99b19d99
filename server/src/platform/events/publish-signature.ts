import { createHmac } from 'node:crypto';

/** The signature of an event batch, shared by publishers and the supervision ingest door. */
export const SOURCE_HEADER = 'x-tongban-source';
export const SIGNATURE_HEADER = 'x-tongban-signature';

/** `sha256=<hex>`: HMAC-SHA256 of the raw body with the source's key. */
export function signBatch(key: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
}

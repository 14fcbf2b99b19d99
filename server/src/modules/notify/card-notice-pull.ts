/**
 * An approval side whose supervision platform runs elsewhere (role
 * `approval`, TONGBAN_SUPERVISION_URL) fetches the notices of the cards raised
 * on its cases from that platform, tells its people (enqueueCardNotices, in
 * one transaction per answer) and acknowledges them in its next request.
 * The platform keeps a card's messages until they are acknowledged, and the
 * notification's key sends a card once, so an outage on either side or a
 * crash between delivery and acknowledgement loses nothing and repeats
 * nothing. It asks with the key it publishes its events with.
 */
import { withTx } from '../../platform/db/pool.ts';
import { every } from '../../platform/every.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { CARD_NOTICES_PATH, noticesResponseSchema, type NoticesRequest } from '../../platform/events/card-notices.ts';
import { signBatch, SIGNATURE_HEADER, SOURCE_HEADER } from '../../platform/events/publish-signature.ts';
import type { PublishTarget } from '../../platform/events/publisher.ts';
import { enqueueCardNotices } from './card-notices.ts';

async function ask(target: PublishTarget, request: NoticesRequest, timeoutMs: number) {
  const body = JSON.stringify(request);
  const res = await fetch(new URL(CARD_NOTICES_PATH, target.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SOURCE_HEADER]: target.sourceId, [SIGNATURE_HEADER]: signBatch(target.key, body) },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`supervision notices answered ${res.status}: ${text.slice(0, 300)}`);
  return noticesResponseSchema.parse(JSON.parse(text));
}

/** Fetches and delivers until the platform has nothing more; returns the cards delivered. */
export async function pullCardNotices(ctx: AppContext, target: PublishTarget, opts: { limit?: number; timeoutMs?: number } = {}): Promise<number> {
  let ack: string[] = [];
  let delivered = 0;
  for (;;) {
    // The previous answer's cards are committed here before they are acknowledged there.
    const { notices } = await ask(target, { ack, limit: opts.limit ?? 100 }, opts.timeoutMs ?? 15_000);
    if (notices.length === 0) return delivered;
    await withTx(ctx.db, (tx) => enqueueCardNotices(tx, notices, ctx.clock.now()));
    delivered += notices.length;
    ack = notices.map((n) => n.cardId);
  }
}

/** Runs `pullCardNotices` every `intervalMs` (one round at a time); returns a stop function. */
export function startCardNoticePuller(
  ctx: AppContext, target: PublishTarget, onError: (err: Error) => void, intervalMs = 1000,
): () => Promise<void> {
  return every(intervalMs, () => pullCardNotices(ctx, target), onError);
}

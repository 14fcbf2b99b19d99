import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import type { FastifyRequest } from 'fastify';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/errors.ts';
import { CARD_NOTICES_PATH, MAX_NOTICES, noticesRequestSchema, noticesResponseSchema } from '../../platform/events/card-notices.ts';
import { ingestBatch, ingestBatchSchema, MAX_BATCH, parseBody, signedSource, SIGNATURE_HEADER, SOURCE_HEADER, type SignedRequest } from './ingest.ts';
import { markDelivered, pendingNotices } from './cards/outbox.ts';

/**
 * The doors of a registered source, answered to its signature, not to a
 * session: POST /api/supervision/ingest (its event batches) and
 * POST /api/supervision/notices (the notices of the cards raised on its
 * cases, for it to tell its own people). The signature covers the raw body,
 * so these routes (in a scope of their own) keep the body as bytes; the zod
 * schemas below document it and the handlers check it after the signature.
 */
export function registerSourceDoors(app: Api, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 32 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    // The body is bytes here: it is parsed and checked once its signature holds.
    scope.setValidatorCompiler(() => (data) => ({ value: data }));
    const headers = z.object({ [SOURCE_HEADER]: z.string(), [SIGNATURE_HEADER]: z.string().regex(/^sha256=[0-9a-f]{64}$/) });
    const signed = (req: FastifyRequest): SignedRequest => {
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from('');
      return { sourceId: header(SOURCE_HEADER), signature: header(SIGNATURE_HEADER), body, now: ctx.clock.now() };
    };

    scope.withTypeProvider().post('/api/supervision/ingest', {
      schema: {
        tags: ['supervision'],
        summary: `接收事件批次（来源签名 HMAC-SHA256；按来源与序号幂等；到达时校验哈希链；每批至多 ${MAX_BATCH} 条）`,
        description: [
          `Header \`${SOURCE_HEADER}\`: the registered source id. Header \`${SIGNATURE_HEADER}\`: \`sha256=<hex>\`, HMAC-SHA256 of the raw body with the source's key.`,
          'Events are the source\'s chained events in sequence order (docs/events.md). Events already received are skipped (the same batch twice is stored once);',
          'a gap (INGEST_SEQUENCE_GAP), an edited or differing event (INGEST_CHAIN_BROKEN), an event breaking the contract (INGEST_EVENT_INVALID),',
          'an unknown source (INGEST_SOURCE_UNKNOWN) or a bad signature (INGEST_SIGNATURE_INVALID) refuses the whole batch, stores none of it and records a finding.',
        ].join(' '),
        headers,
        body: ingestBatchSchema,
        response: { 200: z.object({ accepted: z.number().int(), duplicates: z.number().int(), lastSeq: z.number().int() }) },
      },
    }, async (req) => ingestBatch(ctx.db, signed(req)));

    scope.withTypeProvider().post(CARD_NOTICES_PATH, {
      schema: {
        tags: ['supervision'],
        summary: `来源取回本系统办件的预警与红黄牌通知（来源签名；先确认上次取回的，再取至多 ${MAX_NOTICES} 张）`,
        description: [
          `Signed like an event batch (\`${SOURCE_HEADER}\`, \`${SIGNATURE_HEADER}\`). The supervision platform knows the people responsible only by the`,
          'ids their events carried; the source tells them. `ack` lists the cards whose notices the source delivered since its previous request (marked',
          'delivered, only cards of that source); the answer holds the next cards with messages still waiting, oldest first, each with the step\'s holder',
          'and the departments whose head is told. A source delivers them in its own transaction and acknowledges them in its next request, so a crash',
          'fetches them again: deliver each card once by its id. An unknown source or a bad signature is refused and recorded as a finding.',
        ].join(' '),
        headers,
        body: noticesRequestSchema,
        response: { 200: noticesResponseSchema },
      },
    }, async (req) => {
      const request = signed(req);
      const sourceId = await signedSource(ctx.db, request);
      const parsed = parseBody(request.body, noticesRequestSchema);
      if ('issues' in parsed) throw new AppError('VALIDATION_FAILED', { issues: parsed.issues });
      const { ack, limit } = parsed.data;
      return withTx(ctx.db, async (tx) => {
        const acknowledged = await markDelivered(tx, ack, request.now, sourceId);
        return { acknowledged, notices: await pendingNotices(tx, [sourceId], limit) };
      });
    });
  });
}

import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { ingestBatch, ingestBatchSchema, MAX_BATCH, SIGNATURE_HEADER, SOURCE_HEADER } from './ingest.ts';

/**
 * POST /api/supervision/ingest. The signature covers the raw body, so this
 * route (in a scope of its own) keeps the body as bytes; the zod schemas
 * below document it and ingest.ts checks it after the signature.
 */
export function registerIngestRoute(app: Api, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 32 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    // The body is bytes here: it is parsed and checked by ingestBatch once its signature holds.
    scope.setValidatorCompiler(() => (data) => ({ value: data }));
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
        headers: z.object({ [SOURCE_HEADER]: z.string(), [SIGNATURE_HEADER]: z.string().regex(/^sha256=[0-9a-f]{64}$/) }),
        body: ingestBatchSchema,
        response: { 200: z.object({ accepted: z.number().int(), duplicates: z.number().int(), lastSeq: z.number().int() }) },
      },
    }, async (req) => {
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from('');
      return ingestBatch(ctx.db, { sourceId: header(SOURCE_HEADER), signature: header(SIGNATURE_HEADER), body, now: ctx.clock.now() });
    });
  });
}

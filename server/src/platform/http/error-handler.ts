import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue, localeFrom, messageFor, type ErrorCode } from '../errors.ts';

/**
 * Maps every failure to `{code, message, correlationId}`. Known codes keep
 * their status; anything else is logged with its stack and becomes a generic
 * 500 that names only the correlation id.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const correlationId = req.id || randomUUID();
    const locale = localeFrom(req.headers['accept-language']);
    let code: ErrorCode;
    let details: unknown;
    if (err instanceof AppError) {
      code = err.code;
      details = err.details;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      code = 'VALIDATION_FAILED';
      details = err.validation.map((v) => ({ path: v.instancePath, message: v.message }));
    } else if ((err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE' || (err as FastifyError).code === 'FST_FILES_LIMIT') {
      code = 'UPLOAD_TOO_LARGE';
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      // Fastify's own client errors (bad JSON, wrong content type, body too large).
      const status = (err as FastifyError).statusCode!;
      code = status === 413 ? 'UPLOAD_TOO_LARGE' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
      details = { reason: err.message };
    } else {
      code = 'INTERNAL';
      req.log.error({ err, correlationId }, 'unhandled error');
    }
    const body: Record<string, unknown> = { code, message: messageFor(code, locale), correlationId };
    if (details !== undefined && code !== 'INTERNAL') body.details = details;
    const status = code === 'INTERNAL' ? 500 : (err instanceof AppError ? err.status : undefined) ?? statusOf(code);
    const retryAfterMs = (details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
    // A refusal for now says when to come back (RFC 9110: whole seconds).
    if (status === 429 && typeof retryAfterMs === 'number') void reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
    void reply.status(status).header('x-correlation-id', correlationId).send(body);
  });
}

/**
 * Errors Fastify raises before any route or hook (a path that is not valid
 * percent-encoding, e.g. an encoded lone surrogate): answered in the same
 * body as every other refusal instead of Fastify's own.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const correlationId = req.id || randomUUID();
  const body = { code: 'VALIDATION_FAILED', message: messageFor('VALIDATION_FAILED', localeFrom(req.headers['accept-language'])), correlationId, details: { reason: err.message } };
  void reply.status(statusOf('VALIDATION_FAILED')).header('x-correlation-id', correlationId).send(body);
}

const statusOf = (code: ErrorCode): number => errorCatalogue[code].status;

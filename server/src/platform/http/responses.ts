import { z } from 'zod';
import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const noBody = z.null().describe('No Content');

/**
 * A route that answers 204 with no body. Declared so the OpenAPI document says
 * so and the browser's typed client knows the answer carries no data.
 */
export const noContent = { 204: noBody };

/**
 * The zod transform of each route's schema for the OpenAPI document, except
 * that a 204 answer is written as a description without content: zod writes
 * z.null() for OpenAPI 3.0 as a nullable string, which would promise a body.
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const out = jsonSchemaTransform(input as never);
  const declared = (input.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
  const written = (out.schema as { response?: Record<string, unknown> }).response;
  for (const [status, schema] of Object.entries(declared)) {
    if (schema === noBody && written) written[status] = { type: 'null', description: 'No Content' };
  }
  return out;
};

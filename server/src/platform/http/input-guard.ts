import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { cleanStrings } from '../text.ts';

/**
 * Every route's body, query string and path parameters pass through the text
 * rules of platform/text.ts before their schema sees them: NUL or a lone
 * surrogate anywhere answers INVALID_CHARACTERS (400, nothing logged), and
 * invisible format characters are removed so "required" means visible.
 * Multipart file names are cleaned where the upload is stored.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const part of ['body', 'query', 'params'] as const) {
      const checked = cleanStrings(req[part]);
      if (!checked.ok) throw new AppError('INVALID_CHARACTERS');
      (req as unknown as Record<string, unknown>)[part] = checked.value;
    }
  });
}

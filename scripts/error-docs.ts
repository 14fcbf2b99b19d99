import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCatalogue } from '../server/src/platform/errors.ts';

/** Where the committed error code table lives. */
export const errorDocsPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/errors.md');

/** The error catalogue as a Markdown table, generated so it cannot drift. */
export function renderErrorDocs(): string {
  const rows = Object.entries(errorCatalogue).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.zh} | ${e.en} |`);
  return [
    '# Error codes',
    '',
    'Generated from `server/src/platform/errors.ts` by `npm run contracts`; a test fails when it drifts.',
    'Every error response is `{code, message, correlationId, details?}`; clients branch on `code`.',
    '',
    '| code | HTTP | 中文 | English |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

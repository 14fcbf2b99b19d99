// `npm run contracts`: regenerates docs/openapi.json, docs/errors.md, docs/events.md and the browser's API types (web/src/api/schema.d.ts).
import fs from 'node:fs';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { createPool } from '../server/src/platform/db/pool.ts';
import { openApiPath, renderOpenApi } from './openapi.ts';
import { errorDocsPath, renderErrorDocs } from './error-docs.ts';
import { eventDocsPath, renderEventDocs } from './event-docs.ts';
import { apiTypesPath, writeApiTypes } from './api-types.ts';

// The document needs no database; the pool is never connected.
const db = createPool('postgres://unused@127.0.0.1:1/unused');
const app = await buildApp({ db, clock: systemClock, config: loadConfig({}), uploadsDir: '/nonexistent' });
await app.ready();
fs.writeFileSync(openApiPath, renderOpenApi(app));
fs.writeFileSync(errorDocsPath, renderErrorDocs());
fs.writeFileSync(eventDocsPath, renderEventDocs());
await writeApiTypes(openApiPath);
await app.close();
await db.end();
console.log(`已写入 ${openApiPath}、${errorDocsPath}、${eventDocsPath} 与 ${apiTypesPath}`);

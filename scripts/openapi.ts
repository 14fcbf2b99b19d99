import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../server/src/platform/http/app.ts';

/** Where the committed OpenAPI document lives. */
export const openApiPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/openapi.json');

/** The app's OpenAPI document as committed: stable key order, two-space indent. */
export function renderOpenApi(app: App): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}

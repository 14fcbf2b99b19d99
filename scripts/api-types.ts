import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the browser's API types, generated from docs/openapi.json, are committed. */
export const apiTypesPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/src/api/schema.d.ts');

const HEADER = `// Generated from docs/openapi.json by \`npm run contracts\` (openapi-typescript); do not edit.
// A test fails when this file is stale against the document (server/src/platform/http/openapi.test.ts).
`;

/** The TypeScript types of every route of an OpenAPI document (its text), as committed. */
export async function renderApiTypes(openApiText: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openApiText) as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return `${HEADER}\n${astToString(ast)}`;
}

/** Reads the committed document and writes the types beside the web client. */
export async function writeApiTypes(openApiPath: string): Promise<void> {
  fs.writeFileSync(apiTypesPath, await renderApiTypes(fs.readFileSync(openApiPath, 'utf8')));
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { openApiPath, renderOpenApi } from '../../../../scripts/openapi.ts';
import { apiTypesPath, renderApiTypes } from '../../../../scripts/api-types.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('matches the committed OpenAPI document (run `npm run contracts` after changing routes)', async () => {
  const committed = fs.readFileSync(openApiPath, 'utf8');
  expect(renderOpenApi(t.app)).toBe(committed);
});

it("keeps the browser's API types generated from the committed document (run `npm run contracts`)", async () => {
  expect(await renderApiTypes(fs.readFileSync(openApiPath, 'utf8'))).toBe(fs.readFileSync(apiTypesPath, 'utf8'));
});

it('serves the document and its UI', async () => {
  expect((await t.app.inject({ url: '/api/openapi.json' })).json().openapi).toMatch(/^3\./);
  expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
});

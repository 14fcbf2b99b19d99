import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { webDistDir, type App } from './app.ts';
import { buildApp } from '../../app.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';

// Serving the built UI needs web/dist; `npm test` builds it before the browser tests only,
// so this file makes a minimal one when none exists and removes it afterwards.
let t: TestApp;
let app: App;
let made = false;
beforeAll(async () => {
  if (!fs.existsSync(path.join(webDistDir, 'index.html'))) {
    fs.mkdirSync(path.join(webDistDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>通办</title>');
    fs.writeFileSync(path.join(webDistDir, 'assets', 'app-test.js'), 'console.log(1)');
    made = true;
  }
  t = await createTestApp();
  app = await buildApp(t.ctx, { serveWeb: true });
});
afterAll(async () => {
  await app.close();
  await t.close();
  if (made) fs.rmSync(webDistDir, { recursive: true, force: true });
});

it('serves the SPA shell for client-side routes, uncached', async () => {
  for (const url of ['/', '/workbench/intake', '/my/cases/abc']) {
    const res = await app.inject({ url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  }
});

it('answers a missing asset or API path with a coded 404, not the shell', async () => {
  expect((await app.inject({ url: '/assets/gone-123.js' })).json().code).toBe('NOT_FOUND');
  expect((await app.inject({ url: '/api/gone' })).json().code).toBe('NOT_FOUND');
});

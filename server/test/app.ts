import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../src/platform/clock.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import type { App } from '../src/platform/http/app.ts';
import { buildApp } from '../src/app.ts';
import type { AppContext } from '../src/platform/http/context.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/modules/demo/index.ts';
import { createTestDb } from './db.ts';
import { sampleFormData } from '../../shared/forms/index.ts';
import { regionIndex } from '../src/modules/forms/index.ts';

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The whole HTTP app on a fresh database with the demo center, at a fixed time (settings may be changed). */
export async function createTestApp(start = '2026-09-24T02:00:00Z', settings: Partial<Config> = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  await seedDemo(testDb.db);
  const clock = new ManualClock(start);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-files-'));
  const ctx: AppContext = {
    db: testDb.db,
    clock,
    // Tests travel days in time between requests: sessions idle out only where a test asks for it.
    config: { ...loadConfig({}), dataDir, uploadMaxBytes: 1024 * 1024, sessionIdleMinutes: 7 * 24 * 60, ...settings },
    uploadsDir: path.join(dataDir, 'uploads'),
  };
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app, ctx, clock,
    close: async () => {
      await app.close();
      await testDb.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test file's HTTP verbs on its app, made once at the top of the file (the
 * app itself is built later, in beforeAll): `who` is the cookie header to
 * send, or what `cookieOf` turns into one (a user name); left out, the request
 * is anonymous. The answers are light-my-request responses.
 */
export function requestsTo<Who = string>(app: () => App, cookieOf: (who: Who) => string = (who) => String(who)) {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who?: Who, payload?: unknown) =>
    app().inject({ method, url, headers: who === undefined ? {} : { cookie: cookieOf(who) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    get: (url: string, who?: Who) => send('GET', url, who),
    post: (url: string, who?: Who, payload: unknown = {}) => send('POST', url, who, payload),
    put: (url: string, who: Who, payload: unknown) => send('PUT', url, who, payload),
    del: (url: string, who?: Who) => send('DELETE', url, who),
  };
}

/** Logs a demo (or registered) user in and returns the cookie header to send. */
export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tb_session');
  return `tb_session=${cookie!.value}`;
}

/** A multipart body with one file field, as a browser sends it. */
export function multipartFile(name: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tongban${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n% test material\n');

/** Uploads a small PDF as `cookie` and returns its id. */
export async function uploadPdf(app: App, cookie: string, name = '材料.pdf'): Promise<string> {
  const body = multipartFile(name, PDF_BYTES);
  const res = await app.inject({ method: 'POST', url: '/api/uploads', headers: { ...body.headers, cookie }, payload: body.payload });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  return res.json().id;
}

/** A complete application for the item with the given code: every required field and material. */
export async function applicationFor(app: App, cookie: string, itemCode: string, key = `key-${Math.random().toString(36).slice(2)}`) {
  const items = (await app.inject({ url: '/api/items' })).json() as { id: string; code: string }[];
  const item = (await app.inject({ url: `/api/items/${items.find((i) => i.code === itemCode)!.id}` })).json();
  const materials = [];
  // Every required, shown field of the item's form, valid on the test clock's day (2026-09-24); attachments are uploaded.
  const attachments: string[] = [];
  for (const [key, f] of Object.entries(item.form.schema.properties as Record<string, { 'x-widget': string }>)) {
    if (f['x-widget'] === 'attachment' && item.form.schema.required?.includes(key)) attachments.push(await uploadPdf(app, cookie));
  }
  const formData = sampleFormData(item.form, { today: '2026-09-24', regions: regionIndex(), attachment: () => attachments.shift() });
  for (const m of item.materials) if (m.required) materials.push({ materialId: m.id, uploadId: await uploadPdf(app, cookie) });
  return { itemId: item.id as string, formData, materials, idempotencyKey: key };
}

/** Submits a complete application as the demo citizen; returns the new case. */
export async function submitCase(app: App, cookie: string, itemCode = 'SCJG-XK-001') {
  const payload = await applicationFor(app, cookie, itemCode);
  const res = await app.inject({ method: 'POST', url: '/api/cases', headers: { cookie }, payload });
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.body}`);
  return res.json() as { id: string; caseNo: string; queryCode: string; status: string };
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { webDistDir } from '../../platform/http/app.ts';
import { documentsDir } from './commands.ts';

let t: TestApp;
const f = factories(() => t);
/** An item of a department of its own (its approver handles the steps). */
let item: Item;
let citizen: string;
let clerk: string;
let caseId: string;
let docId: string;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  [citizen, clerk] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk')]);
  const c = await f.submit(item);
  caseId = c.id;
  await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: clerk }, payload: {} });
  docId = (await t.app.inject({ url: `/api/cases/${c.id}/documents`, headers: { cookie: citizen } })).json().items[0].id;
});
afterAll(() => t.close());

const { get } = requestsTo(() => t.app);

describe('reading a notice', () => {
  it('serves the PDF inline for printing, unaltered, to the applicant and to staff', async () => {
    const row = (await t.ctx.db.query('SELECT sha256, size_bytes FROM documents WHERE id = $1', [docId])).rows[0];
    for (const cookie of [citizen, clerk, await login(t.app, item.department.approver), await login(t.app, 'manager')]) {
      const res = await get(`/api/documents/${docId}`, cookie);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent('受理通知书')}-`
        + `${encodeURIComponent((await get(`/api/cases/${caseId}`, citizen)).json().caseNo)}.pdf`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.rawPayload.length).toBe(row.size_bytes);
      expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(row.sha256);
    }
  });

  it('hides another applicant’s notices and list as CASE_NOT_FOUND, also from another department', async () => {
    const reg = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'stranger', password: 'far-away-road-7', displayName: '路人' } });
    expect(reg.statusCode).toBe(201);
    for (const cookie of [await login(t.app, 'stranger', 'far-away-road-7'), await login(t.app, (await f.department()).approver)]) {
      const one = await get(`/api/documents/${docId}`, cookie);
      expect([one.statusCode, one.json().code]).toEqual([404, 'CASE_NOT_FOUND']);
      const list = await get(`/api/cases/${caseId}/documents`, cookie);
      expect([list.statusCode, list.json().code]).toEqual([404, 'CASE_NOT_FOUND']);
    }
  });

  it('asks for a login, and reports an unknown notice as DOCUMENT_NOT_FOUND', async () => {
    expect((await get(`/api/documents/${docId}`)).json().code).toBe('UNAUTHENTICATED');
    expect((await get(`/api/cases/${caseId}/documents`)).json().code).toBe('UNAUTHENTICATED');
    expect((await get('/api/documents/00000000-0000-4000-8000-000000000000', citizen)).json().code).toBe('DOCUMENT_NOT_FOUND');
    expect((await get('/api/documents/not-a-uuid', citizen)).json().code).toBe('VALIDATION_FAILED');
  });
});

describe('where notices are stored', () => {
  it('keeps the file under <dataDir>/documents with a generated name, outside every served folder', async () => {
    const { stored_name: name } = (await t.ctx.db.query('SELECT stored_name FROM documents WHERE id = $1', [docId])).rows[0];
    expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.pdf$/);
    const file = path.join(documentsDir(t.ctx.config), name);
    expect(fs.existsSync(file)).toBe(true);
    expect(file.startsWith(path.join(t.ctx.config.dataDir, 'documents') + path.sep)).toBe(true);
    for (const served of [webDistDir, t.ctx.uploadsDir]) expect(path.relative(served, file).startsWith('..')).toBe(true);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    for (const url of [`/${name}`, `/documents/${name}`, `/data/documents/${name}`]) expect((await get(url, citizen)).statusCode).toBe(404);
  });

  it('refuses to serve a file that no longer matches its recorded hash (500, logged)', async () => {
    const { stored_name: name } = (await t.ctx.db.query('SELECT stored_name FROM documents WHERE id = $1', [docId])).rows[0];
    const file = path.join(documentsDir(t.ctx.config), name);
    const original = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([original, Buffer.from('\n% altered')]));
    try {
      const res = await get(`/api/documents/${docId}`, citizen);
      expect([res.statusCode, res.json().code]).toEqual([500, 'INTERNAL']);
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});

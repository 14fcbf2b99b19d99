import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { createTestApp, login, multipartFile, PDF_BYTES, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';

// What people type and upload: exact size limit, visible reasons, no bidi tricks in names, long query codes.
let t: TestApp;
const f = factories(() => t);
let item: Item;
let citizen: string;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  citizen = await login(t.app, 'citizen');
  clerk = await login(t.app, 'clerk');
});
afterAll(() => t.close());

/** Uploads as a browser would; `cutAt` sends the body in two pieces, the first ending after that many bytes of the file. */
const upload = (name: string, bytes: Buffer, cutAt?: number) => {
  const body = multipartFile(name, bytes);
  if (cutAt === undefined) return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...body.headers, cookie: citizen }, payload: body.payload });
  const at = body.payload.indexOf(bytes) + cutAt;
  const pieces = Readable.from([body.payload.subarray(0, at), body.payload.subarray(at)]);
  return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...body.headers, cookie: citizen }, payload: pieces });
};
const storedFiles = () => (fs.existsSync(t.ctx.uploadsDir) ? fs.readdirSync(t.ctx.uploadsDir).length : 0);
const pdfOf = (size: number) => Buffer.concat([PDF_BYTES, Buffer.alloc(size - PDF_BYTES.length, 0x20)]);

describe('upload size limit', () => {
  it('refuses a file of exactly the limit plus one byte, every time, and stores nothing', async () => {
    const limit = t.ctx.config.uploadMaxBytes;
    const rows = Number((await t.ctx.db.query('SELECT count(*) FROM uploads')).rows[0].count);
    const files = storedFiles();
    // The last byte arriving on its own is the case that used to slip through, cut to the limit.
    for (const cutAt of [undefined, limit, limit - 1, 1]) {
      const res = await upload('limit-plus-one.pdf', pdfOf(limit + 1), cutAt);
      expect(res.statusCode, `cut at ${cutAt}`).toBe(413);
      expect(res.json().code).toBe('UPLOAD_TOO_LARGE');
    }
    expect(Number((await t.ctx.db.query('SELECT count(*) FROM uploads')).rows[0].count)).toBe(rows);
    expect(storedFiles()).toBe(files);
    const exact = await upload('exact.pdf', pdfOf(limit));
    expect(exact.statusCode).toBe(201);
    expect(exact.json().sizeBytes).toBe(limit);
  });
});

describe('invisible characters', () => {
  it('does not take a reason or an opinion made only of zero-width characters as given', async () => {
    const c = await f.submit(item);
    const refuse = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/refuse`, headers: { cookie: clerk }, payload: { reason: '\u200B\u200C\u200D\u2060\uFEFF' } });
    expect(refuse.json().code).toBe('REASON_REQUIRED');
    await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: clerk }, payload: {} });
    const approver = await login(t.app, item.department.approver);
    const task = (await t.app.inject({ url: '/api/tasks', headers: { cookie: approver } })).json().items.find((i: { caseId: string }) => i.caseId === c.id);
    const done = await t.app.inject({
      method: 'POST', url: `/api/tasks/${task.id}/complete`, headers: { cookie: approver }, payload: { outcome: 'approved', opinion: ' \u200B \u202E ' },
    });
    expect(done.json().code).toBe('OPINION_REQUIRED');
  });

  it('removes bidi controls and zero-width characters from file names and display names', async () => {
    const res = await upload('invoice\u202Efdp.pdf', PDF_BYTES);
    expect(res.json().originalName).toBe('invoicefdp.pdf');
    const row = await t.ctx.db.query('SELECT original_name FROM uploads WHERE id = $1', [res.json().id]);
    expect(row.rows[0].original_name).toBe('invoicefdp.pdf');
    const reg = await t.app.inject({
      method: 'POST', url: '/api/auth/register', payload: { username: 'zhaoliu', password: 'qing-shan-lv-shui', displayName: '赵\u200B六\u2066管理员\u2069' },
    });
    expect(reg.json().user.displayName).toBe('赵六管理员');
    // Nothing visible left: a required name is missing, not blank-looking.
    const blank = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'zhaoqi', password: 'qing-shan-lv-shui', displayName: '\u200B\u200F' } });
    expect(blank.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('query codes', () => {
  it('hands out 10-character codes and still answers codes of 6 handed out before', async () => {
    const c = await f.submit(item);
    expect(c.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect((await t.app.inject({ url: `/api/progress?caseNo=${c.caseNo}&queryCode=${c.queryCode.toLowerCase()}` })).statusCode).toBe(200);
    await t.ctx.db.query(`UPDATE cases SET query_code = 'K7M2QX' WHERE id = $1`, [c.id]);
    expect((await t.app.inject({ url: `/api/progress?caseNo=${c.caseNo}&queryCode=K7M2QX` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/progress?caseNo=${c.caseNo}&queryCode=${c.queryCode}` })).json().code).toBe('PROGRESS_NOT_FOUND');
  });
});

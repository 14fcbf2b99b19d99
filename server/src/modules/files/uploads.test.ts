import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createTestApp, login, multipartFile, PDF_BYTES, uploadPdf, type TestApp } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
/** An item of a department of its own (its approver handles the steps). */
let item: Item;
let citizen: string;
beforeAll(async () => {
  t = await createTestApp();
  item = await f.item();
  citizen = await login(t.app, 'citizen');
});
afterAll(() => t.close());

const upload = (name: string, bytes: Buffer, cookie = citizen) => {
  const body = multipartFile(name, bytes);
  return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...body.headers, cookie }, payload: body.payload });
};

describe('uploading materials', () => {
  it('judges the type by content, not by name', async () => {
    const disguised = await upload('营业执照.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const png = await upload('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    expect(png.json().mimeType).toBe('image/png');
  });

  it('refuses a file over the size limit and stores nothing', async () => {
    const before = fs.existsSync(t.ctx.uploadsDir) ? fs.readdirSync(t.ctx.uploadsDir).length : 0;
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(t.ctx.config.uploadMaxBytes + 10, 0x20)]);
    const res = await upload('big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('UPLOAD_TOO_LARGE');
    const after = fs.existsSync(t.ctx.uploadsDir) ? fs.readdirSync(t.ctx.uploadsDir).length : 0;
    expect(after).toBe(before);
  });

  it('stores under a generated name and serves back as an attachment with nosniff', async () => {
    const id = await uploadPdf(t.app, citizen, '../../etc/身份证.pdf');
    const row = await t.ctx.db.query('SELECT stored_name, original_name FROM uploads WHERE id = $1', [id]);
    expect(row.rows[0].stored_name).toBe(`${id}.pdf`);
    expect(row.rows[0].original_name).toBe('身份证.pdf');
    const res = await t.app.inject({ url: `/api/uploads/${id}`, headers: { cookie: citizen } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(PDF_BYTES)).toBe(true);
  });

  it("lets staff download a case's material but not a stranger", async () => {
    const c = await f.submit(item);
    const detail = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: citizen } })).json();
    const fileId = detail.materials[0].uploadId;
    const clerk = await login(t.app, 'clerk');
    expect((await t.app.inject({ url: `/api/uploads/${fileId}`, headers: { cookie: clerk } })).statusCode).toBe(200);
    const reg = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'stranger', password: 'far-away-road-7', displayName: '路人' } });
    const stranger = `tb_session=${reg.cookies.find((k) => k.name === 'tb_session')!.value}`;
    expect((await t.app.inject({ url: `/api/uploads/${fileId}`, headers: { cookie: stranger } })).json().code).toBe('UPLOAD_NOT_FOUND');
    expect((await t.app.inject({ url: `/api/uploads/${fileId}` })).json().code).toBe('UNAUTHENTICATED');
  });
});

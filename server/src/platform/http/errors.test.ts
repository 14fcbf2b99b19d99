import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { errorCatalogue } from '../errors.ts';
import { errorDocsPath, renderErrorDocs } from '../../../../scripts/error-docs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the error catalogue', () => {
  it('gives every code a status and messages in Chinese and English', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en, code).toMatch(/^[A-Z]/);
    }
  });

  it('matches the committed docs/errors.md (run `npm run contracts` after adding codes)', () => {
    expect(fs.readFileSync(errorDocsPath, 'utf8')).toBe(renderErrorDocs());
  });

  it('answers a path that is not valid percent-encoding (an encoded lone surrogate) in the documented body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tasks/%ED%A0%80/complete', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
  });

  it('answers in Chinese by default and in English on request, with a correlation id', async () => {
    const zh = await t.app.inject({ url: '/api/auth/me' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: errorCatalogue.UNAUTHENTICATED.zh });
    expect(zh.json().correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const en = await t.app.inject({ url: '/api/auth/me', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().message).toBe(errorCatalogue.UNAUTHENTICATED.en);
  });

  it('turns an unknown failure into a generic 500 that names only the correlation id', async () => {
    // Break the database under the app: the next query fails in an unplanned way.
    await t.ctx.db.query('ALTER TABLE service_items RENAME TO service_items_gone');
    try {
      const res = await t.app.inject({ url: '/api/items' });
      expect(res.statusCode).toBe(500);
      expect(Object.keys(res.json()).sort()).toEqual(['code', 'correlationId', 'message']);
      expect(res.json().code).toBe('INTERNAL');
      expect(res.body).not.toContain('service_items');
    } finally {
      await t.ctx.db.query('ALTER TABLE service_items_gone RENAME TO service_items');
    }
  });

  it('reports unknown routes and bad JSON with codes', async () => {
    expect((await t.app.inject({ url: '/api/nothing-here' })).json().code).toBe('NOT_FOUND');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{not json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('logs in and out with an HttpOnly SameSite session cookie', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'citizen', password: 'nope' } });
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'nope' } });
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'CITIZEN', password: 'Tongban@2026' } });
    const cookie = ok.cookies.find((c) => c.name === 'tb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const header = `tb_session=${cookie.value}`;
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: header } })).json().user.role).toBe('applicant');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: header } });
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: header } })).json().code).toBe('UNAUTHENTICATED');
  });

  it('ignores X-Forwarded-Proto from a client that is not a configured proxy', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'citizen', password: 'Tongban@2026' },
    });
    expect(res.cookies.find((c) => c.name === 'tb_session')!.secure).toBeFalsy();
  });

  it('refuses a taken username regardless of case', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'Citizen', password: 'long-enough-1', displayName: '重名' } });
    expect(res.json().code).toBe('USERNAME_UNAVAILABLE');
  });
});

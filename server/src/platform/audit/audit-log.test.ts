import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, requestsTo, type TestApp } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { withTx } from '../db/pool.ts';
import { appendAudit, chainAuditPending } from './log.ts';

// 安全审计 (issue #14): staff looks at cases, applicants and uploads, and every change of the
// organisation, in an append-only hash-chained log that only the audit administrator reads.
let t: TestApp;
const f = factories(() => t);
let admin: string;
let auditor: string;
let clerk: string;
let citizen: string;
const { get, post, put } = requestsTo(() => t.app);
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  auditor = await login(t.app, 'auditor');
  clerk = await login(t.app, 'clerk');
  citizen = await login(t.app, 'citizen');
});
afterAll(() => t.close());

interface Row { seq: number; actorName: string | null; actorRole: string | null; action: string; targetType: string; targetId: string | null; address: string | null; result: string }
const search = async (query: string) => {
  const res = await get(`/api/audit/log?${query}`, auditor);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; nextBefore: number | null };
};

let caseId: string;

describe('looks', () => {
  it('records a clerk reading a case and its upload, and a refused look by another department, but not the applicant’s own', async () => {
    const c = await f.submit(await f.item());
    caseId = c.id;
    expect((await get(`/api/cases/${caseId}`, citizen)).statusCode).toBe(200);
    const detail = await get(`/api/cases/${caseId}`, clerk);
    expect(detail.statusCode).toBe(200);
    const uploadId = detail.json().materials[0].uploadId as string;
    expect((await get(`/api/uploads/${uploadId}`, clerk)).statusCode).toBe(200);
    const other = await login(t.app, 'approver_rsj');
    expect((await get(`/api/cases/${caseId}`, other)).json().code).toBe('CASE_NOT_FOUND');

    const looks = (await search(`targetId=${caseId}`)).items;
    expect(looks.map((r) => [r.action, r.actorRole, r.result])).toEqual([['case.read', 'approver', 'CASE_NOT_FOUND'], ['case.read', 'clerk', 'ok']]);
    expect(looks[1]!.address).toBeTruthy();
    expect((await search(`targetId=${uploadId}`)).items.map((r) => [r.action, r.actorName])).toEqual([['upload.read', '李窗口']]);
  });

  it('records an applicant lookup at the window by the number asked for', async () => {
    const res = await get('/api/intake/applicants/lookup?kind=person&number=11010519491231002X', clerk);
    expect(res.statusCode, res.body).toBe(200);
    expect((await search('action=applicant.lookup')).items.map((r) => [r.targetType, r.targetId, r.result])).toEqual([['applicant', 'person:11010519491231002X', 'ok']]);
  });

  it('records one row per list or search read, naming the query, and every notice PDF and process history read by staff', async () => {
    const item = await f.item();
    const c = await f.caseIn(item, 'accepted');
    const listed = await get(`/api/cases?scope=all&caseNo=${c.caseNo}&limit=5`, clerk);
    expect(listed.json().items).toHaveLength(1);
    // The next page of the same query is the same look: its cursor is not part of the target.
    await get(`/api/cases?scope=all&caseNo=${c.caseNo}&limit=5&cursor=abc`, clerk);
    expect((await get(`/api/cases?scope=mine`, citizen)).statusCode).toBe(200);
    const approver = await login(t.app, item.department.approver);
    expect((await get('/api/tasks?order=desc', approver)).json().items.length).toBeGreaterThan(0);
    const lists = (await search('action=case.list')).items;
    expect(lists.map((r) => [r.actorRole, r.targetType, r.targetId])).toEqual([
      ['clerk', 'case_query', `scope=all&caseNo=${c.caseNo}&limit=5`],
      ['clerk', 'case_query', `scope=all&caseNo=${c.caseNo}&limit=5`],
    ]);
    // The newest to-do list read is the approver's own (the factory read the list unfiltered before).
    expect((await search('action=task.list')).items.map((r) => [r.actorName, r.targetId])).toEqual([
      [item.department.approverName, 'order=desc'], [item.department.approverName, null],
    ]);

    const [notice] = (await get(`/api/cases/${c.id}/documents`, citizen)).json().items as { id: string }[];
    expect((await get(`/api/documents/${notice!.id}`, citizen)).statusCode).toBe(200);
    const pdf = await get(`/api/documents/${notice!.id}`, clerk);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await get(`/api/cases/${c.id}/process`, approver)).statusCode).toBe(200);
    expect((await search(`targetId=${notice!.id}`)).items.map((r) => [r.action, r.actorRole, r.result])).toEqual([['document.read', 'clerk', 'ok']]);
    expect((await search(`targetId=${c.id}&action=case.process`)).items.map((r) => [r.actorRole, r.result])).toEqual([['approver', 'ok']]);
  });
});

describe('changes', () => {
  it('records every change of the organisation, made or refused, with the object it made', async () => {
    const county = (await get('/api/admin/org', admin)).json().centers[0];
    const made = await post('/api/admin/org/centers', admin, { code: 'AUD-1', name: '审计镇', level: 'township', parentId: county.id, phone: null, address: null, sortOrder: 0 });
    expect(made.statusCode).toBe(201);
    const refused = await post('/api/admin/org/centers', admin, { code: 'AUD-2', name: '错层', level: 'city', parentId: county.id, phone: null, address: null, sortOrder: 0 });
    expect(refused.json().code).toBe('CENTER_LEVEL_INVALID');
    const changed = await put(`/api/admin/org/centers/${made.json().id}`, admin, { code: 'AUD-1', name: '审计镇（改）', level: 'township', parentId: county.id, phone: null, address: null, sortOrder: 0 });
    expect(changed.statusCode).toBe(200);
    const rows = (await search('action=org.center_')).items;
    expect(rows.map((r) => [r.action, r.targetId, r.result, r.actorRole])).toEqual([
      ['org.center_changed', made.json().id, 'ok', 'admin'],
      ['org.center_created', null, 'CENTER_LEVEL_INVALID', 'admin'],
      ['org.center_created', made.json().id, 'ok', 'admin'],
    ]);
  });

  it('records a refused change whose path id no text column takes (NUL), escaped, and answers its own refusal', async () => {
    const county = (await get('/api/admin/org', admin)).json().centers[0];
    const res = await put('/api/admin/org/centers/%00x', admin, { code: 'AUD-3', name: '坏编号', level: 'township', parentId: county.id, phone: null, address: null, sortOrder: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_CHARACTERS');
    const [last] = (await search('action=org.center_changed')).items;
    expect(last).toMatchObject({ targetId: '\\u0000x', result: 'INVALID_CHARACTERS' });
  });
});

describe('reading the log (三员分立)', () => {
  it('answers the audit administrator only: the system administrator and everyone else are refused', async () => {
    for (const who of [admin, clerk, citizen, await login(t.app, 'manager'), await login(t.app, 'supervisor')]) {
      expect((await get('/api/audit/log', who)).json().code).toBe('FORBIDDEN');
      expect((await get('/api/audit/log/export', who)).json().code).toBe('FORBIDDEN');
      expect((await get('/api/audit/verify', who)).json().code).toBe('FORBIDDEN');
    }
    expect((await get('/api/audit/log')).json().code).toBe('UNAUTHENTICATED');
    // The system administrator's refused look is itself on the log.
    expect((await search('action=audit.read&result=refused')).items.some((r) => r.actorRole === 'admin' && r.result === 'FORBIDDEN')).toBe(true);
    // And the audit administrator sees none of the cases.
    expect((await get(`/api/cases/${caseId}`, auditor)).json().code).toBe('CASE_NOT_FOUND');
    expect((await get('/api/cases?scope=all', auditor)).json().code).toBe('FORBIDDEN');
  });

  it('searches by actor, action and result, pages newest first, and exports CSV', async () => {
    const clerks = await search('actor=李窗口');
    expect(clerks.items.length).toBeGreaterThanOrEqual(3);
    expect(clerks.items.every((r) => r.actorName === '李窗口')).toBe(true);
    const first = await search('limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.seq).toBeGreaterThan(first.items[1]!.seq);
    const second = await search(`limit=2&before=${first.nextBefore}`);
    expect(second.items[0]!.seq).toBe(first.items[1]!.seq - 1);
    expect((await search('action=%25')).items).toEqual([]);
    expect((await get('/api/audit/log?from=yesterday', auditor)).json().code).toBe('VALIDATION_FAILED');

    const csv = await get('/api/audit/log/export?action=case.read', auditor);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,时间,操作人,角色,操作,对象类型,对象,来源地址,结果,详情');
    expect(lines.slice(1).every((l) => l.includes(',case.read,case,'))).toBe(true);
    expect(lines).toHaveLength(1 + (await search('action=case.read')).items.length);
    expect((await search('action=audit.export&result=ok')).items).toHaveLength(1);
  });
});

describe('the chain', () => {
  it('verifies a row whose request had lost its client (no address) or whose detail held a value JSON leaves out', async () => {
    // A browser that navigates away mid-request leaves req.ip undefined by the time the answer is audited.
    await withTx(t.ctx.db, (tx) => appendAudit(tx, {
      actor: { id: '00000000-0000-4000-8000-000000000001', name: '李窗口', role: 'clerk' }, action: 'case.read', targetType: 'case',
      targetId: undefined as unknown as null, address: undefined as unknown as null, result: 'ok',
      detail: { method: 'GET', route: undefined, at: new Date('2026-12-03T02:00:00Z') }, at: new Date('2026-12-03T02:00:00.123Z'),
    }));
    expect((await get('/api/audit/verify', auditor)).json()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('writes looks side by side and gives them their places after they commit, in the order they were written', async () => {
    const look = (i: number) => appendAudit(t.ctx.db, {
      actor: { id: '00000000-0000-4000-8000-000000000002', name: '王审批', role: 'approver' }, action: 'case.read', targetType: 'case',
      targetId: `side-by-side-${i}`, address: '127.0.0.1', result: 'ok', at: new Date('2026-12-03T02:00:01Z'),
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => look(i)));
    const waiting = await t.ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL AND target_id LIKE 'side-by-side-%'`);
    expect(waiting.rows[0].n).toBe(20);
    // Nobody changes a row waiting for its place, but to give it one.
    await expect(t.ctx.db.query(`UPDATE audit_log SET result = 'FORBIDDEN' WHERE seq IS NULL`)).rejects.toThrow(/append-only/);
    expect(await chainAuditPending(t.ctx.db)).toBeGreaterThanOrEqual(20);
    const { rows } = await t.ctx.db.query<{ seq: string }>(`SELECT seq FROM audit_log WHERE target_id LIKE 'side-by-side-%' ORDER BY pos`);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(20);
    // A place once given stays.
    await expect(t.ctx.db.query(`UPDATE audit_log SET seq = seq + 100000, hash = hash WHERE target_id = 'side-by-side-0'`)).rejects.toThrow(/append-only/);
    expect((await get('/api/audit/verify', auditor)).json()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('is append-only, verifies, and shows the first row edited or removed behind its back', async () => {
    await expect(t.ctx.db.query(`UPDATE audit_log SET result = 'ok' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const sound = (await get('/api/audit/verify', auditor)).json();
    expect(sound.ok).toBe(true);
    expect(sound.checked).toBeGreaterThan(10);
    // Someone with the database's own rights switches the guard off and edits a row, then removes another.
    await t.ctx.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await t.ctx.db.query(`UPDATE audit_log SET actor_name = '别人' WHERE seq = 3`);
    expect((await get('/api/audit/verify', auditor)).json()).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash' } });
    await t.ctx.db.query('DELETE FROM audit_log WHERE seq = 3');
    expect((await get('/api/audit/verify', auditor)).json()).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'missing' } });
    await t.ctx.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
  });
});

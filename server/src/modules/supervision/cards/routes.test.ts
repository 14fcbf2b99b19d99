import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, PDF_BYTES, type TestApp } from '../../../../test/app.ts';
import { addCase, addEvent, addSource, addStep } from './fixtures.ts';
import { verifyCardLog } from './log.ts';
import { trackCards } from './tracker.ts';
import { handOverToNotify } from './hand-over.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const caseId = randomUUID();
const stepId = randomUUID();
let redId = '';

const as = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp('2026-09-21T02:00:00Z');
  for (const u of ['supervisor', 'supervisor2', 'approver', 'approver_wjw', 'head_scjg', 'manager', 'admin', 'citizen']) cookies[u] = await login(t.app, u);
  const ids = Object.fromEntries((await t.ctx.db.query<{ username: string; id: string; department_id: string | null }>(
    `SELECT username, id, department_id FROM users WHERE username IN ('approver', 'head_scjg')`,
  )).rows.map((r) => [r.username, r]));
  const now = t.clock.now();
  await addSource(t.ctx.db, 'center', now);
  const seq = await addEvent(t.ctx.db, 'center', 'case.accepted', caseId, now);
  const dept = ids.approver!.department_id!;
  await addCase(t.ctx.db, 'center', { caseId, caseNo: 'SC2026-0002', departmentId: dept, departmentName: '市场监督管理局', acceptedAt: now, dueAt: new Date('2026-10-22T09:30:00Z'), seq });
  const s2 = await addEvent(t.ctx.db, 'center', 'task.created', caseId, now);
  await addStep(t.ctx.db, 'center', { stepId, caseId, caseNo: 'SC2026-0002', name: '审查', stage: 'review', departmentId: dept, assigneeId: ids.approver!.id, startedAt: now, dueAt: new Date('2026-09-23T09:30:00Z'), seq: s2 });
  await trackCards(t.ctx);
  t.clock.set('2026-09-24T02:00:00Z');
  await trackCards(t.ctx, (c) => handOverToNotify(c, ['center']));
});
afterAll(async () => t.close());

describe('supervision cards over HTTP', () => {
  it('shows every card to supervisors, the own ones to staff, the department ones to its head, none of others', async () => {
    const all = (await as('supervisor', 'GET', '/api/supervision/cards')).json();
    expect(all.levels).toEqual({ warning: 1, yellow: 1, red: 1 });
    redId = all.items.find((c: { level: string }) => c.level === 'red').id;
    expect((await as('approver', 'GET', '/api/supervision/cards')).json().total).toBe(3);
    expect((await as('head_scjg', 'GET', '/api/supervision/cards')).json().total).toBe(3);
    // The center's own admin and manager do not supervise: they see only cards about their own steps.
    expect((await as('manager', 'GET', '/api/supervision/cards')).json().total).toBe(0);
    expect((await as('admin', 'GET', '/api/supervision/cards')).json().total).toBe(0);
    expect((await as('approver_wjw', 'GET', `/api/supervision/cards/${redId}`)).json().code).toBe('SUPERVISION_CARD_NOT_FOUND');
    expect((await as('citizen', 'GET', '/api/supervision/cards')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/supervision/cards' })).statusCode).toBe(401);
  });

  it('tells the holder and the department head through the notifications module', async () => {
    const { rows } = await t.ctx.db.query(
      `SELECT count(*)::int AS n FROM supervision.sv_outbox WHERE delivered_at IS NULL`,
    );
    expect(rows[0].n).toBe(0);
    const inbox = (await as('approver', 'GET', '/api/notify/inbox')).json();
    expect(JSON.stringify(inbox)).toContain('SC2026-0002');
    // Each card by its kind, in-app and by SMS (neither can be turned off), to the holder and the department's head.
    const told = await t.ctx.db.query<{ username: string; kinds: string[] }>(
      `SELECT u.username, array_agg(DISTINCT o.kind ORDER BY o.kind) AS kinds FROM notify_outbox o JOIN users u ON u.id = o.recipient_id
        WHERE o.case_no = 'SC2026-0002' AND o.channel = 'sms' GROUP BY u.username ORDER BY u.username`,
    );
    const cards = ['supervision.red_card', 'supervision.warning', 'supervision.yellow_card'];
    expect(told.rows).toEqual([{ username: 'approver', kinds: cards }, { username: 'head_scjg', kinds: cards }]);
    const head = (await as('head_scjg', 'GET', '/api/notify/inbox')).json().items.filter((m: { caseNo: string }) => m.caseNo === 'SC2026-0002');
    expect(head.map((m: { kind: string }) => m.kind).sort()).toEqual(cards);
  });

  it('goes through 受理, 立案, 调查 with evidence and events, 处理 with a 监察建议书, 申诉 and 复核', async () => {
    expect((await as('supervisor', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'decide', outcome: 'criticism', opinion: 'x' })).json().code).toBe('SUPERVISION_CARD_MOVE_INVALID');
    expect((await as('head_scjg', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'accept' })).json().code).toBe('FORBIDDEN');
    let card = (await as('supervisor', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'accept' })).json();
    expect(card.moves).toEqual(['file', 'decide']);
    card = (await as('supervisor', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'file', reason: '超期两日未说明理由' })).json();
    expect(card.status).toBe('filed');
    const bad = await as('supervisor', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'investigate', note: '调阅', attachSeqs: [999] });
    expect(bad.json().code).toBe('SUPERVISION_EVIDENCE_NOT_FOUND');
    card = (await as('supervisor', 'POST', `/api/supervision/cards/${redId}/moves`, {
      move: 'investigate', note: '调阅办理记录，约谈承办人', attachSeqs: [1, 2], evidence: [{ name: '谈话记录.pdf', content: PDF_BYTES.toString('base64') }],
    })).json();
    expect(card.notes[0]).toMatchObject({ note: '调阅办理记录，约谈承办人', attachedSeqs: [1, 2] });
    expect(card.caseEvents.map((e: { type: string }) => e.type)).toEqual(['case.accepted', 'task.created']);
    const evidence = await as('supervisor', 'GET', `/api/supervision/cards/${redId}/evidence/${card.notes[0].files[0].id}`);
    expect(evidence.rawPayload.equals(PDF_BYTES)).toBe(true);
    card = (await as('supervisor', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'decide', outcome: 'rectification', opinion: '限期整改', rectifyBy: '2026-10-16' })).json();
    expect(card.handling.adviceNo).toMatch(/^监建〔2026〕\d+号$/);
    const pdf = await as('head_scjg', 'GET', `/api/supervision/cards/${redId}/advice`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The department head sees the decision but not the investigation.
    const seen = (await as('head_scjg', 'GET', `/api/supervision/cards/${redId}`)).json();
    expect(seen.notes).toBeNull();
    expect(seen.moves).toEqual(['appeal']);
    card = (await as('head_scjg', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'appeal', reason: '系统故障导致超期' })).json();
    expect(card.status).toBe('appealed');
    expect((await as('supervisor', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'review', verdict: 'revoke', opinion: 'x' })).json().code).toBe('SUPERVISION_REVIEWER_CONFLICT');
    card = (await as('supervisor2', 'POST', `/api/supervision/cards/${redId}/moves`, { move: 'review', verdict: 'uphold', opinion: '维持原处理' })).json();
    expect(card.status).toBe('upheld');
    expect(card.log.map((l: { type: string }) => l.type)).toEqual(['card.raised', 'card.accepted', 'card.filed', 'card.investigated', 'card.decided', 'card.appealed', 'card.reviewed']);
    expect((await verifyCardLog(t.ctx.db)).ok).toBe(true);
  });

  it('lets supervisors change the rules as a new version, refusing a stale one', async () => {
    expect((await as('admin', 'GET', '/api/supervision/rules')).statusCode).toBe(403);
    const { current } = (await as('supervisor', 'GET', '/api/supervision/rules')).json();
    const body = { baseVersion: current.version, rules: current.rules, lifecycle: { ...current.lifecycle, appealWorkdays: 7 }, note: '申诉期延长' };
    const saved = (await as('supervisor', 'PUT', '/api/supervision/rules', body)).json();
    expect(saved.version).toBe(current.version + 1);
    expect((await as('supervisor', 'PUT', '/api/supervision/rules', body)).json().code).toBe('SUPERVISION_RULES_STALE');
    const invalid = { ...body, baseVersion: saved.version, lifecycle: { ...body.lifecycle, appealWorkdays: 0 } };
    expect((await as('supervisor', 'PUT', '/api/supervision/rules', invalid)).json().code).toBe('SUPERVISION_RULES_INVALID');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';

let t: TestApp;
const f = factories(() => t);
let citizen: string;
let approverScjg: string;
let approverWjw: string;
let manager: string;
let admin: string;
let supervisor: string;
/** An item of a department of its own, whose approver is `approverScjg`. */
let scjgItem: Item & { departmentId: string };
/** Another department, whose approver is `approverWjw`. */
let wjwDept: string;
beforeAll(async () => {
  t = await createTestApp();
  const item = await f.item({ name: '食品经营许可（新办）' });
  scjgItem = { ...item, departmentId: item.department.id };
  const other = await f.department();
  wjwDept = other.id;
  [citizen, approverScjg, approverWjw, manager, admin, supervisor] = await Promise.all([
    login(t.app, 'citizen'), login(t.app, item.department.approver), login(t.app, other.approver), login(t.app, 'manager'), login(t.app, 'admin'), login(t.app, 'supervisor'),
  ]);
});
afterAll(() => t.close());

let ipSeq = 0;
/** Each anonymous test speaks from its own address, so the rate limit of one does not touch another. */
const anonIp = () => `10.9.0.${++ipSeq}`;
const submit = (payload: object, opts: { cookie?: string; ip?: string } = {}) =>
  t.app.inject({
    method: 'POST', url: '/api/portal/messages', payload,
    remoteAddress: opts.ip ?? anonIp(),
    headers: opts.cookie ? { cookie: opts.cookie } : {},
  });
const { get } = requestsTo(() => t.app);
const answer = (id: string, cookie: string, text: string) =>
  t.app.inject({ method: 'POST', url: `/api/portal/messages/${id}/answer`, headers: { cookie }, payload: { answer: text } });
const count = async () => (await t.ctx.db.query('SELECT count(*)::int AS n FROM portal_messages')).rows[0].n as number;

describe('consultations and complaints (咨询 / 投诉)', () => {
  it('routes a citizen’s consultation to the item’s department, whose staff answer it, and the citizen reads the answer', async () => {
    const res = await submit({ kind: 'consultation', itemId: scjgItem.id, subject: '面积要求', body: '小餐饮店有面积要求吗？' }, { cookie: citizen });
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(receipt.ticketNo).toMatch(/^ZX\d{8}-\d{4}$/);

    const scjg = (await get('/api/portal/messages?status=open', approverScjg)).json();
    const mine = scjg.items.find((m: { id: string }) => m.id === receipt.id);
    expect(mine).toMatchObject({ departmentId: scjgItem.departmentId, itemName: '食品经营许可（新办）', contactName: '张三', anonymous: false });
    expect((await get('/api/portal/messages', approverWjw)).json().items.map((m: { id: string }) => m.id)).not.toContain(receipt.id);
    expect((await answer(receipt.id, approverWjw, '不是我们的')).json().code).toBe('MESSAGE_NOT_FOUND');
    expect((await answer(receipt.id, approverScjg, '   ')).json().code).toBe('ANSWER_REQUIRED');

    const answered = await answer(receipt.id, approverScjg, '按《食品经营许可审查通则》执行，无统一面积下限。');
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answeredByName: scjgItem.department.approverName });
    expect((await answer(receipt.id, manager, '再答一次')).json().code).toBe('MESSAGE_ALREADY_ANSWERED');

    const citizenView = (await get('/api/portal/messages/mine', citizen)).json().items.find((m: { id: string }) => m.id === receipt.id);
    expect(citizenView).toMatchObject({ status: 'answered', answer: '按《食品经营许可审查通则》执行，无统一面积下限。' });
    expect(citizenView.contactPhone).toBeUndefined();
    const events = (await t.ctx.db.query(`SELECT type, department_id, payload FROM events WHERE payload->>'messageId' = $1 ORDER BY occurred_at`, [receipt.id])).rows;
    expect(events.map((e) => e.type)).toEqual(['portal.consultation.submitted', 'portal.consultation.answered']);
    expect(events.every((e) => e.department_id === scjgItem.departmentId)).toBe(true);
    expect(events[1].payload.onTime).toBe(true);
  });

  it('takes an anonymous complaint only with a valid phone, and shows the answer with the ticket number and query code', async () => {
    const before = await count();
    expect((await submit({ kind: 'complaint', departmentId: wjwDept, subject: '态度', body: '窗口态度差' })).json().code).toBe('CONTACT_PHONE_REQUIRED');
    expect((await submit({ kind: 'complaint', departmentId: wjwDept, subject: '态度', body: '窗口态度差', contactPhone: '12345' })).json().code).toBe('CONTACT_PHONE_INVALID');
    expect((await submit({ kind: 'complaint', subject: '态度', body: '窗口态度差', contactPhone: '13800138000' })).json().code).toBe('MESSAGE_TARGET_REQUIRED');
    expect((await submit({ kind: 'complaint', itemId: scjgItem.id, departmentId: wjwDept, subject: '态度', body: '窗口态度差', contactPhone: '13800138000' })).json().code)
      .toBe('MESSAGE_ITEM_DEPARTMENT_MISMATCH');
    expect((await submit({ kind: 'complaint', departmentId: '00000000-0000-4000-8000-000000000000', subject: '态度', body: '窗口态度差', contactPhone: '13800138000' })).json().code)
      .toBe('DEPARTMENT_NOT_FOUND');
    expect((await submit({ kind: 'complaint', departmentId: wjwDept, subject: '', body: '窗口态度差', contactPhone: '13800138000' })).json().code).toBe('VALIDATION_FAILED');
    expect(await count()).toBe(before);

    const receipt = (await submit({ kind: 'complaint', departmentId: wjwDept, subject: '态度', body: '窗口态度差', contactName: '王女士', contactPhone: '0571-88886666' })).json();
    expect(receipt.ticketNo).toMatch(/^TS\d{8}-\d{4}$/);
    const staff = (await get('/api/portal/messages', approverWjw)).json().items.find((m: { id: string }) => m.id === receipt.id);
    expect(staff).toMatchObject({ anonymous: true, contactName: '王女士', contactPhone: '0571-88886666', kind: 'complaint' });
    await answer(receipt.id, approverWjw, '已核实并批评教育当事人员。');
    const looked = await get(`/api/portal/messages/lookup?ticketNo=${receipt.ticketNo}&queryCode=${receipt.queryCode.toLowerCase()}`);
    expect(looked.json()).toMatchObject({ status: 'answered', answer: '已核实并批评教育当事人员。' });
    expect(looked.json().contactPhone).toBeUndefined();
    expect((await get(`/api/portal/messages/lookup?ticketNo=${receipt.ticketNo}&queryCode=ZZZZZZ`)).json().code).toBe('MESSAGE_LOOKUP_NOT_FOUND');
    const event = (await t.ctx.db.query(`SELECT payload FROM events WHERE type = 'portal.complaint.submitted' AND payload->>'messageId' = $1`, [receipt.id])).rows[0];
    expect(event.payload.anonymous).toBe(true);
    expect(JSON.stringify(event.payload)).not.toContain('0571-88886666');
  });

  it('limits anonymous submissions per client and stores nothing past the limit', async () => {
    const ip = anonIp();
    const body = { kind: 'consultation', departmentId: wjwDept, subject: '问', body: '问题', contactPhone: '13800138000' };
    for (let i = 0; i < 5; i++) expect((await submit(body, { ip })).statusCode).toBe(201);
    const before = await count();
    const limited = await submit(body, { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(await count()).toBe(before);
    expect((await submit(body, { ip: anonIp() })).statusCode).toBe(201);
    t.clock.advance(10 * 60_000);
    expect((await submit(body, { ip })).statusCode).toBe(201);
  });

  it('checks who may list and answer', async () => {
    expect((await get('/api/portal/messages')).json().code).toBe('UNAUTHENTICATED');
    expect((await get('/api/portal/messages', citizen)).json().code).toBe('FORBIDDEN');
    expect((await get('/api/portal/messages', supervisor)).json().code).toBe('FORBIDDEN');
    expect((await get('/api/portal/messages/mine')).json().code).toBe('UNAUTHENTICATED');
    expect((await get('/api/portal/messages/mine', approverScjg)).json().code).toBe('FORBIDDEN');
    const receipt = (await submit({ kind: 'consultation', departmentId: wjwDept, subject: '问', body: '问题', contactPhone: '13800138000' })).json();
    const all = (await get('/api/portal/messages', admin)).json().items.map((m: { id: string }) => m.id);
    expect(all).toContain(receipt.id);
    expect((await answer(receipt.id, admin, '管理员不答复')).json().code).toBe('FORBIDDEN');
    expect((await answer(receipt.id, citizen, '市民不能答复')).json().code).toBe('FORBIDDEN');
    expect((await answer(receipt.id, manager, '中心领导答复')).json().status).toBe('answered');
    expect((await submit({ kind: 'consultation', departmentId: wjwDept, subject: '问', body: '问题' }, { cookie: approverScjg })).json().code).toBe('FORBIDDEN');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';
import { deemOverdueApplicationsAccepted } from '../cases/index.ts';
import { chineseDate, chineseDue } from './rules.ts';
import { decodeQr, hasPoppler, pdfText } from './testing.ts';

const START = '2026-09-24T02:00:00Z';
let t: TestApp;
const f = factories(() => t);
let citizen: string;
let clerk: string;
let approver: string;
/** A one-step licence with four materials, whose department has a window of its own (where its results are handed out). */
let item: Item;
const deptWindow = { name: '5 号测试部门窗口', phone: '0571-12345699' };
beforeAll(async () => {
  t = await createTestApp(START);
  t.ctx.config.publicUrl = 'https://zwfw.example.gov.cn';
  item = await f.item({ name: '食品经营许可（新办）', legalDays: 10, promisedDays: 5, materials: ['申请书', '营业执照', '经营场所证明', '食品安全管理制度'].map((name) => ({ name })) });
  const centerId = ((await f.as('admin').get('/api/admin/org')).json().centers as { id: string; parentId: string | null }[]).find((c) => c.parentId === null)!.id;
  const win = { centerId, code: `${item.department.code}-01`, departmentId: item.department.id, hallPosition: '一楼', itemIds: [item.id], enabled: true, ...deptWindow };
  expect((await f.as('admin').post('/api/admin/org/windows', win)).statusCode).toBe(201);
  [citizen, clerk, approver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, item.department.approver)]);
});
afterAll(() => t.close());

const { post, get } = requestsTo(() => t.app);

interface Listed { id: string; kind: string; title: string; number: string; issuedAt: string }
const notices = async (caseId: string): Promise<Listed[]> => (await get(`/api/cases/${caseId}/documents`, citizen)).json().items;
const pdf = async (id: string) => (await get(`/api/documents/${id}`, citizen)).rawPayload;
const progress = (c: { caseNo: string; queryCode: string }) => `https://zwfw.example.gov.cn/progress?caseNo=${c.caseNo}&queryCode=${c.queryCode}`;

/** The case's outcome events and notices in chain order (deadline moves and workflow steps left out). */
async function events(caseId: string): Promise<{ type: string; payload: Record<string, unknown>; actor_id: string | null }[]> {
  return (await t.ctx.db.query(
    `SELECT type, payload, actor_id FROM events
      WHERE case_id = $1 AND (type LIKE 'case.%' OR type = 'document.issued') AND type <> 'case.deadline_changed' ORDER BY pos`, [caseId],
  )).rows;
}

/** Checks the PDF's extracted text for each string (white space ignored) and its QR code. */
function expectPdf(bytes: Buffer, strings: string[], url: string): void {
  if (!hasPoppler) return;
  const text = pdfText(bytes);
  for (const s of strings) expect(text, s).toContain(s.replace(/\s+/g, ''));
  expect(decodeQr(bytes)).toBe(url);
}


describe('受理 issues a 受理通知书', () => {
  it('issues exactly one, numbered, with the case facts, the due dates from the clock and the QR link', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    const accepted = (await post(`/api/cases/${c.id}/accept`, clerk)).json();
    expect(accepted.status).toBe('accepted');
    // A second acceptance fails and issues nothing.
    expect((await post(`/api/cases/${c.id}/accept`, clerk)).json().code).toBe('CASE_STATE_CONFLICT');

    const list = await notices(c.id);
    expect(list).toEqual([{ id: expect.any(String), kind: 'acceptance', title: '受理通知书', number: expect.stringMatching(/^受字〔2026〕第 \d{4} 号$/), issuedAt: new Date(START).toISOString() }]);
    const ev = await events(c.id);
    expect(ev.map((e) => e.type)).toEqual(['case.submitted', 'case.accepted', 'document.issued']);
    expect(ev[2]!.payload).toMatchObject({ documentId: list[0]!.id, kind: 'acceptance', number: list[0]!.number });

    const row = (await t.ctx.db.query('SELECT qr_payload, issued_by FROM documents WHERE id = $1', [list[0]!.id])).rows[0];
    expect(row.qr_payload).toBe(progress(c));
    expect(row.issued_by).not.toBeNull();
    expectPdf(await pdf(list[0]!.id), [
      '示范县政务服务中心', '受理通知书', list[0]!.number, '张三', c.caseNo, item.name, item.department.name,
      '收件日期：2026年9月24日', '受理日期：2026年9月24日', '第三十二条第一款第（五）项',
      `承诺办结期限：${chineseDue(accepted.clock.due, 'workday', false)}`, `法定办结期限：${chineseDue(accepted.clock.legalDue, 'workday', false)}`,
      '1 号综合受理窗口', '0571-12345601', '示范县人民路 88 号', `查询码：${c.queryCode}`, chineseDate(new Date(START)),
    ], progress(c));
  });

  it('issues one for a deemed acceptance too, by the system, dated from receipt (第三十二条)', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    t.clock.set('2026-10-12T02:00:00Z');
    citizen = await login(t.app, 'citizen');
    expect(await deemOverdueApplicationsAccepted(t.ctx)).toContain(c.id);
    expect(await deemOverdueApplicationsAccepted(t.ctx)).not.toContain(c.id);
    const list = await notices(c.id);
    expect(list.map((d) => d.kind)).toEqual(['acceptance']);
    const row = (await t.ctx.db.query('SELECT issued_by FROM documents WHERE id = $1', [list[0]!.id])).rows[0];
    expect(row.issued_by).toBeNull();
    expectPdf(await pdf(list[0]!.id), ['受理通知书', '自收到申请材料之日起即为受理', '视为受理日期：2026年9月24日', '2026年10月12日'], progress(c));
  });
});

describe('不予受理 issues a 不予受理通知书', () => {
  it('issues exactly one, with the reason and the remedies', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    expect((await post(`/api/cases/${c.id}/refuse`, clerk, { reason: '  ' })).json().code).toBe('REASON_REQUIRED');
    expect((await post(`/api/cases/${c.id}/refuse`, clerk, { reason: '申请事项不属于本中心受理范围' })).json().status).toBe('refused');
    const list = await notices(c.id);
    expect(list.map((d) => [d.kind, d.title])).toEqual([['refusal', '不予受理通知书']]);
    expect(list[0]!.number).toMatch(/^不受字〔2026〕第 \d{4} 号$/);
    expect((await events(c.id)).map((e) => e.type)).toEqual(['case.submitted', 'case.refused', 'document.issued']);
    expectPdf(await pdf(list[0]!.id), [
      '不予受理通知书', c.caseNo, '张三', '不予受理的理由：申请事项不属于本中心受理范围', '行政复议', '行政诉讼', '决定日期：2026年9月24日', '1 号综合受理窗口',
    ], progress(c));
  });
});

describe('一次性告知 issues a 补正材料通知书', () => {
  it('issues exactly one listing every material with its problem, citing 第三十二条', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    const materials = item.materials;
    const res = await post(`/api/cases/${c.id}/supplement-notice`, clerk, {
      items: [
        { materialId: materials[0]!.id, problem: 'irregular', note: '缺少法定代表人签字' },
        { materialId: materials[1]!.id, problem: 'missing' },
        { materialId: materials[3]!.id, problem: 'missing', note: '请提交加盖公章的制度文本' },
      ],
      note: '请一次性补齐后重新提交',
    });
    expect(res.json().status).toBe('supplement_requested');
    // The second notice is refused by the law's one-time rule, and issues no document.
    expect((await post(`/api/cases/${c.id}/supplement-notice`, clerk, { items: [{ materialId: materials[0]!.id, problem: 'missing' }] })).json().code)
      .toBe('SUPPLEMENT_NOTICE_EXISTS');
    const list = await notices(c.id);
    expect(list.map((d) => [d.kind, d.title])).toEqual([['supplement', '补正材料通知书（一次性告知书）']]);
    expect(list[0]!.number).toMatch(/^补字〔2026〕第 \d{4} 号$/);
    expectPdf(await pdf(list[0]!.id), [
      '补正材料通知书（一次性告知书）', '第三十二条第一款第（四）项', '一次性告知',
      `1${materials[0]!.name}不符合法定形式缺少法定代表人签字`, `2${materials[1]!.name}缺少该材料请补充提交`,
      `3${materials[3]!.name}缺少该材料请提交加盖公章的制度文本`, '其他说明：请一次性补齐后重新提交', '告知日期：2026年9月24日',
    ], progress(c));
  });
});

describe('办结 issues a 办结通知书', () => {
  it('issues exactly one on approval, with the decision, the opinion and the dates', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    await post(`/api/cases/${c.id}/accept`, clerk);
    t.clock.set('2026-09-28T03:00:00Z');
    const task = (await get('/api/tasks', approver)).json().items.find((i: { caseId: string }) => i.caseId === c.id);
    const done = (await post(`/api/tasks/${task.id}/complete`, approver, { outcome: 'approved', opinion: '材料齐全，现场核查符合要求' })).json();
    expect(done.status).toBe('approved');
    const list = await notices(c.id);
    expect(list.map((d) => d.kind)).toEqual(['acceptance', 'conclusion']);
    expect(list[1]!.number).toMatch(/^结字〔2026〕第 \d{4} 号$/);
    expect((await events(c.id)).map((e) => e.type)).toEqual(['case.submitted', 'case.accepted', 'document.issued', 'case.concluded', 'document.issued']);
    expectPdf(await pdf(list[1]!.id), [
      '办结通知书', '准予许可', '审批意见：材料齐全，现场核查符合要求', '收件日期：2026年9月24日', '受理日期：2026年9月24日', '办结日期：2026年9月28日',
      `承诺办结期限：${chineseDue(done.clock.due, 'workday', false)}（按期办结）`, `法定办结期限：${chineseDue(done.clock.legalDue, 'workday', false)}`,
      // The approver has no window: the department's window hands out the result.
      deptWindow.name, deptWindow.phone,
    ], progress(c));
  });

  it('issues one on denial, with the reason and the right to appeal (第三十八条)', async () => {
    t.clock.set(START);
    const c = await f.submit(item);
    await post(`/api/cases/${c.id}/accept`, clerk);
    const task = (await get('/api/tasks', approver)).json().items.find((i: { caseId: string }) => i.caseId === c.id);
    await post(`/api/tasks/${task.id}/complete`, approver, { outcome: 'denied', opinion: '经营场所与申报不符' });
    const list = await notices(c.id);
    expect(list.map((d) => d.kind)).toEqual(['acceptance', 'conclusion']);
    expectPdf(await pdf(list[1]!.id), ['办结通知书', '不予许可', '理由：经营场所与申报不符', '第三十八条第二款', '行政复议'], progress(c));
  });
});

describe('numbering', () => {
  it('counts each kind on its own, without gaps or repeats', async () => {
    const { rows } = await t.ctx.db.query<{ kind: string; number: string }>('SELECT kind, number FROM documents ORDER BY kind, number');
    const byKind = new Map<string, number[]>();
    for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), Number(/第 (\d+) 号/.exec(r.number)![1])]);
    for (const [, seqs] of byKind) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect([...byKind.keys()].sort()).toEqual(['acceptance', 'conclusion', 'refusal', 'supplement']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories, type Item } from '../../../test/factories.ts';

// Cursor paging of the lists: small pages over a handful of cases, so a walk
// crosses several pages while new rows arrive between them.

let t: TestApp;
const f = factories(() => t);
/** Two items of two departments; `approver` handles the first one's steps. */
let first: Item;
let second: Item;
let citizen: string;
let clerk: string;
let manager: string;
let approver: string;
let supervisor: string;
const submitted: { id: string; caseNo: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  [first, second] = [await f.item(), await f.item()];
  [citizen, clerk, manager, approver, supervisor] = await Promise.all([
    login(t.app, 'citizen'), login(t.app, 'clerk'), login(t.app, 'manager'), login(t.app, first.department.approver), login(t.app, 'supervisor'),
  ]);
  // Seven cases of the first department and two of the second, one minute apart; the last two of the first accepted.
  for (const item of [first, first, second, first, first, second, first, first, first]) {
    submitted.push(await f.submit(item));
    t.clock.advance(60_000);
  }
  for (const c of submitted.slice(-2)) {
    await post(`/api/cases/${c.id}/accept`, clerk);
    t.clock.advance(60_000);
  }
});
afterAll(() => t.close());

const { post, get } = requestsTo(() => t.app);

interface Row { id: string; [k: string]: unknown }
interface PageBody { items: Row[]; nextCursor: string | null }

/** Walks a list page by page; `between` runs after each page (new rows arriving). */
async function walk(url: string, cookie: string, between: (page: number) => Promise<void> = async () => {}): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await get(`${url}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PageBody;
    rows.push(...body.items);
    cursor = body.nextCursor;
    pages++;
    await between(pages);
  } while (cursor && pages < 50);
  return { rows, pages };
}

const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('case lists page by cursor', () => {
  it('walks all cases newest first, missing and repeating none while cases arrive between pages', async () => {
    const before = new Set(submitted.map((c) => c.id));
    const arrived: string[] = [];
    const { rows, pages } = await walk('/api/cases?scope=all&limit=2', manager, async (page) => {
      if (page <= 2) {
        t.clock.advance(60_000);
        arrived.push((await f.submit(first)).id);
      }
    });
    expect(pages).toBeGreaterThan(3);
    expect(new Set(ids(rows)).size).toBe(rows.length);
    for (const id of before) expect(ids(rows)).toContain(id);
    // Newer than the first page: not in this walk (they belong before the cursor), so never twice.
    for (const id of arrived) expect(ids(rows)).not.toContain(id);
    const times = rows.map((r) => Date.parse(r.submittedAt as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('walks the intake queue oldest first; a case submitted meanwhile comes at the end, once', async () => {
    const arrived: string[] = [];
    const { rows } = await walk('/api/cases?scope=intake&limit=3', clerk, async (page) => {
      if (page === 1) {
        t.clock.advance(60_000);
        arrived.push((await f.submit(first)).id);
      }
    });
    expect(new Set(ids(rows)).size).toBe(rows.length);
    expect(ids(rows).at(-1)).toBe(arrived[0]);
    expect(rows.every((r) => r.status === 'submitted')).toBe(true);
    const all = await t.ctx.db.query<{ id: string }>("SELECT id FROM cases WHERE status IN ('submitted', 'supplement_requested')");
    expect(new Set(ids(rows))).toEqual(new Set(all.rows.map((r) => r.id)));
  });

  it("walks an applicant's own cases to the oldest (no cap at a fixed number)", async () => {
    const { rows } = await walk('/api/cases?scope=mine&limit=4', citizen);
    const mine = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE applicant_id = (SELECT id FROM users WHERE username = 'citizen')");
    expect(rows.length).toBe(mine.rows[0]!.n);
    expect(ids(rows).at(-1)).toBe(submitted[0]!.id);
  });

  it('filters by state, department, item, case number, applicant and date range', async () => {
    const wjw = (await walk(`/api/cases?scope=all&limit=1&departmentId=${second.department.id}`, manager)).rows;
    expect(ids(wjw).sort()).toEqual([submitted[2]!.id, submitted[5]!.id].sort());
    expect(ids((await walk(`/api/cases?scope=all&itemId=${second.id}`, manager)).rows).sort()).toEqual(ids(wjw).sort());
    const accepted = (await walk('/api/cases?scope=all&status=accepted&limit=1', manager)).rows;
    expect(ids(accepted).sort()).toEqual([submitted[7]!.id, submitted[8]!.id].sort());
    const byNo = (await get(`/api/cases?scope=all&caseNo=${submitted[4]!.caseNo.toLowerCase()}`, manager)).json() as PageBody;
    expect(ids(byNo.items)).toEqual([submitted[4]!.id]);
    const prefix = submitted[4]!.caseNo.slice(0, -2);
    const byPrefix = (await walk(`/api/cases?scope=all&caseNo=${encodeURIComponent(prefix)}`, manager)).rows;
    expect(byPrefix.every((r) => (r.caseNo as string).startsWith(prefix))).toBe(true);
    expect(ids(byPrefix)).toContain(submitted[4]!.id);
    const name = (byNo.items[0]!.applicantName as string);
    const byName = (await walk(`/api/cases?scope=all&applicant=${encodeURIComponent(name.slice(0, 1))}`, manager)).rows;
    expect(byName.length).toBeGreaterThanOrEqual(9);
    // A prefix search picks its page's ids from the prefix index first: walked
    // two at a time it gives the same cases in the same order, newest first.
    const byNameInTwos = await walk(`/api/cases?scope=all&limit=2&applicant=${encodeURIComponent(name.slice(0, 1))}`, manager);
    expect(byNameInTwos.pages).toBeGreaterThan(4);
    expect(ids(byNameInTwos.rows)).toEqual(ids(byName));
    const times = byName.map((r) => Date.parse(r.submittedAt as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await get(`/api/cases?scope=all&applicant=${encodeURIComponent('不存在的申请人')}`, manager)).json().items).toEqual([]);
    // The test clock started 2026-09-24 10:00 in Beijing: every case is of that day.
    expect((await walk('/api/cases?scope=all&from=2026-09-24&to=2026-09-24', manager)).rows.length).toBeGreaterThanOrEqual(9);
    expect((await get('/api/cases?scope=all&from=2026-09-25', manager)).json().items).toEqual([]);
    expect((await get('/api/cases?scope=all&to=2026-09-23', manager)).json().items).toEqual([]);
  });

  it('pages the approver to-do by arrival, with filters', async () => {
    const { rows } = await walk('/api/tasks?limit=1', approver);
    expect(rows.map((r) => r.caseId).sort()).toEqual([submitted[7]!.id, submitted[8]!.id].sort());
    const one = (await get(`/api/tasks?caseNo=${submitted[8]!.caseNo}`, approver)).json() as PageBody;
    expect(one.items.map((r) => r.caseId)).toEqual([submitted[8]!.id]);
    const newest = (await get('/api/tasks?order=desc&limit=1', approver)).json() as PageBody;
    expect(newest.items[0]!.caseId).toBe(submitted[8]!.id);
  });

  it('pages copies unread first and counts every unread one', async () => {
    const managerId = (await t.ctx.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'manager'")).rows[0]!.id;
    for (const c of submitted.slice(-2)) expect((await post(`/api/cases/${c.id}/copies`, manager, { users: [managerId] })).statusCode).toBe(200);
    const first = (await get('/api/copies?limit=1', manager)).json() as PageBody & { unread: number };
    expect(first.unread).toBe(2);
    await post(`/api/copies/${first.items[0]!.id}/read`, manager);
    const { rows } = await walk('/api/copies?limit=1', manager);
    expect(rows.map((r) => r.readAt === null)).toEqual([true, false]);
    expect((await walk('/api/copies?state=unread', manager)).rows.length).toBe(1);
  });

  it('pages the supervision stream both ways, by type and case', async () => {
    const asc = await walk('/api/supervision/events?limit=7', supervisor);
    const seqs = asc.rows.map((r) => r.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const desc = await walk('/api/supervision/events?limit=7&order=desc', supervisor);
    expect(desc.rows.map((r) => r.seq)).toEqual([...seqs].reverse());
    const accepted = await walk('/api/supervision/events?type=case.accepted&limit=1', supervisor);
    expect(accepted.rows.length).toBe(2);
    const oneCase = await walk(`/api/supervision/events?caseNo=${submitted[8]!.caseNo}&limit=2`, supervisor);
    expect(oneCase.rows.every((r) => r.caseId === submitted[8]!.id)).toBe(true);
    expect(oneCase.rows.map((r) => r.type)).toContain('case.accepted');
  });
});

describe('portal search results page by cursor', () => {
  it('walks every hit once, best first, in pages of two', async () => {
    const all = (await t.app.inject({ url: `/api/portal/search?q=${encodeURIComponent('许可')}&limit=200` })).json() as PageBody;
    expect(all.items.length).toBeGreaterThan(4);
    const { rows } = await walk(`/api/portal/search?q=${encodeURIComponent('许可')}&limit=2`, '');
    expect(ids(rows)).toEqual(ids(all.items));
    expect((await t.app.inject({ url: `/api/portal/search?q=x&cursor=${encodeURIComponent('bad')}` })).json().code).toBe('CURSOR_INVALID');
  });
});

describe('bad paging input', () => {
  it('refuses a cursor that is not one of ours with CURSOR_INVALID', async () => {
    for (const bad of ['garbage!', 'e30', Buffer.from('{"o":"cases.submitted","k":["1; DROP TABLE cases","x"]}').toString('base64url')]) {
      const res = await get(`/api/cases?scope=all&cursor=${encodeURIComponent(bad)}`, manager);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('CURSOR_INVALID');
    }
  });

  it("refuses another list's cursor", async () => {
    const events = (await get('/api/supervision/events?limit=1', supervisor)).json() as PageBody;
    expect((await get(`/api/cases?scope=all&cursor=${events.nextCursor}`, manager)).json().code).toBe('CURSOR_INVALID');
    const asc = (await get('/api/supervision/events?limit=1', supervisor)).json() as PageBody;
    expect((await get(`/api/supervision/events?order=desc&cursor=${asc.nextCursor}`, supervisor)).json().code).toBe('CURSOR_INVALID');
    const cases = (await get('/api/cases?scope=all&limit=1', manager)).json() as PageBody;
    expect((await get(`/api/tasks?cursor=${cases.nextCursor}`, approver)).json().code).toBe('CURSOR_INVALID');
    expect((await get(`/api/copies?cursor=${cases.nextCursor}`, manager)).json().code).toBe('CURSOR_INVALID');
  });

  it('keeps a page between 1 and 200 rows and dates real', async () => {
    expect((await get('/api/cases?scope=all&limit=201', manager)).json().code).toBe('VALIDATION_FAILED');
    expect((await get('/api/cases?scope=all&limit=0', manager)).json().code).toBe('VALIDATION_FAILED');
    expect((await get('/api/cases?scope=all&from=2026-13-40', manager)).json().code).toBe('VALIDATION_FAILED');
    expect((await get('/api/cases?scope=all', manager)).json().items.length).toBeLessThanOrEqual(50);
  });
});

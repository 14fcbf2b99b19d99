import type { App } from '../src/platform/http/app.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { bpmnProcess, countersign, parallel, task, type Step } from '../src/modules/workflow/index.ts';
import type { FormSpec } from '../../shared/forms/index.ts';
import { applicationFor, login, uploadPdf, type TestApp } from './app.ts';

/**
 * Factories for server tests: a department with its staff, an item with its
 * materials, limits and published process, and cases of it in any state,
 * each made fresh per call, so a test names what it needs instead of a
 * demo item and its numbers.
 *
 * Items, processes and cases go through the real HTTP commands (the
 * catalogue's create and publish, the engine's deploy, submit, accept,
 * complete …), and so do departments and their staff (the organisation's
 * routes), so every rule and event applies.
 *
 * The demo center's accounts stand in where a test needs someone outside
 * the department: `citizen` applies, `clerk` works the window, `admin`
 * runs the catalogue and the designer, `manager` sees everything.
 *
 *   const f = factories(() => t);
 *   const item = await f.item({ steps: 2, legalDays: 20, promisedDays: 10 });
 *   const c = await f.caseIn(item, { step: 2 });
 *   await f.as(item.department.approver).post(`/api/tasks/${c.taskId}/complete`, { outcome: 'approved', opinion: '同意' });
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** A light-my-request response. */
type Reply = Awaited<ReturnType<App['inject']>>;

/** The HTTP verbs as one user (a user name, signed in on first use), or anonymous (`as()`). */
export interface Client {
  get(url: string): Promise<Reply>;
  post(url: string, payload?: unknown): Promise<Reply>;
  put(url: string, payload: unknown): Promise<Reply>;
  del(url: string): Promise<Reply>;
  /** The cookie header this user's requests carry (for helpers that take one). */
  cookie(): Promise<string>;
}

/**
 * `as('clerk').post(url, body)`: requests as a user, who is signed in with the
 * demo password on first use, and again when the session has ended (the test
 * clock travelled past its life) or after `forget()`.
 */
export function actors(app: () => App) {
  const cookies = new Map<string, Promise<string>>();
  const cookieOf = (who: string) => {
    let c = cookies.get(who);
    if (!c) {
      c = login(app(), who);
      cookies.set(who, c);
      c.catch(() => cookies.delete(who));
    }
    return c;
  };
  const as = (who?: string): Client => {
    const once = async (method: Method, url: string, payload?: unknown): Promise<Reply> =>
      app().inject({ method, url, headers: who === undefined ? {} : { cookie: await cookieOf(who) }, ...(payload === undefined ? {} : { payload: payload as object }) });
    // A session the test clock travelled past is signed in again, once (a test of sessions uses its own cookies).
    const send = async (method: Method, url: string, payload?: unknown): Promise<Reply> => {
      const res = await once(method, url, payload);
      if (res.statusCode !== 401 || who === undefined) return res;
      cookies.delete(who);
      return once(method, url, payload);
    };
    return {
      get: (url) => send('GET', url),
      post: (url, payload = {}) => send('POST', url, payload),
      put: (url, payload) => send('PUT', url, payload),
      del: (url) => send('DELETE', url),
      cookie: () => (who === undefined ? Promise.resolve('') : cookieOf(who)),
    };
  };
  return Object.assign(as, { forget: () => cookies.clear() });
}

export interface Department {
  id: string;
  code: string;
  name: string;
  /** User names of its staff: an approver (the steps' handler) and the agency head (部门负责人). */
  approver: string;
  head: string;
  /** The approver's and the head's display names (as lists and records show who acted). */
  approverName: string;
  headName: string;
}

export interface MaterialOptions {
  name: string;
  /** Default true. */
  required?: boolean;
  /** May be owed under 容缺受理; default false. */
  deferrable?: boolean;
}

export interface ItemOptions {
  /** Default: a department of its own. */
  department?: Department;
  name?: string;
  /** Its place in the category tree; default none. */
  categoryId?: string;
  itemType?: 'immediate' | 'promised' | 'joint' | 'reported';
  /** Default 20 and 10 working days. */
  legalDays?: number;
  promisedDays?: number;
  limitUnit?: 'workday' | 'day' | 'hour';
  /** Default: 申请书 and 营业执照, both required. */
  materials?: MaterialOptions[];
  /** 容缺受理 allowed; default false. */
  allowsDeficientAcceptance?: boolean;
  /**
   * The bound process: a number of steps in a line, each the department's
   * (`step1` 第1步 … `stepN`), or the steps themselves (workflow's builder,
   * given the department's code); 0 binds none. Default 1.
   */
  steps?: number | ((departmentCode: string) => Step[]);
  /** Per-step limit in working days, when `steps` is a number. */
  stepLimitDays?: number;
  /** Form fields (the legacy field list); default one required text field `purpose`. */
  formFields?: { key: string; label: string; type: 'text' | 'textarea' | 'number' | 'date' | 'phone'; required: boolean }[];
  /** A designed form (shared/forms), which the applicant fills in instead of the field list; default none. */
  form?: FormSpec;
}

export interface Item {
  id: string;
  code: string;
  name: string;
  versionId: string;
  department: Department;
  processKey: string | null;
  /** Node ids of the process's steps in order (a line process). */
  stepIds: string[];
  materials: { id: string; name: string; required: boolean }[];
}

/** A joint item (并联审批) and the departments that review it side by side. */
export interface JointItem extends Item {
  reviewers: Department[];
}

/** A countersigned item (会签) and the second department that signs. */
export interface CountersignItem extends Item {
  cosigner: Department;
}

export interface MadeCase {
  id: string;
  caseNo: string;
  queryCode: string;
  status: string;
  /** The open step's task, once accepted and still in approval. */
  taskId?: string;
}

/** Where `caseIn` leaves a case. */
export type CaseState =
  | 'submitted'
  | 'supplement_requested'
  | 'refused'
  /** Accepted: the first step is open. */
  | 'accepted'
  /** Accepted and at the n-th step of a line process (1-based). */
  | { step: number }
  /** Accepted, the clock paused (检测) by the department's approver. */
  | 'paused'
  | 'approved'
  | 'denied';

let counter = 0;
/** The demo clerk's window (demo data: 李窗口 at 1 号综合受理窗口). */
const CLERK_WINDOW = 'W01';
let windowSaves: Promise<void> = Promise.resolve();
/** Upper-case letters for a number: department codes (the case number carries them) stay letters. */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(65 + (n % 26));


/** The app the factories work on: a test file's TestApp, an app a test built itself, or a running server. */
type Target = Pick<TestApp, 'app'>;

export function factories(t: () => Target) {
  const as = actors(() => t().app);
  const ok = async (res: Reply, what: string) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  /**
   * A department of the center with an approver and an agency head (signed in
   * with the demo password), made by the administrator through the
   * organisation's routes; each has a mobile of their own, so notifications
   * reach them as they reach the center's staff.
   */
  async function department(name?: string): Promise<Department> {
    const code = `T${letters(counter++)}`;
    const org = await ok(await as('admin').get('/api/admin/org'), 'organisation');
    const centers = org.centers as { id: string; parentId: string | null }[];
    const centerId = (centers.find((c) => c.parentId === null) ?? centers[0]!).id;
    const deptName = name ?? `测试部门${code}`;
    const made = await ok(await as('admin').post('/api/admin/org/departments', { centerId, code, name: deptName, parentId: null, sortOrder: 100, enabled: true }), `department ${code}`);
    const staff = { approver: `${code.toLowerCase()}_approver`, head: `${code.toLowerCase()}_head`, approverName: `审批人（${code}）`, headName: `负责人（${code}）` };
    const n = String(counter).padStart(3, '0');
    const account = (username: string, displayName: string, role: 'approver' | 'agency_head', phone: string) =>
      as('admin').post('/api/admin/staff', { username, initialPassword: DEMO_PASSWORD, displayName, role, centerId, departmentId: made.id, windowId: null, phone });
    await ok(await account(staff.approver, staff.approverName, 'approver', `1390572${n}1`), `approver of ${code}`);
    await ok(await account(staff.head, staff.headName, 'agency_head', `1390572${n}2`), `head of ${code}`);
    const dept: Department = { id: made.id, code, name: deptName, ...staff };
    return dept;
  }

  /** Deploys and publishes a process; returns its key. */
  async function process(key: string, name: string, steps: Step[]): Promise<string> {
    const { xml } = bpmnProcess({ key, name, steps });
    await ok(await as('admin').post('/api/workflow/definitions', { xml, publish: true }), `deploy ${key}`);
    return key;
  }

  /**
   * Adds the item to the items the demo clerk's window takes in (the clerk
   * sits at W01), as the organisation's administrator would: intake refuses
   * an item the clerk's window does not list. Window saves replace the whole
   * list, so they go one at a time.
   */
  function serveAtClerkWindow(itemId: string): Promise<void> {
    const next = windowSaves.then(async () => {
      const org = await ok(await as('admin').get('/api/admin/org'), 'organisation');
      const { id, ...w } = (org.windows as { id: string; code: string; itemIds: string[] }[]).find((x) => x.code === CLERK_WINDOW)!;
      await ok(await as('admin').put(`/api/admin/org/windows/${id}`, { ...w, itemIds: [...w.itemIds, itemId] }), `window ${CLERK_WINDOW} takes in ${itemId}`);
    });
    windowSaves = next.catch(() => {});
    return next;
  }

  /** An item created and published through the catalogue, bound to a published process of its own, taken in at the demo clerk's window. */
  async function item(opts: ItemOptions = {}): Promise<Item> {
    const dept = opts.department ?? await department();
    const n = counter++;
    const code = `${dept.code}-XK-${String(n).padStart(3, '0')}`;
    const name = opts.name ?? `测试事项${code}`;
    const steps = typeof opts.steps === 'function' ? opts.steps(dept.code)
      : Array.from({ length: opts.steps ?? 1 }, (_, i) => task(`step${i + 1}`, `第${i + 1}步`, dept.code, opts.stepLimitDays));
    const processKey = steps.length ? await process(`test-${code.toLowerCase()}`, `${name}流程`, steps) : null;
    const materials = opts.materials ?? [{ name: '申请书' }, { name: '营业执照' }];
    const content = {
      code, name, departmentId: dept.id, categoryId: opts.categoryId ?? null, itemType: opts.itemType ?? 'promised',
      legalBasis: '《中华人民共和国行政许可法》', legalDays: opts.legalDays ?? 20, promisedDays: opts.promisedDays ?? 10,
      limitUnit: opts.limitUnit ?? 'workday', description: '', conditions: '',
      codeParts: { typeCode: null, mainCode: null, subCode: null, implementerCode: null, handlingSeq: null },
      fee: { free: true, items: [] }, location: '行政服务中心', hours: '工作日 9:00-17:00', contactPhone: '0571-00000000', complaintPhone: '12345',
      allowsDeficientAcceptance: opts.allowsDeficientAcceptance ?? false,
      formFields: opts.formFields ?? [{ key: 'purpose', label: '申请事项', type: 'text', required: true }],
      formSpec: opts.form ?? null, processKey,
      materials: materials.map((m) => ({
        name: m.name, originalOrCopy: 'copy', copies: 1, requirement: 'required', condition: '', medium: 'electronic',
        sampleUploadId: null, elicenceType: null, deferrable: m.deferrable ?? false,
      })),
    };
    const created = await ok(await as('admin').post('/api/admin/catalog/items', { content }), `create item ${code}`);
    await ok(await as('admin').post(`/api/admin/catalog/items/${created.itemId}/publish`), `publish item ${code}`);
    // The catalogue stores every material as required or conditional; the factory's optional ones are conditional.
    if (materials.some((m) => m.required === false)) {
      const draft = await ok(await as('admin').post(`/api/admin/catalog/items/${created.itemId}/draft`), 'draft');
      const v = await ok(await as('admin').get(`/api/admin/catalog/versions/${draft.versionId}`), 'version');
      const c = v.content as { materials: { requirement: string; condition: string }[] };
      materials.forEach((m, i) => { if (m.required === false) Object.assign(c.materials[i]!, { requirement: 'conditional', condition: '按需提交' }); });
      await ok(await as('admin').put(`/api/admin/catalog/items/${created.itemId}/draft`, { content: c }), 'save draft');
      await ok(await as('admin').post(`/api/admin/catalog/items/${created.itemId}/publish`), 'publish');
    }
    await serveAtClerkWindow(created.itemId);
    const view = await ok(await as().get(`/api/items/${created.itemId}`), `item ${code}`);
    return {
      id: created.itemId, code, name, versionId: view.versionId, department: dept, processKey,
      stepIds: steps.flatMap((s) => (s.kind === 'task' ? [s.id] : [])),
      materials: (view.materials as { id: string; name: string; required: boolean }[]).map((m) => ({ id: m.id, name: m.name, required: m.required })),
    };
  }

  /** A complete application for the item (every required field and material, uploaded as `who`), with this idempotency key or a fresh one. */
  async function application(it: Item, who = 'citizen', key?: string) {
    // The uploads carry the cookie itself: a request through the client first signs in again a session the test clock outlived.
    await as(who).get('/api/auth/me');
    return applicationFor(t().app, await as(who).cookie(), it.code, key);
  }

  /**
   * 并联审批: the item's department pre-reviews (`lead` 牵头预审), each reviewer's
   * department reviews at the same time between a parallel split and join
   * (`review1` … named after the department), and the lead decides (`decide` 联审决定).
   */
  async function jointItem(reviewers = 3, opts: Omit<ItemOptions, 'steps'> = {}): Promise<JointItem> {
    const depts: Department[] = [];
    for (let i = 0; i < reviewers; i++) depts.push(await department());
    const it = await item({
      itemType: 'joint', legalDays: 45, promisedDays: 30, ...opts,
      steps: (lead) => [
        task('lead', '牵头预审', lead, 2),
        parallel({ id: 'split', name: '抄告相关部门' }, { id: 'join', name: '汇总意见' }, ...depts.map((d, i) => [task(`review${i + 1}`, `${d.name}审查`, d.code, 10)])),
        task('decide', '联审决定', lead, 5),
      ],
    });
    return { ...it, reviewers: depts };
  }

  /** 会签: the item's department reviews (`first` 初审), it and a second department both sign (`countersign` 部门会签), then it decides (`decide` 审批决定). */
  async function countersignItem(opts: Omit<ItemOptions, 'steps'> = {}): Promise<CountersignItem> {
    const cosigner = await department();
    const it = await item({
      ...opts,
      steps: (d) => [task('first', '初审', d, 5), countersign('countersign', '部门会签', [d, cosigner.code], 5), task('decide', '审批决定', d, 5)],
    });
    return { ...it, cosigner };
  }

  /** Submits a complete application on the portal as `who` (default the demo citizen). */
  async function submit(it: Item, who = 'citizen'): Promise<MadeCase> {
    return ok(await as(who).post('/api/cases', await application(it, who)), `submit ${it.code}`);
  }

  /** The open task of a case in the to-do list of `who`, if any. */
  async function openTask(caseId: string, who: string): Promise<{ id: string; caseId: string; name: string } | undefined> {
    const todo = await ok(await as(who).get('/api/tasks'), 'to-do list');
    return (todo.items as { id: string; caseId: string; name: string }[]).find((i) => i.caseId === caseId);
  }

  /** Completes the case's open step of the item's department with this outcome; returns the task completed. */
  async function complete(it: Item, caseId: string, outcome: 'approved' | 'denied' = 'approved', opinion = '同意'): Promise<string> {
    const open = await openTask(caseId, it.department.approver);
    if (!open) throw new Error(`case ${caseId} has no open step for ${it.department.approver}`);
    await ok(await as(it.department.approver).post(`/api/tasks/${open.id}/complete`, { outcome, opinion }), `complete ${open.name}`);
    return open.id;
  }

  /** A case of the item, moved through the real commands to the state asked for. */
  async function caseIn(it: Item, state: CaseState, who = 'citizen'): Promise<MadeCase> {
    const c = await submit(it, who);
    if (state === 'submitted') return c;
    if (state === 'refused') return { ...c, ...pick(await ok(await as('clerk').post(`/api/cases/${c.id}/refuse`, { reason: '不属于本中心受理范围' }), 'refuse')) };
    if (state === 'supplement_requested') {
      const body = { items: [{ materialId: it.materials[0]!.id, problem: 'irregular', note: '页面不清晰' }], note: '' };
      return { ...c, ...pick(await ok(await as('clerk').post(`/api/cases/${c.id}/supplement-notice`, body), 'supplement notice')) };
    }
    await ok(await as('clerk').post(`/api/cases/${c.id}/accept`), 'accept');
    const target = typeof state === 'object' ? state.step : state === 'approved' || state === 'denied' ? it.stepIds.length : 1;
    for (let step = 1; step < target; step++) await complete(it, c.id);
    if (state === 'approved' || state === 'denied') {
      await complete(it, c.id, state, state === 'approved' ? '材料齐全，准予许可' : '不符合条件，不予许可');
      const view = await ok(await as(who).get(`/api/cases/${c.id}`), 'case');
      if (view.status !== state) throw new Error(`case ${c.caseNo} ended ${view.status}, not ${state}: is the item's last step its decision?`);
      return { ...c, status: state };
    }
    if (state === 'paused') {
      await ok(await as(it.department.approver).post(`/api/cases/${c.id}/pauses`, { type: 'testing', reason: '送检', expectedLastDay: '2026-12-31' }), 'pause');
    }
    return { ...c, status: 'accepted', taskId: (await openTask(c.id, it.department.approver))?.id };
  }

  return { as, department, item, jointItem, countersignItem, process, application, submit, caseIn, complete, openTask, uploadPdf: async (who: string, name?: string) => uploadPdf(t().app, await as(who).cookie(), name) };
}

const pick = (view: { status: string }) => ({ status: view.status });

import { randomUUID } from 'node:crypto';
import type { TestApp } from '../app.ts';
import { applicationFor, login, multipartFile, PDF_BYTES, submitCase, uploadPdf } from '../app.ts';
import { creditCodeCheckChar } from '../../../shared/identity.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import { enqueueNotification } from '../../src/modules/notify/index.ts';
import { trackCards } from '../../src/modules/supervision/index.ts';
import { addCase, addEvent, addSource, addStep } from '../../src/modules/supervision/testing.ts';
import { ACCOUNTS, OTHER_APPLICANT, PRINCIPALS, type Principal } from './principals.ts';

/**
 * The objects the authorization matrix calls routes on, made through the
 * real HTTP commands on the demo center (its catalogue and accounts): a
 * case bundle (an accepted 市场监管 case with its open step, a copy and
 * documents, and a second case of another department whose countersign the step holder was added to),
 * rebuilt for every route that changes a case, and everything else once.
 */

export interface CaseBundle {
  caseId: string;
  caseNo: string;
  queryCode: string;
  /** The open 市场监管 review step of the case (candidates: the department). */
  taskId: string;
  uploadId: string;
  documentId: string;
  /** The copy of the case sent to `copyRecipient`. */
  copyId: string;
  /** The case of another department and the countersign step `stepHolder` was added to (加签). */
  stepCaseId: string;
  stepTaskId: string;
}

export interface World {
  cookie: Record<Principal, string | undefined>;
  userId: Record<Exclude<Principal, 'anonymous'>, string>;
  /** The applicant's item (市场监管) and one of its materials. */
  itemId: string;
  materialId: string;
  /** An item whose material has a sample file (样表). */
  sampleItemId: string;
  sampleMaterialId: string;
  /** Catalogue: an item without a draft, items with a draft each (to edit, to delete, to publish), a version and a category of their own. */
  catalog: { plainItemId: string; editItemId: string; editVersionId: string; publishedVersionId: string; dropItemId: string; publishItemId: string; content: unknown; categoryId: string; dropCategoryId: string };
  /** The form designer's item (not the applicant's) with its form and revision. */
  form: { itemId: string; form: unknown; revision: number };
  workflow: { definitionId: string; dropDraftId: string; publishDraftId: string; xml: string };
  portal: { articleId: string; editArticleId: string; editArticleVersion: number; dropArticleId: string; dropDraftId: string; submitDraftId: string; draftItemId: string; messageId: string; ticketNo: string; ticketCode: string };
  calendar: { region: string };
  /** An enterprise profile the window knows (a walk-in case was made for it). */
  enterpriseCode: string;
  /** Supervision cards about the approver's overdue step: one to move, one carried to 处理 (advice and evidence), the rules to save again. */
  cards: { moveId: string; decidedId: string; evidenceId: string; rules: Record<string, unknown> };
  /** A queued SMS and a notification template with its text. */
  outboxId: string;
  template: { kind: string; text: { titleZh: string; bodyZh: string; titleEn: string; bodyEn: string }; version: number };
  /** Organisation: a township station under the demo center, with a department, a window and a clerk of its own (all editable). */
  org: { parentId: string; stationId: string; departmentId: string; windowId: string; staffId: string; itemId: string };
  /** A fresh number on each call (unique codes, keys and names). */
  next(): number;
}

/** Letters only (department codes are 2–8 capitals): a different code for each n. */
export function letterCode(n: number): string {
  let s = '';
  for (let x = n; x > 0 || s === ''; x = Math.floor(x / 26)) s = String.fromCharCode(65 + (x % 26)) + s;
  return `AZ${s}`;
}

/** The station's objects as the admin's routes take them (the matrix saves them unchanged). */
export const orgBodies = (o: World['org']) => ({
  station: { code: 'AZ-STATION', name: '矩阵镇便民服务中心', level: 'township', parentId: o.parentId, phone: null, address: null, sortOrder: 1 },
  department: { centerId: o.stationId, code: 'AZSTN', name: '矩阵镇社会事务办', parentId: null, sortOrder: 1, enabled: true },
  window: { centerId: o.stationId, code: 'AZ-W1', name: '矩阵镇综合窗口', departmentId: null, hallPosition: '一楼', phone: null, itemIds: [o.itemId], enabled: true },
  staff: { displayName: '矩阵窗口', role: 'clerk', centerId: o.stationId, departmentId: null, windowId: o.windowId, phone: null },
});

/** A new clerk of the station (for the routes that deactivate and reactivate one). */
export const newStationClerk = (o: World['org'], n: number) => ({
  ...orgBodies(o).staff, username: `authz_staff_${n}`, initialPassword: 'Station-clerk-2026!',
});

type Inject = TestApp['app']['inject'];

async function call(app: TestApp['app'], method: string, url: string, cookie: string | undefined, payload?: unknown) {
  const res = await (app.inject as Inject)({ method: method as 'GET', url, headers: cookie ? { cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

let counter = 0;
const next = () => ++counter;

/** A valid unified social credit code, different each call. */
function creditCode(): string {
  const body = `91330106MA28XL${String(next()).padStart(3, '0')}`;
  return body + creditCodeCheckChar(body);
}

export async function buildWorld(t: TestApp): Promise<World> {
  const { app, ctx } = t;
  const reg = await app.inject({ method: 'POST', url: '/api/auth/register', payload: OTHER_APPLICANT });
  if (reg.statusCode >= 300) throw new Error(`register: ${reg.body}`);
  const cookie = { anonymous: undefined } as Record<Principal, string | undefined>;
  cookie.otherApplicant = `tb_session=${reg.cookies.find((c) => c.name === 'tb_session')!.value}`;
  for (const [p, username] of Object.entries(ACCOUNTS)) cookie[p as Principal] = await login(app, username);
  const users = await ctx.db.query<{ id: string; username: string }>('SELECT id, username FROM users');
  const idOf = (username: string) => users.rows.find((u) => u.username === username)!.id;
  const userId = Object.fromEntries(PRINCIPALS.filter((p) => p !== 'anonymous').map((p) => [p, idOf(p === 'otherApplicant' ? OTHER_APPLICANT.username : ACCOUNTS[p])])) as World['userId'];
  const admin = cookie.admin;
  const items = (await call(app, 'GET', '/api/items', undefined)) as { id: string; code: string }[];
  const itemOf = (code: string) => items.find((i) => i.code === code)!.id;
  const itemId = itemOf('SCJG-XK-001');
  const item = await call(app, 'GET', `/api/items/${itemId}`, undefined);

  // Catalogue: drafts to edit, delete and publish, on items no case here uses.
  const [plainItemId, editItemId, dropItemId, publishItemId, sampleItemId, formItemId] = items.filter((i) => !i.code.startsWith('SCJG') && !i.code.startsWith('FGJ')).slice(0, 6).map((i) => i.id) as [string, string, string, string, string, string];
  const draftOf = async (id: string) => (await call(app, 'POST', `/api/admin/catalog/items/${id}/draft`, admin)).versionId as string;
  const editVersionId = await draftOf(editItemId);
  await draftOf(dropItemId);
  await draftOf(publishItemId);
  const versions = (await call(app, 'GET', `/api/admin/catalog/items/${editItemId}/versions`, admin)) as { id: string; status: string }[];
  const publishedVersionId = versions.find((v) => v.status === 'published')!.id;
  const content = (await call(app, 'GET', `/api/admin/catalog/versions/${editVersionId}`, admin)).content;
  const categoryId = (await call(app, 'POST', '/api/admin/catalog/categories', admin, { code: 'AUTHZ-A', name: '矩阵分类甲', parentId: null, sortOrder: 90 })).id as string;
  const dropCategoryId = (await call(app, 'POST', '/api/admin/catalog/categories', admin, { code: 'AUTHZ-B', name: '矩阵分类乙', parentId: null, sortOrder: 91 })).id as string;

  // A sample file (样表) on a material of another item, published.
  const sampleVersion = await draftOf(sampleItemId);
  const sampleContent = (await call(app, 'GET', `/api/admin/catalog/versions/${sampleVersion}`, admin)).content as { materials: { id: string; sampleUploadId: string | null }[] };
  const sampleUpload = await uploadPdf(app, admin!, '样表.pdf');
  sampleContent.materials[0]!.sampleUploadId = sampleUpload;
  await call(app, 'PUT', `/api/admin/catalog/items/${sampleItemId}/draft`, admin, { content: sampleContent });
  await call(app, 'POST', `/api/admin/catalog/items/${sampleItemId}/publish`, admin);

  const formView = await call(app, 'GET', `/api/admin/forms/${formItemId}`, admin);

  // Workflow: a published definition and two drafts of a key of their own.
  const def = (await ctx.db.query<{ id: string; key: string; bpmn_xml: string }>(`SELECT id, key, bpmn_xml FROM wf_definitions WHERE status = 'published' ORDER BY key LIMIT 1`)).rows[0]!;
  const draftXml = (key: string) => def.bpmn_xml.replaceAll(`"${def.key}"`, `"${key}"`);
  const dropDraftId = (await call(app, 'POST', '/api/workflow/definitions', admin, { xml: draftXml('authz_drop') })).id as string;
  const publishDraftId = (await call(app, 'POST', '/api/workflow/definitions', admin, { xml: draftXml('authz_publish') })).id as string;

  // Portal: articles, drafts, a consultation.
  const article = (body: string) => call(app, 'POST', '/api/portal/admin/articles', admin, { category: 'news', title: body, body, publishedAt: '2026-09-01T00:00:00Z' });
  const articleId = (await article('矩阵公开新闻')).id as string;
  const edit = await article('矩阵待改新闻');
  const dropArticleId = (await article('矩阵待删新闻')).id as string;
  const citizen = cookie.applicant;
  const draftItemIds = items.filter((i) => i.code.startsWith('SCJG') && i.id !== itemId).slice(0, 2).map((i) => i.id);
  const dropDraftIdP = (await call(app, 'PUT', '/api/portal/drafts', citizen, { itemId: draftItemIds[0], formData: {}, materials: [] })).id as string;
  const submitDraftId = (await call(app, 'PUT', '/api/portal/drafts', citizen, { itemId: draftItemIds[1], formData: {}, materials: [] })).id as string;
  const message = await call(app, 'POST', '/api/portal/messages', citizen, { kind: 'consultation', itemId, subject: '营业执照', body: '需要哪些材料？' });

  // Window intake: an enterprise the window has served.
  const enterpriseCode = creditCode();
  const walkIn = await applicationFor(app, cookie.clerk!, 'SCJG-XK-001');
  await call(app, 'POST', '/api/intake/cases', cookie.clerk, {
    ...walkIn, applicant: { kind: 'enterprise', idNumber: enterpriseCode, name: '矩阵科技有限公司', legalRepresentative: '钱矩阵' },
  });

  const settings = await call(app, 'GET', '/api/calendar/settings', admin);

  // Organisation: a township station under the demo (county) center taking in one of its items (代收代办).
  const tree = await call(app, 'GET', '/api/admin/org', admin);
  const draft = { parentId: tree.centers[0].id as string, stationId: '', departmentId: '', windowId: '', staffId: '', itemId };
  draft.stationId = (await call(app, 'POST', '/api/admin/org/centers', admin, orgBodies(draft).station)).id;
  draft.departmentId = (await call(app, 'POST', '/api/admin/org/departments', admin, orgBodies(draft).department)).id;
  draft.windowId = (await call(app, 'POST', '/api/admin/org/windows', admin, orgBodies(draft).window)).id;
  draft.staffId = (await call(app, 'POST', '/api/admin/staff', admin, newStationClerk(draft, 0))).id;

  await withTx(ctx.db, (tx) => enqueueNotification(tx, {
    kind: 'case.received', key: 'authz-matrix', recipients: [{ phone: '13800138000' }], vars: { caseNo: 'AUTHZ', itemName: '矩阵' }, now: t.clock.now(),
  }));
  const outbox = await ctx.db.query<{ id: string }>('SELECT id FROM notify_outbox LIMIT 1');
  const cards = await supervisionCards(t, cookie.supervisor!, userId.deptApprover);
  const templates = (await call(app, 'GET', '/api/admin/notify/templates', admin)).items as { kind: string; titleZh: string; bodyZh: string; titleEn: string; bodyEn: string; version: number }[];
  const first = templates[0]!;
  return {
    cookie, userId, itemId, materialId: item.materials[0].id,
    sampleItemId, sampleMaterialId: sampleContent.materials[0]!.id,
    catalog: { plainItemId, editItemId, editVersionId, publishedVersionId, dropItemId, publishItemId, content, categoryId, dropCategoryId },
    form: { itemId: formItemId, form: formView.form, revision: formView.revision },
    workflow: { definitionId: def.id, dropDraftId, publishDraftId, xml: draftXml('authz_new') },
    portal: {
      articleId, editArticleId: edit.id, editArticleVersion: edit.version, dropArticleId, dropDraftId: dropDraftIdP, submitDraftId,
      draftItemId: draftItemIds[0]!, messageId: message.id, ticketNo: message.ticketNo, ticketCode: message.queryCode,
    },
    calendar: { region: settings.region },
    org: draft,
    enterpriseCode,
    outboxId: outbox.rows[0]!.id,
    cards,
    template: { kind: first.kind, text: { titleZh: first.titleZh, bodyZh: first.bodyZh, titleEn: first.titleEn, bodyEn: first.bodyEn }, version: first.version },
    next,
  };
}

/**
 * Cards as the supervision platform raises them: a case and an overdue step
 * of the approver as its ingest projects them (its fixtures), the tracker run
 * once; the red card is taken through 受理, 立案, 调查 with evidence and 处理.
 */
async function supervisionCards(t: TestApp, supervisor: string, approverId: string): Promise<World['cards']> {
  const { moveId, decidedId } = await raiseCards(t, supervisor, approverId);
  const move = (body: object) => call(t.app, 'POST', `/api/supervision/cards/${decidedId}/moves`, supervisor, body);
  await move({ move: 'accept' });
  await move({ move: 'file', reason: '超期未说明理由' });
  const investigated = await move({ move: 'investigate', note: '调阅办理记录', evidence: [{ name: '谈话记录.pdf', content: PDF_BYTES.toString('base64') }] });
  await move({ move: 'decide', outcome: 'rectification', opinion: '限期整改', rectifyBy: '2026-10-16' });
  const { current } = await call(t.app, 'GET', '/api/supervision/rules', supervisor);
  const { version, note: _n, createdAt: _c, createdBy: _b, ...rules } = current;
  return { moveId, decidedId, evidenceId: investigated.notes[0].files[0].id, rules: { ...rules, baseVersion: version } };
}

/** New cards (warning, yellow, red) about another overdue step of the approver; the red one and another. */
export async function raiseCards(t: TestApp, supervisor: string, approverId: string): Promise<{ moveId: string; decidedId: string }> {
  const { db } = t.ctx;
  const now = t.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const caseId = randomUUID();
  const caseNo = `AUTHZ-${next()}`;
  const dept = (await db.query<{ department_id: string }>('SELECT department_id FROM users WHERE id = $1', [approverId])).rows[0]!.department_id;
  await addSource(db, 'center', now);
  const seq = await addEvent(db, 'center', 'case.accepted', caseId, ago(10));
  await addCase(db, 'center', { caseId, caseNo, departmentId: dept, departmentName: '市场监督管理局', acceptedAt: ago(10), dueAt: ago(-20), seq });
  const s2 = await addEvent(db, 'center', 'task.created', caseId, ago(10));
  await addStep(db, 'center', {
    stepId: randomUUID(), caseId, caseNo, name: '审查', stage: 'review', departmentId: dept, assigneeId: approverId, startedAt: ago(10), dueAt: ago(2), seq: s2,
  });
  await trackCards(t.ctx);
  const list = (await call(t.app, 'GET', `/api/supervision/cards?caseNo=${caseNo}`, supervisor)).items as { id: string; level: string }[];
  const decidedId = list.find((c) => c.level === 'red')!.id;
  return { decidedId, moveId: list.find((c) => c.id !== decidedId)!.id };
}

/**
 * An accepted case of the applicant (药品零售企业经营许可: 审查 → 决定, both
 * 市场监管) with its open review step and a copy to the copy recipient, and a
 * second case with a step given to the step holder in person (加签).
 */
export async function buildCase(t: TestApp, w: World): Promise<CaseBundle> {
  return { ...(await buildMainCase(t, w)), ...(await buildStepCase(t, w)) };
}

async function acceptedCase(t: TestApp, w: World, itemCode: string) {
  const made = await submitCase(t.app, w.cookie.applicant!, itemCode);
  await call(t.app, 'POST', `/api/cases/${made.id}/accept`, w.cookie.clerk, {});
  const task = await t.ctx.db.query<{ id: string }>(
    `SELECT t.id FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id WHERE i.case_id = $1 AND t.status = 'open'`, [made.id],
  );
  return { ...made, taskId: task.rows[0]!.id };
}

/** The applicant's case of the bundle, with its copy, upload and acceptance notice. */
export async function buildMainCase(t: TestApp, w: World): Promise<Omit<CaseBundle, 'stepCaseId' | 'stepTaskId'>> {
  const main = await acceptedCase(t, w, 'SCJG-XK-002');
  await call(t.app, 'POST', `/api/cases/${main.id}/copies`, w.cookie.deptApprover, { users: [w.userId.copyRecipient], taskId: main.taskId });
  const one = async (sql: string) => (await t.ctx.db.query<{ id: string }>(sql, [main.id])).rows[0]!.id;
  return {
    caseId: main.id, caseNo: main.caseNo, queryCode: main.queryCode, taskId: main.taskId,
    uploadId: await one('SELECT id FROM uploads WHERE case_id = $1 LIMIT 1'),
    documentId: await one('SELECT id FROM documents WHERE case_id = $1 LIMIT 1'),
    copyId: await one('SELECT c.id FROM wf_copies c JOIN wf_instances i ON i.id = c.instance_id WHERE i.case_id = $1'),
  };
}

/**
 * The step holder's case: a 建设工程竣工联合验收 (住建 leads, then 住建 and
 * 自然资源 countersign) to whose countersign 自然资源's approver added the
 * step holder in person (加签): a step of another department's case they
 * decide themselves. (A step can be transferred or handed over only within its
 * department, so 加签 is how a person of another department comes to hold one.)
 */
export async function buildStepCase(t: TestApp, w: World): Promise<Pick<CaseBundle, 'stepCaseId' | 'stepTaskId'>> {
  // The 住建 and 自然资源 approvers bring it there, each signed in afresh (a row may have ended the 住建 one's sessions).
  const step = await acceptedCase(t, w, 'ZJJ-LB-001');
  await call(t.app, 'POST', `/api/tasks/${step.taskId}/complete`, await login(t.app, 'approver_zjj'), { outcome: 'approved', opinion: '受理审查通过' });
  const sign = await t.ctx.db.query<{ id: string }>(
    `SELECT t.id FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id JOIN departments d ON d.code = ANY(t.candidate_values)
      WHERE i.case_id = $1 AND t.status = 'open' AND d.code = 'ZRZY'`, [step.id],
  );
  await call(t.app, 'POST', `/api/tasks/${sign.rows[0]!.id}/signers`, await login(t.app, 'approver_zrzy'), { users: [w.userId.stepHolder] });
  const held = await t.ctx.db.query<{ id: string }>(
    `SELECT t.id FROM wf_tasks t JOIN wf_instances i ON i.id = t.instance_id
      WHERE i.case_id = $1 AND t.status = 'open' AND (t.assignee = $2 OR $2 = ANY(t.candidate_values))`, [step.id, w.userId.stepHolder],
  );
  return { stepCaseId: step.id, stepTaskId: held.rows[0]!.id };
}

/** Another session of a principal; its id. */
export function signInAs(t: TestApp, w: World) {
  return async (p: Principal): Promise<string> => {
    if (p === 'anonymous') throw new Error('anonymous has no session');
    const username = p === 'otherApplicant' ? OTHER_APPLICANT.username : ACCOUNTS[p];
    await login(t.app, username, p === 'otherApplicant' ? OTHER_APPLICANT.password : undefined);
    const { rows } = await t.ctx.db.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [w.userId[p]]);
    return rows[0]!.id;
  };
}

/** Does what a row's `prepare` asks as one principal; throws when refused. */
export function actAs(t: TestApp, w: World) {
  return (p: Principal, method: 'GET' | 'POST' | 'PUT', url: string, body: unknown = {}) => call(t.app, method, url, w.cookie[p], method === 'GET' ? undefined : body);
}

/** A multipart upload body (a small PDF), as a browser sends it. */
export const pdfUpload = () => multipartFile('矩阵材料.pdf', PDF_BYTES);
/** A catalogue file to import that is not one (the import refuses it after the role check). */
export const catalogueUpload = () => multipartFile('catalogue.json', Buffer.from('{"format":"not-a-catalogue"}'));
/** Not a workbook: the organisation's import reads it and refuses it (400), after the gate let the caller in. */
export const orgUpload = () => multipartFile('organisation.xlsx', Buffer.from('not a workbook'));

import { z } from 'zod';

/**
 * The event contract: every event type the approval side publishes, with a
 * versioned schema of its payload (type@version). The same schemas check an
 * event when it is written (appendEvent, outside production) and when the
 * supervision platform receives it (POST /api/supervision/ingest), and
 * docs/events.md is generated from them (`npm run contracts`), one example
 * each. A payload may carry more fields than its schema lists (readers skip
 * what they do not know); a change of meaning or a removed field is a new
 * version, and the old version stays here so older events still read.
 */

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'ISO 8601 instant');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.uuid();
const obj = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

/** The five stages of supervision (受理、承办、审核、批准、办结), as a process step names them (tongban:stage). */
export const STAGES = ['accept', 'handle', 'review', 'approve', 'conclude'] as const;
export type Stage = (typeof STAGES)[number];

export interface EventContract {
  type: string;
  version: number;
  /** One line: what happened, zh first. */
  zh: string;
  en: string;
  payload: z.ZodType;
  /** A payload that passes `payload`: shown in docs/events.md and checked by the contract test. */
  example: Record<string, unknown>;
  /** Fields the event store itself adds on insert (names looked up in the same statement), not the writer. */
  enrichedOnInsert?: readonly string[];
}

const caseSubmittedV1 = obj({
  itemId: id, itemCode: z.string(), itemName: z.string(), promisedDays: z.number().nullable(), legalDays: z.number().nullable(),
  channel: z.enum(['online', 'window']), noticeDue: iso,
  windowId: id.nullable().optional(), applicantProfileId: id.nullable().optional(),
});

const taskRef = { instanceId: id, businessKey: z.string().nullable(), taskId: id, nodeId: z.string() };
const instanceRef = { instanceId: id, businessKey: z.string().nullable() };
const taskRefExample = { instanceId: '4b1f0a52-3c1e-4a63-9a57-2f4f1c7e8d10', businessKey: '20260924-SCJG-0007', taskId: '9d0c8a1e-6f2b-4c55-8e0a-1b2c3d4e5f60', nodeId: 'review' };
const instanceExample = { instanceId: '4b1f0a52-3c1e-4a63-9a57-2f4f1c7e8d10', businessKey: '20260924-SCJG-0007' };
const ITEM = '3f6b2c1d-8e7a-4b90-a1c2-d3e4f5a6b7c8';
const DEPT = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const USER = '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b';
const CENTER = '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d';

const taskCreatedV1 = obj({
  ...taskRef, name: z.string().nullable(), assignee: z.string().nullable(),
  candidateKind: z.enum(['department', 'role', 'user']).nullable(), candidates: z.array(z.string()), dueAt: iso.nullable(),
});

export const EVENT_CONTRACTS: readonly EventContract[] = [
  // ── cases ──────────────────────────────────────────────────────────────
  {
    type: 'case.submitted', version: 1, zh: '提交申请（网上或窗口）', en: 'Application submitted (online or at a window)',
    payload: caseSubmittedV1,
    example: { itemId: ITEM, itemCode: 'SCJG-XK-001', itemName: '食品经营许可', promisedDays: 10, legalDays: 20, channel: 'online', noticeDue: '2026-09-29T09:00:00.000Z' },
  },
  {
    type: 'case.submitted', version: 2, zh: '提交申请：另含部门名称与申请人类型', en: 'Application submitted, with department name and applicant type',
    payload: caseSubmittedV1.extend({ departmentName: z.string().nullable().optional(), applicantType: z.enum(['person', 'enterprise']).nullable().optional() }),
    example: {
      itemId: ITEM, itemCode: 'SCJG-XK-001', itemName: '食品经营许可', promisedDays: 10, legalDays: 20, channel: 'window',
      noticeDue: '2026-09-29T09:00:00.000Z', windowId: 'c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e9f', applicantProfileId: 'd5e6f7a8-1b2c-4d3e-8f4a-5b6c7d8e9f0a',
      departmentName: '市场监督管理局', applicantType: 'enterprise',
    },
    enrichedOnInsert: ['departmentName', 'applicantType'],
  },
  {
    type: 'case.accepted', version: 1, zh: '受理（开始计时）', en: 'Accepted (the clock starts)',
    payload: obj({ acceptedAt: iso, due: iso.nullable(), atWindow: z.boolean().optional(), owed: z.array(z.unknown()).optional() }),
    example: { acceptedAt: '2026-09-24T02:00:00.000Z', due: '2026-10-15T09:00:00.000Z' },
  },
  {
    type: 'case.accepted', version: 2, zh: '受理：另含受理人姓名', en: 'Accepted, with the name of who accepted',
    payload: obj({ acceptedAt: iso, due: iso.nullable(), atWindow: z.boolean().optional(), actorName: z.string().nullable().optional() }),
    example: { acceptedAt: '2026-09-24T02:00:00.000Z', due: '2026-10-15T09:00:00.000Z', actorName: '郑窗口' },
    enrichedOnInsert: ['actorName'],
  },
  {
    type: 'case.deemed_accepted', version: 1, zh: '视为受理（第三十二条：未在期限内一次性告知）', en: 'Deemed accepted (Art. 32: no notice in time)',
    payload: obj({ acceptedAt: iso, due: iso.nullable(), article: z.string(), violation: z.string() }),
    example: { acceptedAt: '2026-09-24T02:00:00.000Z', due: '2026-10-22T09:00:00.000Z', article: '行政许可法第三十二条', violation: 'notice_not_issued_in_time' },
  },
  {
    type: 'case.refused', version: 1, zh: '不予受理（附理由）', en: 'Not accepted, with the reason',
    payload: obj({ reason: z.string() }),
    example: { reason: '申请事项不属于本机关职权范围' },
  },
  {
    type: 'case.refused', version: 2, zh: '不予受理：另含经办人姓名', en: 'Not accepted, with the name of who refused',
    payload: obj({ reason: z.string(), actorName: z.string().nullable().optional() }),
    example: { reason: '依据《行政许可法》第三十二条第一款第（二）项，申请事项不属于本机关职权范围', actorName: '郑窗口' },
    enrichedOnInsert: ['actorName'],
  },
  {
    type: 'case.concluded', version: 1, zh: '办结（准予 / 不予许可）', en: 'Concluded (approved / denied)',
    payload: obj({ result: z.string(), atWindow: z.boolean().optional(), byProcessEnd: z.boolean().optional() }),
    example: { result: 'approved' },
  },
  {
    type: 'case.concluded', version: 2, zh: '办结：另含决定人姓名', en: 'Concluded, with the name of who decided',
    payload: obj({ result: z.string(), atWindow: z.boolean().optional(), byProcessEnd: z.boolean().optional(), actorName: z.string().nullable().optional() }),
    example: { result: 'approved', actorName: '钱审批' },
    enrichedOnInsert: ['actorName'],
  },
  {
    type: 'case.concluded', version: 3, zh: '办结：另含不予许可的理由（准予时为 null）', en: 'Concluded, with the reason of a denial (null when approved)',
    payload: obj({
      result: z.string(), atWindow: z.boolean().optional(), byProcessEnd: z.boolean().optional(), actorName: z.string().nullable().optional(),
      // The decision's own words when it denies (不予许可), so supervision can check a reason and a legal basis were given.
      reason: z.string().nullable(),
    }),
    example: { result: 'denied', actorName: '钱审批', reason: '依据《食品经营许可管理办法》第十二条，经营场所与有毒有害场所距离不符合要求，不予许可' },
    enrichedOnInsert: ['actorName'],
  },
  {
    type: 'case.supplement_requested', version: 1, zh: '一次性告知补正', en: 'One-time notice of corrections',
    payload: obj({ items: z.array(z.unknown()), note: z.string() }),
    example: { items: [{ materialId: 'e6f7a8b9-2c3d-4e4f-9a5b-6c7d8e9f0a1b', problem: '复印件不清晰' }], note: '请一次性补齐' },
  },
  {
    type: 'case.supplemented', version: 1, zh: '补正材料', en: 'Corrections supplied',
    payload: obj({ materialIds: z.array(z.string()) }),
    example: { materialIds: ['e6f7a8b9-2c3d-4e4f-9a5b-6c7d8e9f0a1b'] },
  },
  {
    type: 'case.paused', version: 1, zh: '暂停计时（第四十五条特别程序等）', en: 'Clock paused (Art. 45 special procedures …)',
    payload: obj({ pauseType: z.string(), reason: z.string(), firstDay: day, expectedLastDay: day.nullable().optional() }),
    example: { pauseType: 'expert_review', reason: '专家评审', firstDay: '2026-09-25', expectedLastDay: '2026-09-30' },
  },
  {
    type: 'case.resumed', version: 1, zh: '恢复计时', en: 'Clock resumed',
    payload: obj({ pauseType: z.string(), firstDay: day, lastDay: day }),
    example: { pauseType: 'expert_review', firstDay: '2026-09-25', lastDay: '2026-09-29' },
  },
  {
    type: 'case.extended', version: 1, zh: '延长期限（第四十二条）', en: 'Deadline extended (Art. 42)',
    payload: obj({ workdays: z.number(), reason: z.string(), handling: z.string() }),
    example: { workdays: 10, reason: '需现场核查', handling: 'single' },
  },
  {
    type: 'case.deadline_changed', version: 1, zh: '办理时限变更（暂停、延长、日历变更后重算）', en: 'Deadline moved (pause, extension, calendar change)',
    payload: obj({ reason: z.string(), due: iso, legalDue: iso, provisional: z.boolean(), previousDue: iso.nullable(), ledger: z.unknown() }),
    example: { reason: 'paused', due: '2026-10-20T09:00:00.000Z', legalDue: '2026-10-27T09:00:00.000Z', provisional: true, previousDue: '2026-10-15T09:00:00.000Z', ledger: '…' },
  },
  {
    type: 'case.materials_checked', version: 1, zh: '材料核验（窗口预审）', en: 'Materials checked at the window',
    payload: obj({ received: z.array(z.string()), missing: z.array(z.string()), irregular: z.array(z.string()) }),
    example: { received: ['e6f7a8b9-2c3d-4e4f-9a5b-6c7d8e9f0a1b'], missing: [], irregular: [] },
  },
  {
    type: 'case.accepted_deficient', version: 1, zh: '容缺受理', en: 'Accepted with materials owed',
    payload: obj({ owed: z.array(obj({ materialId: z.string(), name: z.string() })), dueDate: day, workdays: z.number() }),
    example: { owed: [{ materialId: 'e6f7a8b9-2c3d-4e4f-9a5b-6c7d8e9f0a1b', name: '营业执照复印件' }], dueDate: '2026-10-09', workdays: 10 },
  },
  {
    type: 'case.owed_material_received', version: 1, zh: '容缺材料补交', en: 'Owed material received',
    payload: obj({ materialId: z.string(), name: z.string(), dueDate: day, late: z.boolean(), uploadId: z.string().nullable() }),
    example: { materialId: 'e6f7a8b9-2c3d-4e4f-9a5b-6c7d8e9f0a1b', name: '营业执照复印件', dueDate: '2026-10-09', late: false, uploadId: null },
  },
  {
    type: 'case.owed_material_overdue', version: 1, zh: '容缺材料逾期未补', en: 'Owed material overdue',
    payload: obj({ materialId: z.string(), name: z.string(), dueDate: day }),
    example: { materialId: 'e6f7a8b9-2c3d-4e4f-9a5b-6c7d8e9f0a1b', name: '营业执照复印件', dueDate: '2026-10-09' },
  },
  {
    type: 'case.rated', version: 1, zh: '办件评价（好差评）', en: 'Case rated',
    payload: obj({
      level: z.enum(['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied']),
      label: z.string(), score: z.number(), bad: z.boolean(), comment: z.string().nullable(), itemId: z.string(), channel: z.string(),
    }),
    example: { level: 'very_satisfied', label: '非常满意', score: 5, bad: false, comment: null, itemId: ITEM, channel: 'online' },
  },
  {
    type: 'document.issued', version: 1, zh: '出具通知书', en: 'Notice issued',
    payload: obj({ documentId: id, kind: z.string(), title: z.string(), number: z.string(), sha256: z.string(), sizeBytes: z.number() }),
    example: { documentId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', kind: 'acceptance', title: '受理通知书', number: '通办受〔2026〕7号', sha256: 'ab'.repeat(32), sizeBytes: 40211 },
  },
  // ── window staff ───────────────────────────────────────────────────────
  {
    type: 'attendance.signed_in', version: 1, zh: '窗口人员签到', en: 'Window clerk signed in',
    payload: obj({ userName: z.string(), windowId: id.nullable(), windowName: z.string().nullable(), opens: z.string(), closes: z.string() }),
    example: { userName: '郑窗口', windowId: 'c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e9f', windowName: '1号综合窗口', opens: '09:00', closes: '17:30' },
  },
  {
    type: 'attendance.signed_out', version: 1, zh: '窗口人员签退', en: 'Window clerk signed out',
    payload: obj({ userName: z.string(), windowId: id.nullable(), windowName: z.string().nullable(), opens: z.string(), closes: z.string() }),
    example: { userName: '郑窗口', windowId: 'c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e9f', windowName: '1号综合窗口', opens: '09:00', closes: '17:30' },
  },
  // ── process steps (workflow engine) ────────────────────────────────────
  {
    type: 'task.created', version: 1, zh: '生成待办（环节开始）', en: 'Step opened',
    payload: taskCreatedV1,
    example: { ...taskRefExample, name: '审查', assignee: null, candidateKind: 'department', candidates: ['SCJG'], dueAt: '2026-10-08T09:00:00.000Z' },
  },
  {
    type: 'task.created', version: 2, zh: '生成待办：另含五阶段、部门与办理人姓名', en: 'Step opened, with its stage, department and assignee name',
    payload: taskCreatedV1.extend({
      stage: z.enum(STAGES).nullable(),
      departmentId: id.nullable().optional(), departmentName: z.string().nullable().optional(), assigneeName: z.string().nullable().optional(),
    }),
    example: {
      ...taskRefExample, name: '审查', assignee: null, candidateKind: 'department', candidates: ['SCJG'], dueAt: '2026-10-08T09:00:00.000Z',
      stage: 'review', departmentId: DEPT, departmentName: '市场监督管理局', assigneeName: null,
    },
    enrichedOnInsert: ['departmentId', 'departmentName', 'assigneeName'],
  },
  {
    type: 'task.completed', version: 1, zh: '环节办理完成', en: 'Step completed',
    payload: obj({ ...taskRef, outcome: z.string().nullable(), loopIndex: z.number().nullable() }),
    example: { ...taskRefExample, outcome: 'approve', loopIndex: null },
  },
  {
    type: 'task.completed', version: 2, zh: '环节办理完成：另含办理人姓名', en: 'Step completed, with the name of who completed it',
    payload: obj({ ...taskRef, outcome: z.string().nullable(), loopIndex: z.number().nullable(), actorName: z.string().nullable().optional() }),
    example: { ...taskRefExample, outcome: 'approve', loopIndex: null, actorName: '钱审批' },
    enrichedOnInsert: ['actorName'],
  },
  { type: 'task.claimed', version: 1, zh: '签收', en: 'Claimed', payload: obj(taskRef), example: taskRefExample },
  {
    type: 'task.claimed', version: 2, zh: '签收：另含签收人姓名', en: 'Claimed, with the name of who claimed it',
    payload: obj({ ...taskRef, actorName: z.string().nullable().optional() }), example: { ...taskRefExample, actorName: '钱审批' }, enrichedOnInsert: ['actorName'],
  },
  { type: 'task.unclaimed', version: 1, zh: '退回签收', en: 'Unclaimed', payload: obj(taskRef), example: taskRefExample },
  {
    type: 'task.cancelled', version: 1, zh: '环节取消（退回、撤回、会签已决等）', en: 'Step cancelled (return, withdrawal, countersign decided …)',
    payload: obj({ ...taskRef, reason: z.string().optional() }), example: { ...taskRefExample, reason: 'returned' },
  },
  {
    type: 'task.returned', version: 1, zh: '退回', en: 'Returned to an earlier step',
    payload: obj({ ...taskRef, target: z.string() }), example: { ...taskRefExample, target: 'accept' },
  },
  { type: 'task.withdrawn', version: 1, zh: '撤回', en: 'Withdrawn', payload: obj(taskRef), example: taskRefExample },
  {
    type: 'task.transferred', version: 1, zh: '转办', en: 'Transferred',
    payload: obj({ ...taskRef, from: z.unknown(), to: z.string() }), example: { ...taskRefExample, from: USER, to: '8f9a0b1c-2d3e-4f4a-9b6c-7d8e9f0a1b2c' },
  },
  {
    type: 'task.transferred', version: 2, zh: '转办：另含接收人姓名', en: 'Transferred, with the receiver\'s name',
    payload: obj({ ...taskRef, from: z.unknown(), to: z.string(), toName: z.string().nullable().optional() }),
    example: { ...taskRefExample, from: USER, to: '8f9a0b1c-2d3e-4f4a-9b6c-7d8e9f0a1b2c', toName: '孙审批' }, enrichedOnInsert: ['toName'],
  },
  {
    type: 'task.delegated', version: 1, zh: '委派', en: 'Delegated',
    payload: obj({ ...taskRef, to: z.string() }), example: { ...taskRefExample, to: USER },
  },
  {
    type: 'task.resolved', version: 1, zh: '委派办结', en: 'Delegation resolved',
    payload: obj({ ...taskRef, owner: z.string().nullable() }), example: { ...taskRefExample, owner: USER },
  },
  {
    type: 'task.handed_over', version: 1, zh: '工作交接', en: 'Handed over',
    payload: obj({ ...taskRef, from: z.string(), to: z.string() }), example: { ...taskRefExample, from: USER, to: '8f9a0b1c-2d3e-4f4a-9b6c-7d8e9f0a1b2c' },
  },
  {
    type: 'task.signer_added', version: 1, zh: '加签', en: 'Signers added',
    payload: obj({ ...taskRef, users: z.array(z.string()), required: z.unknown() }), example: { ...taskRefExample, users: [USER], required: 2 },
  },
  {
    type: 'task.signer_removed', version: 1, zh: '减签', en: 'Signer removed',
    payload: obj({ ...taskRef, signer: z.string(), index: z.number() }), example: { ...taskRefExample, signer: USER, index: 1 },
  },
  {
    type: 'task.copied', version: 1, zh: '抄送', en: 'Copied to',
    payload: obj({ ...instanceRef, taskId: id.nullable(), nodeId: z.string().nullable(), users: z.array(z.string()) }), example: { ...taskRefExample, users: [USER] },
  },
  {
    type: 'task.copy_read', version: 1, zh: '抄送已阅', en: 'Copy read',
    payload: obj({ ...instanceRef, copyId: id }), example: { ...instanceExample, copyId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e' },
  },
  {
    type: 'task.urged', version: 1, zh: '催办', en: 'Urged',
    payload: obj({ ...taskRef, handler: z.string().nullable(), candidates: z.array(z.string()) }), example: { ...taskRefExample, handler: USER, candidates: [] },
  },
  {
    type: 'task.overdue', version: 1, zh: '环节超期（超时提醒）', en: 'Step overdue (timeout reminder)',
    payload: obj({ ...taskRef, handler: z.string().nullable(), dueAt: iso.nullable() }), example: { ...taskRefExample, handler: null, dueAt: '2026-10-08T09:00:00.000Z' },
  },
  {
    type: 'task.escalated', version: 1, zh: '超时上报', en: 'Escalated on timeout',
    payload: obj({ ...taskRef, toRole: z.string().nullable() }), example: { ...taskRefExample, toRole: 'agency_head' },
  },
  // ── process instances (workflow engine) ────────────────────────────────
  {
    type: 'process.started', version: 1, zh: '流程启动', en: 'Process started',
    payload: obj({ ...instanceRef, definitionId: id, key: z.string(), parentId: id.nullable() }),
    example: { ...instanceExample, definitionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', key: 'scjg_review', parentId: null },
  },
  { type: 'process.completed', version: 1, zh: '流程结束', en: 'Process completed', payload: obj(instanceRef), example: instanceExample },
  {
    type: 'process.terminated', version: 1, zh: '流程终止', en: 'Process terminated',
    payload: obj(instanceRef), example: { ...instanceExample, reason: 'errorEnd' },
  },
  {
    type: 'process.suspended', version: 1, zh: '流程挂起', en: 'Process suspended',
    payload: obj({ ...instanceRef, reason: z.string().nullable() }), example: { ...instanceExample, reason: '等待司法鉴定' },
  },
  { type: 'process.resumed', version: 1, zh: '流程恢复', en: 'Process resumed', payload: obj(instanceRef), example: instanceExample },
  {
    type: 'process.timer_fired', version: 1, zh: '定时器触发（含环节超时处理）', en: 'Timer fired (step timeouts included)',
    payload: obj({ ...instanceRef, nodeId: z.string(), kind: z.enum(['catch', 'boundary', 'timeout']), taskId: id.nullable() }),
    example: { ...instanceExample, nodeId: 'review', kind: 'timeout', taskId: '9d0c8a1e-6f2b-4c55-8e0a-1b2c3d4e5f60' },
  },
  {
    type: 'process.timer_rescheduled', version: 1, zh: '定时器顺延（办件暂停计时）', en: 'Timer moved (case clock paused)',
    payload: obj({ ...instanceRef, taskId: id.nullable(), nodeId: z.string(), reason: z.string(), from: iso, to: iso }),
    example: { ...instanceExample, taskId: null, nodeId: 'review', reason: 'paused', from: '2026-10-08T09:00:00.000Z', to: '2026-10-12T09:00:00.000Z' },
  },
  {
    type: 'process.message_sent', version: 1, zh: '发送消息（外部系统）', en: 'Message sent (external system)',
    payload: obj({ ...instanceRef, nodeId: z.string(), messageName: z.string().nullable() }), example: { ...instanceExample, nodeId: 'send', messageName: '不动产登记' },
  },
  {
    type: 'process.message_correlated', version: 1, zh: '收到消息（外部系统回执）', en: 'Message received (external system)',
    payload: obj({ ...instanceRef, nodeId: z.string(), messageName: z.string() }), example: { ...instanceExample, nodeId: 'wait', messageName: '不动产登记' },
  },
  {
    type: 'process.deployed', version: 1, zh: '保存流程草稿', en: 'Process draft saved',
    payload: obj({ definitionId: id, key: z.string(), version: z.number() }), example: { definitionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', key: 'scjg_review', version: 2 },
  },
  {
    type: 'process.published', version: 1, zh: '发布流程', en: 'Process published',
    payload: obj({ definitionId: id, key: z.string(), version: z.number() }), example: { definitionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', key: 'scjg_review', version: 2 },
  },
  {
    type: 'process.draft_deleted', version: 1, zh: '删除流程草稿', en: 'Process draft deleted',
    payload: obj({ definitionId: id, key: z.string(), version: z.number() }), example: { definitionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', key: 'scjg_review', version: 3 },
  },
  // ── catalogue and forms ────────────────────────────────────────────────
  {
    type: 'catalog.item_created', version: 1, zh: '新增事项', en: 'Item created',
    payload: obj({ itemId: id, code: z.string(), name: z.string(), versionId: id }), example: { itemId: ITEM, code: 'SCJG-XK-009', name: '新事项', versionId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a' },
  },
  {
    type: 'catalog.draft_started', version: 1, zh: '新建事项草稿', en: 'Item draft started',
    payload: obj({ itemId: id, versionId: id, version: z.number() }), example: { itemId: ITEM, versionId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a', version: 2 },
  },
  {
    type: 'catalog.draft_saved', version: 1, zh: '保存事项草稿', en: 'Item draft saved',
    payload: obj({ itemId: id, versionId: id, version: z.number(), code: z.string() }), example: { itemId: ITEM, versionId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a', version: 2, code: 'SCJG-XK-001' },
  },
  {
    type: 'catalog.draft_discarded', version: 1, zh: '放弃事项草稿', en: 'Item draft discarded',
    payload: obj({ itemId: id, versionId: id, version: z.number() }), example: { itemId: ITEM, versionId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a', version: 2 },
  },
  {
    type: 'catalog.item_published', version: 1, zh: '发布事项版本', en: 'Item version published',
    payload: obj({ itemId: id, versionId: id, version: z.number(), code: z.string(), name: z.string(), previousVersionId: id.nullable() }),
    example: { itemId: ITEM, versionId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a', version: 2, code: 'SCJG-XK-001', name: '食品经营许可', previousVersionId: '4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b' },
  },
  {
    type: 'catalog.category_created', version: 1, zh: '新增事项分类', en: 'Category created',
    payload: obj({ id }), example: { id: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c', name: '市场准入', parentId: null },
  },
  {
    type: 'catalog.category_updated', version: 1, zh: '修改事项分类', en: 'Category updated',
    payload: obj({ id, before: z.unknown(), after: z.unknown() }), example: { id: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c', before: { name: '准入' }, after: { name: '市场准入' } },
  },
  {
    type: 'catalog.category_deleted', version: 1, zh: '删除事项分类', en: 'Category deleted',
    payload: obj({ id }), example: { id: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c', name: '市场准入' },
  },
  {
    type: 'catalog.imported', version: 1, zh: '导入事项', en: 'Items imported',
    payload: obj({ warnings: z.number(), publish: z.boolean() }), example: { created: 2, updated: 5, warnings: 0, publish: true },
  },
  {
    type: 'item.form_changed', version: 1, zh: '修改申请表', en: 'Application form changed',
    payload: obj({ itemId: id, itemCode: z.string(), itemName: z.string(), revision: z.number(), added: z.array(z.string()), removed: z.array(z.string()), fields: z.array(z.string()) }),
    example: { itemId: ITEM, itemCode: 'SCJG-XK-001', itemName: '食品经营许可', revision: 3, added: ['shopArea'], removed: [], fields: ['name', 'shopArea'] },
  },
  // ── calendar ───────────────────────────────────────────────────────────
  {
    type: 'calendar.changed', version: 1, zh: '工作日历变更', en: 'Calendar changed',
    payload: obj({ region: z.string(), days: z.array(z.unknown()), reason: z.string().nullable().optional() }),
    example: { region: 'CN', days: [{ date: '2026-10-09', kind: 'rest' }], reason: '国务院办公厅通知' },
  },
  {
    type: 'calendar.region_created', version: 1, zh: '新建日历区域', en: 'Calendar region created',
    payload: obj({ region: z.string(), name: z.string() }), example: { region: 'CN-XJ', name: '新疆' },
  },
  {
    type: 'calendar.center_clock_set', version: 1, zh: '设置中心日历与办公时间', en: 'Center calendar and hours set',
    payload: obj({ centerId: id, region: z.string() }), example: { centerId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d', region: 'CN', yellowWorkdays: 1 },
  },
  // ── people and sessions ────────────────────────────────────────────────
  {
    type: 'user.registered', version: 1, zh: '用户注册', en: 'User registered',
    payload: obj({ userId: id, username: z.string() }), example: { userId: USER, username: 'citizen2' },
  },
  {
    type: 'user.password_changed', version: 1, zh: '修改本人密码（其他会话随之结束）', en: 'Own password changed (other sessions ended)',
    payload: obj({ userId: id, sessionsEnded: z.number() }), example: { userId: USER, sessionsEnded: 2 },
  },
  {
    type: 'session.started', version: 1, zh: '登录', en: 'Logged in',
    payload: obj({ userId: id }), example: { userId: USER },
  },
  {
    type: 'session.ended', version: 1, zh: '退出登录', en: 'Logged out',
    payload: obj({ userId: id }), example: { userId: USER },
  },
  {
    type: 'session.revoked', version: 1, zh: '结束自己的一个会话', en: 'One own session ended',
    payload: obj({ userId: id, sessionId: z.string() }), example: { userId: USER, sessionId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' },
  },
  {
    type: 'session.revoked_all', version: 1, zh: '在所有设备上退出', en: 'Signed out everywhere',
    payload: obj({ userId: id, sessions: z.number() }), example: { userId: USER, sessions: 3 },
  },
  {
    type: 'session.role_switched', version: 1, zh: '切换角色（本次登录以另一个持有的角色办事）', en: 'Switched the role a session acts in',
    payload: obj({ userId: id, from: z.string(), to: z.string(), duty: z.string() }), example: { userId: USER, from: 'clerk', to: 'supervisor', duty: 'supervisor' },
  },
  {
    type: 'user.contact_changed', version: 1, zh: '修改联系方式（只列字段名）', en: 'Contact details changed (field names only)',
    payload: obj({ userId: id, changed: z.array(z.string()) }), example: { userId: USER, changed: ['mobile'] },
  },
  {
    type: 'user.language_changed', version: 1, zh: '修改首选语言', en: 'Preferred language changed',
    payload: obj({ userId: id, language: z.enum(['zh', 'en']) }), example: { userId: USER, language: 'en' },
  },
  {
    type: 'staff.created', version: 1, zh: '新建工作人员账号', en: 'Staff account created',
    payload: obj({ userId: id, username: z.string(), role: z.string(), centerId: id, departmentId: id.nullable(), windowId: id.nullable() }),
    example: { userId: USER, username: 'clerk_xz', role: 'clerk', centerId: CENTER, departmentId: null, windowId: 'c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e9f' },
  },
  {
    type: 'staff.first_admin_created', version: 1, zh: '首次启动时创建系统管理员（未载入演示数据）', en: 'First administrator created at first start (no demo data)',
    payload: obj({ userId: id, username: z.string(), passwordFrom: z.enum(['environment', 'generated']) }),
    example: { userId: USER, username: 'admin', passwordFrom: 'generated' },
  },
  {
    type: 'staff.updated', version: 1, zh: '修改工作人员（只列字段名）', en: 'Staff account changed (field names only)',
    payload: obj({ userId: id, role: z.string(), changed: z.array(z.string()), centerId: id, departmentId: id.nullable(), windowId: id.nullable() }),
    example: { userId: USER, role: 'approver', changed: ['departmentId', 'role'], centerId: CENTER, departmentId: DEPT, windowId: null },
  },
  {
    type: 'staff.deactivated', version: 1, zh: '停用工作人员（其登录随之结束）', en: 'Staff account deactivated (its sessions ended)',
    payload: obj({ userId: id, sessionsEnded: z.number() }), example: { userId: USER, sessionsEnded: 1 },
  },
  {
    type: 'staff.reactivated', version: 1, zh: '重新启用工作人员', en: 'Staff account reactivated',
    payload: obj({ userId: id }), example: { userId: USER },
  },
  {
    type: 'staff.second_factor_reset', version: 1, zh: '重置工作人员的两步验证（其登录随之结束）', en: 'Staff member\'s two-step verification reset (their sessions ended)',
    payload: obj({ userId: id, sessionsEnded: z.number() }), example: { userId: USER, sessionsEnded: 1 },
  },
  // ── single sign-on (connected systems) ─────────────────────────────────
  {
    type: 'sso.client_registered', version: 1, zh: '登记接入系统（单点登录）', en: 'Connected system registered (single sign-on)',
    payload: obj({ clientId: z.string(), name: z.string(), enabled: z.boolean() }), example: { clientId: 'tb_4hV1cQm0n2Zr8LkP', name: '档案管理系统', enabled: true },
  },
  {
    type: 'sso.client_updated', version: 1, zh: '修改接入系统（只列字段名）', en: 'Connected system changed (field names only)',
    payload: obj({ clientId: z.string(), changed: z.array(z.string()), enabled: z.boolean() }), example: { clientId: 'tb_4hV1cQm0n2Zr8LkP', changed: ['redirectUris'], enabled: true },
  },
  {
    type: 'sso.client_secret_renewed', version: 1, zh: '更换接入系统密钥', en: 'Connected system given a new secret',
    payload: obj({ clientId: z.string() }), example: { clientId: 'tb_4hV1cQm0n2Zr8LkP' },
  },
  {
    type: 'sso.client_deleted', version: 1, zh: '删除接入系统', en: 'Connected system deleted',
    payload: obj({ clientId: z.string(), name: z.string() }), example: { clientId: 'tb_4hV1cQm0n2Zr8LkP', name: '档案管理系统' },
  },
  {
    type: 'sso.external_linked', version: 1, zh: '工作人员账号关联外部统一身份认证', en: 'Staff account linked to the external identity provider',
    payload: obj({ userId: id, issuer: z.string(), by: z.enum(['self', 'username_claim']) }),
    example: { userId: USER, issuer: 'https://idp.example.gov.cn', by: 'self' },
  },
  {
    type: 'sso.external_unlinked', version: 1, zh: '解除工作人员账号与外部统一身份认证的关联', en: 'Staff account unlinked from the external identity provider',
    payload: obj({ userId: id, issuer: z.string(), by: z.enum(['self', 'admin']) }),
    example: { userId: USER, issuer: 'https://idp.example.gov.cn', by: 'admin' },
  },
  // ── organisation ───────────────────────────────────────────────────────
  {
    type: 'org.imported', version: 1, zh: '从 Excel 导入组织机构和人员', en: 'Organisation and staff imported from a workbook',
    payload: obj({
      centers: obj({ created: z.number(), updated: z.number(), unchanged: z.number() }),
      departments: obj({ created: z.number(), updated: z.number(), unchanged: z.number() }),
      windows: obj({ created: z.number(), updated: z.number(), unchanged: z.number() }),
      staff: obj({ created: z.number(), updated: z.number(), unchanged: z.number() }),
    }),
    example: {
      centers: { created: 2, updated: 0, unchanged: 1 }, departments: { created: 3, updated: 1, unchanged: 9 },
      windows: { created: 4, updated: 0, unchanged: 6 }, staff: { created: 12, updated: 2, unchanged: 20 },
    },
  },
  {
    type: 'org.center_saved', version: 1, zh: '新建或修改服务中心', en: 'Service center created or changed',
    payload: obj({ centerId: id, created: z.boolean(), changed: z.array(z.string()), level: z.enum(['city', 'county', 'township']), parentId: id.nullable() }),
    example: { centerId: CENTER, created: true, changed: [], level: 'township', parentId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9e' },
  },
  {
    type: 'org.department_saved', version: 1, zh: '新建或修改部门', en: 'Department created or changed',
    payload: obj({ departmentId: id, created: z.boolean(), changed: z.array(z.string()), centerId: id, enabled: z.boolean() }),
    example: { departmentId: DEPT, created: false, changed: ['enabled'], centerId: CENTER, enabled: false },
  },
  {
    type: 'org.window_saved', version: 1, zh: '新建或修改窗口', en: 'Window created or changed',
    payload: obj({ windowId: id, created: z.boolean(), changed: z.array(z.string()), centerId: id, enabled: z.boolean(), items: z.number() }),
    example: { windowId: 'c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e9f', created: false, changed: ['itemIds'], centerId: CENTER, enabled: true, items: 3 },
  },
  // ── roles and resources (issue 14) ─────────────────────────────────────
  {
    type: 'access.role_saved', version: 1, zh: '新建或修改角色', en: 'Role created or changed',
    payload: obj({ roleId: id, code: z.string(), base: z.string(), created: z.boolean(), changed: z.array(z.string()), enabled: z.boolean() }),
    example: { roleId: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', code: 'window_lead', base: 'clerk', created: true, changed: [], enabled: true },
  },
  {
    type: 'access.role_deleted', version: 1, zh: '删除角色', en: 'Role deleted',
    payload: obj({ roleId: id, code: z.string() }), example: { roleId: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', code: 'window_lead' },
  },
  {
    type: 'access.resource_saved', version: 1, zh: '新建或修改资源节点（含启用、停用和移动）', en: 'Resource node created or changed (enabled, disabled, moved)',
    payload: obj({ resourceId: id, code: z.string(), kind: z.string(), created: z.boolean(), changed: z.array(z.string()), enabled: z.boolean(), parentId: id.nullable() }),
    example: { resourceId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', code: '/workbench/handover', kind: 'page', created: false, changed: ['enabled'], enabled: false, parentId: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a' },
  },
  {
    type: 'access.resource_moved', version: 1, zh: '资源节点上移或下移', en: 'Resource node moved up or down',
    payload: obj({ resourceId: id, direction: z.enum(['up', 'down']) }), example: { resourceId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', direction: 'up' },
  },
  {
    type: 'access.resource_deleted', version: 1, zh: '删除资源节点', en: 'Resource node deleted',
    payload: obj({ resourceId: id, code: z.string() }), example: { resourceId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', code: 'reports' },
  },
  {
    type: 'access.bindings_changed', version: 1, zh: '资源绑定的角色变更', en: 'Roles bound to a resource changed',
    payload: obj({ resourceId: id, code: z.string(), added: z.array(z.string()), removed: z.array(z.string()) }),
    example: { resourceId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', code: 'GET /api/staff/workload', added: ['window_lead'], removed: [] },
  },
  {
    type: 'access.role_holders_set', version: 1, zh: '角色人员匹配：兼任该角色的人员变更', en: 'People holding a role beside their main one changed',
    payload: obj({ code: z.string(), added: z.array(id), removed: z.array(id) }),
    example: { code: 'supervisor', added: [USER], removed: [] },
  },
  // ── notifications ──────────────────────────────────────────────────────
  {
    type: 'notify.dead_lettered', version: 1, zh: '通知投递失败（转入死信）', en: 'Notification dead-lettered',
    payload: obj({ outboxId: z.string(), kind: z.string(), channel: z.string(), attempts: z.number(), error: z.string() }),
    example: { outboxId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a', kind: 'case.accepted', channel: 'sms', attempts: 8, error: 'ESME_RINVDSTADR' },
  },
  {
    type: 'notify.resent', version: 1, zh: '重新发送通知', en: 'Notification re-sent',
    payload: obj({ outboxId: z.string(), kind: z.string(), channel: z.string() }),
    example: { outboxId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a', kind: 'case.accepted', channel: 'sms' },
  },
  {
    type: 'notify.preference_changed', version: 1, zh: '修改通知偏好', en: 'Notification preferences changed',
    payload: obj({ kind: z.string(), channels: z.array(z.string()) }), example: { kind: 'task.created', channels: ['in_app', 'sms'] },
  },
  {
    type: 'notify.template_changed', version: 1, zh: '修改通知模板', en: 'Notification template changed',
    payload: obj({ kind: z.string(), version: z.number() }), example: { kind: 'case.accepted', version: 2 },
  },
  {
    type: 'applicant.registered', version: 1, zh: '申请人建档', en: 'Applicant registered',
    payload: obj({ applicantId: id, kind: z.string() }), example: { applicantId: 'd5e6f7a8-1b2c-4d3e-8f4a-5b6c7d8e9f0a', kind: 'enterprise' },
  },
  {
    type: 'applicant.updated', version: 1, zh: '申请人档案更新（只列字段名）', en: 'Applicant profile updated (field names only)',
    payload: obj({ applicantId: id, kind: z.string(), fields: z.array(z.string()) }), example: { applicantId: 'd5e6f7a8-1b2c-4d3e-8f4a-5b6c7d8e9f0a', kind: 'person', fields: ['phone'] },
  },
  // ── portal ─────────────────────────────────────────────────────────────
  ...(['created', 'updated'] as const).map((verb): EventContract => ({
    type: `portal.article.${verb}`, version: 1, zh: verb === 'created' ? '发布政务公开文章' : '修改政务公开文章', en: `Article ${verb}`,
    payload: obj({ articleId: id }), example: { articleId: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', title: '关于调整办公时间的通知', category: 'notice' },
  })),
  {
    type: 'portal.article.deleted', version: 1, zh: '删除政务公开文章', en: 'Article deleted',
    payload: obj({ articleId: id, title: z.string(), category: z.string() }), example: { articleId: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', title: '关于调整办公时间的通知', category: 'notice' },
  },
  {
    type: 'portal.draft.saved', version: 1, zh: '保存申报草稿', en: 'Application draft saved',
    payload: obj({ draftId: id, itemId: id }), example: { draftId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', itemId: ITEM, created: true, fields: 6, materials: 2 },
  },
  {
    type: 'portal.draft.deleted', version: 1, zh: '删除申报草稿', en: 'Application draft deleted',
    payload: obj({ draftId: id, itemId: id }), example: { draftId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', itemId: ITEM },
  },
  {
    type: 'portal.draft.submitted', version: 1, zh: '草稿提交申报', en: 'Draft submitted',
    payload: obj({ draftId: id, itemId: id }), example: { draftId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f', itemId: ITEM },
  },
  ...(['consultation', 'complaint'] as const).flatMap((kind): EventContract[] => [
    {
      type: `portal.${kind}.submitted`, version: 1, zh: kind === 'complaint' ? '提交投诉' : '提交咨询', en: `${kind === 'complaint' ? 'Complaint' : 'Consultation'} submitted`,
      payload: obj({ messageId: id, ticketNo: z.string(), itemId: id.nullable(), anonymous: z.boolean(), subject: z.string(), replyDue: iso }),
      example: { messageId: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a', ticketNo: 'ZX20260924001', itemId: null, anonymous: false, subject: '办理时间', replyDue: '2026-10-09T09:00:00.000Z' },
    },
    {
      type: `portal.${kind}.answered`, version: 1, zh: kind === 'complaint' ? '答复投诉' : '答复咨询', en: `${kind === 'complaint' ? 'Complaint' : 'Consultation'} answered`,
      payload: obj({ messageId: id, ticketNo: z.string(), onTime: z.boolean(), replyDue: iso }),
      example: { messageId: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a', ticketNo: 'ZX20260924001', onTime: true, replyDue: '2026-10-09T09:00:00.000Z' },
    },
  ]),
];

const byKey = new Map(EVENT_CONTRACTS.map((c) => [`${c.type}@${c.version}`, c]));
const latest = new Map<string, number>();
for (const c of EVENT_CONTRACTS) latest.set(c.type, Math.max(latest.get(c.type) ?? 0, c.version));

export function contractOf(type: string, version: number): EventContract | undefined {
  return byKey.get(`${type}@${version}`);
}

/** The version a writer uses today for `type` (1 for a type the contract does not know, which `checkEvent` refuses). */
export function currentVersion(type: string): number {
  return latest.get(type) ?? 1;
}

/** Event types whose current version the event store enriches on insert (names looked up in SQL). */
export function enrichedOnInsert(type: string): readonly string[] {
  return contractOf(type, currentVersion(type))?.enrichedOnInsert ?? [];
}

export type ContractProblem = { code: 'EVENT_TYPE_UNKNOWN' } | { code: 'EVENT_PAYLOAD_INVALID'; issues: { path: string; message: string }[] };

/** Checks an event's payload against its type@version; null when it conforms. */
export function checkEvent(e: { type: string; schemaVersion: number; payload: unknown }): ContractProblem | null {
  const contract = contractOf(e.type, e.schemaVersion);
  if (!contract) return { code: 'EVENT_TYPE_UNKNOWN' };
  const parsed = contract.payload.safeParse(e.payload);
  if (parsed.success) return null;
  return { code: 'EVENT_PAYLOAD_INVALID', issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

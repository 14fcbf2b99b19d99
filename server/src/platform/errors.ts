/**
 * The one error catalogue. Every expected failure is an `AppError` with a
 * stable code; the code decides the HTTP status and the message (zh-CN first,
 * English with `Accept-Language: en`). Tests assert codes, never messages.
 * Modules keep their codes in `modules/<m>/errors.ts`, merged here; docs/errors.md
 * is generated from it (`npm run contracts`) and a test keeps the two in step.
 */
import type { ErrorEntry } from './error-entry.ts';
import { calendarErrors } from '../modules/calendar/errors.ts';
import { workflowErrors } from '../modules/workflow/errors.ts';
import { documentErrors } from '../modules/documents/errors.ts';
import { formErrors } from '../modules/forms/errors.ts';
import { catalogErrors } from '../modules/catalog/errors.ts';
import { intakeErrors } from '../modules/intake/errors.ts';
import { portalErrors } from '../modules/portal/errors.ts';
import { supervisionCardErrors } from '../modules/supervision/cards/errors.ts';
import { notifyErrors } from '../modules/notify/errors.ts';
import { iamErrors } from '../modules/iam/errors.ts';
import { ssoErrors } from '../modules/sso/errors.ts';
import { supervisionErrors } from '../modules/supervision/errors.ts';
import { orgErrors } from '../modules/org/errors.ts';

const platformErrors = {
  VALIDATION_FAILED: { status: 400, zh: '请求参数不正确', en: 'The request is invalid' },
  CURSOR_INVALID: { status: 400, zh: '分页游标无效，请从第一页重新查询', en: 'The page cursor is invalid; start again from the first page' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in first' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '请求的资源不存在', en: 'Not found' },
  INVALID_CHARACTERS: { status: 400, zh: '输入含有不允许的字符（空字符或不成对的代理字符）', en: 'The input contains a character that is not allowed (NUL or an unpaired surrogate)' },
  CROSS_SITE_REQUEST: { status: 403, zh: '拒绝来自其他网站的操作请求', en: 'A state-changing request from another site is refused' },
  ITEM_NOT_FOUND: { status: 404, zh: '办理事项不存在', en: 'Service item not found' },
  CASE_NOT_FOUND: { status: 404, zh: '办件不存在', en: 'Case not found' },
  CASE_STATE_CONFLICT: { status: 409, zh: '办件状态已变化，无法执行此操作，请刷新后重试', en: 'The case has changed state; refresh and try again' },
  TASK_NOT_FOUND: { status: 404, zh: '待办任务不存在', en: 'Task not found' },
  TASK_STATE_CONFLICT: { status: 409, zh: '该任务已被处理', en: 'The task has already been handled' },
  REASON_REQUIRED: { status: 400, zh: '必须填写理由', en: 'A reason is required' },
  OPINION_REQUIRED: { status: 400, zh: '必须填写审批意见', en: 'An opinion is required' },
  FORM_INVALID: { status: 400, zh: '申请表填写不完整或不正确', en: 'The application form is incomplete or invalid' },
  MATERIAL_MISSING: { status: 400, zh: '缺少必需的申请材料', en: 'A required material is missing' },
  UPLOAD_NOT_FOUND: { status: 404, zh: '上传的文件不存在', en: 'Uploaded file not found' },
  UPLOAD_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  UPLOAD_TYPE_NOT_ALLOWED: { status: 415, zh: '不支持的文件类型（仅限 PDF、JPG、PNG）', en: 'File type not allowed (PDF, JPG or PNG only)' },
  UPLOAD_ALREADY_USED: { status: 409, zh: '该文件已用于其他申请', en: 'This file is already attached to another application' },
  PAUSE_ALREADY_RUNNING: { status: 409, zh: '该办件已有进行中的暂停，请先结束它', en: 'A pause is already running on this case' },
  PAUSE_NOT_RUNNING: { status: 409, zh: '该办件没有进行中的暂停', en: 'No pause is running on this case' },
  SUPPLEMENT_NOTICE_EXISTS: { status: 409, zh: '本次申请已发出一次性告知，不能再次告知', en: 'A one-time supplement notice was already issued for this application' },
  SUPPLEMENT_ITEMS_REQUIRED: { status: 400, zh: '一次性告知须列明需补正的全部材料', en: 'The notice must list every material to correct' },
  NOTICE_WINDOW_CLOSED: { status: 409, zh: '已超过五个工作日的告知期限，依法视为受理', en: 'The five-working-day notice window has closed; the application counts as accepted' },
  SEPARATION_OF_DUTIES: { status: 403, zh: '该事项实行申请人、受理人回避：本件的申请人或受理人不能办理其审批环节', en: 'This item separates duties: whoever applied for or accepted the case may not handle its approval steps' },
  ITEM_NOT_SERVED_AT_WINDOW: { status: 409, zh: '您所在的窗口不受理该事项，请引导申请人到受理该事项的窗口', en: 'Your window does not take in this item; direct the applicant to a window that does' },
  ITEM_PROCESS_MISSING: { status: 409, zh: '该事项尚未绑定已发布的审批流程，无法受理', en: 'The item has no published process bound; the case cannot be accepted' },
  PROGRESS_NOT_FOUND: { status: 404, zh: '办件编号或查询码不正确', en: 'Case number or query code is wrong' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: '该幂等键已用于另一项请求，请换用新的键', en: 'This Idempotency-Key was already used for a different request' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '系统内部错误，请联系管理员并提供关联编号', en: 'Internal error; contact the administrator with the correlation id' },
} as const satisfies Record<string, ErrorEntry>;


export const errorCatalogue = { ...platformErrors, ...calendarErrors, ...workflowErrors, ...documentErrors, ...formErrors, ...portalErrors, ...intakeErrors, ...catalogErrors, ...supervisionCardErrors, ...notifyErrors, ...iamErrors, ...ssoErrors, ...supervisionErrors, ...orgErrors } as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? errorCatalogue[code].en);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export type Locale = 'zh-CN' | 'en';

/** Picks the locale from an Accept-Language header: Chinese unless English comes first. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function messageFor(code: ErrorCode, locale: Locale): string {
  const entry = errorCatalogue[code];
  return locale === 'en' ? entry.en : entry.zh;
}

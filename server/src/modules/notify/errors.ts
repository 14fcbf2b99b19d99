import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of notifications; merged into the one catalogue in platform/errors.ts. */
export const notifyErrors = {
  NOTIFY_KIND_UNKNOWN: { status: 404, zh: '没有这种通知', en: 'No such kind of notification' },
  NOTIFY_TEMPLATE_UNKNOWN_VARIABLE: { status: 400, zh: '模板使用了该通知没有的变量', en: 'The template uses a variable this notification does not have' },
  NOTIFY_TEMPLATE_CASE_NO_REQUIRED: { status: 400, zh: '关于办件的通知必须写明办件编号 {caseNo}', en: 'A notification about a case must name its case number {caseNo}' },
  NOTIFY_TEMPLATE_EMPTY: { status: 400, zh: '模板的标题和正文（中英文）都不能为空', en: 'Template titles and bodies (Chinese and English) cannot be empty' },
  NOTIFY_TEMPLATE_STALE: { status: 409, zh: '模板已被他人修改，请刷新后重试', en: 'The template was changed by someone else; refresh and try again' },
  NOTIFY_CHANNEL_MANDATORY: { status: 409, zh: '该通知的此渠道不能关闭', en: 'This channel cannot be turned off for this notification' },
  NOTIFY_MESSAGE_NOT_FOUND: { status: 404, zh: '消息不存在', en: 'Message not found' },
  NOTIFY_NOT_DEAD_LETTER: { status: 409, zh: '只有投递失败的消息可以重发', en: 'Only dead-lettered messages can be re-sent' },
  NOTIFY_PHONE_INVALID: { status: 400, zh: '手机号码格式不正确（中国大陆 11 位手机号）', en: 'Not a mainland China mobile number (11 digits)' },
  NOTIFY_EMAIL_INVALID: { status: 400, zh: '电子邮箱格式不正确', en: 'The e-mail address is invalid' },
} as const satisfies Record<string, ErrorEntry>;

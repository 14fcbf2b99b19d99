import type { ErrorEntry } from '../../../platform/error-entry.ts';

/** Error codes of supervision's cards and rules; merged into the one catalogue in platform/errors.ts. */
export const supervisionCardErrors = {
  SUPERVISION_RULES_INVALID: { status: 400, zh: '监察规则不正确', en: 'The supervision rules are invalid' },
  SUPERVISION_RULES_STALE: { status: 409, zh: '监察规则已被他人修改，请刷新后重试', en: 'The rules were changed meanwhile; refresh and try again' },
  SUPERVISION_CARD_NOT_FOUND: { status: 404, zh: '监察卡不存在', en: 'Supervision card not found' },
  SUPERVISION_CARD_MOVE_INVALID: { status: 409, zh: '监察卡当前状态不允许此操作', en: 'The card is not in a state that allows this step' },
  SUPERVISION_CARD_WARNING_ONLY: { status: 409, zh: '预警信号只需知悉，不进入受理、立案、调查、处理流程', en: 'A warning is only acknowledged; it has no case handling' },
  SUPERVISION_RECTIFY_DEADLINE_REQUIRED: { status: 400, zh: '责令整改须给出整改期限（晚于今天）', en: 'A rectification needs a deadline after today' },
  SUPERVISION_APPEAL_NOT_ALLOWED: { status: 409, zh: '该处理结果无需申诉，或申诉人不是被监察部门', en: 'This decision cannot be appealed, or not by you' },
  SUPERVISION_APPEAL_WINDOW_CLOSED: { status: 409, zh: '已超过申诉期限', en: 'The appeal period has ended' },
  SUPERVISION_REVIEWER_CONFLICT: { status: 409, zh: '复核须由作出处理决定以外的监察人员进行', en: 'The review must be made by a supervisor other than the one who decided' },
  SUPERVISION_EVIDENCE_NOT_FOUND: { status: 404, zh: '证据文件不存在', en: 'Evidence file not found' },
} as const satisfies Record<string, ErrorEntry>;

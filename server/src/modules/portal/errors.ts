import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the public portal; merged into the one catalogue in platform/errors.ts. */
export const portalErrors = {
  ARTICLE_NOT_FOUND: { status: 404, zh: '文章不存在或尚未发布', en: 'Article not found or not yet published' },
  ARTICLE_VERSION_CONFLICT: { status: 409, zh: '文章已被他人修改，请刷新后重试', en: 'The article was changed by someone else; refresh and try again' },
  DRAFT_NOT_FOUND: { status: 404, zh: '草稿不存在', en: 'Draft not found' },
  DRAFT_UPLOAD_INVALID: { status: 409, zh: '草稿中的材料文件不存在或已用于其他申请', en: 'A material file of the draft is missing or already used by another application' },
  MESSAGE_NOT_FOUND: { status: 404, zh: '咨询或投诉不存在', en: 'Consultation or complaint not found' },
  MESSAGE_ALREADY_ANSWERED: { status: 409, zh: '该咨询或投诉已答复', en: 'This consultation or complaint has already been answered' },
  MESSAGE_TARGET_REQUIRED: { status: 400, zh: '请选择咨询或投诉的事项或部门', en: 'Choose the service item or department it concerns' },
  MESSAGE_ITEM_DEPARTMENT_MISMATCH: { status: 400, zh: '所选事项不属于所选部门', en: 'The chosen item does not belong to the chosen department' },
  DEPARTMENT_NOT_FOUND: { status: 404, zh: '部门不存在', en: 'Department not found' },
  CONTACT_PHONE_REQUIRED: { status: 400, zh: '未登录提交时须留下联系电话', en: 'A phone number is required when not logged in' },
  CONTACT_PHONE_INVALID: { status: 400, zh: '联系电话格式不正确（手机号或区号-座机号）', en: 'The phone number is invalid (mobile or area code and landline)' },
  ANSWER_REQUIRED: { status: 400, zh: '必须填写答复内容', en: 'An answer is required' },
  MESSAGE_LOOKUP_NOT_FOUND: { status: 404, zh: '受理编号或查询码不正确', en: 'Ticket number or query code is wrong' },
  RATING_CASE_NOT_CONCLUDED: { status: 409, zh: '办件办结后才能评价', en: 'A case can be rated only after it concludes' },
  RATING_EXISTS: { status: 409, zh: '该办件已评价，每件只能评价一次', en: 'This case has already been rated; one rating per case' },
  RATING_COMMENT_REQUIRED: { status: 400, zh: '选择“不满意”或“非常不满意”时须填写原因', en: 'Say why when choosing dissatisfied or very dissatisfied' },
} as const satisfies Record<string, ErrorEntry>;

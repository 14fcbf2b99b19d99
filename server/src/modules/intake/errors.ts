import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of window intake; merged into the one catalogue in platform/errors.ts. */
export const intakeErrors = {
  INVALID_ID_CARD: { status: 400, zh: '身份证号码不正确（校验位或出生日期有误），请核对', en: 'The resident ID number is invalid (check digit or birth date)' },
  INVALID_CREDIT_CODE: { status: 400, zh: '统一社会信用代码不正确（校验位有误），请核对', en: 'The unified social credit code is invalid (check digit)' },
  APPLICANT_INCOMPLETE: { status: 400, zh: '申请人信息不完整：企业须填写法定代表人', en: 'Applicant details incomplete: an enterprise needs its legal representative' },
  WINDOW_REQUIRED: { status: 409, zh: '您的账号未绑定受理窗口，不能办理窗口接件', en: 'Your account is not bound to a service window' },
  CHECK_NOTE_REQUIRED: { status: 400, zh: '不符合要求的材料须注明问题', en: 'An irregular material needs a note saying what is wrong' },
  CHECKLIST_INCOMPLETE: { status: 409, zh: '材料核验未完成或有缺件、不符合要求的材料，不能当场办结', en: 'The checklist is not complete: materials are unchecked, missing or irregular' },
  DEFICIENT_NOT_ALLOWED: { status: 409, zh: '该事项不适用容缺受理', en: 'This item does not allow acceptance with deficiencies' },
  MATERIAL_NOT_DEFERRABLE: { status: 409, zh: '所列材料中有不可容缺的材料，须一次性告知补正', en: 'A listed material may not be owed; issue a one-time supplement notice instead' },
  OWED_ITEMS_REQUIRED: { status: 400, zh: '容缺受理须列明尚欠的材料', en: 'List the materials still owed' },
  NOT_IMMEDIATE_ITEM: { status: 409, zh: '该事项不是即办件，不能当场办结', en: 'This item is not an immediate item and cannot be concluded at the window' },
  OWED_NOT_FOUND: { status: 404, zh: '该办件没有这项容缺材料', en: 'No such owed material on this case' },
  ALREADY_SIGNED_IN: { status: 409, zh: '您已签到', en: 'You are already signed in' },
  NOT_SIGNED_IN: { status: 409, zh: '您尚未签到，不能签退', en: 'You are not signed in' },
  OWED_ALREADY_RECEIVED: { status: 409, zh: '该容缺材料已登记收到', en: 'This owed material was already received' },
} as const satisfies Record<string, ErrorEntry>;

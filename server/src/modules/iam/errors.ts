import type { ErrorEntry } from '../../platform/error-entry.ts';

export const iamErrors = {
  PASSWORD_TOO_SHORT: { status: 400, zh: '密码太短：市民至少 8 位，工作人员至少 12 位', en: 'The password is too short: at least 8 characters for citizens, 12 for staff' },
  PASSWORD_TOO_COMMON: { status: 400, zh: '该密码过于常见，容易被猜中，请换一个', en: 'This password is too common and easily guessed; choose another' },
  PASSWORD_LIKE_USERNAME: { status: 400, zh: '密码不能与用户名相同或相近', en: 'The password must not be the username or close to it' },
  PASSWORD_UNCHANGED: { status: 400, zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  CURRENT_PASSWORD_INVALID: { status: 400, zh: '当前密码不正确', en: 'The current password is not correct' },
  USERNAME_UNAVAILABLE: { status: 409, zh: '该用户名不可用，请换一个', en: 'This username cannot be used; choose another' },
  LOGIN_THROTTLED: { status: 429, zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' },
  SESSION_NOT_FOUND: { status: 404, zh: '该登录会话不存在或已结束', en: 'This session does not exist or has ended' },
  STAFF_NOT_FOUND: { status: 404, zh: '工作人员不存在', en: 'Staff member not found' },
  STAFF_ROLE_INVALID: { status: 400, zh: '审批人员和部门负责人须属于一个部门', en: 'Approvers and agency heads belong to a department' },
  STAFF_LAST_ADMIN: { status: 409, zh: '这是最后一位在用的系统管理员，不能停用或改为其他角色', en: 'This is the last active administrator; it cannot be deactivated or given another role' },
  STAFF_OWN_ACCOUNT: { status: 409, zh: '不能停用自己的账号，也不能修改自己的角色', en: 'You cannot deactivate your own account or change your own role' },
  STAFF_HAS_OPEN_STEPS: { status: 409, zh: '此人还有在办任务，请先做工作交接再停用', en: 'This person still holds open steps; hand them over before deactivating' },
} as const satisfies Record<string, ErrorEntry>;

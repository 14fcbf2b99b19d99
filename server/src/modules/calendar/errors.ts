import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the calendar module; merged into the one catalogue in platform/errors.ts. */
export const calendarErrors = {
  CALENDAR_ARGUMENT_INVALID: { status: 400, zh: '期限计算参数不正确', en: 'The deadline arguments are invalid' },
  CALENDAR_DATE_INVALID: { status: 400, zh: '日期格式不正确，应为 YYYY-MM-DD', en: 'The date is not a valid YYYY-MM-DD date' },
  CALENDAR_YEAR_UNKNOWN: { status: 400, zh: '该年份没有节假日数据（最早 2004 年）', en: 'No holiday data for that year (data start in 2004)' },
  CALENDAR_DATE_OUT_OF_RANGE: { status: 400, zh: '日期超出日历可计算的范围', en: 'The date is beyond the range the calendar can compute' },
  CALENDAR_REGION_UNKNOWN: { status: 404, zh: '未知的日历地区', en: 'Unknown calendar region' },
  CALENDAR_REGION_EXISTS: { status: 409, zh: '该日历地区已存在', en: 'This calendar region already exists' },
  CALENDAR_LIMIT_INVALID: { status: 400, zh: '期限必须是不小于 0 的整数', en: 'The time limit must be a whole number of at least 0' },
  CALENDAR_UNIT_UNKNOWN: { status: 400, zh: '期限单位只能是 workday（工作日）、day（自然日）或 hour（小时）', en: 'The unit must be workday, day or hour' },
  CALENDAR_PAUSE_TYPE_UNKNOWN: { status: 400, zh: '未知的暂停类型', en: 'Unknown pause type' },
  CALENDAR_PAUSE_INVERTED: { status: 400, zh: '暂停的结束日期早于开始日期', en: 'The pause ends before it starts' },
  CALENDAR_PAUSE_OVERLAP: { status: 409, zh: '暂停期间与另一暂停期间重叠', en: 'The pause overlaps another pause' },
  CALENDAR_PAUSE_BEFORE_START: { status: 400, zh: '暂停开始于计时起点之前', en: 'The pause starts before the clock starts' },
  CALENDAR_PAUSE_AFTER_DUE: { status: 409, zh: '暂停开始时期限已届满，不能再暂停', en: 'The pause starts after the deadline has passed' },
  CALENDAR_EXTENSION_TOO_LONG: { status: 400, zh: '延长天数超过法定上限（单一部门 10 个工作日，联合办理 15 个工作日）', en: 'The extension exceeds the legal maximum (10 working days single, 15 joint)' },
  CALENDAR_EXTENSION_REPEATED: { status: 409, zh: '办理期限只能延长一次', en: 'The time limit can be extended only once' },
  CALENDAR_EXTENSION_WRONG_ROLE: { status: 403, zh: '延长期限须经有权负责人批准（单一部门：本行政机关负责人；联合办理：本级人民政府负责人）', en: 'The extension must be approved by the right head (agency head; government head for joint handling)' },
  CALENDAR_EXTENSION_REASON_REQUIRED: { status: 400, zh: '延长期限必须说明理由并告知申请人', en: 'An extension needs a reason told to the applicant' },
  CALENDAR_EXTENSION_UNIT: { status: 400, zh: '只有以工作日计算的期限可以依法延长', en: 'Only working-day limits can be extended under the law' },
  CALENDAR_OFFICE_HOURS_INVALID: { status: 400, zh: '办公时间不正确，应为 HH:MM 且下班晚于上班', en: 'Office hours must be HH:MM with closing after opening' },
  CALENDAR_OVERRIDE_INVALID: { status: 400, zh: '日历调整不正确', en: 'The calendar override is invalid' },
  CALENDAR_NOTICE_INVALID: { status: 400, zh: '节假日安排通知的内容不正确', en: 'The holiday notice is invalid' },
} as const satisfies Record<string, ErrorEntry>;

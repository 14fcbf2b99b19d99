import type { ErrorEntry } from '../../platform/error-entry.ts';

/**
 * Error codes of the catalogue (事项目录); merged into the one catalogue in
 * platform/errors.ts. Field problems of a draft or an import row carry one of
 * these codes each (details.problems), the response carries the first.
 */
export const catalogErrors = {
  CATALOG_VALUE_REQUIRED: { status: 400, zh: '必填项未填写', en: 'A required value is missing' },
  CATALOG_VALUE_INVALID: { status: 400, zh: '填写的值格式或取值不正确', en: 'A value has the wrong format or is out of range' },
  CATALOG_TEXT_TOO_LONG: { status: 400, zh: '填写的文字超过长度上限', en: 'A text is too long' },
  ITEM_CODE_INVALID: { status: 400, zh: '事项编码只能由字母、数字和连字符组成（2 至 64 位）', en: 'The item code may hold letters, digits and hyphens only (2–64)' },
  ITEM_CODE_TAKEN: { status: 409, zh: '该事项编码已被其他事项使用', en: 'Another item already uses this code' },
  ITEM_CODE_PART_INVALID: { status: 400, zh: '事项编码结构不符合 GB/T 39554.1（事项类型代码 2 位、主项编码 5 至 7 位、子项编码 3 位、实施主体为 18 位统一社会信用代码、业务办理项顺序码 2 至 3 位数字）', en: 'The code parts do not follow GB/T 39554.1 (type 2, main 5–7, sub 3, implementer an 18-character credit code, handling sequence 2–3 digits)' },
  ITEM_LIMITS_INVERTED: { status: 400, zh: '承诺时限不得超过法定时限', en: 'The promised limit may not exceed the legal limit' },
  ITEM_FEE_INVALID: { status: 400, zh: '收费事项须逐项填写收费项目名称、金额和收费依据；免费事项不得列收费项目', en: 'A charged item lists each fee with name, amount and legal basis; a free item lists none' },
  ITEM_PHONE_INVALID: { status: 400, zh: '电话号码格式不正确', en: 'The phone number is invalid' },
  ITEM_DEPARTMENT_UNKNOWN: { status: 400, zh: '实施部门不存在', en: 'Unknown department' },
  ITEM_CATEGORY_UNKNOWN: { status: 400, zh: '事项分类不存在', en: 'Unknown category' },
  ITEM_PROCESS_UNKNOWN: { status: 400, zh: '绑定的审批流程不存在或尚未发布', en: 'The bound process does not exist or is not published' },
  ITEM_MATERIALS_REQUIRED: { status: 400, zh: '事项至少须列明一项申请材料', en: 'An item lists at least one material' },
  MATERIAL_CONDITION_REQUIRED: { status: 400, zh: '按条件提交的材料须写明适用情形', en: 'A conditional material states when it applies' },
  MATERIAL_NAME_DUPLICATE: { status: 400, zh: '同一事项的材料名称不能重复', en: 'Material names of an item must differ' },
  MATERIAL_SAMPLE_UNKNOWN: { status: 400, zh: '样表文件不存在', en: 'The sample file does not exist' },
  MATERIAL_DEFERRABLE_NOT_ALLOWED: { status: 400, zh: '事项未开启容缺受理，材料不能设为可容缺', en: 'The item does not allow acceptance with deficiencies; no material can be deferrable' },
  ITEM_VERSION_NOT_FOUND: { status: 404, zh: '事项版本不存在', en: 'Item version not found' },
  ITEM_VERSION_IMMUTABLE: { status: 409, zh: '已发布的事项版本不可修改，请新建草稿', en: 'A published item version cannot change; start a new draft' },
  ITEM_DRAFT_NOT_FOUND: { status: 404, zh: '该事项没有待发布的草稿', en: 'The item has no draft' },
  ITEM_DRAFT_STALE: { status: 409, zh: '草稿已被他人修改，请刷新后再编辑', en: 'The draft was changed by someone else; reload it' },
  ITEM_NEVER_PUBLISHED: { status: 409, zh: '事项尚未发布过，不能丢弃唯一的草稿', en: 'The item was never published; its only draft cannot be discarded' },
  ITEM_VERSION_STALE: { status: 409, zh: '该事项已发布新版本，申请表已过期，请刷新页面后重新填写', en: 'A newer version of the item was published; reload the form' },
  CATEGORY_NOT_FOUND: { status: 404, zh: '事项分类不存在', en: 'Category not found' },
  CATEGORY_CODE_TAKEN: { status: 409, zh: '该分类编码已被使用', en: 'This category code is taken' },
  CATEGORY_CYCLE: { status: 409, zh: '不能把分类移到它自己或它的下级分类之下', en: 'A category cannot move under itself or its descendants' },
  CATEGORY_NOT_EMPTY: { status: 409, zh: '该分类下还有下级分类或事项，不能删除', en: 'The category still has subcategories or items' },
  IMPORT_FILE_UNREADABLE: { status: 400, zh: '无法读取导入文件（仅支持本系统导出的 JSON 或 Excel .xlsx 文件）', en: 'The import file cannot be read (JSON or .xlsx exported by this system only)' },
  IMPORT_INVALID: { status: 400, zh: '导入文件有错误，未写入任何数据；请按所列的工作表、行和列修改后重新导入', en: 'The import file has errors; nothing was written. Fix the listed sheet, row and column and import again' },
  STATS_PERIOD_INVALID: { status: 400, zh: '统计期间不正确：开始日期不得晚于结束日期，且不超过 366 天', en: 'The period is invalid: start on or before end, at most 366 days' },
  // Organisation (centers, departments, windows)
  CENTER_NOT_FOUND: { status: 404, zh: '服务中心不存在', en: 'Service center not found' },
  CENTER_CODE_TAKEN: { status: 409, zh: '该中心编码已被使用', en: 'Another center already uses this code' },
  CENTER_LEVEL_INVALID: { status: 400, zh: '层级不符：下级中心须比上级低一级（市 → 县/区 → 乡镇/街道）', en: 'Wrong level: a center is one level below its parent (city → county/district → township/street)' },
  CENTER_PARENT_CYCLE: { status: 400, zh: '不能把中心移到它自己或它的下级之下', en: 'A center cannot move under itself or one of its own sub-centers' },
  DEPARTMENT_NOT_FOUND: { status: 404, zh: '部门不存在', en: 'Department not found' },
  DEPARTMENT_CODE_TAKEN: { status: 409, zh: '该部门编码已被使用', en: 'Another department already uses this code' },
  DEPARTMENT_PARENT_INVALID: { status: 400, zh: '上级部门须是同一中心的其他部门，且不能是本部门的下级；有下级或窗口的部门不能改到别的中心', en: 'A parent department is another department of the same center, not one below this one; a department with sub-units or windows cannot move to another center' },
  WINDOW_NOT_FOUND: { status: 404, zh: '窗口不存在', en: 'Window not found' },
  WINDOW_CODE_TAKEN: { status: 409, zh: '该窗口编号已被使用', en: 'Another window already uses this number' },
  WINDOW_DEPARTMENT_INVALID: { status: 400, zh: '窗口所属部门须是本中心的部门', en: "A window's department is one of its own center's" },
  WINDOW_ITEM_INVALID: { status: 400, zh: '窗口只能受理本中心或上级中心部门的事项', en: "A window takes in items of its own center's departments or of a center above" },
  STAFF_PLACEMENT_INVALID: { status: 400, zh: '工作人员的部门和窗口须属于其所在中心，且未停用', en: "A staff member's department and window belong to their center and are enabled" },
} as const satisfies Record<string, ErrorEntry>;

export type CatalogErrorCode = keyof typeof catalogErrors;

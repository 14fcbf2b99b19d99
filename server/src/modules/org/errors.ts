import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the organisation's import; merged into the one catalogue in platform/errors.ts. */
export const orgErrors = {
  ORG_IMPORT_UNREADABLE: { status: 400, zh: '无法读取组织机构导入文件（仅支持本系统导出的 Excel .xlsx 文件）', en: 'The organisation file cannot be read (an .xlsx file exported by this system only)' },
  ORG_IMPORT_INVALID: { status: 400, zh: '导入文件有错误，未写入任何数据；请按所列的工作表、行和列修改后重新导入', en: 'The import file has errors; nothing was written. Fix the listed sheet, row and column and import again' },
  ORG_IMPORT_VALUE_REQUIRED: { status: 400, zh: '此项必填', en: 'This value is required' },
  ORG_IMPORT_VALUE_INVALID: { status: 400, zh: '此项的值不正确', en: 'This value is not valid' },
  ORG_IMPORT_REFERENCE_UNKNOWN: { status: 400, zh: '引用的编码在系统和本文件中都不存在', en: 'The code referred to exists neither in the system nor in this file' },
  ORG_IMPORT_DUPLICATE: { status: 400, zh: '同一编码在文件中出现了多次', en: 'The same code appears more than once in the file' },
} as const satisfies Record<string, ErrorEntry>;

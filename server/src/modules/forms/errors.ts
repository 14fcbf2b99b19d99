import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the forms module; merged into the one catalogue in platform/errors.ts. */
export const formErrors = {
  FORM_SPEC_INVALID: { status: 400, zh: '表单定义有误，请按提示修改后再保存', en: 'The form definition is invalid; fix the fields named and save again' },
  FORM_SPEC_STALE: { status: 409, zh: '表单已被他人修改，请刷新后再编辑', en: 'Someone else changed the form; reload it and edit again' },
} as const satisfies Record<string, ErrorEntry>;

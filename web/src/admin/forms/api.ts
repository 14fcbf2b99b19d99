// The form designer's calls to /api/admin/forms (server/src/modules/forms/routes.ts).
import { request } from '../../api/client';
import type { FormSpec, FormSpecProblem } from '../../../../shared/forms';

export interface ItemFormSummary {
  itemId: string;
  code: string;
  name: string;
  departmentName: string;
  fieldCount: number;
  revision: number;
}

export interface ItemForm extends ItemFormSummary {
  form: FormSpec;
}

export const formsApi = {
  list: () => request<ItemFormSummary[]>('GET', '/api/admin/forms'),
  get: (itemId: string) => request<ItemForm>('GET', `/api/admin/forms/${encodeURIComponent(itemId)}`),
  save: (itemId: string, form: FormSpec, revision: number) =>
    request<{ revision: number }>('PUT', `/api/admin/forms/${encodeURIComponent(itemId)}`, { body: { form, revision } }),
};

/** The problems a refused save carries (FORM_SPEC_INVALID details.problems). */
export function problemsOf(details: unknown): FormSpecProblem[] | null {
  const problems = (details as { problems?: unknown } | null | undefined)?.problems;
  return Array.isArray(problems) ? (problems as FormSpecProblem[]) : null;
}

// The form designer's calls to /api/admin/forms (server/src/modules/forms/routes.ts).
import { http, ok } from '../../api/http';
import type { RequestOf, ResponseOf } from '../../api';
import type { FormSpec, FormSpecProblem } from '../../../../shared/forms';

export type ItemFormSummary = ResponseOf<'/api/admin/forms'>[number];
/** An item's form; the server declares the spec as open JSON, the shared form language's (shared/forms checks it on either side). */
export type ItemForm = Omit<ResponseOf<'/api/admin/forms/{itemId}'>, 'form'> & { form: FormSpec };

const onItem = (itemId: string) => ({ path: { itemId } });
/** The spec as the server declares it, open JSON (it checks the spec itself and answers FORM_SPEC_INVALID). */
const asOpenJson = (form: FormSpec) => form as unknown as RequestOf<'/api/admin/forms/{itemId}', 'put'>['form'];

export const formsApi = {
  list: () => ok(http.GET('/api/admin/forms')),
  get: async (itemId: string): Promise<ItemForm> => (await ok(http.GET('/api/admin/forms/{itemId}', { params: onItem(itemId) }))) as unknown as ItemForm,
  save: (itemId: string, form: FormSpec, revision: number) =>
    ok(http.PUT('/api/admin/forms/{itemId}', { params: onItem(itemId), body: { form: asOpenJson(form), revision } })),
};

/** The problems a refused save carries (FORM_SPEC_INVALID details.problems). */
export function problemsOf(details: unknown): FormSpecProblem[] | null {
  const problems = (details as { problems?: unknown } | null | undefined)?.problems;
  return Array.isArray(problems) ? (problems as FormSpecProblem[]) : null;
}

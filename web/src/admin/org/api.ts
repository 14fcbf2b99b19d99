// The organisation console's calls (server/src/modules/org/routes.ts).
import { http, ok } from '../../api/http';
import type { RequestOf, ResponseOf } from '../../api';

export type Organisation = ResponseOf<'/api/admin/org'>;
export type Center = Organisation['centers'][number];
export type CenterInput = RequestOf<'/api/admin/org/centers', 'post'>;
export type CenterLevel = CenterInput['level'];
export const CENTER_LEVELS: readonly CenterLevel[] = ['city', 'county', 'township'];
export type Department = Organisation['departments'][number];
export type DepartmentInput = RequestOf<'/api/admin/org/departments', 'post'>;
export type ServiceWindow = Organisation['windows'][number];
export type WindowInput = RequestOf<'/api/admin/org/windows', 'post'>;

export type Staff = ResponseOf<'/api/admin/staff'>['items'][number];
export type StaffInput = RequestOf<'/api/admin/staff/{id}', 'put'>;
export type StaffRole = StaffInput['role'];

/** A published item, to choose what a window takes in. */
export type ItemOption = ResponseOf<'/api/items'>[number];

const onId = (id: string) => ({ path: { id } });

export type OrgImportResult = ResponseOf<'/api/admin/org/import', 'post'>;

export const orgApi = {
  /** The organisation and its staff as a workbook: the import's template too. */
  exportUrl: '/api/admin/org/export.xlsx',
  /** The route reads the file as a stream (no body in its OpenAPI document): the form data goes as it is. */
  importWorkbook: (file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return ok(http.POST('/api/admin/org/import', { params: { query: { dryRun: dryRun ? '1' : '0' } }, body: form as never }));
  },
  organisation: () => ok(http.GET('/api/admin/org')),
  saveCenter: (id: string | null, body: CenterInput) =>
    id ? ok(http.PUT('/api/admin/org/centers/{id}', { params: onId(id), body })) : ok(http.POST('/api/admin/org/centers', { body })),
  saveDepartment: (id: string | null, body: DepartmentInput) =>
    id ? ok(http.PUT('/api/admin/org/departments/{id}', { params: onId(id), body })) : ok(http.POST('/api/admin/org/departments', { body })),
  saveWindow: (id: string | null, body: WindowInput) =>
    id ? ok(http.PUT('/api/admin/org/windows/{id}', { params: onId(id), body })) : ok(http.POST('/api/admin/org/windows', { body })),
  items: () => ok(http.GET('/api/items')),
  staff: () => ok(http.GET('/api/admin/staff')),
  createStaff: (body: RequestOf<'/api/admin/staff', 'post'>) => ok(http.POST('/api/admin/staff', { body })),
  updateStaff: (id: string, body: StaffInput) => ok(http.PUT('/api/admin/staff/{id}', { params: onId(id), body })),
  deactivate: (id: string) => ok(http.POST('/api/admin/staff/{id}/deactivate', { params: onId(id), body: {} })),
  reactivate: (id: string) => ok(http.POST('/api/admin/staff/{id}/reactivate', { params: onId(id), body: {} })),
  /** A lost phone and lost recovery codes: the authenticator goes and the person's sessions end. */
  resetSecondFactor: (id: string) => ok(http.POST('/api/admin/staff/{id}/second-factor/reset', { params: onId(id), body: {} })),
};

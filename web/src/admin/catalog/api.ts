// The catalogue console's calls to /api/admin/catalog and /api/catalog.
import { http, ok } from '../../api/http';
import type { QueryOf, RequestOf, ResponseOf } from '../../api';

export type Category = ResponseOf<'/api/item-categories'>[number];
export type AdminItem = ResponseOf<'/api/admin/catalog/items'>[number];
/** The list's status filter. */
export type ItemStatus = NonNullable<QueryOf<'/api/admin/catalog/items'>['status']>;
export type ItemType = AdminItem['itemType'];
export type VersionSummary = ResponseOf<'/api/admin/catalog/items/{id}/versions'>[number];
export type VersionStatus = VersionSummary['status'];
export type VersionDetail = ResponseOf<'/api/admin/catalog/versions/{id}'>;
export type ItemContent = RequestOf<'/api/admin/catalog/items', 'post'>['content'];
export type LimitUnit = ItemContent['limitUnit'];
export type CodeParts = ItemContent['codeParts'];
/** A material as a draft holds it: the published material's elements, without the derived `required` and `form`. */
export type ContentMaterial = ItemContent['materials'][number];
export type DiffEntry = ResponseOf<'/api/admin/catalog/items/{id}/diff'>[number];
export type ImportResult = ResponseOf<'/api/admin/catalog/import', 'post'>;
export type ImportProblem = ImportResult['warnings'][number];
export type Stats = ResponseOf<'/api/catalog/statistics'>;
export type StatsRow = Stats['rows'][number];
export type StatsCounts = Stats['totals'];
export type CategoryInput = RequestOf<'/api/admin/catalog/categories', 'post'>;

/** One refused value of a draft (details.problems of a CATALOG_* refusal; error details are not in the OpenAPI document). */
export interface Problem { path: string; code: string }

const onId = (id: string) => ({ path: { id } });

export const catalogApi = {
  categories: () => ok(http.GET('/api/item-categories')),
  departments: () => ok(http.GET('/api/departments')),
  items: (q: QueryOf<'/api/admin/catalog/items'>) => ok(http.GET('/api/admin/catalog/items', { params: { query: q } })),
  versions: (itemId: string) => ok(http.GET('/api/admin/catalog/items/{id}/versions', { params: onId(itemId) })),
  version: (versionId: string) => ok(http.GET('/api/admin/catalog/versions/{id}', { params: onId(versionId) })),
  create: (content: ItemContent) => ok(http.POST('/api/admin/catalog/items', { body: { content } })),
  startDraft: (itemId: string) => ok(http.POST('/api/admin/catalog/items/{id}/draft', { params: onId(itemId) })),
  saveDraft: (itemId: string, content: ItemContent, expectedUpdatedAt?: string) =>
    ok(http.PUT('/api/admin/catalog/items/{id}/draft', { params: onId(itemId), body: expectedUpdatedAt ? { content, expectedUpdatedAt } : { content } })),
  discardDraft: (itemId: string) => ok(http.DELETE('/api/admin/catalog/items/{id}/draft', { params: onId(itemId) })),
  publish: (itemId: string) => ok(http.POST('/api/admin/catalog/items/{id}/publish', { params: onId(itemId) })),
  diff: (itemId: string, from: string, to: string) => ok(http.GET('/api/admin/catalog/items/{id}/diff', { params: { ...onId(itemId), query: { from, to } } })),
  createCategory: (c: CategoryInput) => ok(http.POST('/api/admin/catalog/categories', { body: c })),
  updateCategory: (id: string, c: CategoryInput) => ok(http.PUT('/api/admin/catalog/categories/{id}', { params: onId(id), body: c })),
  deleteCategory: (id: string) => ok(http.DELETE('/api/admin/catalog/categories/{id}', { params: onId(id) })),
  processes: () => ok(http.GET('/api/workflow/definitions')),
  stats: (from: string, to: string) => ok(http.GET('/api/catalog/statistics', { params: { query: { from, to } } })),
  statsXlsxUrl: (from: string, to: string) => `/api/catalog/statistics.xlsx?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  exportUrl: (format: 'json' | 'xlsx') => `/api/admin/catalog/export?format=${format}`,
  /**
   * Imports a catalogue file (multipart, field `file`). The route reads the
   * file as a stream, so its OpenAPI document declares no body: the form data
   * goes as it is (the browser writes its boundary).
   */
  import: (file: File, publish: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return ok(http.POST('/api/admin/catalog/import', { params: { query: { publish: publish ? '1' : '0' } }, body: form as never }));
  },
};

/** Category options as a tree for antd Tree / TreeSelect. */
export interface CategoryNode { key: string; value: string; title: string; children: CategoryNode[] }
export function categoryTree(categories: Category[]): CategoryNode[] {
  const nodes = new Map(categories.map((c) => [c.id, { key: c.id, value: c.id, title: c.name, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

// The catalogue console's calls to /api/admin/catalog and /api/catalog.
import { request } from '../../api/client';
import type { ItemMaterial } from '../../api';

export type ItemType = 'immediate' | 'promised' | 'joint' | 'reported';
export type LimitUnit = 'workday' | 'day' | 'hour';
export type VersionStatus = 'draft' | 'published' | 'superseded';

export interface Category { id: string; code: string; name: string; parentId: string | null; sortOrder: number; itemCount: number }
export interface Department { id: string; code: string; name: string }

export interface AdminItem {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  categoryId: string | null;
  categoryName: string | null;
  itemType: ItemType;
  publishedVersion: number | null;
  publishedVersionId: string | null;
  draftVersion: number | null;
  draftVersionId: string | null;
  draftUpdatedAt: string | null;
  allowsDeficientAcceptance: boolean;
}

/** A material as a draft holds it: the published material's elements, without the derived `required` and `form`. */
export type ContentMaterial = Omit<ItemMaterial, 'id' | 'required' | 'form'> & { id?: string };

export interface CodeParts {
  typeCode: string | null;
  mainCode: string | null;
  subCode: string | null;
  implementerCode: string | null;
  handlingSeq: string | null;
}

export interface ItemContent {
  code: string;
  name: string;
  departmentId: string;
  categoryId: string | null;
  itemType: ItemType;
  legalBasis: string;
  legalDays: number;
  promisedDays: number;
  limitUnit: LimitUnit;
  description: string;
  codeParts: CodeParts;
  conditions: string;
  fee: { free: boolean; items: { name: string; amount: number; basis: string }[] };
  location: string;
  hours: string;
  contactPhone: string;
  complaintPhone: string;
  allowsDeficientAcceptance: boolean;
  formFields: unknown[];
  formSpec: unknown;
  processKey: string | null;
  materials: ContentMaterial[];
}

export interface VersionSummary {
  id: string;
  version: number;
  status: VersionStatus;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}
export interface VersionDetail extends VersionSummary { itemId: string; content: ItemContent }
export interface DiffEntry { path: string; before: unknown; after: unknown }
export interface Problem { path: string; code: string }
export interface ImportProblem { sheet: string; row: number; column: string; code: string; message: string }
export interface ImportResult {
  categoriesCreated: number;
  categoriesUpdated: number;
  itemsCreated: number;
  draftsSaved: number;
  unchanged: number;
  published: number;
  warnings: ImportProblem[];
}

export interface StatsCounts {
  items: number;
  received: number;
  accepted: number;
  concluded: number;
  approved: number;
  denied: number;
  refused: number;
  inTime: number;
  inTimeRate: number | null;
  overdue: number;
}
export interface StatsRow extends StatsCounts { categoryId: string | null; categoryPath: string | null; departmentId: string; departmentName: string }
export interface Stats { from: string; to: string; rows: StatsRow[]; totals: StatsCounts }

export interface CategoryInput { code: string; name: string; parentId: string | null; sortOrder: number }

const enc = encodeURIComponent;

export const catalogApi = {
  categories: () => request<Category[]>('GET', '/api/item-categories'),
  departments: () => request<Department[]>('GET', '/api/departments'),
  items: (q: { categoryId?: string; status?: string; q?: string }) => request<AdminItem[]>('GET', '/api/admin/catalog/items', { query: q }),
  versions: (itemId: string) => request<VersionSummary[]>('GET', `/api/admin/catalog/items/${enc(itemId)}/versions`),
  version: (versionId: string) => request<VersionDetail>('GET', `/api/admin/catalog/versions/${enc(versionId)}`),
  create: (content: ItemContent) => request<{ itemId: string; versionId: string }>('POST', '/api/admin/catalog/items', { body: { content } }),
  startDraft: (itemId: string) => request<{ versionId: string; version: number }>('POST', `/api/admin/catalog/items/${enc(itemId)}/draft`, { body: {} }),
  saveDraft: (itemId: string, content: ItemContent, expectedUpdatedAt?: string) =>
    request<{ versionId: string; version: number; updatedAt: string }>('PUT', `/api/admin/catalog/items/${enc(itemId)}/draft`, {
      body: expectedUpdatedAt ? { content, expectedUpdatedAt } : { content },
    }),
  discardDraft: (itemId: string) => request<{ ok: true }>('DELETE', `/api/admin/catalog/items/${enc(itemId)}/draft`),
  publish: (itemId: string) => request<{ versionId: string; version: number }>('POST', `/api/admin/catalog/items/${enc(itemId)}/publish`, { body: {} }),
  diff: (itemId: string, from: string, to: string) => request<DiffEntry[]>('GET', `/api/admin/catalog/items/${enc(itemId)}/diff`, { query: { from, to } }),
  createCategory: (c: CategoryInput) => request<{ id: string }>('POST', '/api/admin/catalog/categories', { body: c }),
  updateCategory: (id: string, c: CategoryInput) => request<{ ok: true }>('PUT', `/api/admin/catalog/categories/${enc(id)}`, { body: c }),
  deleteCategory: (id: string) => request<{ ok: true }>('DELETE', `/api/admin/catalog/categories/${enc(id)}`),
  processes: () => request<{ key: string; name: string | null; published: { version: number } | null }[]>('GET', '/api/workflow/definitions'),
  stats: (from: string, to: string) => request<Stats>('GET', '/api/catalog/statistics', { query: { from, to } }),
  statsXlsxUrl: (from: string, to: string) => `/api/catalog/statistics.xlsx?from=${enc(from)}&to=${enc(to)}`,
  exportUrl: (format: 'json' | 'xlsx') => `/api/admin/catalog/export?format=${format}`,
  importUrl: (publish: boolean) => `/api/admin/catalog/import?publish=${publish ? '1' : '0'}`,
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

// Typed calls for the portal's own routes (server/src/modules/portal/routes.ts).
import { request } from '../api/client';
import type { ItemType, LimitUnit, SubmittedCase } from '../api';

const id = (value: string) => encodeURIComponent(value);

export type ArticleCategory = 'news' | 'disclosure';
export interface ArticleSummary {
  id: string;
  category: ArticleCategory;
  title: string;
  pinned: boolean;
  publishedAt: string | null;
}
export interface Article extends ArticleSummary {
  body: string;
}
export interface AdminArticle extends Article {
  updatedAt: string;
  version: number;
}
export interface ArticleInput {
  category: ArticleCategory;
  title: string;
  body: string;
  pinned: boolean;
  publishedAt: string | null;
}

export type MatchKind = 'name' | 'code' | 'department' | 'initials' | 'pinyin';
export interface SearchHit {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  itemType: ItemType;
  promisedDays: number;
  legalDays: number;
  limitUnit: LimitUnit;
  match: MatchKind;
}

export interface DraftMaterial {
  materialId: string;
  uploadId: string;
  originalName: string;
  sizeBytes: number;
}
export interface Draft {
  id: string;
  itemId: string;
  itemName: string;
  departmentName: string;
  /** As the form holds it: text, numbers, region codes, upload ids, table rows. */
  formData: Record<string, unknown>;
  materials: DraftMaterial[];
  createdAt: string;
  updatedAt: string;
}
export interface DraftInput {
  itemId: string;
  formData: Record<string, unknown>;
  materials: { materialId: string; uploadId: string }[];
}

export type CaseResultKind = 'approved' | 'denied' | 'refused';
export interface ResultRow {
  caseNo: string;
  itemName: string;
  departmentName: string;
  result: CaseResultKind;
  concludedAt: string;
}

export type MessageKind = 'consultation' | 'complaint';
export interface MessageInput {
  kind: MessageKind;
  itemId?: string | null;
  departmentId?: string | null;
  subject: string;
  body: string;
  contactName?: string;
  contactPhone?: string;
}
export interface MessageReceipt {
  id: string;
  ticketNo: string;
  queryCode: string;
  kind: MessageKind;
  replyDueAt: string;
}
export interface CitizenMessage {
  id: string;
  ticketNo: string;
  kind: MessageKind;
  departmentName: string;
  itemName: string | null;
  subject: string;
  body: string;
  status: 'open' | 'answered';
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  replyDueAt: string;
}
export interface StaffMessage extends CitizenMessage {
  departmentId: string;
  contactName: string;
  contactPhone: string | null;
  anonymous: boolean;
  answeredByName: string | null;
}

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'very_dissatisfied';
export const RATING_LEVELS: readonly RatingLevel[] = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'];
export const isBadReview = (level: RatingLevel) => level === 'dissatisfied' || level === 'very_dissatisfied';
export interface Rating {
  caseId: string;
  level: RatingLevel;
  score: number;
  bad: boolean;
  comment: string;
  createdAt: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export const portalApi = {
  articles: (query: { category?: ArticleCategory; page?: number; pageSize?: number }) =>
    request<Page<ArticleSummary>>('GET', '/api/portal/articles', { query }),
  article: (articleId: string) => request<Article>('GET', `/api/portal/articles/${id(articleId)}`),
  adminArticles: () => request<{ items: AdminArticle[] }>('GET', '/api/portal/admin/articles'),
  createArticle: (input: ArticleInput) => request<AdminArticle>('POST', '/api/portal/admin/articles', { body: input }),
  updateArticle: (articleId: string, input: ArticleInput & { version: number }) =>
    request<AdminArticle>('PUT', `/api/portal/admin/articles/${id(articleId)}`, { body: input }),
  deleteArticle: (articleId: string) => request<void>('DELETE', `/api/portal/admin/articles/${id(articleId)}`),

  search: (q: string, page: { cursor?: string | undefined; limit?: number } = {}) =>
    request<{ items: SearchHit[]; nextCursor: string | null }>('GET', '/api/portal/search', { query: { q, ...page } }),

  drafts: () => request<{ items: Draft[] }>('GET', '/api/portal/drafts'),
  draftForItem: (itemId: string) => request<{ draft: Draft | null }>('GET', `/api/portal/drafts/by-item/${id(itemId)}`),
  saveDraft: (input: DraftInput) => request<Draft>('PUT', '/api/portal/drafts', { body: input }),
  deleteDraft: (draftId: string) => request<void>('DELETE', `/api/portal/drafts/${id(draftId)}`),
  submitDraft: (draftId: string, input: Omit<DraftInput, 'itemId'> & { idempotencyKey: string; itemVersionId?: string }) =>
    request<SubmittedCase>('POST', `/api/portal/drafts/${id(draftId)}/submit`, { body: input }),

  results: (query: { page: number; pageSize: number }) => request<Page<ResultRow>>('GET', '/api/portal/results', { query }),

  submitMessage: (input: MessageInput) => request<MessageReceipt>('POST', '/api/portal/messages', { body: input }),
  myMessages: () => request<{ items: CitizenMessage[] }>('GET', '/api/portal/messages/mine'),
  lookupMessage: (ticketNo: string, queryCode: string) => request<CitizenMessage>('GET', '/api/portal/messages/lookup', { query: { ticketNo, queryCode } }),
  staffMessages: (status?: 'open' | 'answered') => request<{ items: StaffMessage[] }>('GET', '/api/portal/messages', { query: { status } }),
  answerMessage: (messageId: string, answer: string) => request<StaffMessage>('POST', `/api/portal/messages/${id(messageId)}/answer`, { body: { answer } }),

  rating: (caseId: string) => request<{ rating: Rating | null }>('GET', `/api/portal/cases/${id(caseId)}/rating`),
  rate: (caseId: string, input: { level: RatingLevel; comment: string }) =>
    request<Rating>('POST', `/api/portal/cases/${id(caseId)}/rating`, { body: input }),
};

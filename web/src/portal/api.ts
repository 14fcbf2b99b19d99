// Typed calls for the portal's own routes (server/src/modules/portal/routes.ts).
import { http, ok } from '../api/http';
import type { QueryOf, RequestOf, ResponseOf } from '../api';

export type ArticleSummary = ResponseOf<'/api/portal/articles'>['items'][number];
export type ArticleCategory = ArticleSummary['category'];
export type Article = ResponseOf<'/api/portal/articles/{id}'>;
export type AdminArticle = ResponseOf<'/api/portal/admin/articles'>['items'][number];
export type ArticleInput = RequestOf<'/api/portal/admin/articles', 'post'>;

export type SearchHit = ResponseOf<'/api/portal/search'>['items'][number];
export type MatchKind = SearchHit['match'];

export type Draft = ResponseOf<'/api/portal/drafts'>['items'][number];
export type DraftMaterial = Draft['materials'][number];
export type DraftInput = RequestOf<'/api/portal/drafts', 'put'>;

export type ResultRow = ResponseOf<'/api/portal/results'>['items'][number];
export type CaseResultKind = ResultRow['result'];

export type MessageInput = RequestOf<'/api/portal/messages', 'post'>;
export type MessageKind = MessageInput['kind'];
export type MessageReceipt = ResponseOf<'/api/portal/messages', 'post'>;
export type CitizenMessage = ResponseOf<'/api/portal/messages/mine'>['items'][number];
export type StaffMessage = ResponseOf<'/api/portal/messages'>['items'][number];

export type Rating = NonNullable<ResponseOf<'/api/portal/cases/{caseId}/rating'>['rating']>;
export type RatingLevel = Rating['level'];
export const RATING_LEVELS: readonly RatingLevel[] = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'];
export const isBadReview = (level: RatingLevel) => level === 'dissatisfied' || level === 'very_dissatisfied';

const onId = (id: string) => ({ path: { id } });

export const portalApi = {
  articles: (query: QueryOf<'/api/portal/articles'>) => ok(http.GET('/api/portal/articles', { params: { query } })),
  article: (articleId: string) => ok(http.GET('/api/portal/articles/{id}', { params: onId(articleId) })),
  adminArticles: () => ok(http.GET('/api/portal/admin/articles')),
  createArticle: (input: ArticleInput) => ok(http.POST('/api/portal/admin/articles', { body: input })),
  updateArticle: (articleId: string, input: RequestOf<'/api/portal/admin/articles/{id}', 'put'>) =>
    ok(http.PUT('/api/portal/admin/articles/{id}', { params: onId(articleId), body: input })),
  deleteArticle: (articleId: string) => ok(http.DELETE('/api/portal/admin/articles/{id}', { params: onId(articleId) })),

  search: (q: string, page: { cursor?: string | undefined; limit?: number } = {}) =>
    ok(http.GET('/api/portal/search', { params: { query: { q, ...page } } })),

  drafts: () => ok(http.GET('/api/portal/drafts')),
  draftForItem: (itemId: string) => ok(http.GET('/api/portal/drafts/by-item/{id}', { params: onId(itemId) })),
  saveDraft: (input: DraftInput) => ok(http.PUT('/api/portal/drafts', { body: input })),
  deleteDraft: (draftId: string) => ok(http.DELETE('/api/portal/drafts/{id}', { params: onId(draftId) })),
  submitDraft: (draftId: string, input: RequestOf<'/api/portal/drafts/{id}/submit', 'post'>) =>
    ok(http.POST('/api/portal/drafts/{id}/submit', { params: onId(draftId), body: input })),

  results: (query: { page: number; pageSize: number }) => ok(http.GET('/api/portal/results', { params: { query } })),

  submitMessage: (input: MessageInput) => ok(http.POST('/api/portal/messages', { body: input })),
  myMessages: () => ok(http.GET('/api/portal/messages/mine')),
  lookupMessage: (ticketNo: string, queryCode: string) => ok(http.GET('/api/portal/messages/lookup', { params: { query: { ticketNo, queryCode } } })),
  staffMessages: (status?: 'open' | 'answered') => ok(http.GET('/api/portal/messages', { params: { query: { status } } })),
  answerMessage: (messageId: string, answer: string) => ok(http.POST('/api/portal/messages/{id}/answer', { params: onId(messageId), body: { answer } })),

  rating: (caseId: string) => ok(http.GET('/api/portal/cases/{caseId}/rating', { params: { path: { caseId } } })),
  rate: (caseId: string, input: RequestOf<'/api/portal/cases/{caseId}/rating', 'post'>) =>
    ok(http.POST('/api/portal/cases/{caseId}/rating', { params: { path: { caseId } }, body: input })),
};

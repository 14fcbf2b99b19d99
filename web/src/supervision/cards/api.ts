// The card routes of the supervision platform (server/src/modules/supervision/cards/routes.ts).
import { request } from '../../api/client';

// The card types are the server's own schemas (shared/supervision/cards.ts), imported as types only.
import type {
  CardDetail, CardLevel, CardList, CardStatus, ForecastCard, MoveBody, RuleSet, SaveRules,
} from '../../../../shared/supervision/cards';

export type {
  CardDetail, CardLevel, CardList, CardMove, CardStatus, CardSummary, ForecastCard, Lifecycle, MoveBody, Outcome, Rule, RuleSet,
} from '../../../../shared/supervision/cards';
/** A colour of the legal clock, as a card's handling steps show it. */
export type Colour = CardDetail['clocks'][number]['colour'];

const id = (s: string) => encodeURIComponent(s);

export const cardsApi = {
  list: (query: { level?: CardLevel; status?: CardStatus; caseNo?: string; limit?: number; offset?: number }) =>
    request<CardList>('GET', '/api/supervision/cards', { query }),
  get: (cardId: string) => request<CardDetail>('GET', `/api/supervision/cards/${id(cardId)}`),
  move: (cardId: string, body: MoveBody) => request<CardDetail>('POST', `/api/supervision/cards/${id(cardId)}/moves`, { body }),
  adviceUrl: (cardId: string) => `/api/supervision/cards/${id(cardId)}/advice`,
  evidenceUrl: (cardId: string, fileId: string) => `/api/supervision/cards/${id(cardId)}/evidence/${id(fileId)}`,
  rules: () => request<{ current: RuleSet; history: RuleSet[] }>('GET', '/api/supervision/rules'),
  saveRules: (body: SaveRules) => request<RuleSet>('PUT', '/api/supervision/rules', { body }),
  forecast: () => request<{ at: string; cards: ForecastCard[] }>('GET', '/api/supervision/forecast'),
};

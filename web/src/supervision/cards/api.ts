// The card routes of the supervision platform (server/src/modules/supervision/cards/routes.ts).
import { http, ok } from '../../api/http';
import type { QueryOf } from '../../api';

// The card types are the server's own schemas (shared/supervision/cards.ts), imported as types only.
import type { CardDetail, MoveBody, SaveRules } from '../../../../shared/supervision/cards';

export type {
  CardDetail, CardLevel, CardList, CardMove, CardStatus, CardSummary, ForecastCard, Lifecycle, MoveBody, Outcome, Rule, RuleSet,
} from '../../../../shared/supervision/cards';
/** A colour of the legal clock, as a card's handling steps show it. */
export type Colour = CardDetail['clocks'][number]['colour'];

const id = (s: string) => encodeURIComponent(s);
const onCard = (cardId: string) => ({ path: { id: cardId } });

export const cardsApi = {
  list: (query: QueryOf<'/api/supervision/cards'>) => ok(http.GET('/api/supervision/cards', { params: { query } })),
  get: (cardId: string) => ok(http.GET('/api/supervision/cards/{id}', { params: onCard(cardId) })),
  move: (cardId: string, body: MoveBody) => ok(http.POST('/api/supervision/cards/{id}/moves', { params: onCard(cardId), body })),
  adviceUrl: (cardId: string) => `/api/supervision/cards/${id(cardId)}/advice`,
  evidenceUrl: (cardId: string, fileId: string) => `/api/supervision/cards/${id(cardId)}/evidence/${id(fileId)}`,
  rules: () => ok(http.GET('/api/supervision/rules')),
  saveRules: (body: SaveRules) => ok(http.PUT('/api/supervision/rules', { body })),
  forecast: () => ok(http.GET('/api/supervision/forecast')),
};

// The card routes of the supervision platform (server/src/modules/supervision/cards/routes.ts).
import { request } from '../../api/client';

export type CardLevel = 'warning' | 'yellow' | 'red';
export type CardStatus = 'raised' | 'accepted' | 'filed' | 'investigating' | 'decided' | 'appealed' | 'upheld' | 'revoked';
export type CardMove = 'accept' | 'file' | 'investigate' | 'decide' | 'appeal' | 'review';
export type Outcome = 'no_fault' | 'criticism' | 'rectification' | 'referral';
export type Colour = 'green' | 'yellow' | 'red';

export interface CardSummary {
  id: string; number: string; caseNo: string; stepName: string | null; stage: string; level: CardLevel; rule: string; ruleName: string;
  ruleVersion: number; department: string | null; departmentId: string | null; assignee: string | null; dueAt: string | null;
  raisedAt: string; status: CardStatus;
}

export interface CardList { items: CardSummary[]; total: number; levels: Record<CardLevel, number> }

export interface CardDetail extends CardSummary {
  triggerSeqs: number[];
  source: string;
  handling: {
    acceptedAt: string | null; filedAt: string | null; fileReason: string | null; decidedAt: string | null; outcome: Outcome | null;
    opinion: string | null; rectifyBy: string | null; adviceNo: string | null; appealedAt: string | null; appealReason: string | null;
    reviewedAt: string | null; reviewOpinion: string | null;
  };
  clocks: { step: 'accept' | 'decide' | 'appeal' | 'review'; startedAt: string; dueAt: string; doneAt: string | null; colour: Colour }[];
  moves: CardMove[];
  notes: { id: string; author: string; note: string; attachedSeqs: number[]; createdAt: string; files: { id: string; name: string; size: number }[] }[] | null;
  caseEvents: { seq: number; type: string; occurredAt: string; actorRole: string | null }[] | null;
  log: { seq: number; type: string; occurredAt: string; actorRole: string | null; hash: string }[];
}

export type MoveBody =
  | { move: 'accept' }
  | { move: 'file'; reason: string }
  | { move: 'investigate'; note: string; attachSeqs?: number[]; evidence?: { name: string; content: string }[] }
  | { move: 'decide'; outcome: Outcome; opinion: string; rectifyBy?: string | null }
  | { move: 'appeal'; reason: string }
  | { move: 'review'; verdict: 'uphold' | 'revoke'; opinion: string };

interface RuleBase { code: string; nameZh: string; nameEn: string; level: CardLevel; enabled: boolean }
export type Rule =
  | (RuleBase & { kind: 'threshold'; measure: 'used_fraction' | 'workdays_left' | 'overdue'; value: number })
  | (RuleBase & { kind: 'violation'; eventTypes: string[] });
export interface Lifecycle { acceptWorkdays: number; decideWorkdays: number; appealWorkdays: number; reviewWorkdays: number }
export interface RuleSet { version: number; rules: Rule[]; lifecycle: Lifecycle; note: string; createdAt: string; createdBy: string | null }

export interface ForecastCard {
  caseNo: string; level: CardLevel; rule: string; ruleVersion: number; stage: string; department: string | null; dueAt: string | null;
  passesAt: string; raised: boolean; step: string | null;
}

const id = (s: string) => encodeURIComponent(s);

export const cardsApi = {
  list: (query: { level?: CardLevel; status?: CardStatus; caseNo?: string; limit?: number; offset?: number }) =>
    request<CardList>('GET', '/api/supervision/cards', { query }),
  get: (cardId: string) => request<CardDetail>('GET', `/api/supervision/cards/${id(cardId)}`),
  move: (cardId: string, body: MoveBody) => request<CardDetail>('POST', `/api/supervision/cards/${id(cardId)}/moves`, { body }),
  adviceUrl: (cardId: string) => `/api/supervision/cards/${id(cardId)}/advice`,
  evidenceUrl: (cardId: string, fileId: string) => `/api/supervision/cards/${id(cardId)}/evidence/${id(fileId)}`,
  rules: () => request<{ current: RuleSet; history: RuleSet[] }>('GET', '/api/supervision/rules'),
  saveRules: (body: { baseVersion: number; rules: Rule[]; lifecycle: Lifecycle; note: string }) =>
    request<RuleSet>('PUT', '/api/supervision/rules', { body }),
  forecast: () => request<{ at: string; cards: ForecastCard[] }>('GET', '/api/supervision/forecast'),
};

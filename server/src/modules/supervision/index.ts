/**
 * The electronic supervision platform (电子监察), a bounded context of its
 * own: schema `supervision`, its own migrations, fed only by the events its
 * sources send to the ingest door. What other parts of the system may use.
 */
export { migrateSupervision } from './migrate.ts';
export { ensureOwnSource, registerSource, listSources } from './sources.ts';
export { ingestBatch, signBatch, SOURCE_HEADER, SIGNATURE_HEADER } from './ingest.ts';
export { startSupervisionLive, liveHub } from './live.ts';
export { registerSupervisionRoutes } from './routes.ts';
export { STAGES, STAGE_LABELS, stageOfStep, type Stage } from './stages.ts';

/** The source this center's own approval side publishes as, when both run in one process. */
export const OWN_SOURCE_ID = 'center';
export const OWN_SOURCE_NAME = '本中心审批系统';

/** 预警纠错 (cards/): the tracker that raises warnings and cards, its hand-over to notify, the forecast, the card routes. */
export { startCardTracker, trackCards, handOverToNotify, noticeBacklog, forecastCards, endOfTomorrow, registerCardRoutes, type ForecastCard } from './cards/index.ts';
export { listCards, readCard, moveCard, type CardCommand, type CardDetail, type CardSummary } from './cards/index.ts';
export { LEVEL_LABELS } from './cards/rules.ts';
/** Where the supervision schema's migrations live (a backup replays them). */
export { supervisionMigrationsDir } from './migrate.ts';

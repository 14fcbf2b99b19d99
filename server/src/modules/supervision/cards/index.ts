/**
 * 预警纠错's public face: the tracker that raises warnings and cards, the
 * forecast, and the card routes.
 */
export { startCardTracker, trackCards } from './tracker.ts';
/** Supervision's outbox handed to the notifications module (same database). */
export { handOverToNotify } from './hand-over.ts';
/** Card notices no one has taken yet, per source (for /metrics). */
export { noticeBacklog } from './outbox.ts';
/** The warnings and cards that would stand at an instant (writes nothing). */
export { forecastCards, endOfTomorrow, type ForecastCard } from './forecast.ts';
export { registerCardRoutes } from './routes.ts';
/** Reading and moving cards, as the card routes do (the demo center's sample cards are moved with these too). */
export { listCards, readCard, type CardDetail, type CardSummary } from './queries.ts';
export { moveCard, type CardCommand } from './commands.ts';

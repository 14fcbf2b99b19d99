/**
 * 预警纠错's public face: the tracker that raises warnings and cards, the
 * forecast, and the card routes.
 */
export { startCardTracker, trackCards } from './tracker.ts';

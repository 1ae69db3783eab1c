/** The public entry of tracking: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { storedViewerFor } from './track-view';
export { judgeEventTime, BLOCKING_HORIZON_MS } from './rules/event-time';

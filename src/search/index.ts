/** The public entry of search analytics: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { recordSearchClickThrough, searchClickWatch, type ClickWatch } from './click-through';
export { purgeSearchQueriesBefore } from './storage/search-retention-store';

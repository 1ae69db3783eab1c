/** The public entry of reports: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { contentStatsOf, contentViewsInRange } from './storage/report-lookups';
export { firstStoredDay } from './storage/report-rollups';
export { viewerViewsInRange } from './storage/report-lookups';
export { scoped } from './report-resolvers';

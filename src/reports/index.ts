/** The public entry of reports: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { contentStatsOf, contentViewsInRange } from './storage/report-lookups';
export { firstStoredDay } from './storage/report-rollups';
export { viewerViewsInRange } from './storage/report-lookups';
export { scoped } from './report-scope';
/** Group-filtered reports prepared over several calls: erasing an account drops them (src/privacy). */
export { deleteGroupPreparations } from './storage/group-preparation-store';

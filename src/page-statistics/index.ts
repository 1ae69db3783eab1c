/** The public entry of page-statistics: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { recordPermissionChange } from './byline/permission-change';
export { viewersOfContent, viewerRowsOf } from './storage/content-viewers';
export { rangeViewers } from './storage/range-view-records';
export { HIDDEN_MESSAGES } from './page-viewers';
export { readEvidenceFor } from './byline/read-evidence-store';

/** The public entry of page-statistics: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { recordPermissionChange } from './byline/permission-change';

/** The public entry of custom reports: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { eraseSavedReportAuthor, savedReportAuthors } from './saved-reports';

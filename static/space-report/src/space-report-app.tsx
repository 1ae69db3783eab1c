/** The space report: the same report for the space the page runs in (verified on the server), with its saved reports. */
import { ReportApp } from '../../shared/report/report-app';
import { SavedReportsSection } from './saved-reports-section';

export function SpaceReportApp() {
  return <ReportApp scope="space"><SavedReportsSection /></ReportApp>;
}

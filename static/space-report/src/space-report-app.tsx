/** The space report: the same report for the space the page runs in (verified on the server). */
import { ReportApp } from '../../shared/report/report-app';

export function SpaceReportApp() {
  return <ReportApp scope="space" />;
}

/** The global report: the whole site over any range, with filters, tables and CSV export (shared report UI). */
import { ReportApp } from '../../shared/report/report-app';

export function GlobalReportApp() {
  return <ReportApp scope="global" />;
}

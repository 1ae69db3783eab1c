import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import '../../shared/styles/ranking.css';
import 'react-day-picker/style.css';
import '../../shared/styles/chart.css';
import '../../shared/report/report.css';
import '../../shared/reach/reach.css';
import { mountApp } from '../../shared/mount';
import { ErrorState } from '../../shared/components/states';
import { GlobalReportApp } from './global-report-app';

mountApp(
  <GlobalReportApp />,
  <ErrorState error={{ code: 'internal', message: 'The report page hit an unexpected error. Reload the page to try again.' }} />,
);

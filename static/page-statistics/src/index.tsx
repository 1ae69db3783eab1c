import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import 'react-day-picker/style.css';
import '../../shared/styles/chart.css';
import '../../shared/report/report.css';
import '../../shared/reach/reach.css';
import './statistics.css';
import { mountApp } from '../../shared/mount';
import { ErrorState } from '../../shared/components/states';
import { StatisticsApp } from './statistics-app';

mountApp(
  <StatisticsApp />,
  <div className="vt-modal__body">
    <ErrorState error={{ code: 'internal', message: 'The statistics hit an unexpected error. Close and reopen them to try again.' }} />
  </div>,
);

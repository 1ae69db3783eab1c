import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import '../../shared/styles/custom-report.css';
import 'react-day-picker/style.css';
import '../../shared/styles/chart.css';
import '../../shared/report/report.css';
import '../../shared/reach/reach.css';
import { mountApp } from '../../shared/mount';
import { ErrorState } from '../../shared/components/states';
import { ConfigApp } from './config-app';

mountApp(<ConfigApp />, <ErrorState error={{ code: 'internal', message: 'The report settings hit an unexpected error. Close and open them again.' }} />);

import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import '../../shared/styles/custom-report.css';
import '../../shared/styles/chart.css';
import '../../shared/report/report.css';
import '../../shared/reach/reach.css';
import { mountApp } from '../../shared/mount';
import { ReportMacroApp } from './report-macro-app';

// A broken report must not shout on someone's page: a quiet line instead.
mountApp(<ReportMacroApp />, <p className="vt-report__notice">This Viewtracker report could not be shown.</p>);

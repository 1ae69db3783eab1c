import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import { mountApp } from '../../shared/mount';
import { ReportShell } from '../../shared/components/report-shell';
import { ErrorState } from '../../shared/components/states';

// The resolver contract has no report resolvers yet: this page is an honest shell until it does.
mountApp(
  <ReportShell
    title="Viewtracker report"
    description="Views across the whole site. Confluence administrators can open it, and so can members of the group chosen in Viewtracker's settings."
    upcoming={[
      'Total views and viewers for a date range (the last 30 days by default)',
      'The most viewed spaces and pages, and the most active readers',
      'Filters by space, content type, source, group, and signed-in or anonymous',
      'CSV export',
    ]}
  />,
  <ErrorState error={{ code: 'internal', message: 'The report page hit an unexpected error. Reload the page to try again.' }} />,
);

import '../../shared/styles/index.css';
import '../../shared/styles/surface.css';
import { mountApp } from '../../shared/mount';
import { ReportShell } from '../../shared/components/report-shell';
import { ErrorState } from '../../shared/components/states';

// The resolver contract has no report resolvers yet: this page is an honest shell until it does.
mountApp(
  <ReportShell
    title="Space report"
    description="Views of this space's pages and blog posts."
    upcoming={[
      'The most viewed pages and blog posts of this space for a date range',
      'The most active readers',
      'Content nobody has viewed lately',
    ]}
  />,
  <ErrorState error={{ code: 'internal', message: 'The report page hit an unexpected error. Reload the page to try again.' }} />,
);
